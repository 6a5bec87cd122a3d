"""The application's one clock: the UTC instant, and Denmark's calendar day derived from it.

Everything in the portal that needs "now" asks this module — :func:`now_utc` for a moment
(stored in UTC), :func:`today_in_denmark` for the day the law counts in (Europe/Copenhagen).
The source is injected per application: ``create_app(clock=...)``; production and ``make run``
use the :class:`SystemClock`, the tests a :class:`FrozenClock` set to their seed day (and
``make test-dates`` to the awkward days of the calendar). Nothing else reads the system clock: the
semgrep rule ``clock-only-in-portal-clock`` fails on a direct read anywhere else, and the rule
module takes its date as an argument (it never reads a clock at all).

The protocol clocks are not this one: session cookies' expiry, CSRF tokens and OIDC tokens are
timed by their libraries against real time, as the browser and the identity provider are.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Protocol
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
EXTENSION = "portal_clock"


class Clock(Protocol):
    """A source of the current moment, always an aware UTC datetime."""

    def now(self) -> dt.datetime: ...


class SystemClock:
    """The machine's clock (production, ``make run``, the benchmark and load scripts)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FrozenClock:
    """A clock that stands at one moment until it is moved (tests, replays).

    Thread-safe: the browser tests' live server reads it from its own threads while the
    test moves it.
    """

    def __init__(self, instant: dt.datetime) -> None:
        self._lock = threading.Lock()
        self._instant = _aware_utc(instant)

    def now(self) -> dt.datetime:
        with self._lock:
            return self._instant

    def set(self, instant: dt.datetime) -> None:
        with self._lock:
            self._instant = _aware_utc(instant)

    def advance(self, delta: dt.timedelta) -> None:
        with self._lock:
            self._instant += delta


def _aware_utc(instant: dt.datetime) -> dt.datetime:
    if instant.tzinfo is None:
        raise ValueError("a clock's moment must carry its time zone")
    return instant.astimezone(dt.UTC)


def install(app_extensions: dict[str, object], clock: Clock | None) -> Clock:
    """Give an application its clock (the system clock unless one is injected)."""
    chosen = clock or SystemClock()
    app_extensions[EXTENSION] = chosen
    return chosen


def current() -> Clock:
    """The running application's clock. There is no clock outside an application."""
    if not has_app_context():
        raise RuntimeError("the clock is the application's: use it inside an app context")
    clock: Clock = current_app.extensions[EXTENSION]
    return clock


def now_utc() -> dt.datetime:
    """This moment, in UTC."""
    return current().now()


def today_in_denmark() -> dt.date:
    """Today's date in Denmark — the day every deadline of the law is counted in."""
    return danish_date(now_utc())


def danish_date(moment: dt.datetime) -> dt.date:
    """The Danish calendar day of a moment (late evening UTC may already be tomorrow)."""
    return moment.astimezone(COPENHAGEN).date()
