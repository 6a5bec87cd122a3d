"""An iCalendar (RFC 5545) file for a booked talk, in Denmark's time zone.

The event carries ``TZID=Europe/Copenhagen`` with a VTIMEZONE (CET/CEST rules), so a
phone shows the talk at the jobcentre's wall-clock time wherever it is set; for a video
talk the join link is in ``URL`` and ``LOCATION``.
"""

from __future__ import annotations

import datetime as dt

from portal.models import Booking
from portal.talks.clock import as_utc, local

VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Copenhagen",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 5545 § 3.1)."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not parts else 74
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def _local(moment: dt.datetime) -> str:
    return local(moment).strftime("%Y%m%dT%H%M%S")


def calendar(
    booking: Booking, summary: str, description: str, location: str, *, cancelled: bool = False
) -> bytes:
    slot = booking.slot
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Min integration//Job talks//DA",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancelled else 'PUBLISH'}",
        *VTIMEZONE,
        "BEGIN:VEVENT",
        f"UID:booking-{booking.id}@min-integration",
        f"DTSTAMP:{as_utc(booking.changed_at or booking.created_at).strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;TZID=Europe/Copenhagen:{_local(booking.starts_at)}",
        f"DTEND;TZID=Europe/Copenhagen:{_local(booking.ends_at)}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        f"LOCATION:{_escape(location)}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        f"SEQUENCE:{1 if cancelled else 0}",
    ]
    if str(booking.form) == "video" and slot.video_url:
        lines.append(f"URL:{slot.video_url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")
