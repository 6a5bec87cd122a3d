"""Reminder e-mails the day before a talk; run by cron through ``flask talks send-reminders``.

Idempotent by the database: a ``TalkReminder`` row (UNIQUE booking_id) is written in the
same transaction as the e-mail is sent, so running the command twice — or twice at the
same time — sends each reminder once. A failed e-mail rolls back, so the next run retries.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal.clock import now_utc
from portal.extensions import db
from portal.models import Booking, BookingStatus, TalkReminder
from portal.talks import notify
from portal.talks.clock import from_local


def due(today: dt.date) -> list[Booking]:
    """Active bookings on the day after ``today`` (Danish time) without a reminder yet."""
    tomorrow = today + dt.timedelta(days=1)
    start = from_local(tomorrow, dt.time(0, 0))
    end = from_local(tomorrow + dt.timedelta(days=1), dt.time(0, 0))
    reminded = select(TalkReminder.booking_id)
    stmt = (
        select(Booking)
        .where(
            Booking.status == BookingStatus.BOOKED,
            Booking.starts_at >= start,
            Booking.starts_at < end,
            Booking.id.not_in(reminded),
        )
        .order_by(Booking.starts_at)
    )
    return list(db.session.scalars(stmt))


def send_reminders(today: dt.date) -> tuple[int, int]:
    """Returns (sent, failed)."""
    sent = failed = 0
    for booking in due(today):
        db.session.add(TalkReminder(booking_id=booking.id, sent_at=now_utc()))
        try:
            db.session.flush()
        except IntegrityError:  # another run got there first
            db.session.rollback()
            continue
        if notify.reminder(booking):
            db.session.commit()
            sent += 1
        else:
            db.session.rollback()
            failed += 1
    return sent, failed
