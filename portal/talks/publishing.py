"""Caseworkers publish talk slots and record how talks went.

A slot always has capacity one. A recurring series ("every Tuesday 9–12, 30 min, for
4 weeks") is created in one go. Staff see and change only their own municipality's slots.
Recording a talk as held writes a ``HeldTalk``, which the rule module counts toward the
follow-up requirement (BEK 1307/2020 § 19; BEK 2024 § 14).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import Booking, BookingStatus, HeldTalk, StaffUser, TalkForm, TalkSlot
from portal.talks import messages
from portal.talks.clock import as_utc, from_local, local
from portal.talks.services import BookingError, parse_id

MAX_SLOTS_AT_ONCE = 300


@dataclass(frozen=True)
class SlotSpec:
    first_day: dt.date
    weeks: int
    start: dt.time
    end: dt.time
    minutes: int
    forms: tuple[str, ...]
    address: str | None
    phone_note: str | None
    video_url: str | None
    interpreter_languages: tuple[str, ...]
    book_by_hours: int
    change_by_hours: int


def starts(spec: SlotSpec) -> list[dt.datetime]:
    """The UTC start of every slot the spec describes (Danish wall-clock times)."""
    result: list[dt.datetime] = []
    step = dt.timedelta(minutes=spec.minutes)
    for week in range(spec.weeks):
        day = spec.first_day + dt.timedelta(weeks=week)
        moment = dt.datetime.combine(day, spec.start)
        last = dt.datetime.combine(day, spec.end)
        while moment + step <= last:
            result.append(from_local(day, moment.time()))
            moment += step
    return result


def create_slots(staff: StaffUser, spec: SlotSpec, now: dt.datetime) -> list[TalkSlot]:
    series = str(uuid.uuid4()) if spec.weeks > 1 or len(starts(spec)) > 1 else None
    slots = [
        TalkSlot(
            municipality_id=staff.municipality_id,
            caseworker_id=staff.id,
            starts_at=moment,
            minutes=spec.minutes,
            forms=",".join(spec.forms),
            address=spec.address if "in_person" in spec.forms else None,
            phone_note=spec.phone_note if "phone" in spec.forms else None,
            video_url=spec.video_url if "video" in spec.forms else None,
            interpreter_languages=",".join(spec.interpreter_languages),
            book_by_hours=spec.book_by_hours,
            change_by_hours=spec.change_by_hours,
            series=series,
            created_at=now,
        )
        for moment in starts(spec)
        if moment > now
    ]
    db.session.add_all(slots)
    db.session.commit()
    return slots


@dataclass(frozen=True)
class SlotRow:
    slot: TalkSlot
    booking: Booking | None


def municipality_slots(staff: StaffUser, now: dt.datetime, *, days: int = 60) -> list[SlotRow]:
    """Slots of the staff member's municipality from a week ago to ``days`` ahead."""
    stmt = (
        select(TalkSlot)
        .where(
            TalkSlot.municipality_id == staff.municipality_id,
            TalkSlot.starts_at >= now - dt.timedelta(days=7),
            TalkSlot.starts_at <= now + dt.timedelta(days=days),
        )
        .order_by(TalkSlot.starts_at, TalkSlot.id)
    )
    slots = list(db.session.scalars(stmt))
    bookings = {
        b.slot_id: b
        for b in db.session.scalars(
            select(Booking)
            .options(selectinload(Booking.citizen))
            .where(
                Booking.slot_id.in_([s.id for s in slots]),
                Booking.status.in_(
                    [BookingStatus.BOOKED, BookingStatus.HELD, BookingStatus.NO_SHOW]
                ),
            )
        )
    }
    return [SlotRow(s, bookings.get(s.id)) for s in slots]


def staff_booking(staff: StaffUser, booking_id: object) -> Booking | None:
    bid = parse_id(booking_id)
    booking = db.session.get(Booking, bid) if bid is not None else None
    if booking is None or booking.municipality_id != staff.municipality_id:
        return None
    return booking


def record_outcome(
    staff: StaffUser, booking: Booking, held: bool, form: str, now: dt.datetime
) -> Booking:
    """Held (with the form it took) or no-show; held talks count for the rule module."""
    if booking.status not in (BookingStatus.BOOKED, BookingStatus.HELD, BookingStatus.NO_SHOW):
        raise BookingError(messages.NOT_ACTIVE)
    if as_utc(booking.starts_at) > now:
        raise BookingError(messages.TALK_NOT_STARTED)
    if held:
        talk = booking.held_talk or HeldTalk(citizen_id=booking.citizen_id)
        talk.held_on = local(booking.starts_at).date()
        talk.form = TalkForm(form)
        db.session.add(talk)
        db.session.flush()
        booking.held_talk_id = talk.id
        booking.status = BookingStatus.HELD
    else:
        if booking.held_talk is not None:
            old = booking.held_talk
            booking.held_talk_id = None
            db.session.flush()
            db.session.delete(old)
        booking.status = BookingStatus.NO_SHOW
    booking.outcome_by_id = staff.id
    booking.changed_at = now
    db.session.commit()
    return booking
