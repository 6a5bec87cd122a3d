"""Date arithmetic for deadlines.

Month arithmetic clamps to the end of the month: adding months keeps the day of the
month when it exists and otherwise takes the last day of the target month, so
2021-01-31 + 1 month = 2021-02-28 and 2020-01-31 + 1 month = 2020-02-29. The law says
"inden 1 måned" / "3 måneder efter" without saying what happens at a month's end;
clamping never moves a deadline into the following month, which is the reading that
never gives a person *more* time than the shortest plausible reading of the text
would (Danish administrative practice, "samme dato i måneden, ellers månedens
sidste dag").
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamped to the end of the target month.

    >>> add_months(date(2021, 1, 31), 1)
    datetime.date(2021, 2, 28)
    >>> add_months(date(2020, 8, 31), -6)
    datetime.date(2020, 2, 29)
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    d = day.day
    if d > 28:
        last = _DAYS[month0]
        if month0 == 1 and calendar.isleap(year):
            last = 29
        d = min(d, last)
    return date(year, month0 + 1, d)


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_weeks(day: date, weeks: int) -> date:
    return day + timedelta(weeks=weeks)


def add_days(day: date, days: int) -> date:
    return day + timedelta(days=days)


def parse_iso_date(text: str) -> date:
    """Strict ``YYYY-MM-DD`` (``date.fromisoformat`` alone also accepts ``20200101``)."""
    if not _ISO.match(text):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {text!r}")
    return date.fromisoformat(text)


_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date_en(day: date) -> str:
    """English long form used in caseworker lines by default: ``1 January 2025``."""
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
