"""Dates as people type them on a phone: ``3/4``, ``03.04.2025``, ``3-4-25``, ``2025-04-03``.

Day first, as Danes write. A missing year means the most recent such day on or before
``today`` (a joblog entry is about something that happened), unless ``future`` is set,
then the next one on or after ``today``. The date picker (``<input type="date">``) sends
ISO dates, which are accepted as well.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[./\- ]\s*(\d{1,2})(?:\s*[./\- ]\s*(\d{2}|\d{4}))?\.?$")


def parse_typed_date(text: str, today: dt.date, *, future: bool = False) -> dt.date | None:
    """The date ``text`` means, or ``None`` if it is not a date."""
    value = text.strip()
    if not value:
        return None
    iso = _ISO.match(value)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        match = _DAY_FIRST.match(value)
        if not match:
            return None
        day, month = int(match[1]), int(match[2])
        if match[3] is not None:
            year = int(match[3])
            if year < 100:
                year += 2000
            return dt.date(year, month, day)
        return _without_year(day, month, today, future)
    except ValueError:
        return None


def _without_year(day: int, month: int, today: dt.date, future: bool) -> dt.date | None:
    step = 1 if future else -1
    for year in (today.year, today.year + step):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if (candidate >= today) if future else (candidate <= today):
            return candidate
    return None
