"""POST /api/rules/assess: staff only, the contract's document, JSON errors naming the field."""

from __future__ import annotations

import re

import pytest

from tests.support.oidc import login

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days

FACTS = {
    "on": "2020-06-01",
    "municipality_code": "101",
    "residence_basis": "refugee",
    "benefit": "self_support_and_return_benefit",
    "municipality_took_over_on": "2020-03-02",
    "readiness": "job_ready",
    "registered_as_job_seeker_on": "2020-03-05",
    "applied_for_benefit_on": "2020-03-02",
    "has_phone_or_computer": True,
}


def _csrf(client) -> str:
    html = client.get("/caseworker/").get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match
    return match.group(1)


def test_anonymous_gets_401(client):
    response = client.post("/api/rules/assess", json=FACTS)
    assert response.status_code in (400, 401)  # CSRF or login: never an assessment
    assert "duties" not in (response.json or {})


def test_citizen_gets_403(client, personas):
    login(client, "citizen-amal")
    html = client.get("/citizen/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    response = client.post("/api/rules/assess", json=FACTS, headers={"X-CSRFToken": token})
    assert response.status_code == 403


def test_caseworker_gets_the_contract_document(client, personas):
    login(client, "caseworker-kbh", audience="staff")
    response = client.post(
        "/api/rules/assess", json={**FACTS, "trace": True}, headers={"X-CSRFToken": _csrf(client)}
    )
    assert response.status_code == 200, response.json
    document = response.json
    assert document["on"] == "2020-06-01"
    assert (document["region"]["code"], document["region"]["zone"]) == ("hovedstaden", "east")
    assert {d["code"] for d in document["duties"]} >= {"cv", "joblog", "self_booking"}
    assert document["trace"]


def test_bad_input_is_400_naming_the_field(client, personas):
    login(client, "caseworker-kbh", audience="staff")
    token = _csrf(client)
    for payload, field in [
        ({**FACTS, "municipality_code": "999"}, "municipality_code"),
        ({**FACTS, "on": "2020-13-01"}, "on"),
        ({**FACTS, "readiness": "sleepy"}, "readiness"),
    ]:
        response = client.post("/api/rules/assess", json=payload, headers={"X-CSRFToken": token})
        assert response.status_code == 400
        assert response.json["error"]["field"] == field
    response = client.post(
        "/api/rules/assess", data="not json", headers={"X-CSRFToken": token}
    )
    assert response.status_code == 400
