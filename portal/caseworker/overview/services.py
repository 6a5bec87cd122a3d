"""Counts per flag across a municipality, computed by the rule module for one date.

Four queries whatever the municipality's size (citizens, then decisions, held talks and
offers by ``selectinload``); the rule module does the rest in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from portal.assessment.services import assess_citizen
from portal.caseworker.flags import KINDS, Records, flags_for
from portal.caseworker.services import citizens_of
from portal.models import StaffUser


@dataclass(frozen=True)
class FlagCount:
    code: str
    label: object
    count: int


@dataclass(frozen=True)
class Overview:
    on: dt.date
    citizens: int
    flagged: int
    counts: list[FlagCount]


def municipality_overview(staff: StaffUser, on: dt.date) -> Overview:
    counts = {k.code: 0 for k in KINDS}
    citizens = citizens_of(staff, mine_only=False)
    flagged = 0
    for citizen in citizens:
        flags = flags_for(assess_citizen(citizen, on), on, Records())
        flagged += bool(flags)
        for flag in flags:
            counts[flag.code] += 1
    return Overview(
        on=on,
        citizens=len(citizens),
        flagged=flagged,
        counts=[FlagCount(k.code, k.label, counts[k.code]) for k in KINDS],
    )


def to_csv(overview: Overview, municipality: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["municipality", "date", "flag", "label", "citizens"])
    for row in overview.counts:
        writer.writerow([municipality, overview.on.isoformat(), row.code, str(row.label),
                         row.count])
    writer.writerow([municipality, overview.on.isoformat(), "any", "", overview.flagged])
    writer.writerow([municipality, overview.on.isoformat(), "total", "", overview.citizens])
    return out.getvalue()
