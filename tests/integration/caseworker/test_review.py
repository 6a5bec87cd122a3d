"""The caseworker's review queue, reviews, send-backs, exemptions and the audit of reads."""

from __future__ import annotations

import datetime as dt

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, Citizen, Cv, CvFile, Decision, JoblogEntry, ReviewState
from tests.support import clock, uploads
from tests.support.catalogue import t
from tests.support.forms import hidden_fields
from tests.support.oidc import login
from tests.support.pages import check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


@pytest.fixture()
def upload_dir(app, tmp_path):
    previous = app.config["UPLOAD_DIR"]
    app.config["UPLOAD_DIR"] = str(tmp_path / "uploads")
    yield tmp_path / "uploads"
    app.config["UPLOAD_DIR"] = previous


def _citizen_id(app, subject: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Citizen.id).filter_by(oidc_subject=subject))


def _amal_logs(app, employer: str = "Netto") -> FlaskClient:
    citizen = app.test_client()
    login(citizen, "citizen-amal")
    fields = hidden_fields(citizen, "/citizen/joblog/new")
    citizen.post("/citizen/joblog/new", data={**fields, "activity_on": "1/11/2026",
                                              "kind": "advertised", "employer": employer,
                                              "status": "sent"})
    fields = hidden_fields(citizen, "/citizen/cv/job_goals/new")
    citizen.post("/citizen/cv/job_goals/new", data={**fields, "title": "Butiksassistent"})
    return citizen


def _staff(app, subject: str = "caseworker-kbh") -> FlaskClient:
    staff = app.test_client()
    login(staff, subject, "staff")
    return staff


def test_queue_lists_new_entries_and_cvs_oldest_first(app, personas):
    _amal_logs(app)
    staff = _staff(app)
    page = check_page(staff.get("/caseworker/review/"))
    text = page.text()
    assert "Amal Hassan" in text and "Netto" in text
    assert text.index("Netto") < text.index(t("da", "CV"), text.index("Netto"))  # entry came first


def test_mark_reviewed_locks_the_entry_for_the_citizen(app, personas):
    citizen = _amal_logs(app)
    staff = _staff(app)
    amal = _citizen_id(app, "citizen-amal")
    with app.app_context():
        entry_id = db.session.scalar(select(JoblogEntry.id))
    token = hidden_fields(staff, f"/caseworker/review/citizens/{amal}")["csrf_token"]
    staff.post(f"/caseworker/review/citizens/{amal}/joblog/{entry_id}",
               data={"csrf_token": token, "action": "reviewed"})
    with app.app_context():
        assert db.session.get(JoblogEntry, entry_id).review_state == ReviewState.REVIEWED
    assert "Netto" not in check_page(staff.get("/caseworker/review/")).text()
    assert citizen.get(f"/citizen/joblog/{entry_id}/edit").status_code == 302


def test_send_back_with_a_comment_the_citizen_sees(app, personas):
    citizen = _amal_logs(app)
    staff = _staff(app)
    amal = _citizen_id(app, "citizen-amal")
    with app.app_context():
        entry_id = db.session.scalar(select(JoblogEntry.id))
    token = hidden_fields(staff, f"/caseworker/review/citizens/{amal}")["csrf_token"]
    staff.post(f"/caseworker/review/citizens/{amal}/joblog/{entry_id}",
               data={"csrf_token": token, "action": "return", "comment": "Skriv stillingen"})
    staff.post(f"/caseworker/review/citizens/{amal}/cv",
               data={"csrf_token": token, "action": "return", "comment": "Tilføj sprog"})
    assert "Skriv stillingen" in check_page(citizen.get("/citizen/joblog/")).text()
    assert "Tilføj sprog" in check_page(citizen.get("/citizen/cv/")).text()
    fields = hidden_fields(citizen, f"/citizen/joblog/{entry_id}/edit")
    citizen.post(f"/citizen/joblog/{entry_id}/edit", data={
        **fields, "activity_on": "1/11/2026", "kind": "advertised", "employer": "Netto",
        "job_title": "Kasse", "status": "sent"})
    with app.app_context():
        assert db.session.get(JoblogEntry, entry_id).review_state == ReviewState.CHANGED
    assert "Netto" in check_page(staff.get("/caseworker/review/")).text()


def test_send_back_needs_a_comment(app, personas):
    _amal_logs(app)
    staff = _staff(app)
    amal = _citizen_id(app, "citizen-amal")
    token = hidden_fields(staff, f"/caseworker/review/citizens/{amal}")["csrf_token"]
    staff.post(f"/caseworker/review/citizens/{amal}/cv", data={"csrf_token": token,
                                                               "action": "return"})
    with app.app_context():
        assert db.session.scalar(select(Cv.review_state)) == ReviewState.NEW


def test_every_staff_read_is_audited(app, personas, upload_dir):
    citizen = _amal_logs(app)
    token = hidden_fields(citizen, "/citizen/cv/")["csrf_token"]
    uploads.post_file(citizen, "/citizen/cv/file", {"csrf_token": token}, uploads.pdf(), "cv.pdf")
    staff = _staff(app)
    amal = _citizen_id(app, "citizen-amal")
    check_page(staff.get("/caseworker/review/"))
    check_page(staff.get(f"/caseworker/review/citizens/{amal}"))
    with app.app_context():
        file_id = db.session.scalar(select(CvFile.id))
    download = staff.get(f"/caseworker/review/citizens/{amal}/cv-file/{file_id}")
    assert download.status_code == 200 and download.data == uploads.pdf()
    with app.app_context():
        actions = [(e.action, e.citizen_id, e.actor_kind) for e in db.session.scalars(
            select(AuditEvent).where(AuditEvent.actor_kind == "staff"))]
    for action in ("read:review_queue", "read:joblog", "read:cv", "read:cv_file"):
        assert (action, amal, "staff") in actions, action


def test_other_municipality_and_other_roles_are_refused(app, personas, upload_dir):
    citizen = _amal_logs(app)
    token = hidden_fields(citizen, "/citizen/cv/")["csrf_token"]
    uploads.post_file(citizen, "/citizen/cv/file", {"csrf_token": token}, uploads.pdf(), "cv.pdf")
    amal = _citizen_id(app, "citizen-amal")
    with app.app_context():
        entry_id = db.session.scalar(select(JoblogEntry.id))
        file_id = db.session.scalar(select(CvFile.id))
    aarhus = _staff(app, "caseworker-aarhus")
    assert "Amal" not in check_page(aarhus.get("/caseworker/review/")).text()
    assert aarhus.get(f"/caseworker/review/citizens/{amal}").status_code == 404
    assert aarhus.get(f"/caseworker/review/citizens/{amal}/cv-file/{file_id}").status_code == 404
    token = hidden_fields(aarhus, "/caseworker/review/")["csrf_token"]
    assert aarhus.post(f"/caseworker/review/citizens/{amal}/joblog/{entry_id}",
                       data={"csrf_token": token, "action": "reviewed"}).status_code == 404
    assert aarhus.post(f"/caseworker/review/citizens/{amal}/exemptions", data={
        "csrf_token": token, "kind": "joblog_exemption", "reason": "x",
        "other_documentation": "y", "valid_from": "1/1/2026"}).status_code == 404
    interpreter = _staff(app, "interpreter-ahmad")
    assert interpreter.get("/caseworker/review/").status_code == 403
    assert interpreter.get(f"/caseworker/review/citizens/{amal}").status_code == 403
    assert citizen.get("/caseworker/review/").status_code == 403
    assert citizen.get(f"/caseworker/review/citizens/{amal}/cv-file/{file_id}").status_code == 403
    kbh = _staff(app)
    assert kbh.get(f"/caseworker/review/citizens/{amal}/joblog/{entry_id + 99}").status_code == 405
    token = hidden_fields(kbh, "/caseworker/review/")["csrf_token"]
    assert kbh.post(f"/caseworker/review/citizens/{amal}/joblog/{entry_id + 99}",
                    data={"csrf_token": token, "action": "reviewed"}).status_code == 404
    with app.app_context():
        assert db.session.get(JoblogEntry, entry_id).review_state == ReviewState.NEW


def test_record_exemption_with_the_proposed_basis(app, personas):
    citizen = app.test_client()
    login(citizen, "citizen-amal")
    citizen.get("/locale/da?next=/")
    staff = _staff(app)
    amal = _citizen_id(app, "citizen-amal")
    page = check_page(staff.get(f"/caseworker/review/citizens/{amal}"))
    assert "Integrationsloven § 26 a, stk. 4" in page.text()
    assert "Integrationsloven § 26 b, stk. 11" in page.text()
    token = hidden_fields(staff, f"/caseworker/review/citizens/{amal}")["csrf_token"]
    today = clock.today()
    response = staff.post(f"/caseworker/review/citizens/{amal}/exemptions", data={
        "csrf_token": token, "kind": "cv_exemption", "reason": "Dansk og IT ikke nok endnu",
        "other_documentation": "Papir-cv medbringes til samtalen",
        "valid_from": today.strftime("%d.%m.%Y"),
        "valid_to": (today + dt.timedelta(days=90)).strftime("%d.%m.%Y")})
    assert response.status_code == 302
    with app.app_context():
        decision = db.session.scalar(select(Decision).filter_by(citizen_id=amal))
        assert decision.other_documentation == "Papir-cv medbringes til samtalen"
    text = check_page(citizen.get("/citizen/cv/")).text()
    assert t("da", "You are exempt") in text
    assert "Papir-cv medbringes til samtalen" in text


def test_exemption_form_errors_are_shown(app, personas):
    staff = _staff(app)
    amal = _citizen_id(app, "citizen-amal")
    token = hidden_fields(staff, f"/caseworker/review/citizens/{amal}")["csrf_token"]
    page = check_page(staff.post(f"/caseworker/review/citizens/{amal}/exemptions", data={
        "csrf_token": token, "kind": "joblog_exemption", "reason": "",
        "other_documentation": "", "valid_from": "99/99"}), status=400)
    assert page.title.startswith(t("da", "Error:"))
    assert t("da", "Enter the reason for the exemption") in page.text()
    assert t("da", "Enter how the citizen documents their job search instead") in page.text()
    with app.app_context():
        assert db.session.scalar(select(Decision).filter_by(citizen_id=amal)) is None


def test_agreed_applications_per_week(app, personas):
    citizen = _amal_logs(app)
    staff = _staff(app)
    amal = _citizen_id(app, "citizen-amal")
    token = hidden_fields(staff, f"/caseworker/review/citizens/{amal}")["csrf_token"]
    staff.post(f"/caseworker/review/citizens/{amal}/agreement",
               data={"csrf_token": token, "applications_per_week": "4"})
    html = check_page(citizen.get("/citizen/joblog/")).response.get_data(as_text=True)
    assert 'max="4"' in html


def test_quiet_joblog_is_flagged_for_the_caseworker(app, personas):
    with app.app_context():
        amal = db.session.scalar(select(Citizen).filter_by(oidc_subject="citizen-amal"))
        amal.registered_as_job_seeker_on = clock.today() - dt.timedelta(days=45)
        db.session.commit()
    staff = _staff(app)
    page = check_page(staff.get("/caseworker/review/"))
    quiet = page.text().split(t("da", "No joblog entry for 30 days"), 1)[1]
    assert "Amal Hassan" in quiet
    assert "Yonas" not in quiet  # exempt


def test_cv_file_is_only_for_the_citizens_own_caseworker(app, client, personas):
    """IL § 26 b: the file is served to the owner and their caseworker — not to every
    caseworker of the municipality (team leads excepted)."""
    from pathlib import Path

    from portal.citizen.cv.services import store_file
    from portal.models import StaffRole, StaffUser
    from tests.support import uploads

    with app.app_context():
        amal = db.session.scalars(select(Citizen).filter_by(oidc_subject="citizen-amal")).one()
        kbh = db.session.scalars(select(StaffUser).filter_by(oidc_subject="caseworker-kbh")).one()
        db.session.add(StaffUser(oidc_issuer=kbh.oidc_issuer, oidc_subject="caseworker-kbh-2",
                                 name="Anden Sagsbehandler", role=StaffRole.CASEWORKER,
                                 municipality_id=kbh.municipality_id, languages=""))
        db.session.commit()
        record = store_file(amal, uploads.pdf(), "cv.pdf", Path(app.config["UPLOAD_DIR"]),
                            clock.now())
        path = f"/caseworker/review/citizens/{amal.id}/cv-file/{record.id}"
    login(client, "caseworker-kbh-2", audience="staff")
    check_page(client.get(path), status=403)
    own = app.test_client()
    login(own, "caseworker-kbh", audience="staff")
    assert own.get(path).status_code == 200
