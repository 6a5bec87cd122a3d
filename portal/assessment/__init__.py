"""The bridge between the database and the rule module: a citizen's facts and assessment."""
