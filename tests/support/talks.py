"""Helpers for tests of job talks: slots published by a caseworker of a municipality."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen, Municipality, StaffUser, TalkSlot
from portal.talks.clock import now_utc


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
) -> int:
    """A slot published by the caseworker; returns its id (call inside an app context)."""
    worker = staff(caseworker_subject)
    slot = TalkSlot(
        municipality_id=worker.municipality_id,
        caseworker_id=worker.id,
        starts_at=(now_utc() + dt.timedelta(hours=hours_ahead)).replace(second=0, microsecond=0),
        minutes=minutes,
        forms=forms,
        address="Jobcenter København, Kalvebod Brygge 43, 1560 København V",
        phone_note="Vi ringer til dig.",
        video_url="https://video.example.invalid/room/42",
        interpreter_languages=interpreter,
        book_by_hours=book_by_hours,
        change_by_hours=change_by_hours,
        created_at=now_utc(),
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
        return local(now_utc()).date()
    return local(db.session.get(TalkSlot, slot_id).starts_at).date()
