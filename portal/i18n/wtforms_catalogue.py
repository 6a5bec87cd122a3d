"""WTForms' own message catalogue, read once per process and language.

Flask-WTF reads WTForms' ``.mo`` file from disk again in every request that builds a
form (it keeps it on the request only). Its loader first looks for
``request.wtforms_translations``; this hands it the catalogue of the request's language
from a process-wide cache, the same object Flask-WTF would have loaded. (Our own fields say
what to do in our catalogues — :mod:`portal.forms.fields`; WTForms' catalogue only covers
what is left, and has no da, ps, ti or so.)
"""

from __future__ import annotations

from threading import Lock

from babel import support
from flask import Flask, request
from flask_babel import get_locale
from wtforms.i18n import messages_path

_cache: dict[str, support.Translations] = {}
_lock = Lock()


def catalogue(code: str) -> support.Translations:
    with _lock:
        found = _cache.get(code)
    if found is None:
        found = support.Translations.load(messages_path(), [code], domain="wtforms")
        with _lock:
            _cache[code] = found
    return found


def init_app(app: Flask) -> None:
    @app.before_request
    def _hand_wtforms_its_catalogue() -> None:
        if request.endpoint not in _PLAIN:
            request.wtforms_translations = catalogue(str(get_locale()))


#: endpoints that never build a form (no need to decide the language early for them)
_PLAIN = frozenset({"public.healthz", "public.readyz", "static"})
