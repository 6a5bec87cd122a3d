"""Weeks of free times: ISO week names, Danish-time bounds, and what ``?week=`` accepts."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.talks.weeks import WeekChoice, bounds, monday_of, parse_week, week_param

TODAY = dt.date(2026, 11, 21)  # a Saturday in week 47


def test_week_names_round_trip():
    monday = dt.date(2026, 11, 23)
    assert week_param(monday) == "2026-W48"
    assert parse_week("2026-W48", TODAY) == WeekChoice(monday)
    assert week_param(dt.date(2026, 12, 28)) == "2026-W53"  # 2026 has 53 ISO weeks
    assert monday_of(dt.date(2026, 11, 29)) == monday  # Sunday belongs to the week before


def test_this_week_is_allowed_and_nothing_means_the_first_week():
    assert parse_week("2026-W47", TODAY) == WeekChoice(dt.date(2026, 11, 16))
    assert parse_week(None, TODAY) == WeekChoice()
    assert parse_week("  ", TODAY) == WeekChoice()


@pytest.mark.parametrize(
    "raw",
    ["2026-W54", "2027-W53", "2026-W00", "2026-w48", "2026W48", "26-W48", "2026-W048",
     "2026-W48x", "x2026-W48", "2026-W4８", "2026-11-23", "1; DROP TABLE talk_slot",
     "2026-W48" * 100, "2028-W01"],
)
def test_invalid_or_far_out_weeks_are_refused(raw):
    assert parse_week(raw, TODAY) == WeekChoice(refused="invalid")


def test_a_week_that_has_passed_is_refused_as_past():
    assert parse_week("2026-W46", TODAY) == WeekChoice(refused="past")
    assert parse_week("2020-W01", TODAY) == WeekChoice(refused="past")


def test_a_year_ahead_is_the_limit():
    assert parse_week("2027-W46", TODAY).monday == dt.date(2027, 11, 15)  # 52 weeks on
    assert parse_week("2027-W47", TODAY).refused == "invalid"


def test_bounds_are_danish_midnights_across_the_change_to_winter_time():
    start, end = bounds(dt.date(2026, 10, 19))  # summer time ends Sunday 25 October
    assert start == dt.datetime(2026, 10, 18, 22, 0, tzinfo=dt.UTC)  # 00:00 CEST
    assert end == dt.datetime(2026, 10, 25, 23, 0, tzinfo=dt.UTC)  # 00:00 CET
