"""Interpreter access: one assigned talk, read-only, inside a time window.

From 15 minutes before the talk starts to 60 minutes after it ends, the assigned
interpreter may open that citizen's session view; before and after, nothing — and
nothing at all once the talk was cancelled or moved (the moved talk is a new booking,
which needs its own assignment). Every attempt — allowed or refused — is written to the
audit log by the route.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.extensions import db
from portal.models import Booking, BookingStatus, InterpreterAssignment, StaffUser
from portal.talks.clock import as_utc

OPENS_BEFORE = dt.timedelta(minutes=15)
CLOSES_AFTER = dt.timedelta(minutes=60)


@dataclass(frozen=True)
class Window:
    opens: dt.datetime
    closes: dt.datetime

    def contains(self, now: dt.datetime) -> bool:
        return self.opens <= now <= self.closes


#: a talk the interpreter can be part of: still booked, or held (the hour after it)
OPEN_STATUSES = frozenset({BookingStatus.BOOKED, BookingStatus.HELD})


def refusal(assignment: InterpreterAssignment, now: dt.datetime) -> str | None:
    """Why the interpreter may not open the session now (for the audit log), or None."""
    if assignment.booking.status not in OPEN_STATUSES:
        return f"talk {assignment.booking.status}"
    if not window(assignment.booking).contains(now):
        return "outside the window"
    return None


def window(booking: Booking) -> Window:
    return Window(as_utc(booking.starts_at) - OPENS_BEFORE, as_utc(booking.ends_at) + CLOSES_AFTER)


def assignments_of(interpreter: StaffUser) -> list[InterpreterAssignment]:
    """The interpreter's assignments, soonest first (booking and citizen loaded)."""
    stmt = (
        select(InterpreterAssignment)
        .join(Booking, Booking.id == InterpreterAssignment.booking_id)
        .where(InterpreterAssignment.interpreter_id == interpreter.id)
        .options(joinedload(InterpreterAssignment.booking).joinedload(Booking.citizen))
        .order_by(Booking.starts_at)
    )
    return list(db.session.scalars(stmt).unique())


def assignment_for(interpreter: StaffUser, assignment_id: int) -> InterpreterAssignment | None:
    """The assignment if it is this interpreter's (else None: nobody else's is visible)."""
    stmt = (
        select(InterpreterAssignment)
        .where(InterpreterAssignment.id == assignment_id,
               InterpreterAssignment.interpreter_id == interpreter.id)
        .options(joinedload(InterpreterAssignment.booking).joinedload(Booking.citizen))
    )
    return db.session.scalar(stmt)


def assignments_for_citizen(citizen_id: int) -> list[InterpreterAssignment]:
    """What the citizen is told: which interpreter had access, for which talk."""
    stmt = (
        select(InterpreterAssignment)
        .join(Booking, Booking.id == InterpreterAssignment.booking_id)
        .where(Booking.citizen_id == citizen_id)
        .options(joinedload(InterpreterAssignment.booking),
                 joinedload(InterpreterAssignment.interpreter))
        .order_by(Booking.starts_at.desc())
    )
    return list(db.session.scalars(stmt).unique())


def assignment_for_booking(booking_id: int) -> InterpreterAssignment | None:
    return db.session.scalar(
        select(InterpreterAssignment)
        .where(InterpreterAssignment.booking_id == booking_id)
        .options(joinedload(InterpreterAssignment.interpreter))
    )
