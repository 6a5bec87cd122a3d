"""PostgreSQL goes away in the middle of a request (a restart, a failover): the user gets
a translated 503 with the page's header intact — never the server's bare 500 — and a
connection lost only at the final ROLLBACK does not spoil a page that was already made.

PostgreSQL only: the connection is cut for real with ``pg_terminate_backend``."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa
from flask import g

from portal.extensions import db
from portal.models import Citizen
from tests.conftest import make_app
from tests.support import clock
from tests.support.catalogue import t
from tests.support.pages import check_page


def _cut_my_connection() -> None:
    """Terminate this request's database connection from another connection."""
    pid = db.session.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as other:
        other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # the backend is gone once the server says so
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as other:
            alive = other.execute(sa.text("SELECT count(*) FROM pg_stat_activity "
                                          "WHERE pid = :pid"), {"pid": pid}).scalar_one()
        if not alive:
            return
        time.sleep(0.05)


@pytest.fixture()
def outage_app(idp, app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("cuts a PostgreSQL connection (make test runs this on PostgreSQL)")
    other = make_app(idp, app.config["SQLALCHEMY_DATABASE_URI"])
    other.logger.disabled = True

    @other.route("/_test/lost-mid-request")
    def lost_mid_request():
        assert g.user is not None  # the header will show the user's name
        _cut_my_connection()
        db.session.execute(sa.text("SELECT 1"))  # the next statement fails
        return "not reached"

    @other.route("/_test/lost-at-the-end")
    def lost_at_the_end():
        name = g.user.name
        _cut_my_connection()  # the request's final ROLLBACK will fail
        return f"made for {name}"

    yield other
    with other.app_context():
        db.engine.dispose()  # close its pool's connections (the suite fails on leaks)


def _logged_in(app, personas_app) -> object:
    client = app.test_client()
    with personas_app.app_context():
        amal = db.session.scalars(sa.select(Citizen).filter_by(oidc_subject="citizen-amal")).one()
        uid, name = amal.id, amal.name
    with client.session_transaction() as s:
        now = int(clock.now().timestamp())
        s.update({"kind": "citizen", "uid": uid, "sid": "x", "login_at": now, "seen_at": now})
    return client, name


def test_connection_lost_mid_request_answers_a_translated_503(outage_app, app, personas):
    client, name = _logged_in(outage_app, app)
    response = client.get("/_test/lost-mid-request")
    page = check_page(response, status=503)
    assert page.lang == "ar"  # her saved language beats the cookie
    assert page.h1 == t("ar", "The service is not available right now")
    assert name in response.get_data(as_text=True)  # the header still knows the user
    assert "Traceback" not in response.get_data(as_text=True)
    assert client.get("/citizen/").status_code == 200  # the pool has a fresh connection


def test_connection_lost_at_the_final_rollback_keeps_the_page(outage_app, app, personas):
    client, name = _logged_in(outage_app, app)
    response = client.get("/_test/lost-at-the-end")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == f"made for {name}"
    assert client.get("/citizen/").status_code == 200
