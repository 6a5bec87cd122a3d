"""A caseworker's view of one citizen: facts with validation, explanation, decisions, log."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, Citizen, Decision
from tests.support import clock
from tests.support.catalogue import t
from tests.support.forms import csrf_token
from tests.support.oidc import login
from tests.support.pages import check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def _id(app, subject: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Citizen.id).filter_by(oidc_subject=subject))


def _day(days_before_seed: int) -> dt.date:
    """A day counted back from the seed day (the personas' facts are counted from it too)."""
    return clock.SEED_DAY - dt.timedelta(days=days_before_seed)


def _facts_form(client, citizen_id: int, **changes: str) -> dict[str, str]:
    path = f"/caseworker/citizens/{citizen_id}/facts"
    data = {
        "csrf_token": csrf_token(client, path),
        "municipality_code": "101",
        "residence_basis": "refugee",
        "benefit": "self_support_and_return_benefit",
        "readiness": "",
        "municipality_took_over_on": _day(20).isoformat(),
        "registered_as_job_seeker_on": _day(7).isoformat(),
        "has_phone_or_computer": "yes",
    }
    data.update(changes)
    return data


def test_caseworker_sees_full_explanation_with_citations(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    page = check_page(client.get(f"/caseworker/citizens/{_id(app, 'citizen-amal')}"))
    text = page.text()
    assert "Integrationsloven § 26 a" in text
    assert "conclusion-joblog" in {el.get("id") for el in page.root.iter()}


def test_assess_as_of_a_past_date_uses_that_dates_rules(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    path = f"/caseworker/citizens/{_id(app, 'citizen-amal')}?on=2020-06-01"
    text = check_page(client.get(path)).text()
    assert "BEK nr. 685 af 26. maj 2020" in text or "26. maj 2020" in text


def test_bad_as_of_date_is_refused_with_a_message(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    page = check_page(client.get(f"/caseworker/citizens/{_id(app, 'citizen-amal')}?on=2020-13-45"))
    errors = page.root.findall(".//{http://www.w3.org/1999/xhtml}span[@class='form-error-message']")
    assert errors, "the bad date is pointed out at the field"
    today = format_date(clock.today(), "long", locale="da")
    assert today in page.h1 or today in page.text()  # and today's assessment is shown


def test_caseworker_of_another_municipality_gets_404(app, client, personas):
    login(client, "caseworker-aarhus", audience="staff")
    amal = _id(app, "citizen-amal")
    for path in ("", "/facts", "/decisions", "/access-log"):
        check_page(client.get(f"/caseworker/citizens/{amal}{path}"), status=404)


def test_facts_are_saved_and_audited(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    amal = _id(app, "citizen-amal")
    response = client.post(f"/caseworker/citizens/{amal}/facts",
                           data=_facts_form(client, amal, readiness="job_ready",
                                            visitation_on=_day(1).isoformat()))
    assert response.status_code == 302
    with app.app_context():
        citizen = db.session.get(Citizen, amal)
        assert str(citizen.readiness) == "job_ready"
        assert citizen.visitation_on == _day(1)
        actions = [e.action for e in db.session.scalars(select(AuditEvent).filter_by(
            citizen_id=amal))]
        assert "change:facts" in actions


def test_future_date_for_a_past_event_is_refused(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    amal = _id(app, "citizen-amal")
    future = (clock.today() + dt.timedelta(days=30)).isoformat()
    page = check_page(client.post(f"/caseworker/citizens/{amal}/facts",
                                  data=_facts_form(client, amal, visitation_on=future)))
    assert page.title.startswith(t("da", "Error:"))
    assert t("da", "The date cannot be in the future") in page.text()
    with app.app_context():
        assert db.session.get(Citizen, amal).visitation_on is None


def test_unknown_municipality_is_refused(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    amal = _id(app, "citizen-amal")
    page = check_page(client.post(f"/caseworker/citizens/{amal}/facts",
                                  data=_facts_form(client, amal, municipality_code="999")))
    assert t("da", "Choose a municipality from the list") in page.text() or page.title.startswith(
        t("da", "Error:"))
    with app.app_context():
        assert db.session.get(Citizen, amal).municipality.code == "101"


def test_grant_and_end_a_joblog_exemption(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    amal = _id(app, "citizen-amal")
    path = f"/caseworker/citizens/{amal}/decisions"
    page = check_page(client.get(path))
    assert "Integrationsloven § 26 a, stk. 4" in page.text()  # proposed legal basis
    response = client.post(path, data={
        "csrf_token": csrf_token(client, path), "kind": "joblog_exemption",
        "valid_from": _day(20).isoformat(), "reason": "Danish and IT skills not yet sufficient",
    })
    assert response.status_code == 302
    with app.app_context():
        decision = db.session.scalar(select(Decision).filter_by(citizen_id=amal))
        assert str(decision.kind) == "joblog_exemption"
        decision_id = decision.id
    response = client.post(f"{path}/{decision_id}/end",
                           data={"csrf_token": csrf_token(client, path),
                                 "valid_to": _day(11).isoformat()})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Decision, decision_id).valid_to == _day(11)


def test_decision_with_end_before_start_is_refused(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    amal = _id(app, "citizen-amal")
    path = f"/caseworker/citizens/{amal}/decisions"
    page = check_page(client.post(path, data={
        "csrf_token": csrf_token(client, path), "kind": "cv_exemption",
        "valid_from": _day(11).isoformat(), "valid_to": _day(20).isoformat(), "reason": "x",
    }))
    assert page.title.startswith(t("da", "Error:"))
    with app.app_context():
        assert db.session.scalar(select(Decision).filter_by(citizen_id=amal)) is None


def test_decision_the_rules_give_no_effect_is_refused(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    amal = _id(app, "citizen-amal")
    path = f"/caseworker/citizens/{amal}/decisions"
    page = check_page(client.post(path, data={
        "csrf_token": csrf_token(client, path), "kind": "pension_age_exemption",
        "valid_from": "2021-01-01", "reason": "x",
    }))
    assert page.title.startswith(t("da", "Error:"))


def test_access_log_lists_staff_reads(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    amal = _id(app, "citizen-amal")
    client.get(f"/caseworker/citizens/{amal}")
    page = check_page(client.get(f"/caseworker/citizens/{amal}/access-log"))
    assert "Karen Jensen" in page.text()
    assert "read:overview" in page.text()


def test_a_date_that_does_not_exist_is_refused_in_the_staff_language(app, client, personas):
    """Every date field on the citizen page answers in the user's language — WTForms' own
    DateField would say "Not a valid date value." in English for Pashto, Tigrinya, Somali."""
    login(client, "caseworker-kbh", audience="staff")
    client.get("/locale/ps?next=/")
    amal = _id(app, "citizen-amal")
    page = check_page(client.post(f"/caseworker/citizens/{amal}/facts",
                                  data=_facts_form(client, amal, visitation_on="31.02.2026")))
    assert t("ps", "Enter a real date, for example 3.4.2025") in page.text()
    assert "Not a valid date" not in page.text()
    with app.app_context():
        assert db.session.get(Citizen, amal).visitation_on is None
    decision = check_page(client.post(f"/caseworker/citizens/{amal}/decisions", data={
        "csrf_token": csrf_token(client, f"/caseworker/citizens/{amal}/decisions"),
        "kind": "joblog_exemption", "valid_from": "2026-13-01", "reason": "x"}))
    assert t("ps", "Enter a real date, for example 3.4.2025") in decision.text()
    as_of = check_page(client.get(f"/caseworker/citizens/{amal}?on=2020-13-45"))
    assert t("ps", "Enter a real date, for example 3.4.2025") in as_of.text()


def test_dates_are_typed_day_first_like_everywhere_else(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    amal = _id(app, "citizen-amal")
    response = client.post(f"/caseworker/citizens/{amal}/facts",
                           data=_facts_form(client, amal,
                                            visitation_on=f"{_day(1):%d.%m.%Y}"))
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Citizen, amal).visitation_on == _day(1)
