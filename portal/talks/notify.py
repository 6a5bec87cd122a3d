"""E-mails about bookings, in the recipient's language, over real SMTP.

A failed e-mail never undoes a booking: the caller is told (``False``) and shows the
receipt page anyway, where the same information and the calendar file are.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from portal.mail.sender import Attachment, MailError, send
from portal.models import Booking, Citizen, StaffUser
from portal.talks import ics
from portal.talks.wording import form_name, when, where


def _calendar_attachment(booking: Booking, *, cancelled: bool = False) -> Attachment:
    data = ics.calendar(
        booking,
        summary=_("Job talk with the jobcentre"),
        description=_("%(form)s. %(where)s", form=form_name(booking.form), where=where(booking)),
        location=where(booking),
        cancelled=cancelled,
    )
    method = "CANCEL" if cancelled else "PUBLISH"
    return Attachment("job-talk.ics", f"text/calendar; method={method}", data)


def _details(booking: Booking) -> str:
    lines = [
        _("When: %(when)s", when=when(booking)),
        _("How: %(form)s", form=form_name(booking.form)),
        _("Where: %(where)s", where=where(booking)),
    ]
    if booking.interpreter_language:
        lines.append(_("You asked for an interpreter."))
    return "\n".join(lines)


def _send(to: str | None, subject: str, text: str, attachments: list[Attachment]) -> bool:
    if not to:
        return False
    try:
        send(to, subject, text, attachments)
    except MailError as exc:
        current_app.logger.warning("booking e-mail not sent: %s", exc)
        return False
    return True


def _citizen_locale(citizen: Citizen) -> str:
    return citizen.preferred_locale or "da"


def _staff_locale(staff: StaffUser) -> str:
    return staff.preferred_locale or "da"


def _to_citizen(
    booking: Booking, compose: Callable[[], tuple[str, list[str]]], *, cancel: bool = False
) -> bool:
    """One e-mail to the booking's citizen in their language: "Hello …", the paragraphs
    ``compose`` gives (called inside the citizen's language), and the calendar file (a
    CANCEL of the same event when ``cancel``)."""
    citizen = booking.citizen
    with force_locale(_citizen_locale(citizen)):
        subject, paragraphs = compose()
        text = "\n\n".join([_("Hello %(name)s", name=citizen.name), *paragraphs])
        return _send(citizen.email, subject, text,
                     [_calendar_attachment(booking, cancelled=cancel)])


def booked(booking: Booking) -> bool:
    return _to_citizen(booking, lambda: (_("Your job talk is booked"), [
        _("You have booked a job talk with the jobcentre."),
        _details(booking),
        _("You can move or cancel the talk on Min integration until the deadline."),
        _("The calendar file is attached."),
    ]))


def reminder(booking: Booking) -> bool:
    return _to_citizen(booking, lambda: (_("Reminder: your job talk tomorrow"), [
        _("Reminder: you have a job talk with the jobcentre tomorrow."),
        _details(booking),
    ]))


def moved(old: Booking, new: Booking) -> bool:
    ok = _to_citizen(new, lambda: (_("Your job talk has been moved"), [
        _("Your job talk has been moved. The new time:"),
        _details(new),
        _("The old time, %(when)s, is cancelled.", when=when(old)),
    ]))
    _tell_caseworker(new, moved_from=old)
    return ok


def cancelled(booking: Booking) -> bool:
    ok = _to_citizen(booking, lambda: (_("Your job talk has been cancelled"), [
        _("Your job talk has been cancelled:"),
        _details(booking),
        _("Remember to book a new talk."),
    ]), cancel=True)
    _tell_caseworker(booking, cancelled=True)
    return ok


def cancelled_by_jobcentre(booking: Booking) -> bool:
    """The jobcentre cancelled the talk: the citizen is told why, with a calendar CANCEL for
    the event their calendar already holds (same UID as the booking's calendar file)."""
    return _to_citizen(booking, lambda: (_("The jobcentre has cancelled your job talk"), [
        _("The jobcentre has cancelled your job talk:"),
        _details(booking),
        _("Reason: %(reason)s", reason=booking.cancel_reason or ""),
        _("You can book a new time on Min integration. If the jobcentre books your "
          "talks for you, it will send you a new time."),
    ]), cancel=True)


def _tell_caseworker(
    booking: Booking, *, moved_from: Booking | None = None, cancelled: bool = False
) -> bool:
    staff = booking.slot.caseworker
    if moved_from is not None and moved_from.slot.caseworker_id != staff.id:
        _tell_caseworker(moved_from, cancelled=True)
    with force_locale(_staff_locale(staff)):
        if cancelled:
            subject = _("A citizen cancelled a job talk")
            intro = _("%(name)s cancelled this job talk:", name=booking.citizen.name)
        else:
            subject = _("A citizen moved a job talk")
            intro = _("%(name)s moved a job talk to this time:", name=booking.citizen.name)
        return _send(staff.email, subject, "\n\n".join([intro, _details(booking)]), [])
