"""The calendar file: Danish wall-clock time with its zone, folded lines, the join link."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from portal.talks import ics


def _booking(form: str = "video", start: dt.datetime | None = None):
    start = start or dt.datetime(2026, 7, 1, 7, 0, tzinfo=dt.UTC)  # 09:00 summer time
    slot = SimpleNamespace(video_url="https://video.example.invalid/room/42")
    return SimpleNamespace(id=7, slot=slot, form=form, starts_at=start,
                           ends_at=start + dt.timedelta(minutes=30),
                           created_at=start - dt.timedelta(days=3), changed_at=None)


def test_summer_and_winter_times_are_danish_wall_clock():
    summer = ics.calendar(_booking(), "Jobsamtale", "Video", "https://x").decode()
    assert "DTSTART;TZID=Europe/Copenhagen:20260701T090000" in summer
    winter = ics.calendar(_booking(start=dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)),
                          "Jobsamtale", "Video", "https://x").decode()
    assert "DTSTART;TZID=Europe/Copenhagen:20261201T090000" in winter
    assert "BEGIN:VTIMEZONE" in winter and "TZID:Europe/Copenhagen" in winter


def test_video_talk_carries_the_join_link_and_lines_are_folded():
    data = ics.calendar(_booking(), "Jobsamtale", "x" * 200, "https://x")
    text = data.decode()
    assert "URL:https://video.example.invalid/room/42" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.endswith("\r\n")


def test_phone_talk_has_no_url_and_cancel_is_marked():
    text = ics.calendar(_booking("phone"), "Jobsamtale", "Telefon", "Vi ringer",
                        cancelled=True).decode()
    assert "URL:" not in text
    assert "METHOD:CANCEL" in text and "STATUS:CANCELLED" in text


def test_text_is_escaped():
    text = ics.calendar(_booking(), "a, b; c", "line1\nline2", "x").decode()
    assert "SUMMARY:a\\, b\\; c" in text
    assert "DESCRIPTION:line1\\nline2" in text
