"""Contract pages for citizens and caseworkers, every route and role."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, ContractStatus, ContractVersion
from tests.support import clock, contracts, talks
from tests.support.oidc import login
from tests.support.pages import check_page
from tests.support.pdf import pdf_font_names

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def _csrf(response) -> str:
    text = response.get_data(as_text=True)
    marker = 'name="csrf_token" value="'
    start = text.index(marker) + len(marker)
    return text[start : text.index('"', start)]


def test_citizen_without_contract_is_told_so(app, client, personas):
    login(client, "citizen-amal")
    check_page(client.get("/citizen/contract/"))


def test_citizen_reads_summary_and_both_languages_then_accepts(app, client, personas):
    with app.app_context():
        number = contracts.sent_contract().number
    login(client, "citizen-amal")
    page = check_page(client.get("/citizen/contract/"))
    html = page.response.get_data(as_text=True)
    assert page.lang == "ar" and page.dir == "rtl"
    assert "Job som lagermedarbejder" in html
    # the translation and the binding Danish text
    assert 'class="contract-column contract-column--binding" lang="da" dir="ltr"' in html
    assert 'class="contract-column contract-column--translation" lang="ar" dir="rtl"' in html
    danish_first = check_page(client.get("/citizen/contract/?text=da"))
    assert "?text=mine" in " ".join(danish_first.links())
    assert "BEK af 30. december 2024 § 13" in html  # sanctions section, cited
    # without the declaration nothing is accepted
    token = _csrf(page.response)
    refused = client.post(f"/citizen/contract/{number}/accept",
                          data={"csrf_token": token, "accept": "y"})
    check_page(refused, 400)
    with app.app_context():
        assert db.session.scalar(select(ContractVersion.status)) == ContractStatus.SENT
    accepted = client.post(f"/citizen/contract/{number}/accept",
                           data={"csrf_token": token, "accept": "y", "declaration": "y"})
    assert accepted.status_code == 303
    receipt = check_page(client.get(accepted.location))
    with app.app_context():
        version = db.session.scalars(select(ContractVersion)).one()
        assert version.status == ContractStatus.ACCEPTED
        assert version.fingerprint in receipt.text()
    again = client.post(f"/citizen/contract/{number}/accept",
                        data={"csrf_token": token, "accept": "y", "declaration": "y"})
    assert again.status_code == 303


def test_pdf_in_the_citizens_language_and_danish(app, client, personas):
    with app.app_context():
        number = contracts.sent_contract().number
    login(client, "citizen-amal")
    response = client.get(f"/citizen/contract/{number}/contract.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert "Noto-Sans-Arabic" in pdf_font_names(response.data)  # the Arabic font is embedded


def test_history_highlights_changes(app, client, personas):
    with app.app_context():
        contracts.sent_contract()
        contracts.sent_contract(goal="Uddannelse som SOSU-hjælper")
    login(client, "citizen-amal")
    page = check_page(client.get("/citizen/contract/history"))
    assert len(page.find_all("ins")) == 1 and len(page.find_all("del")) == 1


def test_citizen_cannot_see_another_citizens_contract(app, client, personas):
    with app.app_context():
        contracts.sent_contract("citizen-yonas")
    login(client, "citizen-amal")
    check_page(client.get("/citizen/contract/"))  # "no contract yet", not Yonas's
    for path in ("/citizen/contract/1/contract.pdf", "/citizen/contract/1/receipt"):
        assert client.get(path).status_code == 404


def test_caseworker_writes_sends_and_sees_deadline(app, client, personas):
    with app.app_context():
        amal_id = talks.citizen("citizen-amal").id
    login(client, "caseworker-kbh", "staff")
    overview = check_page(client.get("/caseworker/contracts/"))
    assert "Yonas Tesfay" in overview.text()
    page = check_page(client.get(f"/caseworker/contracts/{amal_id}"))
    token = _csrf(page.response)
    empty = client.post(f"/caseworker/contracts/{amal_id}/draft", data={"csrf_token": token})
    errors = check_page(empty, 400)
    assert errors.title.startswith("Error:") or errors.title.startswith("Fejl")
    saved = client.post(f"/caseworker/contracts/{amal_id}/draft", data={
        "csrf_token": token, "goal": "Job i detailhandlen",
        "activities-0-title": "Virksomhedspraktik",
        "activities-0-starts_on": clock.day(9).isoformat(),
        "activities-0-ends_on": clock.day(71).isoformat(), "activities-0-hours_per_week": "15",
        "danish_education": "Danskuddannelse 2", "coordinating_department": "Jobcenter KBH",
    })
    assert saved.status_code == 303
    page = check_page(client.get(f"/caseworker/contracts/{amal_id}"))
    assert "§ 13" in page.text()  # the required sections are listed
    sent = client.post(f"/caseworker/contracts/{amal_id}/1/send", data={"csrf_token": token})
    assert sent.status_code == 303
    with app.app_context():
        version = db.session.scalars(select(ContractVersion)).one()
        assert version.status == ContractStatus.SENT
        assert version.activities[0]["hours_per_week"] == 15
        actions = set(db.session.scalars(select(AuditEvent.action)))
        assert {"read:contracts", "read:contract", "contract:draft", "contract:send"} <= actions


def test_caseworker_records_not_signed_with_reason(app, client, personas):
    with app.app_context():
        amal_id = talks.citizen("citizen-amal").id
        contracts.sent_contract()
    login(client, "caseworker-kbh", "staff")
    token = _csrf(client.get(f"/caseworker/contracts/{amal_id}"))
    missing = client.post(f"/caseworker/contracts/{amal_id}/1/conclude",
                          data={"csrf_token": token, "how": "not_signed"})
    check_page(missing, 400)
    done = client.post(f"/caseworker/contracts/{amal_id}/1/conclude",
                       data={"csrf_token": token, "how": "not_signed",
                             "note": "Forstår ikke kontrakten pga. psykisk sygdom"})
    assert done.status_code == 303
    with app.app_context():
        version = db.session.scalars(select(ContractVersion)).one()
        assert version.status == ContractStatus.NOT_SIGNED
        assert version.concluded_by is not None


def test_aarhus_cannot_see_a_koebenhavn_citizens_contract(app, client, personas):
    with app.app_context():
        amal_id = talks.citizen("citizen-amal").id
    login(client, "caseworker-aarhus", "staff")
    check_page(client.get(f"/caseworker/contracts/{amal_id}"), 404)
    overview = check_page(client.get("/caseworker/contracts/"))
    assert "Amal Hassan" not in overview.text()


def test_roles(app, client, personas):
    login(client, "interpreter-ahmad", "staff")
    check_page(client.get("/caseworker/contracts/"), 403)
    check_page(client.get("/citizen/contract/"), 403)


def test_an_activity_without_a_start_date_is_explained(app, client, personas):
    with app.app_context():
        amal_id = talks.citizen("citizen-amal").id
    login(client, "caseworker-kbh", "staff")
    token = _csrf(client.get(f"/caseworker/contracts/{amal_id}"))
    response = client.post(f"/caseworker/contracts/{amal_id}/draft", data={
        "csrf_token": token, "goal": "Job", "activities-0-title": "Praktik",
        "danish_education": "DU2", "coordinating_department": "Jobcenter"})
    page = check_page(response, 400)
    assert "#activities-0-starts_on" in page.links()
    with app.app_context():
        assert db.session.scalar(select(ContractVersion.id)) is None
