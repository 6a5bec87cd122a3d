"""One citizen seen by their caseworker: the facts the rules need, the full explanation,
decisions and exemptions, and who looked at the citizen's data."""
