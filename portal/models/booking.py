"""A citizen's booking of a job talk slot, and its outcome.

**No double booking**: ``active_slot_id`` holds the slot's id while the booking is active
and is NULL once it is moved or cancelled; a UNIQUE constraint on it lets exactly one
active booking per slot exist (NULLs do not collide, on SQLite and PostgreSQL alike).
``(citizen_id, request_key)`` is unique too, so a form the phone sends twice books once.

The interpreter assignment (another feature) can reference a booking by its id and read
``starts_at``/``ends_at``, ``citizen_id`` and ``municipality_id`` without joining slots.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.enums import TalkForm, enum_column

if TYPE_CHECKING:
    from portal.models.citizen import Citizen
    from portal.models.held_talk import HeldTalk
    from portal.models.talk_slot import TalkSlot


class BookingStatus(enum.StrEnum):
    BOOKED = "booked"
    MOVED = "moved"
    CANCELLED = "cancelled"
    HELD = "held"
    NO_SHOW = "no_show"


class Booking(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "booking"
    __table_args__ = (
        sa.UniqueConstraint("active_slot_id", name="uq_booking_active_slot_id"),
        sa.UniqueConstraint("citizen_id", "request_key", name="uq_booking_citizen_request"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(sa.ForeignKey("talk_slot.id"), index=True)
    active_slot_id: Mapped[int | None] = mapped_column(sa.ForeignKey("talk_slot.id"))
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizen.id"), index=True)
    municipality_id: Mapped[int] = mapped_column(sa.ForeignKey("municipality.id"), index=True)
    starts_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    ends_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    form: Mapped[TalkForm] = mapped_column(enum_column(TalkForm))
    #: locale code of the interpreter the citizen asked for, or None
    interpreter_language: Mapped[str | None] = mapped_column(sa.String(8))
    status: Mapped[BookingStatus] = mapped_column(enum_column(BookingStatus))
    #: a random key per rendered form: the same submission twice books once
    request_key: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    changed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: the booking this one was moved to
    moved_to_id: Mapped[int | None] = mapped_column(sa.ForeignKey("booking.id"))
    held_talk_id: Mapped[int | None] = mapped_column(sa.ForeignKey("held_talk.id"))
    outcome_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"))
    #: set when the jobcentre (not the citizen) cancelled the talk; the citizen sees the reason
    cancelled_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"))
    cancel_reason: Mapped[str | None] = mapped_column(sa.String(500))

    slot: Mapped[TalkSlot] = relationship(foreign_keys=[slot_id])
    citizen: Mapped[Citizen] = relationship()
    held_talk: Mapped[HeldTalk | None] = relationship()

    @property
    def active(self) -> bool:
        return self.status == BookingStatus.BOOKED

    @property
    def cancelled_by_jobcentre(self) -> bool:
        return self.status == BookingStatus.CANCELLED and self.cancelled_by_id is not None

    def __repr__(self) -> str:
        return f"<Booking {self.id} slot={self.slot_id} {self.status}>"
