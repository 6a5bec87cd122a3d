"""Texts about a booking in the reader's language: the form, where, when.

Called inside ``flask_babel.force_locale`` for e-mails, or in a request for pages.
"""

from __future__ import annotations

from flask_babel import format_datetime, format_time
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.models import Booking
from portal.talks.clock import as_utc

FORM_NAMES = {
    "in_person": _l("In person"),
    "phone": _l("By phone"),
    "video": _l("Video"),
    "chat": _l("Chat"),
    "letter": _l("Letter"),
}


def form_name(form: object) -> str:
    return str(FORM_NAMES.get(str(form), str(form)))


def when(booking: Booking) -> str:
    start = as_utc(booking.starts_at)
    return str(_(
        "%(day)s, %(start)s–%(end)s",
        day=format_datetime(start, "EEEE d MMMM y"),
        start=format_time(start, "HH:mm"),
        end=format_time(as_utc(booking.ends_at), "HH:mm"),
    ))


def where(booking: Booking) -> str:
    slot = booking.slot
    form = str(booking.form)
    if form == "in_person":
        return slot.address or ""
    if form == "video":
        return slot.video_url or ""
    return slot.phone_note or _("The jobcentre calls you on your phone number.")
