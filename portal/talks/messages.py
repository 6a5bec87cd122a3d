"""What a citizen or caseworker is told when a booking cannot be made (one module of messages)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

SLOT_NOT_FOUND = _l("That time does not exist. Choose one of the free times below.")
SLOT_WITHDRAWN = _l("That time is no longer available. Choose one of the free times below.")
SLOT_TAKEN = _l("That time was just taken by someone else. Choose one of the free times below.")
TOO_LATE_TO_BOOK = _l("That time can no longer be booked. Choose a later time.")
FORM_NOT_OFFERED = _l("That kind of talk is not offered at this time. Choose one that is listed.")
FORM_NOT_ALLOWED = _l(
    "That kind of talk is not allowed for you on that day. Choose one that is listed."
)
NO_INTERPRETER = _l(
    "There is no interpreter in your language at that time. Choose a time marked "
    "“interpreter available”, or book without an interpreter."
)
NOT_SELF_BOOKING = _l("Your jobcentre books your talks for you.")
TOO_LATE_TO_CHANGE = _l(
    "It is too late to move or cancel this talk. Call your jobcentre if you cannot come."
)
NOT_ACTIVE = _l("This talk has already been moved, cancelled or held.")
SAME_SLOT = _l("You already have this time. Choose a different time.")
TALK_NOT_STARTED = _l("You can record the outcome when the talk has started.")
SLOT_IS_BOOKED = _l(
    "This time is booked, so it was not withdrawn. Cancel the talk instead and tell the "
    "citizen why."
)
ALREADY_STARTED = _l("This talk has already started. Record how it went instead.")
