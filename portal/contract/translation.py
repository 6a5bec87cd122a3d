"""The municipality's translation of what the caseworker wrote, for the citizen's language.

Why: the contract is made with the citizen (BEK 2024 § 3) and the citizen must be able to
understand it; the binding text is Danish and a translation must say so (DOMAIN.md § 2.1).
The sections the law requires come translated from the catalogues; the free text (goal,
activity details, Danish education, the municipality's tasks) can only be translated by a
person — a caseworker or an interpreter — per version, for the citizen's language.

Stored on the version (``ContractVersion.translations``)::

    {"ar": {"goal": "…", "danish_education": "…", "municipality_tasks": "…",
            "activities": {"0": "…"},              # index in ``version.activities``
            "translated_by": "Ahmad Karimi",
            "sources": {"goal": "<sha256>", …, "activities": {"0": "<sha256>"}},
            "saved_by": 3, "saved_at": "2026-11-21T10:00:00+00:00"}}

``sources`` holds a hash of the Danish text each part was translated from. A part whose
Danish text changed since is *stale*: it is never shown to the citizen, and a version with
a stale part cannot be sent. The translation is not part of the fingerprint (that covers
the binding Danish content only); it is frozen with the version when it is sent, because a
sent version never changes.

Pure functions: no database, no request.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

#: the free-text fields a translation can cover (the coordinating department is a name)
FIELDS = ("goal", "danish_education", "municipality_tasks")


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def danish_sources(version: Any) -> dict[str, Any]:
    """Hashes of the Danish parts a translation can cover, in the stored shape."""
    return {
        **{name: source_hash(getattr(version, name) or "") for name in FIELDS},
        "activities": {str(i): source_hash(row.get("title") or "")
                       for i, row in enumerate(version.activities or [])
                       if row.get("title")},
    }


def draft_source(version: Any) -> str:
    """One hash over every translatable Danish part: the form carries it, so a translation
    made from an older Danish text is refused instead of being filed under the new one."""
    sources = danish_sources(version)
    flat = [sources[name] for name in FIELDS]
    flat += [f"{i}:{h}" for i, h in sorted(sources["activities"].items(), key=lambda x: int(x[0]))]
    return source_hash("|".join(flat))


@dataclass(frozen=True)
class Translation:
    """What the translator wrote, part by part ("" = not translated)."""

    goal: str = ""
    danish_education: str = ""
    municipality_tasks: str = ""
    activities: dict[int, str] = field(default_factory=dict)
    translated_by: str = ""

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in FIELDS) and not any(
            self.activities.values())


def entry(version: Any, translation: Translation, saved_by: int, saved_at: str) -> dict[str, Any]:
    """The stored form of ``translation`` for ``version``'s current Danish text."""
    sources = danish_sources(version)
    activities = {str(i): text for i, text in sorted(translation.activities.items())
                  if text and str(i) in sources["activities"]}
    return {
        **{name: getattr(translation, name) for name in FIELDS},
        "activities": activities,
        "translated_by": translation.translated_by,
        "sources": {**{name: sources[name] for name in FIELDS},
                    "activities": {i: sources["activities"][i] for i in activities}},
        "saved_by": saved_by,
        "saved_at": saved_at,
    }


def from_stored(value: dict[str, Any]) -> Translation:
    """A stored entry as the translator wrote it (stale parts included)."""
    return Translation(
        **{name: str(value.get(name) or "") for name in FIELDS},
        activities={int(i): str(t) for i, t in (value.get("activities") or {}).items() if t},
        translated_by=str(value.get("translated_by") or ""),
    )


def stored(version: Any, locale: str) -> dict[str, Any] | None:
    """The stored entry for ``locale`` (stale parts included), or None."""
    if locale == "da":
        return None
    value = (version.translations or {}).get(locale)
    return value if isinstance(value, dict) else None


@dataclass(frozen=True)
class Current:
    """The parts of a stored translation that still match the Danish text."""

    fields: dict[str, str]
    activities: dict[int, str]
    translated_by: str
    stale: tuple[str, ...]  # the parts whose Danish text changed since they were translated

    @property
    def used(self) -> bool:
        return bool(self.fields or self.activities)


def current(version: Any, locale: str) -> Current | None:
    """The usable translation for ``locale``: only parts made from today's Danish text."""
    value = stored(version, locale)
    if value is None:
        return None
    now = danish_sources(version)
    sources = value.get("sources") or {}
    fields: dict[str, str] = {}
    stale: list[str] = []
    for name in FIELDS:
        text = value.get(name) or ""
        if not text:
            continue
        if sources.get(name) == now[name]:
            fields[name] = text
        else:
            stale.append(name)
    activities: dict[int, str] = {}
    old = sources.get("activities") or {}
    for index, text in (value.get("activities") or {}).items():
        if not text:
            continue
        if old.get(index) is not None and old.get(index) == now["activities"].get(index):
            activities[int(index)] = text
        else:
            stale.append(f"activities.{index}")
    return Current(fields, activities, str(value.get("translated_by") or ""), tuple(stale))


def carried_over(previous: Any, version: Any, locale: str) -> Translation | None:
    """The parts of ``previous``'s translation whose Danish text ``version`` keeps, to
    prefill the translation of a revision (nothing is stored until it is saved)."""
    before = current(previous, locale)
    if before is None or not before.used:
        return None
    now = danish_sources(version)
    old = danish_sources(previous)
    fields = {name: text for name, text in before.fields.items() if old[name] == now[name]}
    by_source = {old["activities"][str(i)]: text for i, text in before.activities.items()}
    activities = {int(i): by_source[h] for i, h in now["activities"].items() if h in by_source}
    if not fields and not activities:
        return None
    return Translation(activities=activities, translated_by=before.translated_by, **fields)
