"""Counts per flag across a municipality, computed by the rule module for one date.

Four SQL statements whatever the municipality's size (:mod:`portal.assessment.bulk_facts`);
the rule module does the rest in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from portal.assessment.bulk_facts import load_facts
from portal.caseworker.flags import KINDS, flags_for
from portal.caseworker.records import load_records
from portal.models import StaffUser
from portal.rules.engine import assess


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
    citizens = load_facts(staff.municipality_id, on=on)
    records = load_records(staff.municipality_id, citizens)
    flagged = 0
    for item in citizens:
        flags = flags_for(assess(item.facts, on), on, records[item.citizen_id])
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
