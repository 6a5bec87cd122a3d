"""Which locale a request is served in.

Order: the logged-in user's saved preference → the ``locale`` cookie set by
``/locale/<code>`` → the browser's Accept-Language → Danish.
"""

from __future__ import annotations

from flask import g, request

from portal.i18n.locales import CODES, DEFAULT

COOKIE = "locale"


def select_locale() -> str:
    user = getattr(g, "user", None)
    preferred = getattr(user, "preferred_locale", None)
    if preferred in CODES:
        return str(preferred)
    cookie = request.cookies.get(COOKIE)
    if cookie in CODES:
        return str(cookie)
    return request.accept_languages.best_match(CODES) or DEFAULT
