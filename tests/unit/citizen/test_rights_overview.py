"""The cards service orders and decorates the rule module's document; it decides nothing."""

from __future__ import annotations

import datetime as dt

from portal.citizen.rights.services import overview, regional_rule_ids


def _duty(code, status, deadline=None, rules=(), **extra):
    return {
        "code": code,
        "status": status,
        "deadline": deadline,
        "citations": [],
        "rules": list(rules),
        "explanation": f"{code} text",
        "missing_facts": [],
        **extra,
    }


DOCUMENT = {
    "on": "2026-06-01",
    "regulation": {"id": "bek-2024", "explanation": "x"},
    "region": {
        "code": "hovedstaden",
        "zone": "east",
        "name": "Region Hovedstaden",
        "municipality": "København",
    },
    "readiness": {"explanation": "job-ready"},
    "talks": {"rules": []},
    "attendance": {"rules": [], "citations": [], "explanation": ""},
    "duties": [
        _duty("contract", "not_applicable"),
        _duty("joblog", "exempt"),
        _duty("cv", "applies", "2026-06-10"),
        _duty("follow_up_talks", "unknown", missing_facts=["contract_goals_met"]),
        _duty("self_booking", "suspended"),
    ],
}


def test_cards_are_ordered_by_status_and_not_applicable_set_apart():
    ov = overview(DOCUMENT)
    assert [c.code for c in ov.cards] == ["cv", "follow_up_talks", "self_booking", "joblog"]
    assert [c.code for c in ov.not_applicable] == ["contract"]


def test_deadline_is_counted_from_the_assessment_date():
    cv = overview(DOCUMENT).cards[0]
    assert cv.deadline == dt.date(2026, 6, 10) and cv.days_left == 9


def test_exempt_duties_offer_no_action_but_still_guidance():
    joblog = next(c for c in overview(DOCUMENT).cards if c.code == "joblog")
    assert joblog.action is None and joblog.guidance_topic == "joblog"


def test_region_note_only_when_a_regional_rule_was_used():
    assert overview(DOCUMENT).region is None
    regional = next(iter(regional_rule_ids()))
    document = {**DOCUMENT, "attendance": {**DOCUMENT["attendance"], "rules": [regional]}}
    note = overview(document).region
    assert note is not None and note.zone == "east" and note.municipality == "København"


def test_regulation_note_only_for_the_missing_predecessor_order():
    assert overview(DOCUMENT).regulation_note is None
    document = {
        **DOCUMENT,
        "regulation": {
            "id": "unknown",
            "reason_code": "predecessor_order",
            "explanation": "older order",
        },
    }
    assert overview(document).regulation_note == "older order"
