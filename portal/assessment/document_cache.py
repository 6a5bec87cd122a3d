"""A small per-process cache of assessment documents.

A document is a pure function of the citizen's facts, the date and the language of its
explanations (the rule module's assessment itself is kept the same way, under the
language ``"assessment"``). The facts are named by ``(citizen id, facts_revision)``: the
revision moves in the same transaction as any change to them
(:mod:`portal.assessment.facts_revision`). So the start page, asked many times a day,
reads the citizen's row and reuses the document instead of loading decisions, offers and
held talks and evaluating the rules again. A miss in another process only means
assessing once more there.

Cached documents are shared between requests: callers must not change them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import Any

MAX_ENTRIES = 4096
#: the tests set this: every hit is checked against a copy taken when it was stored, so a
#: caller that changes a shared document fails loudly instead of leaking into other pages
VERIFY = False

Key = tuple[int, int, dt.date, str]
_entries: OrderedDict[Key, Any] = OrderedDict()
_snapshots: dict[Key, str] = {}
_lock = Lock()


def _snapshot(document: Any) -> str:
    """What a hit is compared with: the JSON of a document; a (frozen) assessment is only
    checked for its conclusions' values."""
    if isinstance(document, dict):
        return json.dumps(document, sort_keys=True, default=str)
    results = getattr(document, "results", {})
    return json.dumps({k: repr(v) for k, v in results.items()}, sort_keys=True)


def cached(key: Key, build: Callable[[], Any]) -> Any:
    with _lock:
        hit = _entries.get(key)
        if hit is not None:
            _entries.move_to_end(key)
            if VERIFY and _snapshots.get(key) != _snapshot(hit):
                raise AssertionError(f"a cached assessment document was changed: {key}")
            return hit
    document = build()
    with _lock:
        _entries[key] = document
        if VERIFY:
            _snapshots[key] = _snapshot(document)
        while len(_entries) > MAX_ENTRIES:
            old, _ = _entries.popitem(last=False)
            _snapshots.pop(old, None)
    return document


def clear() -> None:
    with _lock:
        _entries.clear()
        _snapshots.clear()


def size() -> int:
    with _lock:
        return len(_entries)
