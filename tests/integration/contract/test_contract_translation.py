"""Kinds of activity and the municipality's translation of the free text: the caseworker
writes it on the draft, it is sent with the version and never changes after; the citizen
(and the PDF and the interpreter) sees it next to the binding Danish text."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask
from flask_babel import force_locale
from sqlalchemy import select

from portal.contract import services
from portal.contract.services import Content
from portal.extensions import db
from portal.models import AuditEvent, ContractStatus, ContractVersion
from tests.support import clock, talks
from tests.support.forms import csrf_token, hidden_fields
from tests.support.oidc import login
from tests.support.pages import NS, Page, check_page
from tests.support.pdf import pdf_text
from tests.support.routes import _assignment, _booking_for

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days

IN_NINE_DAYS = clock.day(9).isoformat()

GOAL_AR = "وظيفة في مستودع في سنة واحدة"
INTERNSHIP_AR = "تدريب في متجر نتو"
EDUCATION_AR = "دروس الدنماركية يومي الثلاثاء والخميس"
GOAL_DA = "Job som lagermedarbejder inden for 1 år"


def _content(goal: str = GOAL_DA) -> Content:
    start = clock.day(2)
    return Content(
        goal=goal,
        activities=[
            {"kind": "company_internship", "title": "Praktik i Netto, lager",
             "starts_on": start.isoformat(),
             "ends_on": (start + dt.timedelta(weeks=8)).isoformat(), "hours_per_week": 15},
            {"kind": "danish_education", "title": "", "starts_on": start.isoformat(),
             "ends_on": None, "hours_per_week": 10},
        ],
        danish_education="Danskuddannelse 2 på sprogcentret, tirsdag og torsdag.",
        coordinating_department="Jobcenter København, Integrationsteamet",
        municipality_tasks="Vi finder en praktikplads og holder jobsamtaler hver måned.",
    )


def _draft(app: Flask, subject: str = "citizen-amal", goal: str = GOAL_DA) -> int:
    """A draft written by Amal's caseworker; returns the citizen's id."""
    with app.app_context():
        citizen = talks.citizen(subject)
        services.save_draft(talks.staff("caseworker-kbh"), citizen, _content(goal), clock.now())
        return citizen.id


def _version(app: Flask) -> ContractVersion:
    with app.app_context():
        version = db.session.scalars(
            select(ContractVersion).order_by(ContractVersion.number.desc())).first()
        db.session.expunge(version)
        return version


def _translation_data(client, path: str, **fields: str) -> dict[str, str]:
    data = {k: v for k, v in hidden_fields(client, path).items()
            if k.startswith("translation-")}
    data.update({"translation-goal": GOAL_AR, "translation-activities-0-details": INTERNSHIP_AR,
                 "translation-danish_education": EDUCATION_AR,
                 "translation-translated_by": "Ahmad Karimi"})
    data.update(fields)
    return data


def _in(app: Flask, locale: str, message: object) -> str:
    """``message`` as a page in ``locale`` shows it (and it is translated)."""
    with app.test_request_context(), force_locale(locale):
        return str(message)


def _column(page: Page, kind: str):
    return next(d for d in page.find_all("div")
                if f"contract-column--{kind}" in (d.get("class") or ""))


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _translate_and_send(app: Flask, client, citizen_id: int) -> None:
    """The caseworker saves the Arabic translation of the draft and sends it."""
    login(client, "caseworker-kbh", "staff")
    path = f"/caseworker/contracts/{citizen_id}"
    saved = client.post(f"{path}/1/translation", data=_translation_data(client, path))
    assert saved.status_code == 303, saved.data[:300]
    sent = client.post(f"{path}/1/send", data={"csrf_token": hidden_fields(client, path)[
        "csrf_token"]})
    assert sent.status_code == 303


def test_caseworker_chooses_kinds_and_saves_a_translation_of_the_draft(app, client, personas):
    amal_id = _draft(app)
    before = _version(app).fingerprint
    login(client, "caseworker-kbh", "staff")
    path = f"/caseworker/contracts/{amal_id}"
    page = check_page(client.get(path))
    heading = page.root.find(f".//{NS}h3[@id='translation']")
    assert heading is not None and "arabisk" in _text(heading)  # in the caseworker's Danish
    goal_box = page.root.find(f".//{NS}textarea[@id='translation-goal']")
    assert (goal_box.get("lang"), goal_box.get("dir")) == ("ar", "rtl")
    kind = page.root.find(f".//{NS}select[@id='activities-0-kind']")
    chosen = kind.find(f"{NS}option[@selected]")
    assert chosen.get("value") == "company_internship" and _text(chosen) == "Virksomhedspraktik"

    response = client.post(f"{path}/1/translation", data=_translation_data(client, path))
    assert response.status_code == 303
    version = _version(app)
    stored = version.translations["ar"]
    assert (stored["goal"], stored["danish_education"]) == (GOAL_AR, EDUCATION_AR)
    assert stored["activities"] == {"0": INTERNSHIP_AR}
    assert stored["translated_by"] == "Ahmad Karimi"
    assert version.fingerprint == before  # the binding Danish text did not change
    with app.app_context():
        assert "contract:translation" in set(db.session.scalars(select(AuditEvent.action)))
    again = check_page(client.get(path))
    assert _text(again.root.find(f".//{NS}textarea[@id='translation-goal']")) == GOAL_AR


def test_a_translation_needs_the_translators_name_and_fits_the_limits(app, client, personas):
    amal_id = _draft(app)
    login(client, "caseworker-kbh", "staff")
    path = f"/caseworker/contracts/{amal_id}"
    response = client.post(f"{path}/1/translation", data=_translation_data(
        client, path, **{"translation-translated_by": "", "translation-goal": "x" * 2001}))
    page = check_page(response, 400)
    assert page.title.startswith("Fejl:")
    links = page.links()
    assert "#translation-goal" in links and "#translation-translated_by" in links
    summary = _text(page.root.find(f".//{NS}div[@role='alert']"))
    from portal.caseworker.contract.forms import AT_MOST_2000
    assert _in(app, "da", AT_MOST_2000) in summary
    assert _in(app, "da", services.TRANSLATOR_NEEDED) in summary
    assert _in(app, "da", services.TRANSLATOR_NEEDED) != str(services.TRANSLATOR_NEEDED)
    assert _version(app).translations is None


def test_a_sent_version_is_never_translated_afterwards(app, client, personas):
    amal_id = _draft(app)
    login(client, "caseworker-kbh", "staff")
    path = f"/caseworker/contracts/{amal_id}"
    data = _translation_data(client, path)
    with app.app_context():
        services.send(db.session.scalars(select(ContractVersion)).one(), clock.now())
    sent = _version(app)
    page = check_page(client.post(f"{path}/1/translation", data=data), 409)
    message = _in(app, "da", services.ONLY_DRAFTS_TRANSLATED)
    assert message != str(services.ONLY_DRAFTS_TRANSLATED) and message in page.text()
    assert page.title.startswith("Fejl:")
    after = _version(app)
    assert after.translations is None and after.fingerprint == sent.fingerprint
    assert after.status == ContractStatus.SENT
    assert page.root.find(f".//{NS}h3[@id='translation']") is None  # no draft, no form


def test_a_changed_danish_text_stops_sending_until_the_translation_is_checked(
        app, client, personas):
    amal_id = _draft(app)
    login(client, "caseworker-kbh", "staff")
    path = f"/caseworker/contracts/{amal_id}"
    old_form = _translation_data(client, path)
    assert client.post(f"{path}/1/translation", data=old_form).status_code == 303
    with app.app_context():
        services.save_draft(talks.staff("caseworker-kbh"), talks.citizen("citizen-amal"),
                            _content("Uddannelse som SOSU-hjælper"), clock.now())
    page = check_page(client.get(path))
    assert page.root.find(f".//{NS}div[@class='alert alert-warning']") is not None
    token = hidden_fields(client, path)["csrf_token"]
    refused = check_page(client.post(f"{path}/1/send", data={"csrf_token": token}), 409)
    assert _in(app, "da", services.TRANSLATION_STALE) in refused.text()
    assert _version(app).status == ContractStatus.DRAFT
    # a form made from the old Danish text is refused, not filed under the new one
    stale_form = check_page(client.post(f"{path}/1/translation", data=old_form), 409)
    assert _in(app, "da", services.DANISH_CHANGED) in stale_form.text()
    # checked and saved again: it can be sent, and the translation goes with it
    fresh = _translation_data(client, path, **{"translation-goal": "تدريب كمساعد رعاية"})
    assert client.post(f"{path}/1/translation", data=fresh).status_code == 303
    sent = client.post(f"{path}/1/send", data={"csrf_token": token})
    assert sent.status_code == 303
    version = _version(app)
    assert version.status == ContractStatus.SENT
    assert version.translations["ar"]["goal"] == "تدريب كمساعد رعاية"


def test_emptying_the_translation_removes_it(app, client, personas):
    amal_id = _draft(app)
    login(client, "caseworker-kbh", "staff")
    path = f"/caseworker/contracts/{amal_id}"
    client.post(f"{path}/1/translation", data=_translation_data(client, path))
    empty = _translation_data(client, path, **{
        "translation-goal": "", "translation-activities-0-details": "",
        "translation-danish_education": "", "translation-translated_by": ""})
    assert client.post(f"{path}/1/translation", data=empty).status_code == 303
    assert _version(app).translations is None


def test_another_municipality_and_other_roles_cannot_translate(app, client, personas):
    amal_id = _draft(app)
    login(client, "caseworker-kbh", "staff")
    data = _translation_data(client, f"/caseworker/contracts/{amal_id}")
    for subject, audience, home in (("caseworker-aarhus", "staff", "/caseworker/contracts/"),
                                    ("interpreter-ahmad", "staff", "/interpreter/"),
                                    ("citizen-amal", "citizen", "/citizen/contract/")):
        other = app.test_client()
        login(other, subject, audience)
        token = csrf_token(other, home)  # a valid form of their own: refused for the role
        response = other.post(f"/caseworker/contracts/{amal_id}/1/translation",
                              data={**data, "csrf_token": token,
                                    "translation-csrf_token": token})
        check_page(response, 404 if subject == "caseworker-aarhus" else 403)
    assert _version(app).translations is None


def test_a_citizen_who_reads_danish_gets_no_translation_form(app, client, personas):
    with app.app_context():
        talks.citizen("citizen-yonas").preferred_locale = "da"
        db.session.commit()
    yonas_id = _draft(app, "citizen-yonas")
    login(client, "caseworker-kbh", "staff")
    path = f"/caseworker/contracts/{yonas_id}"
    page = check_page(client.get(path))
    assert page.root.find(f".//{NS}h3[@id='translation']") is None
    token = hidden_fields(client, path)["csrf_token"]
    response = client.post(f"{path}/1/translation", data={
        "csrf_token": token, "translation-csrf_token": token, "translation-locale": "ti",
        "translation-goal": "x", "translation-translated_by": "A"})
    check_page(response, 409)
    assert _version(app).translations is None


def test_citizen_in_arabic_sees_the_translation_next_to_the_binding_danish(
        app, client, personas):
    amal_id = _draft(app)
    _translate_and_send(app, client, amal_id)
    amal = app.test_client()
    login(amal, "citizen-amal")
    page = check_page(amal.get("/citizen/contract/"))
    mine, danish = _column(page, "translation"), _column(page, "binding")
    goal = next(p for p in mine.iter(f"{NS}p") if _text(p) == GOAL_AR)
    assert (goal.get("lang"), goal.get("dir")) == ("ar", "rtl")
    assert "Ahmad Karimi" in _text(mine)  # "translated by the municipality (…)"
    internship = next(s for s in mine.iter(f"{NS}span") if _text(s) == INTERNSHIP_AR)
    assert (internship.get("lang"), internship.get("dir")) == ("ar", "rtl")
    # the binding column: the Danish text as written, the kind in Danish, no translation
    assert GOAL_DA in _text(danish) and "Virksomhedspraktik – Praktik i Netto, lager" in _text(
        danish)
    assert GOAL_AR not in _text(danish) and "Ahmad Karimi" not in _text(danish)
    # the summary (before the columns) uses the translation and the kinds' names too
    summary = page.text().split(_text(mine)[:20])[0]
    assert GOAL_AR in summary and INTERNSHIP_AR in summary
    assert "virksomhedspraktik" in summary and "Virksomhedspraktik" not in summary
    # the municipality's tasks were not translated: shown in Danish, with the note
    tasks = next(p for p in mine.iter(f"{NS}p") if _text(p).startswith("Vi finder"))
    assert (tasks.get("lang"), tasks.get("dir")) == ("da", "ltr")


def test_without_translation_the_citizen_is_told_what_is_in_danish(app, client, personas):
    with app.app_context():
        citizen = talks.citizen("citizen-amal")
        draft = services.save_draft(talks.staff("caseworker-kbh"), citizen, _content(),
                                    clock.now())
        services.send(draft, clock.now())
    login(client, "citizen-amal")
    page = check_page(client.get("/citizen/contract/"))
    mine = _column(page, "translation")
    goal = next(p for p in mine.iter(f"{NS}p") if _text(p) == GOAL_DA)
    assert (goal.get("lang"), goal.get("dir")) == ("da", "ltr")
    with app.test_request_context(), force_locale("ar"):
        from flask_babel import gettext
        note = gettext("Your caseworker wrote this part in Danish. Ask your caseworker or an "
                       "interpreter to explain it.")
    assert note in _text(mine)
    assert note != "Your caseworker wrote this part in Danish. Ask your caseworker or an " \
                   "interpreter to explain it."


def test_pdf_carries_the_translation_and_the_danish_text(app, client, personas):
    amal_id = _draft(app)
    _translate_and_send(app, client, amal_id)
    amal = app.test_client()
    login(amal, "citizen-amal")
    response = amal.get("/citizen/contract/1/contract.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert GOAL_AR[::-1] in text  # right-to-left runs are drawn in visual order
    # the binding column: the Danish text (a line may wrap) and the kind's Danish name
    assert "Job som lagermedarbejder" in text and "Virksomhedspraktik" in text
    assert "Ahmad Karimi" in text  # who translated it


def test_interpreter_sees_the_translation_in_the_citizens_language(app, client, personas):
    amal_id = _draft(app)
    _translate_and_send(app, client, amal_id)
    with app.app_context():
        booking = _booking_for(talks.citizen("citizen-amal"), dt.timedelta(minutes=5), "tr")
        assignment = _assignment(booking, "interpreter-ahmad", "ar")
    interpreter = app.test_client()
    login(interpreter, "interpreter-ahmad", "staff")
    page = check_page(interpreter.get(f"/interpreter/sessions/{assignment}"))
    columns = {s.get("lang"): s for s in page.find_all("section")
               if "bilingual-column" in (s.get("class") or "")}
    assert GOAL_AR in _text(columns["ar"]) and GOAL_AR not in _text(columns["da"])
    assert GOAL_DA in _text(columns["da"])


def test_a_revision_starts_from_the_translation_of_the_parts_that_did_not_change(
        app, client, personas):
    amal_id = _draft(app)
    _translate_and_send(app, client, amal_id)
    _draft(app, goal="Uddannelse som SOSU-hjælper")  # version 2, a new goal
    page = check_page(client.get(f"/caseworker/contracts/{amal_id}"))
    boxes = {e.get("id"): _text(e) for e in page.find_all("textarea") + page.find_all("input")
             if (e.get("id") or "").startswith("translation-")}
    assert boxes["translation-goal"] == ""  # changed: to be translated again
    assert boxes["translation-danish_education"] == EDUCATION_AR
    assert page.root.find(f".//{NS}input[@id='translation-activities-0-details']").get(
        "value") == INTERNSHIP_AR
    assert _version(app).translations is None  # nothing stored until it is saved


def test_activity_kinds_are_checked(app, client, personas):
    with app.app_context():
        amal_id = talks.citizen("citizen-amal").id
    login(client, "caseworker-kbh", "staff")
    path = f"/caseworker/contracts/{amal_id}"
    base = {"csrf_token": hidden_fields(client, path)["csrf_token"], "goal": "Job",
            "danish_education": "DU2", "coordinating_department": "Jobcenter"}
    bad = client.post(f"{path}/draft", data={
        **base,
        "activities-0-kind": "other", "activities-0-starts_on": IN_NINE_DAYS,
        "activities-1-starts_on": IN_NINE_DAYS, "activities-1-hours_per_week": "5",
        "activities-2-kind": "rocket_science", "activities-2-starts_on": IN_NINE_DAYS,
    })
    page = check_page(bad, 400)
    links = page.links()
    assert {"#activities-0-title", "#activities-1-kind", "#activities-2-kind"} <= set(links)
    with app.app_context():
        assert db.session.scalar(select(ContractVersion.id)) is None
    good = client.post(f"{path}/draft", data={
        **base, "activities-0-kind": "wage_subsidy", "activities-0-starts_on": IN_NINE_DAYS})
    assert good.status_code == 303
    row = _version(app).activities[0]
    assert (row["kind"], row["title"]) == ("wage_subsidy", "")
