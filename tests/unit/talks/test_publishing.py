"""A recurring series of slots ("every Tuesday 9–12, 30 min") in Danish wall-clock time."""

from __future__ import annotations

import datetime as dt

from portal.talks.clock import local
from portal.talks.publishing import SlotSpec, starts
from portal.talks.services import parse_id


def _spec(**kw) -> SlotSpec:
    base = dict(first_day=dt.date(2026, 3, 24), weeks=2, start=dt.time(9), end=dt.time(12),
                minutes=30, forms=("phone",), address=None, phone_note=None, video_url=None,
                interpreter_languages=(), book_by_hours=24, change_by_hours=24)
    base.update(kw)
    return SlotSpec(**base)


def test_every_tuesday_nine_to_twelve_across_the_summer_time_change():
    moments = starts(_spec())
    assert len(moments) == 12
    wall = [local(m) for m in moments]
    assert {(w.hour, w.minute) for w in wall[:6]} == {(9, 0), (9, 30), (10, 0), (10, 30),
                                                     (11, 0), (11, 30)}
    # 24 March is winter time (UTC+1), 31 March summer time (UTC+2): same wall clock
    assert moments[0].hour == 8 and moments[6].hour == 7
    assert (wall[6].hour, wall[6].minute) == (9, 0)


def test_a_talk_that_does_not_fit_before_the_end_is_not_made():
    assert len(starts(_spec(weeks=1, end=dt.time(10, 15), minutes=30))) == 2


def test_parse_id_refuses_anything_but_a_plain_number():
    assert parse_id("42") == 42
    for bad in ("", "-1", "1.0", "1; DROP TABLE booking", "x", None, "9" * 20):
        assert parse_id(bad) is None
