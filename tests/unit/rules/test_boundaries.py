"""Generated boundary tests at every validity edge of the rulebook (the day before / the day).

At every edge each rule that starts there is not in force the day before and in force on
the day, each rule that ends the day before stops, and nothing conflicts; at the edges the
law names, the expected change is asserted."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from portal.rules.engine import assess
from portal.rules.facts import parse_facts
from portal.rules.registry import RULEBOOK
from portal.rules.render import to_document
from tests.unit.rules.personas import persona

EDGES = sorted(e for e in RULEBOOK.bounds if date(2019, 1, 1) < e < date(2030, 1, 1))
NAMED = [
    date(2020, 3, 13),
    date(2020, 5, 27),
    date(2020, 8, 15),
    date(2020, 9, 8),
    date(2025, 1, 1),
]
DAY = timedelta(days=1)


def test_the_named_edges_are_edges_of_the_rulebook() -> None:
    assert set(NAMED) <= set(EDGES)


def _facts(on: date, residence: str, code: str) -> Any:
    data = persona(on, "job_ready", "self_support_and_return_benefit", residence, "none", code)
    return parse_facts(data)


@pytest.mark.parametrize("edge", EDGES, ids=str)
@pytest.mark.parametrize("residence", ["refugee", "displaced_from_ukraine"])
@pytest.mark.parametrize("code", ["101", "751"])
def test_rules_start_and_stop_at_their_edges(edge: date, residence: str, code: str) -> None:
    facts = _facts(edge, residence, code)  # same facts on both days
    before = assess(facts, edge - DAY, trace=True)
    after = assess(facts, edge, trace=True)
    out_before = {e.rule.id: e.outcome for e in before.trace or ()}
    out_after = {e.rule.id: e.outcome for e in after.trace or ()}
    for r in RULEBOOK.rules:
        if r.valid_from == edge:
            assert out_before[r.id] == "not_in_force", r.id
            assert out_after[r.id] != "not_in_force", r.id
        if r.valid_to == edge - DAY:
            assert out_before[r.id] != "not_in_force", r.id
            assert out_after[r.id] == "not_in_force", r.id


def _duties(
    on: date, residence: str = "refugee", code: str = "751", anchor: date | None = None
) -> dict[str, Any]:
    """The duties on ``on`` of a job-ready persona taken over 200 days before ``anchor``."""
    facts = _facts(anchor or on, residence, code)
    doc = to_document(assess(facts, on))
    return {"doc": doc, **{d["code"]: d for d in doc["duties"]}}


def test_suspension_starts_on_13_march_2020() -> None:
    anchor = date(2020, 3, 1)
    before, after = (
        _duties(date(2020, 3, 12), anchor=anchor),
        _duties(date(2020, 3, 13), anchor=anchor),
    )
    assert before["joblog"]["status"] == "applies" and after["joblog"]["status"] == "suspended"
    assert before["availability"]["status"] == "applies"
    assert after["availability"]["status"] == "suspended"
    assert before["follow_up_talks"]["status"] == "unknown"
    assert after["follow_up_talks"]["status"] == "suspended"
    assert after["doc"]["talks"]["allowed_forms"] == []


@pytest.mark.parametrize(
    ("code", "forms"),
    [("101", ["phone", "video", "chat"]), ("751", ["in_person", "phone", "video", "chat"])],
)
def test_reopening_on_27_may_2020(code: str, forms: list[str]) -> None:
    anchor = date(2020, 5, 1)
    before = _duties(date(2020, 5, 26), code=code, anchor=anchor)
    after = _duties(date(2020, 5, 27), code=code, anchor=anchor)
    for duty in ("joblog", "cv", "follow_up_talks", "first_company_offer", "availability"):
        assert before[duty]["status"] == "suspended", duty
        assert after[duty]["status"] == "applies", duty
    assert after["self_booking"]["status"] == "suspended"
    assert before["doc"]["talks"]["allowed_forms"] == []
    assert after["doc"]["talks"]["allowed_forms"] == forms


@pytest.mark.parametrize("code", ["101", "751"])
def test_self_booking_back_on_15_august_2020(code: str) -> None:
    anchor = date(2020, 8, 1)
    before = _duties(date(2020, 8, 14), code=code, anchor=anchor)
    after = _duties(date(2020, 8, 15), code=code, anchor=anchor)
    assert before["self_booking"]["status"] == "suspended"
    assert after["self_booking"]["status"] == "applies"


def test_bek_1307_from_8_september_2020() -> None:
    anchor = date(2020, 9, 1)  # visitation 2020-04-14: inside the 6-month window on both days
    before = _duties(date(2020, 9, 7), anchor=anchor)
    after = _duties(date(2020, 9, 8), anchor=anchor)
    assert before["doc"]["regulation"]["id"] == "unknown"
    assert after["doc"]["regulation"]["id"] == "bek-1307-2020"
    assert before["contract"]["status"] == "unknown"
    assert after["contract"]["status"] == "applies"
    assert (
        "Udlændinge- og Integrationsministeriets brev af 26. maj 2020, afsnit 3"
        in (before["follow_up_talks"]["citations"])
    )
    assert (
        "BEK nr. 1307 af 7. september 2020 § 19, stk. 2, nr. 1"
        in (after["follow_up_talks"]["citations"])
    )


def test_bek_2024_from_1_january_2025() -> None:
    before, after = _duties(date(2024, 12, 31)), _duties(date(2025, 1, 1))
    assert before["doc"]["regulation"]["id"] == "bek-1307-2020"
    assert after["doc"]["regulation"]["id"] == "bek-2024"
    assert before["first_company_offer"]["status"] == "applies"
    assert after["first_company_offer"]["status"] == "unknown"
    assert before["self_booking"]["rules"] == ["self_booking.bek1307"]
    assert after["self_booking"]["rules"] == ["self_booking.il"]
    assert after["follow_up_talks"]["reason_code"] == "no_count"


def test_displaced_from_ukraine_keeps_bek_1307_on_1_january_2025() -> None:
    before = _duties(date(2024, 12, 31), residence="displaced_from_ukraine")
    after = _duties(date(2025, 1, 1), residence="displaced_from_ukraine")
    assert before["doc"]["regulation"]["id"] == after["doc"]["regulation"]["id"] == "bek-1307-2020"
    assert before["first_company_offer"]["status"] == after["first_company_offer"]["status"]
    assert before["contract"]["rules"] == ["contract.bek1307"]
    assert after["contract"]["rules"] == ["contract.bek1307.ua"]
    assert "BEK af 30. december 2024 § 41, stk. 3" in after["contract"]["citations"]
    assert after["follow_up_talks"]["reason_code"] == before["follow_up_talks"]["reason_code"]
