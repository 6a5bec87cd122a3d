"""What the jobcentre's own records add to the flags: the last joblog entry and whether the
CV is visible to employers — two grouped SQL statements for a whole caseload."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, func, select

from portal.assessment.bulk_facts import CitizenFacts
from portal.caseworker.flags import Records
from portal.extensions import db
from portal.models import Booking, BookingStatus, Citizen, Cv, JoblogEntry
from portal.talks.clock import as_utc


def next_talks(municipality_id: int, now: dt.datetime,
               caseworker_id: int | None = None) -> dict[int, dt.datetime]:
    """Each citizen's next booked job talk (one grouped statement)."""
    ids: Select[tuple[int]] = select(Citizen.id).where(Citizen.municipality_id == municipality_id)
    if caseworker_id is not None:
        ids = ids.where(Citizen.caseworker_id == caseworker_id)
    rows = db.session.execute(
        select(Booking.citizen_id, func.min(Booking.starts_at))
        .where(Booking.citizen_id.in_(ids), Booking.status == BookingStatus.BOOKED,
               Booking.starts_at >= now)
        .group_by(Booking.citizen_id)
    ).all()
    return {citizen_id: as_utc(starts) for citizen_id, starts in rows}


def load_records(
    municipality_id: int, citizens: list[CitizenFacts], *, caseworker_id: int | None = None
) -> dict[int, Records]:
    ids: Select[tuple[int]] = select(Citizen.id).where(Citizen.municipality_id == municipality_id)
    if caseworker_id is not None:
        ids = ids.where(Citizen.caseworker_id == caseworker_id)
    last: dict[int, dt.date] = dict(
        db.session.execute(
            select(JoblogEntry.citizen_id, func.max(JoblogEntry.activity_on))
            .where(JoblogEntry.citizen_id.in_(ids), JoblogEntry.withdrawn_at.is_(None))
            .group_by(JoblogEntry.citizen_id)
        ).all()
    )
    visible = dict(
        db.session.execute(
            select(Cv.citizen_id, Cv.visible_to_employers).where(Cv.citizen_id.in_(ids))
        ).all()
    )
    return {
        c.citizen_id: Records(
            cv_visible=bool(visible.get(c.citizen_id, False)),
            # no entry yet: silent since registration as a job seeker (IL § 26 a, stk. 2)
            last_joblog_entry=last.get(c.citizen_id) or c.facts.registered_as_job_seeker_on,
        )
        for c in citizens
    }
