"""Running an assignment's checks (plain pytest tests) against one Student: the plugin, its fixtures, the gates."""
