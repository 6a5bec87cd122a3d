"""Session lifetime: 20 minutes idle, 8 hours absolute; a fresh session at login.

Sessions are signed cookies (nothing per-process, so any app process can serve
any request). Each login clears the old session and issues a new random session
id (``sid``), so a cookie planted before login is worth nothing afterwards.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from flask import current_app, session

from portal.clock import now_utc

LOGIN_AT = "login_at"
SEEN_AT = "seen_at"


def start(values: Mapping[str, Any]) -> None:
    """Begin an authenticated session: drop everything before, rotate the id."""
    session.clear()
    now = _seconds()
    session.update(values)
    session["sid"] = secrets.token_urlsafe(24)
    session[LOGIN_AT] = now
    session[SEEN_AT] = now
    session.permanent = True


def _seconds() -> int:
    """The application clock as Unix seconds (what the session stores)."""
    return int(now_utc().timestamp())


def end() -> None:
    session.clear()


def expired(now: float | None = None) -> bool:
    """True when the authenticated session is past its idle or absolute limit."""
    if LOGIN_AT not in session:
        return False
    now = _seconds() if now is None else now
    idle = current_app.config["SESSION_IDLE_TIMEOUT"].total_seconds()
    absolute = current_app.config["SESSION_ABSOLUTE_TIMEOUT"].total_seconds()
    return bool(
        now - session.get(SEEN_AT, 0) > idle or now - session.get(LOGIN_AT, 0) > absolute
    )


def touch(now: float | None = None) -> None:
    """Record activity, at most once a minute so not every response sets a cookie."""
    if LOGIN_AT not in session:
        return
    now = int(_seconds() if now is None else now)
    if now - session.get(SEEN_AT, 0) >= 60:
        session[SEEN_AT] = now

