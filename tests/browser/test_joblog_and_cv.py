"""On a phone (360×740), in Danish and in Farsi: log three activities, edit one, lose the
connection in the middle of an entry and send it when back online; fill the CV with a job
goal and make it visible. axe runs on every page visited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen, Cv, JoblogEntry


def _fill_entry(page, employer: str, date: str = "") -> None:
    if date:
        page.fill("#activity_on", date)
    page.select_option("#kind", "unsolicited")
    page.fill("#employer", employer)
    page.fill("#job_title", "Lagermedarbejder")
    page.select_option("#status", "sent")


def _entries(app) -> list[JoblogEntry]:
    with app.app_context():
        return list(db.session.scalars(
            select(JoblogEntry).join(Citizen, JoblogEntry.citizen_id == Citizen.id)
            .where(Citizen.oidc_subject == "citizen-amal").order_by(JoblogEntry.id)))


@pytest.mark.parametrize(("code", "direction"), [("da", "ltr"), ("fa", "rtl")])
def test_joblog_and_cv_on_a_phone(visitor, app, code, direction):
    page = visitor.page
    visitor.login("citizen-amal")
    visitor.goto(f"/locale/{code}?next=/citizen/joblog/")
    assert page.locator("html").get_attribute("dir") == direction

    # three entries: dates typed the way people type them, or picked in the calendar
    for employer, date in (("Netto", "3/11"), ("Bilka", "04.11.2026"), ("Jysk", "picked")):
        page.locator("a[href$='/citizen/joblog/new']").first.click()
        visitor.check()
        if date == "picked":
            page.locator("input.date-picker").fill("2026-11-05")
            assert page.locator("#activity_on").input_value() == "05.11.2026"
            date = ""
        _fill_entry(page, employer, date)
        page.locator("form[data-draft] button[type=submit]").click()
        page.wait_for_url("**/citizen/joblog/")
        visitor.check()
        assert page.locator(".joblog-entry", has_text=employer).count() == 1

    # edit one
    page.locator(".joblog-entry", has_text="Bilka").locator("a[href$='/edit']").click()
    visitor.check()
    page.fill("#employer", "Bilka Ishøj")
    page.select_option("#status", "interview")
    page.locator("form[data-draft] button[type=submit]").click()
    page.wait_for_url("**/citizen/joblog/")
    visitor.check()
    assert page.locator(".joblog-entry", has_text="Bilka Ishøj").count() == 1

    # the connection drops in the middle of an entry
    page.locator("a[href$='/citizen/joblog/new']").first.click()
    visitor.check()
    _fill_entry(page, "Føtex")
    page.context.set_offline(True)
    page.locator("form[data-draft] button[type=submit]").click()
    status = page.locator("[data-draft-status]")
    status.wait_for(state="visible")
    assert page.locator("#employer").input_value() == "Føtex"  # nothing lost
    visitor.check()  # the "saved on this phone" state is accessible too
    page.context.set_offline(False)
    page.locator("[data-draft-retry]").click()
    page.wait_for_url("**/citizen/joblog/")
    page.locator("main .alert[role=status]").wait_for()  # "saved" is shown once sent
    visitor.check()
    assert page.locator(".joblog-entry", has_text="Føtex").count() == 1
    employers = [e.employer for e in _entries(app)]
    assert sorted(employers) == ["Bilka Ishøj", "Føtex", "Jysk", "Netto"]  # each stored once
    dates = {e.employer: e.activity_on.isoformat() for e in _entries(app)}
    assert dates["Netto"].endswith("-11-03") and dates["Jysk"] == "2026-11-05"
    assert page.evaluate("Object.keys(localStorage).length") == 0  # the draft is gone

    # the CV: a job goal, then visible to employers
    visitor.goto("/citizen/cv/")
    assert page.locator(".cv-countdown").count() == 1
    page.locator("a[href$='/citizen/cv/job_goals/new']").first.click()
    visitor.check()
    page.fill("#title", "Lagermedarbejder")
    page.fill("#isco", "9333")
    page.locator("form[data-draft] button[type=submit]").click()
    page.wait_for_url("**/citizen/cv/")
    visitor.check()
    page.check("#visible")
    page.locator("form[action$='/citizen/cv/visibility'] button[type=submit]").click()
    page.wait_for_url("**/citizen/cv/")
    visitor.check()
    assert page.locator(".cv-visibility .status-exempt").count() == 1
    with app.app_context():
        cv = db.session.scalar(select(Cv))
        assert cv.visible_to_employers and [g["title"] for g in cv.job_goals] == [
            "Lagermedarbejder"]
    assert page.locator("body").evaluate("b => b.scrollWidth") <= 360  # no sideways scrolling
