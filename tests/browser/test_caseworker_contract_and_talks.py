"""The caseworker's side at phone size, axe on every page: publish a weekly series of
talk times, write and send a contract, record a talk as held."""

from __future__ import annotations

import datetime as dt

from portal.extensions import db
from portal.models import Booking, BookingStatus, TalkForm, TalkSlot
from portal.talks.clock import local
from tests.support import clock, talks


def test_caseworker_publishes_times_and_writes_a_contract(visitor, app):
    page = visitor.page
    visitor.login("caseworker-kbh", "staff")
    visitor.goto("/caseworker/talks/")
    day = (local(clock.now()) + dt.timedelta(days=3)).date()
    page.fill("#first_day", day.isoformat())
    page.fill("#weeks", "2")
    page.fill("#start_time", "09:00")
    page.fill("#end_time", "10:00")
    page.check("input[name=talk_forms][value=phone]")
    page.check("input[name=talk_forms][value=video]")
    page.fill("#video_url", "https://video.example.invalid/r/9")
    page.check("input[name=interpreter_languages][value=ar]")
    page.locator("form[action$='/caseworker/talks/'] button[type=submit]").click()
    visitor.check()
    assert page.locator("table tbody tr").count() == 4

    # an empty contract form explains itself
    with app.app_context():
        amal_id = talks.citizen("citizen-amal").id
    visitor.goto(f"/caseworker/contracts/{amal_id}")
    page.locator("form[action$='/draft'] button[type=submit]").click()
    visitor.check()
    assert page.locator(".error-summary").is_visible()
    page.fill("#goal", "Job i detailhandlen")
    page.select_option("#activities-0-kind", "company_internship")
    page.fill("#activities-0-title", "Netto, lager")
    page.fill("#activities-0-starts_on", (day + dt.timedelta(days=7)).isoformat())
    page.fill("#activities-0-hours_per_week", "15")
    page.fill("#danish_education", "Danskuddannelse 2")
    page.fill("#coordinating_department", "Jobcenter København")
    page.locator("form[action$='/draft'] button[type=submit]").click()
    visitor.check()
    # Amal reads Arabic: the draft's free text translated, e.g. with an interpreter
    assert page.locator("#translation-goal").get_attribute("dir") == "rtl"
    page.fill("#translation-goal", "وظيفة في تجارة التجزئة")
    page.fill("#translation-activities-0-details", "نتو، المستودع")
    page.locator("form[action$='/translation'] button[type=submit]").click()
    visitor.check()
    assert page.locator(".error-summary a[href='#translation-translated_by']").is_visible()
    page.fill("#translation-translated_by", "Ahmad Karimi")
    page.locator("form[action$='/translation'] button[type=submit]").click()
    visitor.check()
    page.locator("form[action$='/send'] button[type=submit]").click()
    visitor.check()
    assert "Ahmad Karimi" in page.locator("main").inner_text()  # the version lists it
    visitor.goto("/caseworker/contracts/")


def test_caseworker_records_a_talk_as_held(visitor, app):
    with app.app_context():
        sid = talks.make_slot(hours_ahead=-1)
        amal = talks.citizen("citizen-amal")
        slot = db.session.get(TalkSlot, sid)
        db.session.add(Booking(slot_id=sid, active_slot_id=sid, citizen_id=amal.id,
                               municipality_id=slot.municipality_id, starts_at=slot.starts_at,
                               ends_at=slot.ends_at, form=TalkForm.VIDEO,
                               status=BookingStatus.BOOKED, request_key="b",
                               created_at=clock.now()))
        db.session.commit()
    page = visitor.page
    visitor.login("caseworker-kbh", "staff")
    visitor.goto("/caseworker/talks/")
    page.locator(".outcome-form button[type=submit]").click()
    visitor.check()
    with app.app_context():
        assert len(talks.citizen("citizen-amal").held_talks) == 1


def test_caseworker_withdraws_a_time_and_cancels_a_talk_the_citizen_sees_why(visitor, app):
    """Phone size, axe on every page: the caseworker withdraws a free time and cancels a
    booked talk with a reason; the citizen (Arabic, right to left) sees the reason and
    pages to a later week of free times."""
    with app.app_context():
        free = talks.make_slot(starts_at=talks.in_week(1, 1, 9))
        kept = talks.make_slot(starts_at=talks.in_week(1, 3, 9))
        later = talks.make_slot(starts_at=talks.in_week(3, 1, 9))
        booked = talks.make_slot(starts_at=talks.in_week(1, 2, 9))
        amal = talks.citizen("citizen-amal")
        slot = db.session.get(TalkSlot, booked)
        booking = Booking(slot_id=booked, active_slot_id=booked, citizen_id=amal.id,
                          municipality_id=slot.municipality_id, starts_at=slot.starts_at,
                          ends_at=slot.ends_at, form=TalkForm.VIDEO,
                          status=BookingStatus.BOOKED, request_key="b", created_at=clock.now())
        db.session.add(booking)
        db.session.commit()
        booking_id = booking.id
    page = visitor.page
    visitor.login("caseworker-kbh", "staff")
    visitor.goto("/caseworker/talks/")
    page.locator(f"a[href='/caseworker/talks/slots/{free}/withdraw']").click()
    visitor.check()
    page.locator("form[action$='/withdraw'] button[type=submit]").click()
    visitor.check()
    assert page.locator(f"a[href='/caseworker/talks/slots/{free}/withdraw']").count() == 0

    page.locator(f"a[href='/caseworker/talks/bookings/{booking_id}/cancel']").click()
    visitor.check()
    page.locator("form[action$='/cancel'] button[type=submit]").click()  # no reason yet
    visitor.check()
    assert page.locator(".error-summary a[href='#reason']").is_visible()
    page.fill("#reason", "Din sagsbehandler er syg.")
    page.locator("form[action$='/cancel'] button[type=submit]").click()
    visitor.check()
    assert page.url.endswith("/caseworker/talks/")

    page.context.clear_cookies()
    visitor.login("citizen-amal")
    visitor.goto("/citizen/talks/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "Din sagsbehandler er syg." in page.locator("main").inner_text()
    assert page.locator(f"input[name=slot_id][value='{free}']").count() == 0
    assert page.locator(f"input[name=slot_id][value='{kept}']").count() == 1
    page.locator("a[rel=next]").click()
    visitor.check()
    assert page.locator(f"input[name=slot_id][value='{later}']").count() == 1
