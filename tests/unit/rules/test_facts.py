"""parse_facts: typed facts from the contract's JSON, FactsError naming the field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from portal.rules.errors import FactsError
from portal.rules.facts import Facts, parse_facts


def test_missing_fields_are_unknown_not_false() -> None:
    facts = parse_facts({})
    assert facts == Facts()
    assert facts.has_phone_or_computer is None
    assert facts.contract_goals_met is None
    assert facts.decisions == () and facts.talks == () and facts.offers == ()


def test_a_full_record() -> None:
    facts = parse_facts(
        {
            "on": "2021-06-01",
            "municipality_code": "101",
            "residence_basis": "family_reunified_spouse",
            "benefit": "transition_benefit",
            "readiness": "activity_ready",
            "has_phone_or_computer": False,
            "decisions": [
                {
                    "kind": "cv_exemption",
                    "from": "2021-01-01",
                    "to": "2021-12-31",
                    "reason": "IT skills",
                }
            ],
            "talks": [{"on": "2021-05-02", "form": "video"}, {"on": "2021-04-01", "form": "phone"}],
            "offers": [{"kind": "wage_subsidy", "from": "2021-02-01", "hours_per_week": 7.5}],
        }
    )
    assert facts.on == date(2021, 6, 1)
    assert facts.has_phone_or_computer is False
    assert facts.decisions[0].valid_to == date(2021, 12, 31)
    assert [t.on for t in facts.talks] == [date(2021, 4, 1), date(2021, 5, 2)]  # sorted
    assert facts.offers[0].hours_per_week == Decimal("7.5")


def test_unknown_top_level_fields_are_ignored() -> None:
    assert parse_facts({"lang": "da", "comment": "x"}) == Facts()


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"municipality_code": "411"}, "municipality_code", "unknown municipality code"),
        ({"municipality_code": "999"}, "municipality_code", "unknown municipality code"),
        ({"municipality_code": 101}, "municipality_code", "string"),
        ({"on": "2020-13-01"}, "on", "not a valid date"),
        ({"visitation_on": "01-02-2021"}, "visitation_on", "not a valid date"),
        ({"cpr_registered_on": 20210101}, "cpr_registered_on", "YYYY-MM-DD"),
        ({"readiness": "sleepy"}, "readiness", "unknown value"),
        ({"benefit": "cash"}, "benefit", "unknown value"),
        ({"residence_basis": 3}, "residence_basis", "must be one of"),
        ({"has_phone_or_computer": "yes"}, "has_phone_or_computer", "true, false or null"),
        ({"contract_goals_met": 1}, "contract_goals_met", "true, false or null"),
        ({"decisions": {"kind": "cv_exemption"}}, "decisions", "must be a list"),
        ({"decisions": ["cv_exemption"]}, "decisions[0]", "must be an object"),
        (
            {"decisions": [{"kind": "holiday", "from": "2021-01-01"}]},
            "decisions[0].kind",
            "unknown value",
        ),
        ({"decisions": [{"kind": "cv_exemption"}]}, "decisions[0].from", "required"),
        (
            {"decisions": [{"kind": "cv_exemption", "from": "2021-02-01", "to": "2021-01-31"}]},
            "decisions[0].to",
            "before from",
        ),
        (
            {"decisions": [{"kind": "cv_exemption", "from": "2021-02-01", "reason": 5}]},
            "decisions[0].reason",
            "text",
        ),
        ({"talks": [{"on": "2021-02-01", "form": "pigeon"}]}, "talks[0].form", "unknown value"),
        ({"talks": [{"form": "phone"}]}, "talks[0].on", "required"),
        (
            {"offers": [{"kind": "company_internship", "from": "2021-02-01", "to": "2021-01-01"}]},
            "offers[0].to",
            "before from",
        ),
        ({"offers": [{"kind": "job", "from": "2021-02-01"}]}, "offers[0].kind", "unknown value"),
        (
            {"offers": [{"kind": "mentor", "from": "2021-02-01", "hours_per_week": True}]},
            "offers[0].hours_per_week",
            "number",
        ),
        (
            {"offers": [{"kind": "mentor", "from": "2021-02-01", "hours_per_week": -1}]},
            "offers[0].hours_per_week",
            "between",
        ),
    ],
)
def test_bad_input_names_the_field(data: dict[str, Any], field: str, fragment: str) -> None:
    with pytest.raises(FactsError) as caught:
        parse_facts(data)
    assert caught.value.field == field
    assert fragment in caught.value.message
    assert str(caught.value).startswith(field)


def test_facts_must_be_an_object() -> None:
    with pytest.raises(FactsError) as caught:
        parse_facts(["not", "an", "object"])  # type: ignore[arg-type]
    assert caught.value.field == ""


def test_facts_are_frozen() -> None:
    facts = parse_facts({"benefit": "none"})
    with pytest.raises(AttributeError):
        facts.benefit = "transition_benefit"  # type: ignore[misc]
