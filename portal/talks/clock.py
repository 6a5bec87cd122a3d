"""Moments in UTC, shown in Denmark's time zone (Europe/Copenhagen)."""

from __future__ import annotations

import datetime as dt

from portal.clock import COPENHAGEN


def as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite gives naive datetimes back; everything stored is UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def local(moment: dt.datetime) -> dt.datetime:
    return as_utc(moment).astimezone(COPENHAGEN)


def from_local(day: dt.date, time: dt.time) -> dt.datetime:
    """A wall-clock time in Denmark as a UTC moment (DST handled by zoneinfo)."""
    return dt.datetime.combine(day, time, tzinfo=COPENHAGEN).astimezone(dt.UTC)


def clock(moment: dt.datetime) -> str:
    """The Danish wall-clock time, ``09:30`` — what Babel's ``HH:mm`` gives in every locale
    we have (Latin digits), without its pattern machinery for each of a week's times."""
    return local(moment).strftime("%H:%M")


def local_day(moment: dt.datetime) -> dt.date:
    """The Danish calendar day of a moment."""
    return local(moment).date()
