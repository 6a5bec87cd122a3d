"""The tests' one clock: the application's :class:`~portal.clock.FrozenClock`, set to the seed
moment before every test.

The seed moment is 21 November 2026, 10:00 in Denmark, unless ``PORTAL_TEST_NOW`` names
another Danish wall-clock time (``2028-02-29T10:00``): ``make test-dates`` runs the suite on
the calendar's awkward days that way. The demo personas are seeded relative to
:data:`SEED_DAY`, and every date a test expects is counted from it or from the clock — never a
date written out, and never the machine's clock.
"""

from __future__ import annotations

import datetime as dt
import os

from portal.clock import COPENHAGEN, FrozenClock, danish_date

DEFAULT_NOW = "2026-11-21T10:00"


def _seed_now() -> dt.datetime:
    raw = os.environ.get("PORTAL_TEST_NOW") or DEFAULT_NOW
    wall = dt.datetime.fromisoformat(raw)
    if wall.tzinfo is None:
        wall = wall.replace(tzinfo=COPENHAGEN)
    return wall.astimezone(dt.UTC)


SEED_NOW: dt.datetime = _seed_now()
SEED_DAY: dt.date = danish_date(SEED_NOW)
CLOCK = FrozenClock(SEED_NOW)


def reset() -> None:
    """Back to the seed moment (before every test)."""
    CLOCK.set(SEED_NOW)


def now() -> dt.datetime:
    return CLOCK.now()


def today() -> dt.date:
    return danish_date(CLOCK.now())


def day(offset: int) -> dt.date:
    """The seed day moved by ``offset`` days (negative: before it)."""
    return SEED_DAY + dt.timedelta(days=offset)
