"""Municipality overview for team leads: how many citizens carry each flag today."""
