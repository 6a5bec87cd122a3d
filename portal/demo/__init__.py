"""Demo data for ``make run``: personas the development identity provider knows."""
