"""The citizen's joblog (IL § 26 a): add, edit, withdraw, weekly view, exemption, notices."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Citizen, Decision, DecisionKind, JoblogEntry, JoblogNotice, ReviewState
from tests.support import clock
from tests.support.catalogue import t
from tests.support.forms import hidden_fields
from tests.support.oidc import login
from tests.support.pages import check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def _entry(**overrides: str) -> dict[str, str]:
    return {"activity_on": "3/4", "kind": "advertised", "employer": "Netto",
            "job_title": "Butiksassistent", "source": "https://job.example/1",
            "status": "sent", "note": "", **overrides}


def _add(client, **overrides: str):
    fields = hidden_fields(client, "/citizen/joblog/new")
    return client.post("/citizen/joblog/new", data={**fields, **_entry(**overrides)})


def _count(app, subject: str) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count(JoblogEntry.id)).join(Citizen, JoblogEntry.citizen_id == Citizen.id)
            .where(Citizen.oidc_subject == subject))


def _set_locale(client, code: str) -> None:
    client.get(f"/locale/{code}?next=/")


def test_add_an_entry_and_see_it_in_its_week(app, client, personas):
    login(client, "citizen-amal")
    _set_locale(client, "da")
    form = check_page(client.get("/citizen/joblog/new"))
    today = clock.today()
    today_typed = today.strftime("%d.%m.%Y")
    assert f'value="{today_typed}"' in form.response.get_data(as_text=True)  # today by default
    response = _add(client, activity_on=today.strftime("%d.%m.%Y"))
    assert response.status_code == 302
    page = check_page(client.get("/citizen/joblog/"))
    assert "Netto" in page.text()
    assert t("da", "Your activity is saved in your joblog.") in page.text()
    week = today.isocalendar()[1]
    assert f"{week}" in page.text()


def test_double_submitted_entry_is_stored_once(app, client, personas):
    login(client, "citizen-amal")
    fields = hidden_fields(client, "/citizen/joblog/new")
    data = {**fields, **_entry()}
    first = client.post("/citizen/joblog/new", data=data)
    second = client.post("/citizen/joblog/new", data=data)  # the phone re-sends the same form
    assert first.status_code == second.status_code == 302
    assert _count(app, "citizen-amal") == 1
    page = check_page(client.get("/citizen/joblog/"))
    assert page.text().count("Butiksassistent") == 1


def test_a_new_form_render_is_a_new_entry(app, client, personas):
    login(client, "citizen-amal")
    _add(client)
    _add(client)
    assert _count(app, "citizen-amal") == 2


def test_bad_input_gets_translated_errors_and_keeps_what_was_typed(app, client, personas):
    login(client, "citizen-amal")
    _set_locale(client, "da")
    fields = hidden_fields(client, "/citizen/joblog/new")
    page = check_page(client.post("/citizen/joblog/new", data={
        **fields, **_entry(activity_on="31/2", employer="", note="min note")}))
    assert page.title.startswith(t("da", "Error:"))
    text = page.text()
    assert t("da", "Enter the employer's name") in text
    assert t("da", "Enter a real date, day first, for example 3/4 or 03.04.2025") in text
    assert 'value="31/2"' in page.response.get_data(as_text=True)
    assert "min note" in text
    assert _count(app, "citizen-amal") == 0


def test_future_date_is_refused(app, client, personas):
    login(client, "citizen-amal")
    tomorrow = clock.today() + dt.timedelta(days=1)
    page = check_page(_add(client, activity_on=tomorrow.isoformat()))
    assert "Error" in page.title or page.title.startswith(t("ar", "Error:"))
    assert _count(app, "citizen-amal") == 0


def test_edit_and_withdraw_until_reviewed(app, client, personas):
    login(client, "citizen-amal")
    _add(client)
    with app.app_context():
        entry_id = db.session.scalar(select(JoblogEntry.id))
    fields = hidden_fields(client, f"/citizen/joblog/{entry_id}/edit")
    response = client.post(f"/citizen/joblog/{entry_id}/edit",
                           data={**fields, **_entry(employer="Føtex", status="interview")})
    assert response.status_code == 302
    assert "Føtex" in check_page(client.get("/citizen/joblog/")).text()
    client.post(f"/citizen/joblog/{entry_id}/withdraw", data={"csrf_token": fields["csrf_token"]})
    with app.app_context():
        entry = db.session.get(JoblogEntry, entry_id)
        assert entry.withdrawn_at is not None  # kept, marked
        assert entry.employer == "Føtex"
        entry.withdrawn_at = None
        entry.review_state = ReviewState.REVIEWED
        db.session.commit()
    assert client.get(f"/citizen/joblog/{entry_id}/edit").status_code == 302
    client.post(f"/citizen/joblog/{entry_id}/edit", data={**fields, **_entry(employer="Changed")})
    with app.app_context():
        assert db.session.get(JoblogEntry, entry_id).employer == "Føtex"


def test_a_citizen_never_sees_anothers_entries(app, client, personas):
    login(client, "citizen-olena")
    _add(client, employer="Olenas arbejdsgiver")
    with app.app_context():
        olena_entry = db.session.scalar(select(JoblogEntry.id))
    token = hidden_fields(client, "/citizen/joblog/")["csrf_token"]
    client.post("/auth/logout", data={"csrf_token": token})
    login(client, "citizen-amal")
    assert "Olenas" not in check_page(client.get("/citizen/joblog/")).text()
    for guessed in (olena_entry, olena_entry + 1, 999999):
        assert client.get(f"/citizen/joblog/{guessed}/edit").status_code == 404
    token = hidden_fields(client, "/citizen/joblog/")["csrf_token"]
    assert client.post(f"/citizen/joblog/{olena_entry}/withdraw",
                       data={"csrf_token": token}).status_code == 404
    with app.app_context():
        assert db.session.get(JoblogEntry, olena_entry).withdrawn_at is None


def test_staff_and_anonymous_cannot_use_citizen_joblog(app, client, personas):
    assert client.get("/citizen/joblog/").status_code == 302  # to login
    login(client, "caseworker-kbh", "staff")
    assert client.get("/citizen/joblog/").status_code == 403


def test_exempt_citizen_sees_why_and_the_other_way(app, client, personas):
    with app.app_context():
        yonas = db.session.scalar(select(Citizen).filter_by(oidc_subject="citizen-yonas"))
        decision = next(d for d in yonas.decisions if d.kind == DecisionKind.JOBLOG_EXEMPTION)
        decision.other_documentation = "Du viser din jobsøgning ved hver samtale."
        db.session.commit()
    login(client, "citizen-yonas")
    _set_locale(client, "da")
    text = check_page(client.get("/citizen/joblog/")).text()
    assert t("da", "You are exempt") in text
    assert "Integrationsloven § 26 a, stk. 4" in text
    assert "Integrationsloven § 26, stk. 3" in text
    assert "Du viser din jobsøgning ved hver samtale." in text
    assert "Danish and IT skills not yet sufficient" in text


def test_weekly_progress_against_the_agreed_number(app, client, personas):
    from portal.models import JoblogAgreement

    with app.app_context():
        amal = db.session.scalar(select(Citizen).filter_by(oidc_subject="citizen-amal"))
        db.session.add(JoblogAgreement(citizen_id=amal.id, applications_per_week=3))
        db.session.commit()
    login(client, "citizen-amal")
    _set_locale(client, "da")
    today = clock.today()
    _add(client, activity_on=today.isoformat())
    _add(client, activity_on=today.isoformat(), kind="phone")
    page = check_page(client.get("/citizen/joblog/"))
    html = page.response.get_data(as_text=True)
    assert '<progress class="joblog-progress" max="3" value="1"' in html


def test_thirty_days_quiet_notice_on_start_page_and_by_email(app, client, personas, mailbox):
    from portal.citizen.joblog.notices import send_notices

    today = clock.today()
    with app.app_context():
        amal = db.session.scalar(select(Citizen).filter_by(oidc_subject="citizen-amal"))
        amal.registered_as_job_seeker_on = today - dt.timedelta(days=31)
        amal.preferred_locale = "da"
        db.session.commit()
    login(client, "citizen-amal")
    text = check_page(client.get("/citizen/")).text()
    assert t("da", "You have not logged any job search for 30 days") in text
    with app.app_context(), app.test_request_context():
        first = send_notices(today, clock.now())
        second = send_notices(today, clock.now())
    assert first.sent >= 1
    assert second.sent == 0
    messages = mailbox.to("citizen-amal@example.invalid")
    assert len(messages) == 1
    assert messages[0]["Subject"] == t("da", "Remember your joblog")
    with app.app_context():
        assert db.session.scalar(select(func.count(JoblogNotice.id))) == first.sent
    _add(client, activity_on=today.isoformat())
    assert t("da", "You have not logged any job search for 30 days") not in check_page(
        client.get("/citizen/")).text()


def test_send_notices_command_runs_twice_and_sends_once(app, personas, mailbox):
    today = clock.today()
    with app.app_context():
        for citizen in db.session.scalars(select(Citizen)):
            citizen.registered_as_job_seeker_on = today - dt.timedelta(days=40)
        db.session.commit()
    runner = app.test_cli_runner()
    first = runner.invoke(args=["joblog", "send-notices"])
    second = runner.invoke(args=["joblog", "send-notices"])
    assert first.exit_code == 0, first.output
    assert "Sent 0" not in first.output
    assert "Sent 0," in second.output
    addresses = [m["To"] for m in mailbox.messages]
    assert len(addresses) == len(set(addresses))
    assert "citizen-mariam@example.invalid" not in addresses  # activity-ready: no joblog duty
    assert "citizen-yonas@example.invalid" not in addresses  # exempt


def test_exemption_recorded_changes_the_page_at_once(app, client, personas):
    login(client, "citizen-amal")
    _set_locale(client, "da")
    assert t("da", "Applies to you") in check_page(client.get("/citizen/joblog/")).text()
    with app.app_context():
        amal = db.session.scalar(select(Citizen).filter_by(oidc_subject="citizen-amal"))
        db.session.add(Decision(citizen_id=amal.id, kind=DecisionKind.JOBLOG_EXEMPTION,
                                valid_from=clock.today(), reason="Sprog",
                                other_documentation="Liste ved samtalen"))
        db.session.commit()
    text = check_page(client.get("/citizen/joblog/")).text()
    assert t("da", "You are exempt") in text and "Liste ved samtalen" in text


def test_notice_is_retried_when_the_mail_server_is_down(app, personas, mailbox):
    from portal.citizen.joblog.notices import send_notices

    today = clock.today()
    with app.app_context():
        amal = db.session.scalar(select(Citizen).filter_by(oidc_subject="citizen-amal"))
        amal.registered_as_job_seeker_on = today - dt.timedelta(days=31)
        db.session.commit()
    port = app.config["SMTP_PORT"]
    app.config["SMTP_PORT"] = 1  # nothing listens there
    try:
        with app.app_context():
            down = send_notices(today, clock.now())
    finally:
        app.config["SMTP_PORT"] = port
    assert down.failed >= 1 and down.sent == 0
    with app.app_context():
        assert db.session.scalar(select(func.count(JoblogNotice.id))) == 0
        again = send_notices(today, clock.now())
    assert again.sent == down.failed
    assert len(mailbox.to("citizen-amal@example.invalid")) == 1
