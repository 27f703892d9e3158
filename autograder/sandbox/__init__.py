"""Running student code in a process of its own and bringing back plain data."""
