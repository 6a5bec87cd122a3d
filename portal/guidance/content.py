"""Guidance content files: ``content/guidance/<locale>/<topic>.md`` with YAML front matter.

Front matter keys: ``topic`` (the slug), ``title``, ``sources`` (citations in official
Danish form, checked against ``portal.guidance.sources.known_sources``),
``translation_status`` (``original``, ``not yet reviewed by a translator`` or
``reviewed``) and ``last_reviewed`` (a date). Danish and English are written first; the
others are translations. A locale without the file falls back to English, and the page
says so — never an empty page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

import yaml

from portal.config import ROOT
from portal.guidance.topics import TOPICS

CONTENT_DIR: Final = ROOT / "content" / "guidance"
FALLBACK: Final = "en"
ORIGINAL: Final = "original"
NOT_REVIEWED: Final = "not yet reviewed by a translator"
REVIEWED: Final = "reviewed"
STATUSES: Final = (ORIGINAL, NOT_REVIEWED, REVIEWED)


class ContentError(ValueError):
    """A content file is malformed (CI fails on it)."""


@dataclass(frozen=True, slots=True)
class Guidance:
    topic: str
    locale: str  # the language of the text
    title: str
    sources: tuple[str, ...]
    translation_status: str
    last_reviewed: dt.date | None
    body: str  # Markdown subset (portal.guidance.markdown)

    @property
    def reviewed(self) -> bool:
        return self.translation_status in (ORIGINAL, REVIEWED)


def path_for(topic: str, locale: str, root: Path | None = None) -> Path:
    return (root or CONTENT_DIR) / locale / f"{topic}.md"


def parse(text: str, *, where: str = "<content>") -> Guidance:
    if not text.startswith("---\n"):
        raise ContentError(f"{where}: no front matter")
    try:
        head, body = text[4:].split("\n---\n", 1)
    except ValueError:
        raise ContentError(f"{where}: front matter is not closed with ---") from None
    meta: dict[str, Any] = yaml.safe_load(head) or {}
    for key in ("topic", "title", "sources", "translation_status", "locale"):
        if key not in meta:
            raise ContentError(f"{where}: front matter lacks {key!r}")
    if meta["translation_status"] not in STATUSES:
        raise ContentError(f"{where}: translation_status must be one of {STATUSES}")
    reviewed = meta.get("last_reviewed")
    if reviewed is not None and not isinstance(reviewed, dt.date):
        raise ContentError(f"{where}: last_reviewed must be a date (YYYY-MM-DD)")
    return Guidance(
        topic=str(meta["topic"]),
        locale=str(meta["locale"]),
        title=str(meta["title"]),
        sources=tuple(str(s) for s in meta["sources"]),
        translation_status=str(meta["translation_status"]),
        last_reviewed=reviewed,
        body=body.strip(),
    )


def load(topic: str, locale: str, root: Path | None = None) -> Guidance | None:
    """The topic in exactly ``locale``, or ``None`` when that file does not exist."""
    if topic not in TOPICS:
        return None
    return _load(path_for(topic, locale, root))


@cache
def _load(path: Path) -> Guidance | None:
    if not path.is_file():
        return None
    return parse(path.read_text(encoding="utf-8"), where=str(path))


def load_with_fallback(topic: str, locale: str, root: Path | None = None) -> Guidance | None:
    """The topic in ``locale``, else in English (the caller shows a note), else ``None``."""
    return load(topic, locale, root) or load(topic, FALLBACK, root)
