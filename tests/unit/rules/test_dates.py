"""Month arithmetic: end-of-month clamping (2021-01-31 + 1 month = 2021-02-28)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.rules.dates import add_months, add_weeks, format_date_en, parse_iso_date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2021, 1, 31), 1, date(2021, 2, 28)),
        (date(2020, 1, 31), 1, date(2020, 2, 29)),  # leap year
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2021, 3, 31), 1, date(2021, 4, 30)),
        (date(2021, 1, 15), 1, date(2021, 2, 15)),
        (date(2021, 1, 31), 3, date(2021, 4, 30)),
        (date(2021, 8, 31), 6, date(2022, 2, 28)),
        (date(2020, 11, 30), 3, date(2021, 2, 28)),
        (date(2020, 2, 29), 12, date(2021, 2, 28)),
        (date(2021, 12, 31), 1, date(2022, 1, 31)),
        (date(2020, 8, 31), -6, date(2020, 2, 29)),
        (date(2021, 5, 10), 0, date(2021, 5, 10)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 120))
def test_add_months_properties(day: date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day <= day.day  # never rolls over into the next month
    if result.day < day.day:  # clamped: then it is the last day of its month
        assert (result + timedelta(days=1)).day == 1


def test_add_weeks() -> None:
    assert add_weeks(date(2021, 3, 16), 3) == date(2021, 4, 6)
    assert add_weeks(date(2021, 6, 30), 6) == date(2021, 8, 11)


def test_parse_iso_date_is_strict() -> None:
    assert parse_iso_date("2020-08-15") == date(2020, 8, 15)
    for bad in ("20200815", "2020-8-15", "2020-13-01", "15-08-2020", ""):
        with pytest.raises(ValueError):
            parse_iso_date(bad)


def test_format_date_en() -> None:
    assert format_date_en(date(2025, 1, 1)) == "1 January 2025"
