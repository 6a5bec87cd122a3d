"""assess_json: the HTTP door's pure half (payload -> document, errors naming the field)."""

from __future__ import annotations

from datetime import date

import pytest

from portal.rules.service import AssessRequestError, assess_json

FACTS = {
    "on": "2021-06-01",
    "municipality_code": "101",
    "residence_basis": "refugee",
    "benefit": "self_support_and_return_benefit",
    "readiness": "job_ready",
    "visitation_on": "2021-05-10",
    "municipality_took_over_on": "2021-03-15",
}


def test_document_with_trace_and_override_date() -> None:
    doc = assess_json({**FACTS, "trace": True}, on=date(2021, 7, 1))
    assert doc["on"] == "2021-07-01"
    assert doc["trace"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({**FACTS, "on": None}, "on"),
        ({**FACTS, "lang": "Danish!"}, "lang"),
        ({**FACTS, "trace": "yes"}, "trace"),
        ({**FACTS, "offers": [{"kind": "mentor"}]}, "offers[0].from"),
    ],
)
def test_bad_requests_name_the_field(payload: dict[str, object], field: str) -> None:
    with pytest.raises(AssessRequestError) as caught:
        assess_json(payload)
    assert caught.value.field == field


def test_an_unknown_language_falls_back_to_english() -> None:
    doc = assess_json({**FACTS, "lang": "xx"})
    assert doc["duties"][0]["explanation"].startswith("You and the municipality")
