"""Caseload: the caseworker's citizens with readiness and the flags the rules raise today.

Staff see only their own municipality's citizens. Six SQL statements whatever the size
of the caseload (:mod:`portal.assessment.bulk_facts`, :mod:`portal.caseworker.records`) —
no N+1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.assessment.bulk_facts import load_facts
from portal.caseworker.flags import BY_CODE, Flag, flags_for
from portal.caseworker.records import load_records, next_talks
from portal.clock import now_utc
from portal.extensions import db
from portal.models import Citizen, StaffUser
from portal.rules.engine import assess


@dataclass(frozen=True)
class CaseloadRow:
    citizen_id: int
    name: str
    readiness: str | None
    presumed: bool
    flags: list[Flag]
    next_talk: dt.datetime | None = None


SORTS = ("flags", "name", "readiness")


def caseload(
    staff: StaffUser,
    today: dt.date,
    *,
    mine_only: bool = True,
    flag: str | None = None,
    sort: str = "flags",
) -> list[CaseloadRow]:
    rows = []
    caseworker_id = staff.id if mine_only else None
    loaded = load_facts(staff.municipality_id, caseworker_id=caseworker_id, on=today)
    records = load_records(staff.municipality_id, loaded, caseworker_id=caseworker_id)
    talks = next_talks(staff.municipality_id, now_utc(), caseworker_id)
    for item in loaded:
        assessment = assess(item.facts, today)
        readiness = assessment["readiness"]
        rows.append(
            CaseloadRow(
                citizen_id=item.citizen_id,
                name=item.name,
                readiness=readiness.value if readiness.known else None,
                presumed=readiness.reason == "presumed",
                flags=flags_for(assessment, today, records[item.citizen_id]),
                next_talk=talks.get(item.citizen_id),
            )
        )
    if flag in BY_CODE:
        rows = [r for r in rows if any(f.code == flag for f in r.flags)]
    if sort == "name":
        rows.sort(key=lambda r: (r.name, r.citizen_id))
    elif sort == "readiness":
        rows.sort(key=lambda r: (r.readiness or "~", r.name))
    else:
        rows.sort(key=lambda r: (-len(r.flags), r.name))
    return rows


def municipality_citizens(staff: StaffUser) -> list[Citizen]:
    """The municipality's citizens as ORM objects (the caseworker's own first), with the
    collections the rule module reads loaded up front — for pages that need objects."""
    stmt = (
        select(Citizen)
        .where(Citizen.municipality_id == staff.municipality_id)
        .options(selectinload(Citizen.decisions), selectinload(Citizen.held_talks),
                 selectinload(Citizen.offers))
        .order_by((Citizen.caseworker_id == staff.id).desc(), Citizen.name, Citizen.id)
    )
    return list(db.session.scalars(stmt))
