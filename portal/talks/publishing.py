"""Caseworkers publish talk slots and record how talks went.

A slot always has capacity one. A recurring series ("every Tuesday 9–12, 30 min, for
4 weeks") is created in one go. Staff see and change only their own municipality's slots.
Recording a talk as held writes a ``HeldTalk``, which the rule module counts toward the
follow-up requirement (BEK 1307/2020 § 19; BEK 2024 § 14).

A published slot is never deleted: a free slot is *withdrawn* (hidden from citizens, with
who and when), and a booked talk is *cancelled by the jobcentre* with a reason the citizen
is told; its slot is withdrawn in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, update
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
    #: the talk the jobcentre cancelled in this (now withdrawn) slot, if any
    cancelled: Booking | None = None


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
    shown = (BookingStatus.BOOKED, BookingStatus.HELD, BookingStatus.NO_SHOW)
    bookings: dict[int, Booking] = {}
    cancelled: dict[int, Booking] = {}
    for b in db.session.scalars(
        select(Booking)
        .options(selectinload(Booking.citizen))
        .where(
            Booking.slot_id.in_([s.id for s in slots]),
            Booking.status.in_([*shown, BookingStatus.CANCELLED]),
        )
    ):
        if b.status in shown:
            bookings[b.slot_id] = b
        elif b.cancelled_by_id is not None:
            cancelled[b.slot_id] = b
    return [SlotRow(s, bookings.get(s.id), cancelled.get(s.id)) for s in slots]


def staff_slot(staff: StaffUser, slot_id: object) -> TalkSlot | None:
    """A slot of the staff member's municipality, or None (another's looks missing)."""
    sid = parse_id(slot_id)
    slot = db.session.get(TalkSlot, sid) if sid is not None else None
    if slot is None or slot.municipality_id != staff.municipality_id:
        return None
    return slot


def active_booking(slot: TalkSlot) -> Booking | None:
    return db.session.scalar(select(Booking).where(Booking.active_slot_id == slot.id))


def withdraw_slot(staff: StaffUser, slot: TalkSlot, now: dt.datetime) -> bool:
    """Withdraw a free slot: citizens no longer see or book it; the row stays, with who and
    when. False if it was withdrawn already (a re-sent form). A booked slot is refused and
    nothing changes: the talk must be cancelled with a reason (:func:`cancel_talk`).

    The UPDATE locks the slot's row first, and the booking check runs after it: a citizen
    booking the slot at this moment either committed before (seen here: refused) or waits
    for this transaction and then finds the slot withdrawn (``services.claim_slot``).
    """
    if as_utc(slot.starts_at) <= now:
        raise BookingError(messages.ALREADY_STARTED)
    marked = db.session.execute(
        update(TalkSlot)
        .where(TalkSlot.id == slot.id, TalkSlot.withdrawn.is_(False))
        .values(withdrawn=True, withdrawn_at=now, withdrawn_by_id=staff.id)
    )
    if marked.rowcount != 1:  # type: ignore[attr-defined]
        db.session.rollback()
        return False
    if active_booking(slot) is not None:
        db.session.rollback()
        raise BookingError(messages.SLOT_IS_BOOKED)
    db.session.commit()
    return True


def _later_in_series(staff: StaffUser, slot: TalkSlot, now: dt.datetime) -> list[int]:
    """Ids of the slot's series from this slot on that have not started or been withdrawn."""
    if not slot.series:
        return []
    return list(db.session.scalars(
        select(TalkSlot.id).where(
            TalkSlot.series == slot.series,
            TalkSlot.municipality_id == staff.municipality_id,
            TalkSlot.starts_at >= slot.starts_at,
            TalkSlot.starts_at > now,
            TalkSlot.withdrawn.is_(False),
        )
    ))


def free_in_series(staff: StaffUser, slot: TalkSlot, now: dt.datetime) -> int:
    """How many free times the series has from this slot on (this one included)."""
    ids = _later_in_series(staff, slot, now)
    booked = db.session.scalar(
        select(func.count(Booking.id)).where(Booking.active_slot_id.in_(ids))) if ids else 0
    return len(ids) - (booked or 0)


def withdraw_series(staff: StaffUser, slot: TalkSlot, now: dt.datetime) -> tuple[int, int]:
    """Withdraw the free times of a recurring series from this slot on; booked ones are
    kept (their talks are cancelled one by one, with a reason). Returns (withdrawn, kept).

    As for one slot: the UPDATE locks the rows first, then the bookings are read, and the
    rows that turn out booked are put back in the same transaction.
    """
    ids = _later_in_series(staff, slot, now)
    if not ids:
        return 0, 0
    marked = db.session.execute(
        update(TalkSlot)
        .where(TalkSlot.id.in_(ids), TalkSlot.withdrawn.is_(False))
        .values(withdrawn=True, withdrawn_at=now, withdrawn_by_id=staff.id)
    ).rowcount  # type: ignore[attr-defined]
    booked = list(db.session.scalars(
        select(Booking.active_slot_id).where(Booking.active_slot_id.in_(ids))))
    if booked:
        db.session.execute(
            update(TalkSlot)
            .where(TalkSlot.id.in_(booked))
            .values(withdrawn=False, withdrawn_at=None, withdrawn_by_id=None)
        )
    db.session.commit()
    return marked - len(booked), len(booked)


def cancel_talk(staff: StaffUser, booking: Booking, reason: str, now: dt.datetime) -> bool:
    """The jobcentre cancels a booked talk, with a reason the citizen is told, and withdraws
    its slot so nobody else books it. False if this was done already (a re-sent form).

    The booking is changed only if it is still booked (its status is in the UPDATE's
    WHERE): a citizen moving or cancelling at the same moment makes this one refused.
    """
    if booking.cancelled_by_jobcentre:
        return False
    if booking.status != BookingStatus.BOOKED:
        raise BookingError(messages.NOT_ACTIVE)
    if as_utc(booking.starts_at) <= now:
        raise BookingError(messages.ALREADY_STARTED)
    db.session.execute(
        update(TalkSlot)
        .where(TalkSlot.id == booking.slot_id, TalkSlot.withdrawn.is_(False))
        .values(withdrawn=True, withdrawn_at=now, withdrawn_by_id=staff.id)
    )
    ended = db.session.execute(
        update(Booking)
        .where(Booking.id == booking.id, Booking.status == BookingStatus.BOOKED)
        .values(status=BookingStatus.CANCELLED, active_slot_id=None, changed_at=now,
                cancelled_by_id=staff.id, cancel_reason=reason)
    )
    if ended.rowcount != 1:  # type: ignore[attr-defined]
        db.session.rollback()
        raise BookingError(messages.NOT_ACTIVE)
    db.session.commit()
    return True


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
