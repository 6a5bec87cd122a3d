"""Pages anyone may see: the front page, login choice, languages, accessibility, health."""
