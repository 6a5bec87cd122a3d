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


def key_of(locale: str, document: Mapping[str, Any], **options: Any) -> str:
    text = json.dumps([locale, document, options], sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


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
