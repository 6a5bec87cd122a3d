"""'What applies to me': the rule module's duties as cards a citizen can act on."""
