"""Running an assignment's checks (plain pytest tests) against one Student."""
