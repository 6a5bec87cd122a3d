"""The caseload raises the flags that need the jobcentre's own records (joblog, CV)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen
from tests.support import clock
from tests.support.oidc import login
from tests.support.pages import check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def test_silent_joblog_and_invisible_cv_are_flagged(app, client, personas):
    with app.app_context():
        amal = db.session.scalars(select(Citizen).filter_by(oidc_subject="citizen-amal")).one()
        amal.registered_as_job_seeker_on = clock.today() - dt.timedelta(days=40)
        db.session.commit()
    login(client, "caseworker-kbh", audience="staff")
    client.set_cookie("locale", "en")
    text = check_page(client.get("/caseworker/?flag=joblog_silent")).text()
    assert "Amal Hassan" in text
    text = check_page(client.get("/caseworker/?flag=cv_not_visible")).text()
    assert "Amal Hassan" in text
    text = check_page(client.get("/caseworker/?flag=contract_overdue")).text()
    assert "Amal Hassan" not in text  # taken over 20 days ago: not yet overdue
