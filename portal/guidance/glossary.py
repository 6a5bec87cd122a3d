"""The glossary: Danish words people meet in letters, explained in each language.

``content/glossary/<locale>.yaml`` holds a list of ``{term, explanation}``; ``term`` is
the Danish word (the same in every file), the explanation is in the locale's language.
Missing entries fall back to English.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

import yaml

from portal.config import ROOT

GLOSSARY_DIR: Final = ROOT / "content" / "glossary"
FALLBACK: Final = "en"


@dataclass(frozen=True, slots=True)
class Entry:
    term: str  # Danish
    explanation: str
    locale: str  # language of the explanation

    @property
    def anchor(self) -> str:
        return anchor_for(self.term)


def anchor_for(term: str) -> str:
    ascii_term = (
        unicodedata.normalize("NFKD", term.replace("å", "aa").replace("æ", "ae").replace("ø", "oe"))
        .encode("ascii", "ignore")
        .decode()
    )
    return "term-" + re.sub(r"[^a-z0-9]+", "-", ascii_term.lower()).strip("-")


def _file(locale: str, root: Path | None = None) -> dict[str, str]:
    return _read((root or GLOSSARY_DIR) / f"{locale}.yaml")


@cache
def _read(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {str(item["term"]): str(item["explanation"]) for item in data}


def entries(locale: str, root: Path | None = None) -> list[Entry]:
    """Every term, explained in ``locale`` where it can be, else in English."""
    english = _file(FALLBACK, root)
    own = _file(locale, root)
    out = []
    for term, explanation in english.items():
        if term in own:
            out.append(Entry(term, own[term], locale))
        else:
            out.append(Entry(term, explanation, FALLBACK))
    return sorted(out, key=lambda e: e.term.lower())


def terms(root: Path | None = None) -> dict[str, str]:
    """Lower-case Danish term -> anchor id, for linking terms in guidance pages."""
    return {term.lower(): anchor_for(term) for term in _file(FALLBACK, root)}
