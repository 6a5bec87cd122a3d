"""A reminder e-mail that was sent for a booking; the unique key makes reminders idempotent."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class TalkReminder(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "talk_reminder"
    __table_args__ = (sa.UniqueConstraint("booking_id", name="uq_talk_reminder_booking_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(sa.ForeignKey("booking.id"))
    sent_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
