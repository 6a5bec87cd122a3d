"""A small per-process cache of rendered duty cards.

The cards are a pure function of the rule module's document (which carries its date) and
the language, so the same document in the same language renders the same HTML: the start
page reuses it instead of rendering some 150 translated strings again. A miss in another
process only means rendering once more there — nothing is lost or shared.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable, Mapping
from threading import Lock
from typing import Any

from markupsafe import Markup

MAX_ENTRIES = 2048
_entries: OrderedDict[str, Markup] = OrderedDict()
_lock = Lock()


#: the last keys computed, by the identity of a (shared, cached) document: a document from
#: :mod:`portal.assessment.document_cache` is the same object request after request, so
#: its JSON is not dumped and hashed again each time
_recent: OrderedDict[tuple[int, str, str], tuple[Mapping[str, Any], str]] = OrderedDict()


def key_of(locale: str, document: Mapping[str, Any], **options: Any) -> str:
    memo = (id(document), locale, repr(sorted(options.items())))
    with _lock:
        seen = _recent.get(memo)
        if seen is not None and seen[0] is document:
            return seen[1]
    text = json.dumps([locale, document, options], sort_keys=True, default=str)
    key = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    with _lock:
        _recent[memo] = (document, key)  # holding the document keeps its id from reuse
        while len(_recent) > MAX_ENTRIES:
            _recent.popitem(last=False)
    return key


def cached(key: str, render: Callable[[], Markup]) -> Markup:
    with _lock:
        hit = _entries.get(key)
        if hit is not None:
            _entries.move_to_end(key)
            return hit
    html = render()
    with _lock:
        _entries[key] = html
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return html


def clear() -> None:
    with _lock:
        _entries.clear()
        _recent.clear()
