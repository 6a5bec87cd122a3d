"""The contract document, the citizen's explanation and the caseworker's lines."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from portal.rules.book import DUTY_CODES
from portal.rules.engine import assess
from portal.rules.facts import parse_facts
from portal.rules.render import caseworker_lines, explain, to_document

REFUGEE_2025 = {
    "municipality_code": "461",
    "residence_basis": "refugee",
    "benefit": "self_support_and_return_benefit",
    "municipality_took_over_on": "2025-02-03",
    "readiness": "job_ready",
    "visitation_on": "2025-04-01",
    "registered_as_job_seeker_on": "2025-02-04",
    "has_phone_or_computer": True,
    "contract_goals_met": False,
    "guidance_given_on": "2025-02-10",
}
TRACE_OUTCOMES = {
    "applied",
    "not_in_force",
    "other_region",
    "other_group",
    "condition_false",
    "unknown",
}


def _doc(on: date = date(2025, 6, 2), trace: bool = False, **facts: Any) -> dict[str, Any]:
    return to_document(assess(parse_facts({**REFUGEE_2025, **facts}), on), trace=trace)


def test_the_document_has_the_contract_fields() -> None:
    doc = _doc()
    assert doc["on"] == "2025-06-02"
    assert doc["rulebook_version"].startswith("2025.1+")
    assert doc["regulation"]["id"] == "bek-2024" and doc["regulation"]["citation"]
    assert {"code", "zone"} <= set(doc["region"])
    assert {"value", "presumed", "visitation_due", "citations"} <= set(doc["readiness"])
    assert {"allowed_forms", "required", "window_ends", "held_counting", "next_due"} <= set(
        doc["talks"]
    )
    assert [d["code"] for d in doc["duties"]] == list(DUTY_CODES)
    for duty in doc["duties"]:
        assert {
            "code",
            "status",
            "deadline",
            "citations",
            "rules",
            "explanation",
            "missing_facts",
        } <= set(duty)
        assert duty["explanation"]
        if duty["status"] != "not_applicable":
            assert duty["citations"], duty["code"]
    assert "trace" not in doc
    json.dumps(doc)  # plain JSON


def test_the_trace_only_when_asked() -> None:
    doc = _doc(trace=True)
    assert doc["trace"]
    for entry in doc["trace"]:
        assert entry["outcome"] in TRACE_OUTCOMES or entry["outcome"].startswith("defeated_by:")
        assert entry["citation"] and entry["rule"] and isinstance(entry["facts"], dict)
    outcomes = {e["outcome"] for e in doc["trace"]}
    assert {"applied", "not_in_force", "other_region", "other_group", "condition_false"} <= outcomes


def test_explanations_are_translated_with_named_parameters() -> None:
    a = assess(parse_facts(REFUGEE_2025), date(2025, 6, 2))
    doc = to_document(a, translate=lambda s: "[da] " + s)
    cv = next(d for d in doc["duties"] if d["code"] == "cv")
    assert cv["explanation"].startswith("[da] Register your CV")
    assert "[da] Your deadline is 2025-02-25." in cv["explanation"]
    # citations stay in official Danish form
    assert cv["citations"][0] == "Integrationsloven § 26 b, stk. 4"


def test_an_interpretation_says_so() -> None:
    doc = _doc()
    self_booking = next(d for d in doc["duties"] if d["code"] == "self_booking")
    assert self_booking["interpretation"] is True
    assert "the legal text does not settle it" in self_booking["explanation"]


def test_unknown_names_what_the_jobcentre_must_record() -> None:
    doc = _doc(residence_basis=None)
    contract = next(d for d in doc["duties"] if d["code"] == "contract")
    assert contract["status"] == "unknown"
    assert contract["missing_facts"] == ["residence_basis"]
    assert "the basis of your residence permit" in contract["explanation"]


def test_a_missing_deadline_fact_is_explained() -> None:
    doc = _doc(registered_as_job_seeker_on=None)
    cv = next(d for d in doc["duties"] if d["code"] == "cv")
    assert (cv["status"], cv["deadline"]) == ("applies", None)
    assert cv["missing_facts"] == ["registered_as_job_seeker_on"]
    assert "when you registered as a job seeker" in cv["explanation"]
    assert "–" not in cv["explanation"]


def test_availability_carries_the_guidance_rule() -> None:
    doc = _doc(guidance_given_on=None)
    availability = next(d for d in doc["duties"] if d["code"] == "availability")
    assert availability["details"]["sanction_possible"] is None
    assert "written guidance" in availability["explanation"]


def test_danish_test_amounts_in_whole_kroner() -> None:
    doc = _doc(residence_basis="family_reunified_spouse", cpr_registered_on="2025-01-20")
    danish = next(d for d in doc["duties"] if d["code"] == "danish_tests")
    assert danish["details"]["security_reduction_dkk"] == {
        "a1": 11400,
        "a2": 7500,
        "final_exam": 7500,
    }
    assert "11\u00a0400 kr." in danish["explanation"]
    assert "A1 by 2025-07-20" in danish["explanation"]


def test_caseworker_lines_show_every_candidate() -> None:
    a = assess(parse_facts(REFUGEE_2025), date(2025, 6, 2))
    lines = [str(line) for line in caseworker_lines(a)]
    assert (
        "BEK nr. 1307 af 7. september 2020 § 13, stk. 2 — not applied: replaced 1 January 2025"
    ) in lines
    assert "Integrationsloven § 20, stk. 4 — applied (interpretation)" in lines
    assert ("BEK nr. 685 af 26. maj 2020 — not applied: ended 14 August 2020") in lines
    assert any(line.endswith("not applied: applies to another group of people") for line in lines)
    assert any("not applied: in force from" in line for line in lines) is False  # all started
    assert len(lines) == len(a.rulebook.rules)


def test_caseworker_lines_for_an_override_and_a_date_not_yet_in_force() -> None:
    a = assess(
        parse_facts(
            {**REFUGEE_2025, "decisions": [{"kind": "joblog_exemption", "from": "2025-04-01"}]}
        ),
        date(2019, 6, 3),
    )
    lines = {line.rule_id: line for line in caseworker_lines(a, lambda s: s)}
    assert lines["joblog.bek1307"].text.endswith("not applied: in force from 8 September 2020")
    b = assess(
        parse_facts(
            {**REFUGEE_2025, "decisions": [{"kind": "joblog_exemption", "from": "2025-04-01"}]}
        ),
        date(2025, 6, 2),
    )
    lines = {line.rule_id: line for line in caseworker_lines(b)}
    assert lines["joblog.il"].text == (
        "Integrationsloven § 26 a, stk. 1 — not applied: overridden by "
        "Integrationsloven § 26 a, stk. 4"
    )


def test_explain_for_a_default_answer() -> None:
    a = assess(parse_facts(REFUGEE_2025), date(2025, 6, 2))
    assert explain(a, "danish_tests").startswith("The Danish test deadlines are for spouses")
