"""Dates typed the Danish way (day first) or picked."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.forms.typed_dates import parse_typed_date

TODAY = dt.date(2025, 4, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/4", dt.date(2025, 4, 3)),
        ("03.04.2025", dt.date(2025, 4, 3)),
        ("3.4.25", dt.date(2025, 4, 3)),
        ("3-4-2025", dt.date(2025, 4, 3)),
        ("3. 4.", dt.date(2025, 4, 3)),
        ("2025-04-03", dt.date(2025, 4, 3)),
        (" 10/4 ", dt.date(2025, 4, 10)),
        ("24/12", dt.date(2024, 12, 24)),  # no year: the last 24 December before today
    ],
)
def test_day_first_dates(text, expected):
    assert parse_typed_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "tomorrow", "31/2", "32/1", "3/13", "2025-02-30", "1/2/3/4"])
def test_not_a_date(text):
    assert parse_typed_date(text, TODAY) is None


def test_future_dates_look_forward():
    assert parse_typed_date("1/1", TODAY, future=True) == dt.date(2026, 1, 1)
    assert parse_typed_date("10/4", TODAY, future=True) == TODAY


def test_29_february_without_year_finds_a_leap_year_or_nothing():
    assert parse_typed_date("29/2", dt.date(2025, 4, 10)) == dt.date(2024, 2, 29)
    assert parse_typed_date("29/2", dt.date(2026, 4, 10)) is None  # 2026 and 2025 are common


def test_persian_and_arabic_digits_are_dates_too():
    assert parse_typed_date("۳/۴", TODAY) == dt.date(2025, 4, 3)  # Persian digits
    assert parse_typed_date("٠٣.٠٤.٢٠٢٥", TODAY) == dt.date(2025, 4, 3)  # Arabic-Indic digits
