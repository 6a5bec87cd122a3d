"""Today's date in Denmark — the only place the portal reads the clock for the law."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def today_in_denmark(now: dt.datetime | None = None) -> dt.date:
    moment = now or dt.datetime.now(dt.UTC)
    return moment.astimezone(COPENHAGEN).date()
