"""What ``make i18n-check`` refuses in a catalogue.

A shipped catalogue fails when an entry of the template is missing from it, when an
entry is untranslated or fuzzy, when a translation's placeholders differ from its
source's, or when the ``X-Translation-Review`` header is missing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from portal.i18n.catalogues import REVIEW_HEADER

PLACEHOLDER = re.compile(r"%\((\w+)\)[sdifr]|%[sdifr]")
_REVIEW = re.compile(rf'^"{REVIEW_HEADER}: [^"]+"$', re.MULTILINE)


def placeholders(text: str) -> set[str]:
    return {m.group(0) for m in PLACEHOLDER.finditer(text)}


def _as_tuple(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ("",)
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def catalogue_problems(code: str, po_text: str, template: Catalog | None) -> list[str]:
    """Every problem of one locale's ``messages.po`` (as text) against the template."""
    problems: list[str] = []
    if not _REVIEW.search(po_text[:4000]):
        problems.append(f"{code}: missing header {REVIEW_HEADER}")
    catalog = read_po(io.StringIO(po_text), locale=code)
    if template is not None:
        missing = {m.id for m in template if m.id} - {m.id for m in catalog if m.id}
        for msgid in sorted(_as_tuple(m)[0] for m in missing):
            problems.append(f"{code}: not in catalogue (run make i18n-update): {msgid!r}")
    for message in catalog:
        if not message.id:
            continue
        ids = _as_tuple(message.id)
        strings = _as_tuple(message.string)
        if message.fuzzy:
            problems.append(f"{code}: fuzzy: {ids[0]!r}")
        if not all(strings):
            problems.append(f"{code}: untranslated: {ids[0]!r}")
            continue
        allowed = {frozenset(placeholders(i)) for i in ids}
        for text in strings:
            if frozenset(placeholders(text)) not in allowed:
                problems.append(f"{code}: placeholders differ in {ids[0]!r}: {text!r}")
    return problems
