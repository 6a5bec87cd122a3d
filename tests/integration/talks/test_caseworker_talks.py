"""Caseworkers publish slots (one or a weekly series), see bookings of their own
municipality only, and record talks as held or no-show."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, Booking, BookingStatus, HeldTalk, TalkForm, TalkSlot
from portal.talks.clock import local
from tests.support import clock, talks
from tests.support.oidc import login
from tests.support.pages import check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def _csrf(response) -> str:
    text = response.get_data(as_text=True)
    marker = 'name="csrf_token" value="'
    start = text.index(marker) + len(marker)
    return text[start : text.index('"', start)]


def _publish(client, **overrides):
    token = _csrf(client.get("/caseworker/talks/"))
    day = (local(clock.now()) + dt.timedelta(days=3)).date()
    data = {
        "csrf_token": token, "first_day": day.isoformat(), "weeks": "4",
        "start_time": "09:00", "end_time": "12:00", "minutes": "30",
        "talk_forms": ["in_person", "video"], "address": "Kalvebod Brygge 43",
        "video_url": "https://video.example.invalid/r/1", "interpreter_languages": ["ar", "fa"],
        "book_by_hours": "24", "change_by_hours": "24",
    }
    data.update(overrides)
    return client.post("/caseworker/talks/", data=data)


def test_recurring_slots_in_one_go(app, client, personas):
    login(client, "caseworker-kbh", "staff")
    check_page(client.get("/caseworker/talks/"))
    response = _publish(client)
    assert response.status_code == 303
    with app.app_context():
        slots = list(db.session.scalars(select(TalkSlot).order_by(TalkSlot.starts_at)))
        assert len(slots) == 4 * 6  # 4 weeks x 9-12 in 30 minutes
        assert len({s.series for s in slots}) == 1
        first = local(slots[0].starts_at)
        assert (first.hour, first.minute) == (9, 0)  # Danish wall-clock time
        assert local(slots[6].starts_at).date() - first.date() == dt.timedelta(days=7)
        assert slots[0].interpreter_list == ["ar", "fa"]
    check_page(client.get("/caseworker/talks/"))


def test_publish_errors_are_clear_and_publish_nothing(app, client, personas):
    login(client, "caseworker-kbh", "staff")
    response = _publish(client, end_time="08:00", address="", video_url="not a link")
    page = check_page(response, 400)
    assert page.title.startswith("Fejl:")
    summary = page.root.find(".//{http://www.w3.org/1999/xhtml}div[@role='alert']")
    linked = {a.get("href") for a in summary.iter("{http://www.w3.org/1999/xhtml}a")}
    assert linked == {"#end_time", "#address", "#video_url"}  # each error links to its field
    with app.app_context():
        assert db.session.scalar(select(TalkSlot.id)) is None


def test_a_caseworker_of_aarhus_sees_no_koebenhavn_slots(app, client, personas):
    with app.app_context():
        talks.make_slot("caseworker-kbh")
    login(client, "caseworker-aarhus", "staff")
    page = check_page(client.get("/caseworker/talks/"))
    assert "Kalvebod" not in page.response.get_data(as_text=True)
    assert "Ingen tider" in page.text() or "No times" in page.text()


def test_record_held_counts_for_the_rule_module_and_is_audited(app, client, personas):
    with app.app_context():
        sid = talks.make_slot(hours_ahead=-1)
        amal = talks.citizen("citizen-amal")
        slot = db.session.get(TalkSlot, sid)
        booking = Booking(slot_id=sid, active_slot_id=sid, citizen_id=amal.id,
                          municipality_id=slot.municipality_id, starts_at=slot.starts_at,
                          ends_at=slot.ends_at, form=TalkForm.PHONE, status=BookingStatus.BOOKED,
                          request_key="x", created_at=clock.now())
        db.session.add(booking)
        db.session.commit()
        booking_id = booking.id
    login(client, "caseworker-kbh", "staff")
    page = check_page(client.get("/caseworker/talks/"))
    assert "Amal Hassan" in page.text()
    token = _csrf(page.response)
    response = client.post(f"/caseworker/talks/bookings/{booking_id}/outcome",
                           data={"csrf_token": token, "outcome": "held", "talk_form": "phone"})
    assert response.status_code == 303
    with app.app_context():
        [held] = db.session.scalars(select(HeldTalk)).all()
        assert held.form == TalkForm.PHONE
        amal = talks.citizen("citizen-amal")
        expected = local(clock.now() - dt.timedelta(hours=1)).date()
        assert [t.held_on for t in amal.held_talks] == [expected]
        actions = set(db.session.scalars(select(AuditEvent.action)))
        assert {"read:talk_bookings", "talk:held"} <= actions
    # changing it to a no-show removes the held talk
    response = client.post(f"/caseworker/talks/bookings/{booking_id}/outcome",
                           data={"csrf_token": token, "outcome": "no_show", "talk_form": "phone"})
    with app.app_context():
        assert db.session.scalar(select(HeldTalk.id)) is None
        assert db.session.get(Booking, booking_id).status == BookingStatus.NO_SHOW


def test_aarhus_cannot_record_a_koebenhavn_booking(app, client, personas):
    with app.app_context():
        sid = talks.make_slot(hours_ahead=-1)
        amal = talks.citizen("citizen-amal")
        slot = db.session.get(TalkSlot, sid)
        booking = Booking(slot_id=sid, active_slot_id=sid, citizen_id=amal.id,
                          municipality_id=slot.municipality_id, starts_at=slot.starts_at,
                          ends_at=slot.ends_at, form=TalkForm.PHONE, status=BookingStatus.BOOKED,
                          request_key="x", created_at=clock.now())
        db.session.add(booking)
        db.session.commit()
        booking_id = booking.id
    login(client, "caseworker-aarhus", "staff")
    token = _csrf(client.get("/caseworker/talks/"))
    response = client.post(f"/caseworker/talks/bookings/{booking_id}/outcome",
                           data={"csrf_token": token, "outcome": "held", "talk_form": "phone"})
    check_page(response, 404)
    with app.app_context():
        assert db.session.scalar(select(HeldTalk.id)) is None


def test_citizens_and_interpreters_cannot_publish(app, client, personas):
    login(client, "interpreter-ahmad", "staff")
    check_page(client.get("/caseworker/talks/"), 403)
