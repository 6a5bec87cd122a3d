"""The factory's wiring: error pages, production headers, readiness, the form layout."""

from __future__ import annotations

import pytest
from flask import render_template_string
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired

from tests.conftest import make_app
from tests.support import clock
from tests.support.catalogue import t
from tests.support.pages import check_page


class NameForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired("Enter your name")])


PAGE = """{% extends "base.html" %}
{% from "components/forms.html" import error_summary, field %}
{% block title %}Form{% endblock %}
{% block content %}<h1>Form</h1>{{ error_summary(form) }}
<form method="post" novalidate>{{ form.csrf_token }}
{{ field(form.name, hint="As in your passport") }}
<button class="button button-primary" type="submit">Send</button></form>{% endblock %}"""


@pytest.fixture()
def side_app(idp, app):
    """A second app on the same database, for routes only tests need."""
    other = make_app(idp, app.config["SQLALCHEMY_DATABASE_URI"], WTF_CSRF_ENABLED="0")
    other.config["WTF_CSRF_ENABLED"] = False

    @other.route("/_test/form", methods=["GET", "POST"])
    def form_page():
        form = NameForm()
        form.validate_on_submit()
        return render_template_string(PAGE, form=form)

    @other.route("/_test/boom")
    def boom():
        raise RuntimeError("secret internal detail")

    return other


def test_form_errors_show_summary_linked_to_fields_and_error_in_title(side_app):
    client = side_app.test_client()
    page = check_page(client.post("/_test/form", data={"name": "  "}))
    assert page.title.startswith(t("da", "Error:"))
    summary = page.root.find(".//{http://www.w3.org/1999/xhtml}div[@role='alert']")
    assert summary is not None
    links = [a.get("href") for a in summary.iter("{http://www.w3.org/1999/xhtml}a")]
    assert links == ["#name"]
    field = page.root.find(".//{http://www.w3.org/1999/xhtml}input[@id='name']")
    assert field.get("aria-describedby") == "name-hint name-error-1"
    ok = check_page(client.get("/_test/form"))
    assert not ok.title.startswith(t("da", "Error:"))


def test_unexpected_error_shows_translated_page_without_internals(side_app):
    side_app.logger.disabled = True
    client = side_app.test_client()
    client.set_cookie("locale", "fa")
    response = client.get("/_test/boom")
    page = check_page(response, status=500)
    assert page.h1 == t("fa", "Sorry, something went wrong")
    body = response.get_data(as_text=True)
    assert "secret internal detail" not in body
    assert "Traceback" not in body


def test_production_sends_hsts_and_uses_host_prefixed_cookie(idp, app):
    prod = make_app(
        idp,
        app.config["SQLALCHEMY_DATABASE_URI"],
        PORTAL_ENV="production",
        ALLOW_SQLITE_IN_PRODUCTION="1",
        RATELIMIT_STORAGE_URI="memory://",
        CITIZEN_OIDC_CLIENT_SECRET="prod-secret-1",
        STAFF_OIDC_CLIENT_SECRET="prod-secret-2",
    )
    client = prod.test_client()
    response = client.get("/", base_url="https://portal.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    response = client.get("/locale/en?next=/", base_url="https://portal.example")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie
    with prod.test_request_context(base_url="https://portal.example"):
        assert prod.config["SESSION_COOKIE_NAME"] == "__Host-session"
        assert prod.config["SESSION_COOKIE_SECURE"] is True


def test_readyz_reports_an_unreachable_database(idp):
    broken = make_app(idp, "postgresql://nobody@127.0.0.1:1/none")
    response = broken.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "database": "unreachable"}
    assert broken.test_client().get("/healthz").status_code == 200


def test_saved_preference_beats_the_cookie(client, personas):
    from tests.support.oidc import login

    login(client, "citizen-amal")
    client.set_cookie("locale", "da")
    page = check_page(client.get("/citizen/"))
    assert page.lang == "ar"
    client.get("/locale/en?next=/citizen/")  # switching saves the new preference
    client.delete_cookie("locale")
    assert check_page(client.get("/citizen/")).lang == "en"


def test_database_outage_answers_503_with_a_translated_page(idp):
    broken = make_app(idp, "postgresql://nobody@127.0.0.1:1/none")
    broken.logger.disabled = True
    client = broken.test_client()
    with client.session_transaction() as s:
        now = int(clock.now().timestamp())
        s.update({"kind": "citizen", "uid": 1, "sid": "x", "login_at": now, "seen_at": now})
    client.set_cookie("locale", "uk")
    page = check_page(client.get("/citizen/"), status=503)
    assert page.h1 == t("uk", "The service is not available right now")
    assert "Traceback" not in page.text()
