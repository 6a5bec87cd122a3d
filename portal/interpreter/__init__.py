"""Interpreter mode: time-limited, read-only, bilingual access to one assigned session."""
