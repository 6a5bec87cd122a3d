"""Login through the real OIDC provider: citizens, staff, refusals, timeouts, logout."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import session

from tests.support import clock
from tests.support.catalogue import t
from tests.support.oidc import login
from tests.support.pages import check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def test_citizen_logs_in_and_lands_on_start_page(client, personas):
    response = login(client, "citizen-amal")
    assert response.status_code == 302
    assert response.location == "/citizen/"
    page = check_page(client.get("/citizen/"))
    assert "Amal Hassan" in page.text()
    assert page.lang == "ar"  # her saved preference wins over Accept-Language


def test_login_keeps_the_page_the_citizen_asked_for(client, personas):
    first = client.get("/citizen/")
    assert first.status_code == 302
    assert first.location.startswith("/login?next=/citizen/")
    client.get(first.location)
    start = client.get("/auth/citizen/login?next=/languages")
    assert start.status_code == 302
    from urllib.parse import urlsplit

    import requests

    answer = requests.post(start.location, data={"sub": "citizen-amal"}, allow_redirects=False)
    back = urlsplit(answer.headers["Location"])
    assert client.get(f"{back.path}?{back.query}").location == "/languages"


def test_session_id_is_rotated_at_login(client, personas):
    with client.session_transaction() as before:
        before["sid"] = "planted-by-attacker"
        before["kind"] = "citizen"
    login(client, "citizen-amal")
    with client.session_transaction() as after:
        assert after["sid"] != "planted-by-attacker"
        assert after["kind"] == "citizen"


def test_identity_is_issuer_plus_subject(app, client, personas):
    from portal.extensions import db
    from portal.models import Citizen

    with app.app_context():
        amal = db.session.query(Citizen).filter_by(oidc_subject="citizen-amal").one()
        amal.oidc_issuer = "https://another-issuer.example"
        db.session.commit()
    page = check_page(login(client, "citizen-amal"), status=403)
    assert page.h1 == t("da", "You are not registered yet")


def test_unregistered_citizen_gets_a_clear_translated_page(client, personas):
    client.set_cookie("locale", "so")
    page = check_page(login(client, "citizen-unregistered"), status=403)
    assert page.lang == "so"
    assert page.h1 == t("so", "You are not registered yet")
    assert client.get("/citizen/").status_code == 302  # not logged in


def test_citizen_with_low_assurance_is_refused(client, personas):
    page = check_page(login(client, "citizen-amal-low"), status=403)
    assert page.h1 == t("da", "You need a higher MitID security level")


def test_staff_logs_in_and_sees_only_own_municipality(client, personas):
    response = login(client, "caseworker-aarhus", audience="staff")
    assert response.location == "/caseworker/"
    page = check_page(client.get("/caseworker/"))
    text = page.text()
    assert "Mariam Rahimi" in text
    assert "Amal Hassan" not in text  # København
    assert "Olena Kovalenko" not in text  # Odense


def test_staff_reads_are_audit_logged(app, client, personas):
    from portal.extensions import db
    from portal.models import AuditEvent

    login(client, "caseworker-kbh", audience="staff")
    client.get("/caseworker/")
    with app.app_context():
        actions = {(e.action, e.actor_role) for e in db.session.query(AuditEvent)}
    assert ("login", "caseworker") in actions
    assert ("read:caseload", "caseworker") in actions


def test_citizen_cannot_open_staff_pages_and_staff_cannot_open_citizen_pages(client, personas):
    login(client, "citizen-amal")
    check_page(client.get("/caseworker/"), status=403)
    check_page(client.get("/interpreter/"), status=403)
    other = client.application.test_client()
    login(other, "caseworker-kbh", audience="staff")
    check_page(other.get("/citizen/"), status=403)


def test_interpreter_lands_on_sessions(client, personas):
    response = login(client, "interpreter-ahmad", audience="staff")
    assert response.location == "/interpreter/"
    check_page(client.get("/interpreter/"))
    check_page(client.get("/caseworker/"), status=403)


def test_logout_ends_the_session(client, personas):
    login(client, "citizen-amal")
    page = check_page(client.get("/citizen/"))
    token = page.root.find(".//{http://www.w3.org/1999/xhtml}input[@name='csrf_token']").get("value")
    response = client.post("/auth/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert client.get("/citizen/").status_code == 302


@pytest.mark.parametrize(
    ("idle", "absolute", "expired"),
    [(60, 3600, False), (21 * 60, 3600, True), (60, 8 * 3600 + 1, True)],
)
def test_idle_and_absolute_timeouts(client, personas, idle, absolute, expired):
    login(client, "citizen-amal")
    with client.session_transaction() as s:
        now = clock.now().timestamp()
        s["seen_at"] = int(now - idle)
        s["login_at"] = int(now - absolute)
    response = client.get("/citizen/")
    assert (response.status_code == 302) is expired


def test_cancelled_login_goes_back_to_login_page(client):
    response = client.get("/auth/citizen/callback?error=access_denied&state=x")
    assert response.status_code == 302
    assert response.location == "/login"


def test_forged_callback_is_refused(client, personas):
    client.get("/auth/citizen/login")
    response = client.get("/auth/citizen/callback?code=forged&state=wrong")
    assert response.status_code == 302
    assert response.location == "/login"
    with client.session_transaction() as s:
        assert "uid" not in s


def test_unknown_audience_is_404(client):
    check_page(client.get("/auth/hacker/login"), status=404)


def test_login_is_rate_limited(app):
    from portal.extensions import limiter

    c = app.test_client()
    limiter.reset()
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    try:
        codes = [c.get("/auth/citizen/login").status_code for _ in range(4)]
        page = check_page(c.get("/auth/citizen/login"), status=429)
    finally:
        app.config["LOGIN_RATE_LIMIT"] = "1000 per minute"
        limiter.reset()
    assert codes == [302, 302, 302, 429]
    assert page.h1 == t("da", "Too many attempts")


def test_flask_session_is_signed_cookie_not_server_state(app):
    with app.test_request_context():
        assert session.__class__.__name__ == "SecureCookieSession"


def test_a_session_idles_out_on_the_application_clock(client, personas, frozen_clock):
    """Twenty minutes without a request end the session — counted on the app's one clock."""
    login(client, "citizen-amal")
    assert client.get("/citizen/").status_code == 200
    frozen_clock.advance(dt.timedelta(minutes=19))
    assert client.get("/citizen/").status_code == 200  # activity moves the idle limit on
    frozen_clock.advance(dt.timedelta(minutes=21))
    assert client.get("/citizen/").status_code == 302
