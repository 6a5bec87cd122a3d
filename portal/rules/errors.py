"""Errors raised by the rule module.

``FactsError`` is the caller's fault (bad input); ``ConflictError`` and
``RulebookError`` are bugs in the rulebook that the tests must catch.
"""

from __future__ import annotations

from collections.abc import Sequence


class FactsError(ValueError):
    """Bad facts input. ``field`` names the offending field, e.g. ``decisions[0].to``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


class ConflictError(RuntimeError):
    """Two rules both apply to one conclusion and disagree: a bug in the rulebook.

    The engine never lets the first rule win; the rulebook must say which rule is an
    exception to which.
    """

    def __init__(self, conclusion: str, rule_ids: Sequence[str], outcomes: Sequence[object]):
        listed = ", ".join(f"{r} -> {o!r}" for r, o in zip(rule_ids, outcomes, strict=True))
        super().__init__(f"conflicting rules for {conclusion!r}: {listed}")
        self.conclusion = conclusion
        self.rule_ids = tuple(rule_ids)


class RulebookError(RuntimeError):
    """The rulebook or its data files are malformed (raised at import time)."""
