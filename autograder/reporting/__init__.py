"""Turning check results into what people read: results.json and a table."""
