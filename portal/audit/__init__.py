"""Audit log of staff reads and changes of citizens' data (GDPR art. 15, art. 30)."""
