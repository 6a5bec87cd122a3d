"""Caseworker grants a joblog exemption → the citizen's joblog page says so; the interpreter
opens the bilingual view inside the window and gets 403 outside it — at 360 px, axe clean."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen
from tests.support import clock
from tests.support.catalogue import t
from tests.support.routes import _assignment, _booking_for


def _log_out(visitor, code: str) -> None:
    visitor.page.get_by_role("button", name=t(code, "Log out")).click()
    visitor.check()


def test_exemption_reaches_the_citizen_and_the_interpreter_window(app, visitor):
    page = visitor.page
    with app.app_context():
        amal = db.session.scalars(select(Citizen).filter_by(oidc_subject="citizen-amal")).one()
        inside = _assignment(_booking_for(amal, dt.timedelta(minutes=5), "now"),
                             "interpreter-ahmad", "ar")
        outside = _assignment(_booking_for(amal, dt.timedelta(days=3), "later"),
                              "interpreter-ahmad", "ar")
        amal_id = amal.id

    visitor.login("caseworker-kbh", audience="staff")
    visitor.goto(f"/caseworker/citizens/{amal_id}/decisions")
    page.select_option("#kind", "joblog_exemption")
    page.fill("#valid_from", clock.day(-20).isoformat())
    page.fill("#reason", "Danske sprog- og IT-færdigheder er endnu ikke tilstrækkelige.")
    page.get_by_role("button", name=t("da", "Record the decision")).click()
    visitor.check()
    assert t("da", "The decision is recorded. The citizen's pages show it now.") in \
        page.locator("main").inner_text()
    _log_out(visitor, "da")

    visitor.login("citizen-amal")  # her language is Arabic
    visitor.goto("/citizen/joblog/")
    main = page.locator("main").inner_text()
    assert t("ar", "You are exempt") in main
    assert "Danske sprog- og IT-færdigheder" in main  # the reason she is told
    _log_out(visitor, "ar")

    visitor.login("interpreter-ahmad", audience="staff")
    visitor.goto(f"/interpreter/sessions/{inside}")
    columns = page.locator("section.bilingual-column")
    assert columns.count() == 2
    assert [columns.nth(i).get_attribute("dir") for i in range(2)] == ["ltr", "rtl"]
    assert page.locator("form[method=post]").count() == 1  # only the header's log-out
    response = page.goto(visitor.base_url + f"/interpreter/sessions/{outside}")
    assert response is not None and response.status == 403
    visitor.check()
