"""A caseworker at a phone: the review queue, a citizen's joblog and CV, a send-back and an
exemption — axe on every page."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen, JoblogEntry, ReviewState
from portal.models.joblog_entry import ActivityKind, ActivityStatus
from tests.support import clock


def test_caseworker_reviews_and_records_an_exemption(visitor, app):
    now = clock.now()
    with app.app_context():
        amal = db.session.scalar(select(Citizen).filter_by(oidc_subject="citizen-amal"))
        db.session.add(JoblogEntry(citizen_id=amal.id, idempotency_key="k" * 24,
                                   activity_on=clock.today(), kind=ActivityKind.PHONE,
                                   employer="Netto", status=ActivityStatus.SENT,
                                   created_at=now, updated_at=now))
        db.session.commit()
        amal_id = amal.id
    page = visitor.page
    visitor.login("caseworker-kbh", "staff")
    visitor.goto("/caseworker/review/")
    page.locator("a", has_text="Amal Hassan").first.click()
    visitor.check()
    entry = page.locator("li[id^='entry-']", has_text="Netto")
    entry.locator("input[value=return]").check()
    entry.locator("textarea").fill("Skriv hvilken stilling")
    entry.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    visitor.check()
    page.select_option("#kind", "joblog_exemption")
    page.fill("#reason", "Dansk og IT ikke nok endnu")
    page.fill("#other_documentation", "Papirliste til hver samtale")
    page.locator("form[action$='/exemptions'] button[type=submit]").click()
    page.wait_for_load_state("load")
    visitor.check()
    assert page.locator(".duty-card .status-exempt").count() >= 1
    with app.app_context():
        entry_row = db.session.scalar(select(JoblogEntry).filter_by(citizen_id=amal_id))
        assert entry_row.review_state == ReviewState.RETURNED
        assert entry_row.review_comment == "Skriv hvilken stilling"
