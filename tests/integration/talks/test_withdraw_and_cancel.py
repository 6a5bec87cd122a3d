"""The jobcentre changes published times: a caseworker withdraws a free time (citizens no
longer see or book it), or cancels a booked talk with a reason the citizen is told by
e-mail in their language and on their talks page. Only the slot's own municipality."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import AuditEvent, Booking, BookingStatus, TalkForm, TalkSlot
from tests.support import clock, talks
from tests.support.catalogue import nt, t
from tests.support.forms import csrf_token
from tests.support.oidc import login
from tests.support.pages import NS, check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days

REASON = "Din sagsbehandler er syg."


def _booked(app, subject: str = "citizen-amal", hours_ahead: float = 72) -> tuple[int, int]:
    """A talk booked by the citizen; returns (slot id, booking id)."""
    with app.app_context():
        sid = talks.make_slot(hours_ahead=hours_ahead)
        slot = db.session.get(TalkSlot, sid)
        booking = Booking(slot_id=sid, active_slot_id=sid,
                          citizen_id=talks.citizen(subject).id,
                          municipality_id=slot.municipality_id, starts_at=slot.starts_at,
                          ends_at=slot.ends_at, form=TalkForm.VIDEO,
                          status=BookingStatus.BOOKED, request_key=f"k-{sid}",
                          created_at=clock.now())
        db.session.add(booking)
        db.session.commit()
        return sid, booking.id


def _slot(app, sid: int) -> TalkSlot:
    with app.app_context():
        slot = db.session.get(TalkSlot, sid)
        db.session.expunge(slot)
        return slot


def _booking(app, bid: int) -> Booking:
    with app.app_context():
        booking = db.session.get(Booking, bid)
        db.session.expunge(booking)
        return booking


def _actions(app) -> list[tuple[str, str | None]]:
    with app.app_context():
        return [(e.action, e.detail) for e in db.session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("talk:%")))]


def _withdraw(client, sid: int):
    path = f"/caseworker/talks/slots/{sid}/withdraw"
    return client.post(path, data={"csrf_token": csrf_token(client, "/caseworker/talks/")})


def _cancel(client, bid: int, reason: str = REASON):
    return client.post(f"/caseworker/talks/bookings/{bid}/cancel",
                       data={"csrf_token": csrf_token(client, "/caseworker/talks/"),
                             "reason": reason})


def test_a_withdrawn_time_disappears_for_citizens(app, client, personas):
    with app.app_context():
        sid = talks.make_slot()
        kept = talks.make_slot(hours_ahead=80)
    login(client, "caseworker-kbh", "staff")
    listing = check_page(client.get("/caseworker/talks/"))
    assert f"/caseworker/talks/slots/{sid}/withdraw" in listing.links()
    confirm = check_page(client.get(f"/caseworker/talks/slots/{sid}/withdraw"))
    assert confirm.find_all("form")  # a confirmation that works without JavaScript
    response = _withdraw(client, sid)
    assert response.status_code == 303
    slot = _slot(app, sid)
    assert slot.withdrawn and slot.withdrawn_at is not None
    with app.app_context():
        assert slot.withdrawn_by_id == talks.staff("caseworker-kbh").id
    assert ("talk:withdraw", f"slot {sid}") in _actions(app)
    listing = check_page(client.get("/caseworker/talks/"))
    assert f"/caseworker/talks/slots/{sid}/withdraw" not in listing.links()
    assert t("da", "Withdrawn") in listing.text()
    # sending the form again changes nothing and is not logged twice
    assert _withdraw(client, sid).status_code == 303
    assert _actions(app).count(("talk:withdraw", f"slot {sid}")) == 1

    citizen = app.test_client()
    login(citizen, "citizen-amal")
    html = check_page(citizen.get("/citizen/talks/")).response.get_data(as_text=True)
    assert f'value="{sid}"' not in html
    assert f'value="{kept}"' in html


def test_booking_a_withdrawn_time_says_it_is_no_longer_available(app, client, personas):
    with app.app_context():
        sid = talks.make_slot()
        talks.make_slot(hours_ahead=80)
    login(client, "citizen-amal")
    token = csrf_token(client, "/citizen/talks/")  # the page still showed the time
    worker = app.test_client()
    login(worker, "caseworker-kbh", "staff")
    assert _withdraw(worker, sid).status_code == 303
    response = client.post("/citizen/talks/book", data={
        "csrf_token": token, "slot_id": str(sid), "talk_form": "phone", "request_key": "k"})
    page = check_page(response, 409)
    assert t("ar", "That time is no longer available. Choose one of the free times below.") \
        in page.text()
    with app.app_context():
        assert db.session.scalar(select(func.count(Booking.id))) == 0


def test_withdrawing_a_booked_time_is_refused_and_changes_nothing(app, client, personas):
    sid, bid = _booked(app)
    login(client, "caseworker-kbh", "staff")
    confirm = check_page(client.get(f"/caseworker/talks/slots/{sid}/withdraw"))
    assert f"/caseworker/talks/bookings/{bid}/cancel" in confirm.links()
    response = _withdraw(client, sid)
    page = check_page(response, 409)
    assert page.title.startswith("Fejl:")  # the caseworker's pages are in Danish
    assert t("da", "This time is booked, so it was not withdrawn. Cancel the talk instead "
                   "and tell the citizen why.") in page.text()
    assert not _slot(app, sid).withdrawn
    assert _booking(app, bid).status == BookingStatus.BOOKED
    assert _actions(app) == []


def test_cancelling_a_booked_talk_tells_the_citizen_why_in_their_language(
    app, client, personas, mailbox
):
    sid, bid = _booked(app)
    login(client, "caseworker-kbh", "staff")
    check_page(client.get(f"/caseworker/talks/bookings/{bid}/cancel"))
    response = _cancel(client, bid)
    assert response.status_code == 303

    booking = _booking(app, bid)
    assert booking.status == BookingStatus.CANCELLED
    assert booking.active_slot_id is None
    assert booking.cancel_reason == REASON
    assert _slot(app, sid).withdrawn
    assert ("talk:cancel", f"booking {bid}") in _actions(app)

    [message] = mailbox.to("citizen-amal@example.invalid")  # Amal reads Arabic
    with app.test_request_context(), force_locale("ar"):
        assert message["Subject"] == _("The jobcentre has cancelled your job talk")
        reason_line = _("Reason: %(reason)s", reason=REASON)
    body = message.get_body(("plain",)).get_content()
    assert reason_line in body
    [calendar] = [p for p in message.iter_attachments()
                  if p.get_content_type() == "text/calendar"]
    ics = calendar.get_content()
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "METHOD:CANCEL" in ics and "STATUS:CANCELLED" in ics
    assert f"UID:booking-{bid}@min-integration" in ics  # the event the calendar already has
    assert not mailbox.to("caseworker-kbh@example.invalid")

    citizen = app.test_client()
    login(citizen, "citizen-amal")
    page = check_page(citizen.get("/citizen/talks/"))
    assert t("ar", "Talks the jobcentre cancelled") in page.text()
    assert reason_line in page.text()
    receipt = check_page(citizen.get(f"/citizen/talks/{bid}"))
    assert REASON in receipt.text()
    html = page.response.get_data(as_text=True)
    assert f'value="{sid}"' not in html  # the time is not offered again

    # the form sent twice cancels once and mails once
    assert _cancel(client, bid).status_code == 303
    assert len(mailbox.to("citizen-amal@example.invalid")) == 1


def test_a_cancellation_needs_a_reason(app, client, personas, mailbox):
    sid, bid = _booked(app)
    login(client, "caseworker-kbh", "staff")
    page = check_page(_cancel(client, bid, reason="   "), 400)
    summary = [d for d in page.find_all("div") if d.get("role") == "alert"]
    assert [a.get("href") for a in summary[0].iter(f"{NS}a")] == ["#reason"]
    assert _booking(app, bid).status == BookingStatus.BOOKED
    assert not _slot(app, sid).withdrawn
    assert mailbox.messages == []


def test_a_talk_that_has_started_cannot_be_cancelled_or_withdrawn(app, client, personas):
    _sid, bid = _booked(app, hours_ahead=-0.2)
    with app.app_context():
        started = talks.make_slot(hours_ahead=-0.2)
    login(client, "caseworker-kbh", "staff")
    check_page(_cancel(client, bid), 409)
    check_page(_withdraw(client, started), 409)
    assert _booking(app, bid).status == BookingStatus.BOOKED
    assert not _slot(app, started).withdrawn


@pytest.mark.parametrize(("who", "status"), [("caseworker-aarhus", 404),
                                             ("interpreter-ahmad", 403)])
def test_only_the_slots_own_municipality_can_change_it(app, client, personas, mailbox, who,
                                                       status):
    with app.app_context():
        free = talks.make_slot(hours_ahead=80)
    sid, bid = _booked(app)
    login(client, who, "staff")
    token = csrf_token(client, "/caseworker/" if status == 404 else "/interpreter/")
    for path in (f"/caseworker/talks/slots/{free}/withdraw",
                 f"/caseworker/talks/bookings/{bid}/cancel"):
        check_page(client.get(path), status)
        check_page(client.post(path, data={"csrf_token": token, "reason": "x"}), status)
    assert not _slot(app, free).withdrawn
    assert not _slot(app, sid).withdrawn
    assert _booking(app, bid).status == BookingStatus.BOOKED
    assert mailbox.messages == []
    assert _actions(app) == []


def test_a_citizen_cannot_use_the_caseworker_actions(app, client, personas):
    sid, bid = _booked(app)
    login(client, "citizen-amal")
    token = csrf_token(client, "/citizen/talks/")
    check_page(client.post(f"/caseworker/talks/slots/{sid}/withdraw",
                           data={"csrf_token": token}), 403)
    check_page(client.post(f"/caseworker/talks/bookings/{bid}/cancel",
                           data={"csrf_token": token, "reason": "x"}), 403)
    assert _booking(app, bid).status == BookingStatus.BOOKED


def test_withdrawing_without_the_csrf_token_is_refused(app, client, personas):
    with app.app_context():
        sid = talks.make_slot()
    login(client, "caseworker-kbh", "staff")
    response = client.post(f"/caseworker/talks/slots/{sid}/withdraw", data={})
    assert response.status_code == 400
    assert not _slot(app, sid).withdrawn


def test_the_later_free_times_of_a_series_can_be_withdrawn_together(app, client, personas):
    with app.app_context():
        ids = [talks.make_slot(hours_ahead=72 + 24 * 7 * week) for week in range(4)]
        outside = talks.make_slot(hours_ahead=73)  # not in the series
        for sid in ids:
            db.session.get(TalkSlot, sid).series = "series-1"
        db.session.commit()
    first, second, booked, last = ids
    _, bid = _booked(app)  # a booking in another slot, to show bookings elsewhere stay
    with app.app_context():  # and one in the series: moved there by hand
        booking = db.session.get(Booking, bid)
        booking.slot_id = booking.active_slot_id = booked
        db.session.commit()
    login(client, "caseworker-kbh", "staff")
    page = check_page(client.get(f"/caseworker/talks/slots/{second}/withdraw"))
    assert [i.get("name") for i in page.find_all("input") if i.get("type") == "checkbox"] \
        == ["series"]  # two later free times: the booked one is not counted
    response = client.post(f"/caseworker/talks/slots/{second}/withdraw", data={
        "csrf_token": csrf_token(client, "/caseworker/talks/"), "series": "y"})
    assert response.status_code == 303
    withdrawn = {sid: _slot(app, sid).withdrawn for sid in (*ids, outside)}
    assert withdrawn == {first: False, second: True, booked: False, last: True, outside: False}
    assert _booking(app, bid).status == BookingStatus.BOOKED
    listing = check_page(client.get(response.location))
    assert nt("da", "%(num)d booked time in the series was kept. Cancel that talk if it "
                    "cannot take place.",
              "%(num)d booked times in the series were kept. Cancel those talks if they "
              "cannot take place.", 1) in listing.text()
