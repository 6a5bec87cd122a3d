"""Caseload: the caseworker's citizens with readiness and the flags the rules raise today.

Staff see only their own municipality's citizens. The queries are bounded: one for the
citizens (with their municipality), one each for decisions, held talks and offers
(``selectinload``), whatever the size of the caseload — no N+1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.assessment.services import assess_citizen
from portal.caseworker.flags import BY_CODE, Flag, Records, flags_for
from portal.extensions import db
from portal.models import Citizen, StaffUser


@dataclass(frozen=True)
class CaseloadRow:
    citizen: Citizen
    readiness: str | None
    presumed: bool
    flags: list[Flag]


SORTS = ("flags", "name", "readiness")


def citizens_of(staff: StaffUser, *, mine_only: bool) -> Sequence[Citizen]:
    stmt = (
        select(Citizen)
        .where(Citizen.municipality_id == staff.municipality_id)
        .options(
            selectinload(Citizen.decisions),
            selectinload(Citizen.held_talks),
            selectinload(Citizen.offers),
        )
        .order_by(Citizen.name, Citizen.id)
    )
    if mine_only:
        stmt = stmt.where(Citizen.caseworker_id == staff.id)
    return db.session.scalars(stmt).all()


def caseload(
    staff: StaffUser,
    today: dt.date,
    *,
    mine_only: bool = True,
    flag: str | None = None,
    sort: str = "flags",
) -> list[CaseloadRow]:
    rows = []
    for citizen in citizens_of(staff, mine_only=mine_only):
        assessment = assess_citizen(citizen, today)
        readiness = assessment["readiness"]
        rows.append(
            CaseloadRow(
                citizen=citizen,
                readiness=readiness.value if readiness.known else None,
                presumed=readiness.reason == "presumed",
                flags=flags_for(assessment, today, Records()),
            )
        )
    if flag in BY_CODE:
        rows = [r for r in rows if any(f.code == flag for f in r.flags)]
    if sort == "name":
        rows.sort(key=lambda r: (r.citizen.name, r.citizen.id))
    elif sort == "readiness":
        rows.sort(key=lambda r: (r.readiness or "~", r.citizen.name))
    else:
        rows.sort(key=lambda r: (-len(r.flags), r.citizen.name))
    return rows
