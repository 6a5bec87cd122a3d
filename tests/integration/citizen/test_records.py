"""The citizen sees the decisions about them and who looked at their data."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen
from tests.support.oidc import login
from tests.support.pages import check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def test_citizen_sees_decision_with_reason(client, personas):
    login(client, "citizen-yonas")
    page = check_page(client.get("/citizen/decisions"))
    assert page.lang == "ti"
    assert "Danish and IT skills not yet sufficient" in page.text()


def test_citizen_sees_who_looked_at_their_data(app, client, personas):
    staff = app.test_client()
    login(staff, "caseworker-kbh", audience="staff")
    with app.app_context():
        amal = db.session.scalar(select(Citizen.id).filter_by(oidc_subject="citizen-amal"))
    staff.get(f"/caseworker/citizens/{amal}")
    login(client, "citizen-amal")
    page = check_page(client.get("/citizen/access-log"))
    assert "Karen Jensen" in page.text()


def test_citizen_records_need_a_citizen_login(client, personas):
    assert client.get("/citizen/access-log").status_code == 302
    login(client, "caseworker-kbh", audience="staff")
    check_page(client.get("/citizen/access-log"), status=403)
