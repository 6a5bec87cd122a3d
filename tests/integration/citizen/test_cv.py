"""The citizen's CV (IL § 26 b): sections, visibility with deadline, uploads, exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Citizen, Cv, CvFile, Decision, DecisionKind
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


def _da(client) -> None:
    client.get("/locale/da?next=/")


def _add(client, section: str, **data: str):
    fields = hidden_fields(client, f"/citizen/cv/{section}/new")
    return client.post(f"/citizen/cv/{section}/new", data={**fields, **data})


def _cv(app, subject: str) -> Cv | None:
    with app.app_context():
        return db.session.scalar(
            select(Cv).join(Citizen, Cv.citizen_id == Citizen.id)
            .where(Citizen.oidc_subject == subject))


def _upload(client, data: bytes, name: str):
    token = hidden_fields(client, "/citizen/cv/")["csrf_token"]
    return uploads.post_file(client, "/citizen/cv/file", {"csrf_token": token}, data, name)


def test_fill_the_cv_section_by_section(app, client, personas):
    login(client, "citizen-amal")
    _da(client)
    assert _add(client, "job_goals", title="Butiksassistent", isco="5223").status_code == 302
    assert _add(client, "experience", employer="Souq Aleppo", title="Sælger", country="Syrien",
                started_on="1.3.2015", ended_on="31/8/2019", tasks="Kasse").status_code == 302
    assert _add(client, "education", institution="Damascus University", country="Syrien",
                level="bachelor", completed="y", completed_year="2014").status_code == 302
    _add(client, "languages", language="Arabisk", level="native")
    _add(client, "languages", language="Dansk", level="A2")
    fields = hidden_fields(client, "/citizen/cv/profile")
    client.post("/citizen/cv/profile", data={**fields, "profile": "Glad for kunder",
                                             "competences": "kasse, kundeservice",
                                             "driving_licence": "B", "phone": "12 34 56 78",
                                             "show_phone": "y"})
    page = check_page(client.get("/citizen/cv/"))
    text = page.text()
    for expected in ("Butiksassistent", "ISCO-08 5223", "Souq Aleppo", "Damascus University",
                     "Glad for kunder", t("da", "Car (B)") if False else "B"):
        assert expected in text
    assert text.index("Dansk") < text.index("Arabisk")  # Danish first
    assert t("da", "An education from another country can be formally assessed in Denmark "
                   "(Uddannelses- og Forskningsstyrelsen). Ask your caseworker.") in text


def test_re_sent_cv_item_is_stored_once(app, client, personas):
    login(client, "citizen-amal")
    fields = hidden_fields(client, "/citizen/cv/job_goals/new")
    for _ in range(2):
        client.post("/citizen/cv/job_goals/new", data={**fields, "title": "Lagerarbejder"})
    assert [g["title"] for g in _cv(app, "citizen-amal").job_goals] == ["Lagerarbejder"]


def test_invalid_items_show_translated_errors(app, client, personas):
    login(client, "citizen-amal")
    _da(client)
    page = check_page(_add(client, "experience", employer="", title="x", country="DK",
                           started_on="2/1/2020", ended_on="1/1/2020"))
    assert page.title.startswith(t("da", "Error:"))
    assert t("da", "Enter the employer's name") in page.text()
    assert t("da", "Enter an end date after the start date") in page.text()
    assert _cv(app, "citizen-amal") is None
    assert client.get("/citizen/cv/nonsense/new").status_code == 404


def test_remove_an_item(app, client, personas):
    login(client, "citizen-amal")
    _add(client, "job_goals", title="Kok")
    key = _cv(app, "citizen-amal").job_goals[0]["key"]
    token = hidden_fields(client, "/citizen/cv/")["csrf_token"]
    assert client.post(f"/citizen/cv/job_goals/{key}/remove",
                       data={"csrf_token": token}).status_code == 302
    assert _cv(app, "citizen-amal").job_goals == []
    assert client.post("/citizen/cv/job_goals/unknown-key/remove",
                       data={"csrf_token": token}).status_code == 404


def test_visibility_countdown_from_the_rule_module(app, client, personas):
    login(client, "citizen-amal")
    _da(client)
    with app.app_context():
        amal = db.session.scalar(select(Citizen).filter_by(oidc_subject="citizen-amal"))
        deadline = amal.registered_as_job_seeker_on + dt.timedelta(weeks=3)
    days = (deadline - clock.today()).days
    page = check_page(client.get("/citizen/cv/"))
    text = page.text()
    assert "Integrationsloven § 26 b, stk. 4" in text
    assert str(days) in text
    assert t("da", "Hidden from employers") in text
    token = hidden_fields(client, "/citizen/cv/")["csrf_token"]
    client.post("/citizen/cv/visibility", data={"csrf_token": token, "visible": "y"})
    assert _cv(app, "citizen-amal") is None  # IL § 26 b, stk. 3: a job goal first
    assert t("da", "Add at least one job goal before you make your CV visible.") in check_page(
        client.get("/citizen/cv/")).text()
    _add(client, "job_goals", title="Kok")
    client.post("/citizen/cv/visibility", data={"csrf_token": token, "visible": "y"})
    assert _cv(app, "citizen-amal").visible_to_employers is True
    assert t("da", "Your CV is now visible to employers.") in check_page(
        client.get("/citizen/cv/")).text()


def test_activity_ready_has_no_deadline(app, client, personas):
    login(client, "citizen-mariam")
    _da(client)
    text = check_page(client.get("/citizen/cv/")).text()
    assert t("da", "There is no deadline for you. Your CV is shown to employers only if you "
                   "agree with your jobcentre.") in text


def test_cv_exemption_shows_on_the_cv_page(app, client, personas):
    with app.app_context():
        amal = db.session.scalar(select(Citizen).filter_by(oidc_subject="citizen-amal"))
        db.session.add(Decision(citizen_id=amal.id, kind=DecisionKind.CV_EXEMPTION,
                                valid_from=clock.today(), reason="Sprog og IT",
                                other_documentation="Papir-cv ved samtalen"))
        db.session.commit()
    login(client, "citizen-amal")
    _da(client)
    text = check_page(client.get("/citizen/cv/")).text()
    assert t("da", "You are exempt") in text
    assert "Integrationsloven § 26 b, stk. 11" in text
    assert "Papir-cv ved samtalen" in text


@pytest.mark.parametrize(("make", "name", "kind"),
                         [(uploads.pdf, "mit cv.pdf", "pdf"), (uploads.docx, "cv.docx", "docx")])
def test_upload_and_download_own_file(app, client, personas, upload_dir, make, name, kind):
    login(client, "citizen-amal")
    assert _upload(client, make(), name).status_code == 302
    with app.app_context():
        record = db.session.scalar(select(CvFile))
        assert record.file_type == kind
        stored = Path(app.config["UPLOAD_DIR"]) / record.stored_name
    assert stored.read_bytes() == make()
    assert record.stored_name not in name and "." not in record.stored_name  # random name
    response = client.get(f"/citizen/cv/file/{record.id}")
    assert response.status_code == 200
    assert response.data == make()
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.mimetype in ("application/pdf", "application/vnd.openxmlformats-"
                                 "officedocument.wordprocessingml.document")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("make", "name", "message"),
    [
        (uploads.executable, "cv.pdf", "The file is not a PDF or a Word (.docx) file. Choose a PDF "
                                        "or .docx file."),
        (uploads.oversize_pdf, "cv.pdf", "The file is larger than 5 MB. Choose a smaller file."),
        (uploads.zip_bomb_docx, "cv.docx", "The file cannot be read safely. Save it again as PDF "
                                           "or .docx and try again."),
        (uploads.macro_docx, "cv.docx", "The file contains macros or other active content. Save "
                                        "it as a plain PDF or .docx and try again."),
    ],
)
def test_bad_upload_is_refused_and_nothing_stored(app, client, personas, upload_dir, make, name,
                                                  message):
    login(client, "citizen-amal")
    _da(client)
    page = check_page(_upload(client, make(), name), status=400)
    assert page.title.startswith(t("da", "Error:"))
    assert t("da", message) in page.text()
    with app.app_context():
        assert db.session.scalar(select(func.count(CvFile.id))) == 0
    assert not upload_dir.exists() or list(upload_dir.iterdir()) == []


def test_a_citizen_never_gets_anothers_file(app, client, personas, upload_dir):
    login(client, "citizen-olena")
    _upload(client, uploads.pdf(), "olena.pdf")
    with app.app_context():
        file_id = db.session.scalar(select(CvFile.id))
    token = hidden_fields(client, "/citizen/cv/")["csrf_token"]
    client.post("/auth/logout", data={"csrf_token": token})
    login(client, "citizen-amal")
    for guessed in (file_id, file_id + 1, 1, 0):
        assert client.get(f"/citizen/cv/file/{guessed}").status_code == 404
    token = hidden_fields(client, "/citizen/cv/")["csrf_token"]
    assert client.post(f"/citizen/cv/file/{file_id}/remove",
                       data={"csrf_token": token}).status_code == 404


def test_uploads_are_not_under_the_web_root(app):
    assert not str(Path(app.config["UPLOAD_DIR"]).resolve()).startswith(
        str(Path(app.static_folder).resolve()))


def test_printable_page_and_json_resume(app, client, personas):
    login(client, "citizen-amal")
    _add(client, "job_goals", title="Butiksassistent", isco="5223")
    _add(client, "languages", language="Dansk", level="B1")
    _add(client, "experience", employer="Netto", title="Kassemedarbejder", country="Danmark",
         started_on="1.2.2024")
    page = check_page(client.get("/citizen/cv/print"))
    assert "Butiksassistent" in page.text() and "Netto" in page.text()
    response = client.get("/citizen/cv/resume.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    resume = json.loads(response.data)
    assert resume["basics"]["name"] == "Amal Hassan"
    assert resume["basics"]["label"] == "Butiksassistent"
    assert "email" not in resume["basics"]  # not shared unless she allows it
    assert resume["work"][0] == {"name": "Netto", "position": "Kassemedarbejder",
                                 "location": "Danmark", "startDate": "2024-02-01",
                                 "endDate": None, "summary": None}
    assert resume["languages"] == [{"language": "Dansk", "fluency": "B1"}]


def test_staff_cannot_use_citizen_cv_pages(app, client, personas):
    login(client, "caseworker-kbh", "staff")
    assert client.get("/citizen/cv/").status_code == 403
    assert client.get("/citizen/cv/resume.json").status_code == 403


def test_a_new_upload_replaces_the_old_file(app, client, personas, upload_dir):
    login(client, "citizen-amal")
    _upload(client, uploads.pdf(), "first.pdf")
    _upload(client, uploads.docx(), "second.docx")
    with app.app_context():
        files = list(db.session.scalars(select(CvFile).order_by(CvFile.id)))
    assert [f.removed_at is None for f in files] == [False, True]
    assert [p.name for p in upload_dir.iterdir()] == [files[1].stored_name]
    assert client.get(f"/citizen/cv/file/{files[0].id}").status_code == 404
    token = hidden_fields(client, "/citizen/cv/")["csrf_token"]
    client.post(f"/citizen/cv/file/{files[1].id}/remove", data={"csrf_token": token})
    assert list(upload_dir.iterdir()) == []


def test_activity_ready_may_show_the_cv_without_a_job_goal(app, client, personas):
    login(client, "citizen-mariam")
    token = hidden_fields(client, "/citizen/cv/")["csrf_token"]
    client.post("/citizen/cv/visibility", data={"csrf_token": token, "visible": "y"})
    assert _cv(app, "citizen-mariam").visible_to_employers is True  # by agreement, stk. 6


def test_deadline_in_the_explanation_is_shown_in_the_citizens_locale(app, client, personas):
    login(client, "citizen-amal")
    _da(client)
    with app.app_context():
        amal = db.session.scalar(select(Citizen).filter_by(oidc_subject="citizen-amal"))
        deadline = amal.registered_as_job_seeker_on + dt.timedelta(weeks=3)
    text = check_page(client.get("/citizen/cv/")).text()
    assert deadline.isoformat() not in text
    from babel.dates import format_date

    assert format_date(deadline, "long", locale="da") in text
