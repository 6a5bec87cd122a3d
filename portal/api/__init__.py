"""JSON doors for other systems (staff only)."""
