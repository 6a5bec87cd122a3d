"""Free times are shown one week at a time: Monday to Sunday in Denmark's time zone.

A week is named by its ISO 8601 week (``2026-W48``), the week numbers Danish calendars
print; the citizen's booking and move pages take it as ``?week=``. A value that cannot be
used (malformed, a week that has passed, more than a year ahead) is refused here, and the
page falls back to the first week with free times and says why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from portal.talks.clock import from_local

WEEK_PARAM = re.compile(r"([0-9]{4})-W([0-9]{2})")
#: how far ahead a citizen can page; further out is refused as "cannot be shown"
WEEKS_AHEAD = 52


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_param(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def bounds(monday: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The week as UTC moments [Monday 00:00, next Monday 00:00) in Denmark (DST-safe)."""
    return from_local(monday, dt.time(0)), from_local(monday + dt.timedelta(days=7), dt.time(0))


@dataclass(frozen=True)
class WeekChoice:
    """The week asked for: ``monday`` None means "the first week with free times";
    ``refused`` says why a value given was not used (``invalid`` or ``past``)."""

    monday: dt.date | None = None
    refused: str | None = None


def parse_week(raw: object, today: dt.date) -> WeekChoice:
    """``2026-W48`` → that week's Monday, if it is this week or up to a year ahead."""
    text = str(raw or "").strip()
    if not text:
        return WeekChoice()
    match = WEEK_PARAM.fullmatch(text[:16])
    if match is None:
        return WeekChoice(refused="invalid")
    try:
        monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:  # week 00 or 54, year 0
        return WeekChoice(refused="invalid")
    this_week = monday_of(today)
    if monday < this_week:
        return WeekChoice(refused="past")
    if monday > this_week + dt.timedelta(weeks=WEEKS_AHEAD):
        return WeekChoice(refused="invalid")
    return WeekChoice(monday)
