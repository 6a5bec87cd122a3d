"""Helpers for tests of job talks: slots published by a caseworker of a municipality."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen, Municipality, StaffUser, TalkSlot
from tests.support import clock


def citizen(subject: str) -> Citizen:
    return db.session.scalars(select(Citizen).filter_by(oidc_subject=subject)).one()


def staff(subject: str) -> StaffUser:
    return db.session.scalars(select(StaffUser).filter_by(oidc_subject=subject)).one()


def make_slot(
    caseworker_subject: str = "caseworker-kbh",
    *,
    hours_ahead: float = 72,
    forms: str = "in_person,phone,video",
    interpreter: str = "ar",
    book_by_hours: int = 24,
    change_by_hours: int = 24,
    minutes: int = 30,
    starts_at: dt.datetime | None = None,
) -> int:
    """A slot published by the caseworker; returns its id (call inside an app context).
    It starts ``hours_ahead`` from now, or at ``starts_at`` (a UTC moment) if given."""
    worker = staff(caseworker_subject)
    if starts_at is None:
        starts_at = (clock.now() + dt.timedelta(hours=hours_ahead)).replace(second=0, microsecond=0)
    slot = TalkSlot(
        municipality_id=worker.municipality_id,
        caseworker_id=worker.id,
        starts_at=starts_at,
        minutes=minutes,
        forms=forms,
        address="Jobcenter København, Kalvebod Brygge 43, 1560 København V",
        phone_note="Vi ringer til dig.",
        video_url="https://video.example.invalid/room/42",
        interpreter_languages=interpreter,
        book_by_hours=book_by_hours,
        change_by_hours=change_by_hours,
        created_at=clock.now(),
    )
    db.session.add(slot)
    db.session.commit()
    return slot.id


def municipality(code: str) -> Municipality:
    return db.session.scalars(select(Municipality).filter_by(code=code)).one()


def local_date_of(slot_id: int | None) -> dt.date:
    """The Danish date of a slot's start (or today) — to warm the rule cache before a race."""
    from portal.talks.clock import local

    if slot_id is None:
        return local(clock.now()).date()
    return local(db.session.get(TalkSlot, slot_id).starts_at).date()


def in_week(weeks_ahead: int, weekday: int = 1, hour: int = 10) -> dt.datetime:
    """A UTC moment ``weeks_ahead`` weeks after this one (Danish weeks), on ``weekday``
    (0 = Monday) at ``hour`` o'clock Danish time."""
    from portal.talks.clock import from_local, local
    from portal.talks.weeks import monday_of

    monday = monday_of(local(clock.now()).date()) + dt.timedelta(weeks=weeks_ahead)
    return from_local(monday + dt.timedelta(days=weekday), dt.time(hour))


def week_of(moment: dt.datetime) -> str:
    """The ``?week=`` value of the week a UTC moment falls in (Danish time)."""
    from portal.talks.clock import local
    from portal.talks.weeks import monday_of, week_param

    return week_param(monday_of(local(moment).date()))
