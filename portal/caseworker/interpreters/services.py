"""Assigning an interpreter (a staff user with role interpreter) to a booked talk."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.extensions import db
from portal.models import Booking, BookingStatus, InterpreterAssignment, StaffRole, StaffUser


def booking_for_staff(staff: StaffUser, booking_id: int) -> Booking | None:
    """A booked talk of the staff member's municipality (else None)."""
    return db.session.scalar(
        select(Booking).where(Booking.id == booking_id,
                              Booking.municipality_id == staff.municipality_id)
    )


def interpreters(staff: StaffUser) -> list[StaffUser]:
    return list(db.session.scalars(
        select(StaffUser)
        .where(StaffUser.role == StaffRole.INTERPRETER, StaffUser.active.is_(True),
               StaffUser.municipality_id == staff.municipality_id)
        .order_by(StaffUser.name)
    ))


def current(booking: Booking) -> InterpreterAssignment | None:
    return db.session.scalar(
        select(InterpreterAssignment).where(InterpreterAssignment.booking_id == booking.id)
    )


class AssignmentError(ValueError):
    pass


def assign(staff: StaffUser, booking: Booking, interpreter_id: int, language: str,
           now: dt.datetime) -> InterpreterAssignment:
    """Assign (or re-assign) the talk's interpreter; one interpreter per talk."""
    if booking.status != BookingStatus.BOOKED:
        raise AssignmentError("not booked")
    interpreter = next((i for i in interpreters(staff) if i.id == interpreter_id), None)
    if interpreter is None:
        raise AssignmentError("unknown interpreter")
    assignment = current(booking)
    if assignment is None:
        assignment = InterpreterAssignment(booking_id=booking.id)
        db.session.add(assignment)
    assignment.interpreter_id = interpreter.id
    assignment.language = language
    assignment.assigned_by_id = staff.id
    assignment.assigned_at = now
    db.session.commit()
    return assignment
