"""Languages: the eight locales, their direction and script, and how one is chosen."""
