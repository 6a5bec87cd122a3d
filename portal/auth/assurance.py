"""Assurance level of a citizen's login (NSIS: low < substantial < high).

MitID brokers send the level as ``acr`` or ``loa``, often as a URI such as
``https://data.gov.dk/concept/core/nsis/loa/Substantial``. When the provider sends
one, citizens need at least "substantial"; when it sends none, we accept the login
(the broker is configured to require it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LEVELS = {"low": 1, "substantial": 2, "high": 3}


def level_of(claims: Mapping[str, Any]) -> str | None:
    """The NSIS level named by the claims, lower-cased, or None when none was sent."""
    for name in ("loa", "acr"):
        value = claims.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip().rstrip("/").rsplit("/", 1)[-1].lower()
    return None


def sufficient(claims: Mapping[str, Any], minimum: str) -> bool:
    level = level_of(claims)
    if level is None:
        return True
    return LEVELS.get(level, 0) >= LEVELS[minimum]
