"""Temporal sweep: weekly dates 2019-2027 x 5 regions x a grid of personas.

No conflict anywhere, every answer well-formed, and no unexpected ``unknown``: an unknown
answer must rest on the missing predecessor order, on sources that do not give the rule
(offers from 2025), or on facts the persona really lacks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from portal.rules.book import DUTY_CODES
from portal.rules.engine import assess
from portal.rules.facts import parse_facts
from portal.rules.model import STATUSES
from tests.unit.rules.personas import grid

EXPECTED_REASONS = {"predecessor_order", "not_in_sources"}
YEARS = range(2019, 2028)


def _weeks(year: int) -> list[date]:
    day = date(year, 1, 1)
    out = []
    while day.year == year:
        out.append(day)
        day += timedelta(days=7)
    return out


@pytest.mark.parametrize("year", YEARS)
def test_sweep(year: int) -> None:
    problems: list[str] = []
    count = 0
    for on in _weeks(year):
        for label, data in grid(on):
            lacking = {k for k, v in data.items() if v is None}
            a = assess(parse_facts(data), on)
            count += 1
            for code in DUTY_CODES:
                r = a[code]
                status = r.value if r.known else "unknown"
                if status not in STATUSES:
                    problems.append(f"{on} {label} {code}: bad status {status!r}")
                if r.known or r.reason in EXPECTED_REASONS:
                    continue
                if not r.missing or not set(r.missing) <= lacking | {"readiness"}:
                    problems.append(f"{on} {label} {code}: unexpected unknown {r.missing}")
                elif "readiness" in r.missing and a["readiness"].known:
                    problems.append(f"{on} {label} {code}: readiness missing but known")
    assert count > 0
    assert not problems, "\n".join(problems[:20])
