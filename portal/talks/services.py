"""Digital self-booking of job talks (IL § 20, stk. 4; BEK 1307/2020 § 13, stk. 2).

No ``request`` or ``session`` here: the routes pass the citizen, the raw ids and the
moment ``now``. Every failure raises :class:`BookingError` with a translated message and
leaves the database as it was. The UNIQUE constraint on ``booking.active_slot_id`` is what
stops two citizens from getting the same slot; the checks before it only give the clear
message early. A slot the jobcentre withdraws is never booked: booking, moving to and
withdrawing a slot all start by locking the slot's row with an UPDATE that re-reads
``withdrawn`` (see :func:`claim_slot`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import Booking, BookingStatus, Citizen, TalkForm, TalkSlot
from portal.talks import messages
from portal.talks.clock import as_utc, local
from portal.talks.eligibility import TalkRules
from portal.talks.weeks import WEEKS_AHEAD, WeekChoice, bounds, monday_of, week_param


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


#: the most free times one page shows (a busy week is cut at this many; HTML budget)
WEEK_LIMIT = 40


@dataclass(frozen=True)
class FreeWeek:
    """One week of free times (Monday–Sunday, Danish time) and where the other free times are.

    ``monday`` is None when there are no free times at all. ``earlier``/``later`` are the
    Mondays of the nearest weeks before/after with free times; ``later_count`` counts the
    free times after this week; ``cut`` says the week had more than the page shows.
    """

    monday: dt.date | None
    slots: tuple[FreeSlot, ...] = ()
    earlier: dt.date | None = None
    later: dt.date | None = None
    later_count: int = 0
    cut: bool = False
    refused: str | None = None  # the week asked for could not be shown: invalid | past

    @property
    def sunday(self) -> dt.date | None:
        return self.monday + dt.timedelta(days=6) if self.monday else None

    @property
    def number(self) -> int:
        return self.monday.isocalendar()[1] if self.monday else 0

    @property
    def param(self) -> str:
        return week_param(self.monday) if self.monday else ""

    @property
    def earlier_param(self) -> str:
        return week_param(self.earlier) if self.earlier else ""

    @property
    def later_param(self) -> str:
        return week_param(self.later) if self.later else ""


def _bookable(citizen: Citizen, now: dt.datetime) -> list[ColumnElement[bool]] | None:
    """SQL conditions for a slot the citizen can book now: their own jobcentre's, not
    withdrawn, not taken, before its booking deadline (``book_by_hours`` before it
    starts) and at most a year of weeks ahead. None when nothing can be booked at all.

    The deadline differs per slot; its few distinct values are read first so that the
    condition stays plain SQL that SQLite and PostgreSQL both run (no date arithmetic).
    """
    _, horizon = bounds(monday_of(local(now).date()) + dt.timedelta(weeks=WEEKS_AHEAD))
    base = [
        TalkSlot.municipality_id == citizen.municipality_id,
        TalkSlot.withdrawn.is_(False),
        TalkSlot.starts_at > now,
        TalkSlot.starts_at < horizon,  # the weeks ?week= accepts; no link leads further
    ]
    hours = db.session.scalars(select(TalkSlot.book_by_hours).where(*base).distinct()).all()
    if not hours:
        return None
    return [
        *base,
        ~exists().where(Booking.active_slot_id == TalkSlot.id),
        or_(*(
            and_(TalkSlot.book_by_hours == h, TalkSlot.starts_at > now + dt.timedelta(hours=h))
            for h in sorted(hours)
        )),
    ]


def _offered(rules: TalkRules, forms: str, moment: dt.datetime) -> tuple[str, ...]:
    """The slot's forms that the rule module allows the citizen on that (Danish) day."""
    allowed = rules.allowed_forms(local(moment).date())
    return tuple(f for f in forms.split(",") if f and f in allowed)


@dataclass(frozen=True)
class _Around:
    earlier: dt.datetime | None
    later: dt.datetime | None
    later_count: int


def _around(
    rules: TalkRules, bookable: list[ColumnElement[bool]], start: dt.datetime,
    end: dt.datetime,
) -> _Around:
    """The nearest free time before ``start``, the first one from ``end`` and how many there
    are from ``end``: one aggregate query grouped by the forms offered, so the forms the
    rule module allows are applied without loading the slots. The count takes the forms
    allowed on the first later day (they change only when the law does)."""
    stmt = (
        select(
            TalkSlot.forms,
            func.max(case((TalkSlot.starts_at < start, TalkSlot.starts_at))),
            func.min(case((TalkSlot.starts_at >= end, TalkSlot.starts_at))),
            func.count(case((TalkSlot.starts_at >= end, TalkSlot.id))),
        )
        .where(*bookable)
        .group_by(TalkSlot.forms)
    )
    earlier: list[dt.datetime] = []
    later: list[dt.datetime] = []
    count = 0
    for forms, before, after, after_count in db.session.execute(stmt):
        if before is not None and _offered(rules, forms, before):
            earlier.append(as_utc(before))
        if after is not None and _offered(rules, forms, after):
            later.append(as_utc(after))
            count += after_count
    return _Around(max(earlier, default=None), min(later, default=None), count)


def free_week(
    citizen: Citizen, rules: TalkRules, now: dt.datetime, choice: WeekChoice | None = None,
    *, limit: int = WEEK_LIMIT,
) -> FreeWeek:
    """Free times of the citizen's own jobcentre in one week, in forms allowed for them on
    that day (IL § 20, stk. 4; BEK 1307/2020 § 13, stk. 2): the week asked for, or the first
    week with a free time. Only that week's slots are read (a date range in the query)."""
    choice = choice or WeekChoice()
    bookable = _bookable(citizen, now)
    if bookable is None:
        return FreeWeek(None, refused=choice.refused)
    monday = choice.monday
    if monday is None:
        first = _around(rules, bookable, now, now).later
        if first is None:
            return FreeWeek(None, refused=choice.refused)
        monday = monday_of(local(first).date())
    start, end = bounds(monday)
    stmt = (
        select(TalkSlot)
        .where(*bookable, TalkSlot.starts_at >= start, TalkSlot.starts_at < end)
        .order_by(TalkSlot.starts_at, TalkSlot.id)
        .limit(limit * 3)
    )
    language = citizen.preferred_locale or "da"
    slots: list[FreeSlot] = []
    cut = False
    for slot in db.session.scalars(stmt):
        forms = _offered(rules, slot.forms, slot.starts_at)
        if not forms:
            continue
        if len(slots) == limit:
            cut = True
            break
        slots.append(FreeSlot(slot, forms, language in slot.interpreter_list))
    around = _around(rules, bookable, start, end)
    return FreeWeek(
        monday, tuple(slots),
        earlier=monday_of(local(around.earlier).date()) if around.earlier else None,
        later=monday_of(local(around.later).date()) if around.later else None,
        later_count=around.later_count, cut=cut, refused=choice.refused,
    )


def claim_slot(slot_id: int) -> None:
    """Lock the slot's row for this transaction if it is still offered, else refuse.

    Booking a slot, moving to it and withdrawing it all begin with an UPDATE of the slot's
    row, so for one slot they happen one after the other: PostgreSQL makes a second UPDATE
    wait for the first transaction and then re-reads ``withdrawn``; SQLite lets one writer
    at a time. A booking that waited for a withdrawal finds the slot withdrawn here.
    """
    claimed = db.session.execute(
        update(TalkSlot)
        .where(TalkSlot.id == slot_id, TalkSlot.withdrawn.is_(False))
        .values(withdrawn=False)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        db.session.rollback()
        raise BookingError(messages.SLOT_WITHDRAWN)


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
    if slot is None or slot.municipality_id != citizen.municipality_id:
        raise BookingError(messages.SLOT_NOT_FOUND)
    if slot.withdrawn:
        raise BookingError(messages.SLOT_WITHDRAWN)
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
    claim_slot(slot.id)
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
    claim_slot(slot.id)
    new = _new_booking(citizen, slot, form, interpreter, request_key, now)
    if not _end(booking, BookingStatus.MOVED, now):
        raise BookingError(messages.NOT_ACTIVE)
    db.session.add(new)
    try:
        db.session.flush()
        booking.moved_to_id = new.id
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise BookingError(messages.SLOT_TAKEN) from None
    return new, True


def _end(booking: Booking, status: BookingStatus, now: dt.datetime) -> bool:
    """Mark a booking moved or cancelled only if it is still booked (one UPDATE with the
    status in its WHERE): when the jobcentre cancels the talk at the same moment, one of
    the two wins and the other changes nothing. False (and rolled back) if it lost."""
    ended = db.session.execute(
        update(Booking)
        .where(Booking.id == booking.id, Booking.status == BookingStatus.BOOKED)
        .values(status=status, active_slot_id=None, changed_at=now)
    )
    if ended.rowcount != 1:  # type: ignore[attr-defined]
        db.session.rollback()
        return False
    return True


def cancel(booking: Booking, now: dt.datetime) -> bool:
    """Cancel before the deadline; returns False if it was already cancelled (re-sent form)."""
    if booking.status == BookingStatus.CANCELLED:
        return False
    if booking.status != BookingStatus.BOOKED:
        raise BookingError(messages.NOT_ACTIVE)
    if not can_change(booking, now):
        raise BookingError(messages.TOO_LATE_TO_CHANGE)
    if not _end(booking, BookingStatus.CANCELLED, now):
        # another change of this booking came first: a re-sent form if it is now cancelled
        current = db.session.scalar(select(Booking.status).where(Booking.id == booking.id))
        if current == BookingStatus.CANCELLED:
            return False
        raise BookingError(messages.NOT_ACTIVE)
    db.session.commit()
    return True
