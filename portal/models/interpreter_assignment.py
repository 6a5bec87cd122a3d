"""An interpreter assigned to one booked job talk, in one language.

The assignment is the interpreter's only key to a citizen's data: read-only, for that
citizen, from 15 minutes before the talk to 60 minutes after it ends.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db

if TYPE_CHECKING:
    from portal.models.booking import Booking
    from portal.models.staff_user import StaffUser


class InterpreterAssignment(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "interpreter_assignment"
    __table_args__ = (sa.UniqueConstraint("booking_id", name="uq_interpreter_assignment_booking"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(sa.ForeignKey("booking.id"))
    interpreter_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_user.id"), index=True)
    language: Mapped[str] = mapped_column(sa.String(8))
    assigned_by_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_user.id"))
    assigned_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))

    booking: Mapped[Booking] = relationship()
    interpreter: Mapped[StaffUser] = relationship(foreign_keys=[interpreter_id])
