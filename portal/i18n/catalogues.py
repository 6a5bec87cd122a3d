"""Catalogue metadata: which translations a human translator has reviewed.

Each ``translations/<code>/LC_MESSAGES/messages.po`` carries the header
``X-Translation-Review: reviewed`` or ``X-Translation-Review: not yet reviewed by a
translator``. Babel drops unknown headers when it rewrites a catalogue, so
``scripts/i18n.py update`` puts it back; this module only reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from portal.config import ROOT
from portal.i18n.locales import LOCALES, Locale

REVIEW_HEADER = "X-Translation-Review"
NOT_REVIEWED = "not yet reviewed by a translator"
REVIEWED = "reviewed"
_HEADER = re.compile(rf'^"{REVIEW_HEADER}: ([^"\\]*)(?:\\n)?"$', re.MULTILINE)


@dataclass(frozen=True)
class CatalogueStatus:
    locale: Locale
    reviewed: bool
    source_language: bool


def po_path(code: str, root: Path = ROOT) -> Path:
    return root / "translations" / code / "LC_MESSAGES" / "messages.po"


def review_status(code: str, root: Path = ROOT) -> str:
    """The review header of one catalogue ('' when missing)."""
    path = po_path(code, root)
    if not path.exists():
        return ""
    head = path.read_text(encoding="utf-8")[:4000]
    match = _HEADER.search(head)
    return match.group(1).strip() if match else ""


@cache
def statuses() -> tuple[CatalogueStatus, ...]:
    """Every locale with its review status; English is the source language."""
    result = []
    for loc in LOCALES:
        source = loc.code == "en"
        result.append(
            CatalogueStatus(
                locale=loc,
                reviewed=source or review_status(loc.code) == REVIEWED,
                source_language=source,
            )
        )
    return tuple(result)
