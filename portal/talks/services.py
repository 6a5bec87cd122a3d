"""Digital self-booking of job talks (IL § 20, stk. 4; BEK 1307/2020 § 13, stk. 2).

No ``request`` or ``session`` here: the routes pass the citizen, the raw ids and the
moment ``now``. Every failure raises :class:`BookingError` with a translated message and
leaves the database as it was. The UNIQUE constraint on ``booking.active_slot_id`` is what
stops two citizens from getting the same slot; the checks before it only give the clear
message early.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import Booking, BookingStatus, Citizen, TalkForm, TalkSlot
from portal.talks import messages
from portal.talks.clock import as_utc, local
from portal.talks.eligibility import TalkRules


class BookingError(ValueError):
    """A booking, move or cancellation that cannot be made; ``message`` says why."""

    def __init__(self, message: object) -> None:
        super().__init__(message)  # a lazy string: translated when shown, not here
        self.message = message


@dataclass(frozen=True)
class FreeSlot:
    slot: TalkSlot
    forms: tuple[str, ...]  # offered in the slot and allowed for the citizen that day
    interpreter: bool  # an interpreter in the citizen's language is available


def parse_id(raw: object) -> int | None:
    """A positive integer id from a form or URL, or None for anything tampered with."""
    text = str(raw or "").strip()
    if not text.isdigit() or len(text) > 12:
        return None
    return int(text)


def _bookable_until(slot: TalkSlot) -> dt.datetime:
    return as_utc(slot.starts_at) - dt.timedelta(hours=slot.book_by_hours)


def changeable_until(booking: Booking) -> dt.datetime:
    return as_utc(booking.starts_at) - dt.timedelta(hours=booking.slot.change_by_hours)


def can_change(booking: Booking, now: dt.datetime) -> bool:
    return booking.status == BookingStatus.BOOKED and now < changeable_until(booking)


def free_slots(
    citizen: Citizen, rules: TalkRules, now: dt.datetime, *, limit: int = 40
) -> list[FreeSlot]:
    """Free slots of the citizen's own jobcentre, in forms allowed for them on that date."""
    taken = select(Booking.active_slot_id).where(Booking.active_slot_id.is_not(None))
    stmt = (
        select(TalkSlot)
        .where(
            TalkSlot.municipality_id == citizen.municipality_id,
            TalkSlot.withdrawn.is_(False),
            TalkSlot.starts_at > now,
            TalkSlot.id.not_in(taken),
        )
        .order_by(TalkSlot.starts_at, TalkSlot.id)
        .limit(limit * 3)
    )
    result: list[FreeSlot] = []
    language = citizen.preferred_locale or "da"
    for slot in db.session.scalars(stmt):
        if now >= _bookable_until(slot):
            continue
        allowed = rules.allowed_forms(local(slot.starts_at).date())
        forms = tuple(f for f in slot.form_list if f in allowed)
        if forms:
            result.append(FreeSlot(slot, forms, language in slot.interpreter_list))
        if len(result) >= limit:
            break
    return result


def _checked_slot(
    citizen: Citizen,
    slot_id: object,
    form: str,
    interpreter: bool,
    rules: TalkRules,
    now: dt.datetime,
) -> TalkSlot:
    sid = parse_id(slot_id)
    slot = db.session.get(TalkSlot, sid) if sid is not None else None
    if slot is None or slot.municipality_id != citizen.municipality_id or slot.withdrawn:
        raise BookingError(messages.SLOT_NOT_FOUND)
    if now >= _bookable_until(slot):
        raise BookingError(messages.TOO_LATE_TO_BOOK)
    if form not in slot.form_list:
        raise BookingError(messages.FORM_NOT_OFFERED)
    if form not in rules.allowed_forms(local(slot.starts_at).date()):
        raise BookingError(messages.FORM_NOT_ALLOWED)
    if interpreter and (citizen.preferred_locale or "da") not in slot.interpreter_list:
        raise BookingError(messages.NO_INTERPRETER)
    taken = db.session.scalar(select(Booking.id).where(Booking.active_slot_id == slot.id))
    if taken is not None:
        raise BookingError(messages.SLOT_TAKEN)
    return slot


def _already(citizen: Citizen, request_key: str) -> Booking | None:
    """The booking a previous sending of the same form made, if any (idempotency)."""
    return db.session.scalar(
        select(Booking).where(Booking.citizen_id == citizen.id, Booking.request_key == request_key)
    )


def _new_booking(
    citizen: Citizen, slot: TalkSlot, form: str, interpreter: bool, request_key: str,
    now: dt.datetime,
) -> Booking:
    starts = as_utc(slot.starts_at)
    return Booking(
        slot_id=slot.id,
        active_slot_id=slot.id,
        citizen_id=citizen.id,
        municipality_id=slot.municipality_id,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=slot.minutes),
        form=TalkForm(form),
        interpreter_language=(citizen.preferred_locale or "da") if interpreter else None,
        status=BookingStatus.BOOKED,
        request_key=request_key[:64],
        created_at=now,
    )


def _self_booking_or_raise(rules: TalkRules, now: dt.datetime) -> None:
    if not rules.self_booking(local(now).date()).may_book:
        raise BookingError(messages.NOT_SELF_BOOKING)


def book(
    citizen: Citizen,
    slot_id: object,
    form: str,
    interpreter: bool,
    request_key: str,
    rules: TalkRules,
    now: dt.datetime,
) -> tuple[Booking, bool]:
    """Book a slot; returns (booking, created). A re-sent form returns the first booking."""
    earlier = _already(citizen, request_key)
    if earlier is not None:
        return earlier, False
    _self_booking_or_raise(rules, now)
    slot = _checked_slot(citizen, slot_id, form, interpreter, rules, now)
    booking = _new_booking(citizen, slot, form, interpreter, request_key, now)
    db.session.add(booking)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        earlier = _already(citizen, request_key)
        if earlier is not None:
            return earlier, False
        raise BookingError(messages.SLOT_TAKEN) from None
    return booking, True


def citizen_booking(citizen: Citizen, booking_id: object) -> Booking | None:
    """The citizen's own booking, or None (another citizen's id looks like a missing one)."""
    bid = parse_id(booking_id)
    booking = db.session.get(Booking, bid) if bid is not None else None
    if booking is None or booking.citizen_id != citizen.id:
        return None
    return booking


def citizen_bookings(citizen: Citizen) -> list[Booking]:
    stmt = (
        select(Booking)
        .where(Booking.citizen_id == citizen.id)
        .order_by(Booking.starts_at.desc(), Booking.id.desc())
    )
    return list(db.session.scalars(stmt))


def move(
    citizen: Citizen,
    booking: Booking,
    slot_id: object,
    form: str,
    interpreter: bool,
    request_key: str,
    rules: TalkRules,
    now: dt.datetime,
) -> tuple[Booking, bool]:
    """Move a booking to another free slot in one transaction, before the deadline."""
    earlier = _already(citizen, request_key)
    if earlier is not None:
        return earlier, False
    if booking.status != BookingStatus.BOOKED:
        raise BookingError(messages.NOT_ACTIVE)
    if not can_change(booking, now):
        raise BookingError(messages.TOO_LATE_TO_CHANGE)
    _self_booking_or_raise(rules, now)
    if parse_id(slot_id) == booking.slot_id:
        raise BookingError(messages.SAME_SLOT)
    slot = _checked_slot(citizen, slot_id, form, interpreter, rules, now)
    new = _new_booking(citizen, slot, form, interpreter, request_key, now)
    booking.status = BookingStatus.MOVED
    booking.active_slot_id = None
    booking.changed_at = now
    db.session.add(new)
    try:
        db.session.flush()
        booking.moved_to_id = new.id
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise BookingError(messages.SLOT_TAKEN) from None
    return new, True


def cancel(booking: Booking, now: dt.datetime) -> bool:
    """Cancel before the deadline; returns False if it was already cancelled (re-sent form)."""
    if booking.status == BookingStatus.CANCELLED:
        return False
    if booking.status != BookingStatus.BOOKED:
        raise BookingError(messages.NOT_ACTIVE)
    if not can_change(booking, now):
        raise BookingError(messages.TOO_LATE_TO_CHANGE)
    booking.status = BookingStatus.CANCELLED
    booking.active_slot_id = None
    booking.changed_at = now
    db.session.commit()
    return True
