"""A citizen books, moves and cancels a job talk; bad input changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Booking, Decision, DecisionKind
from tests.support import clock, talks
from tests.support.oidc import login
from tests.support.pages import check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


@pytest.fixture()
def amal(client, personas):
    login(client, "citizen-amal")
    return client


def _book(client, slot_id, form="phone", key="k1", interpreter=False):
    page = client.get("/citizen/talks/")
    token = _csrf(page)
    data = {"csrf_token": token, "slot_id": str(slot_id), "talk_form": form, "request_key": key}
    if interpreter:
        data["interpreter"] = "y"
    return client.post("/citizen/talks/book", data=data)


def _csrf(response) -> str:
    text = response.get_data(as_text=True)
    marker = 'name="csrf_token" value="'
    start = text.index(marker) + len(marker)
    return text[start : text.index('"', start)]


def _active_bookings(app) -> list[Booking]:
    with app.app_context():
        return list(db.session.scalars(select(Booking).where(Booking.status == "booked")))


def test_free_slots_show_only_forms_allowed_for_the_citizen(app, amal):
    with app.app_context():
        sid = talks.make_slot()
    page = check_page(amal.get("/citizen/talks/"))
    html = page.response.get_data(as_text=True)
    # København is in East Denmark: phone or video only (BEK 685/2020), never in person
    assert f'id="s{sid}-phone"' in html
    assert f'id="s{sid}-video"' in html
    assert f'id="s{sid}-in_person"' not in html


def test_book_then_receipt_email_and_calendar(app, amal, mailbox):
    with app.app_context():
        sid = talks.make_slot()
    response = _book(amal, sid, form="video", interpreter=True)
    assert response.status_code == 303
    receipt = check_page(amal.get(response.location))
    assert "https://video.example.invalid/room/42" in receipt.links()
    [message] = mailbox.to("citizen-amal@example.invalid")
    ics = next(p for p in message.iter_attachments() if p.get_content_type() == "text/calendar")
    body = ics.get_content()
    body = body.decode() if isinstance(body, bytes) else body
    assert "DTSTART;TZID=Europe/Copenhagen:" in body
    assert "URL:https://video.example.invalid/room/42" in body
    [booking] = _active_bookings(app)
    assert booking.interpreter_language == "ar"
    calendar = amal.get(f"/citizen/talks/{booking.id}/job-talk.ics")
    assert calendar.mimetype == "text/calendar"
    assert b"BEGIN:VTIMEZONE" in calendar.data


def test_email_is_in_the_citizens_language(app, amal, mailbox):
    with app.app_context():
        sid = talks.make_slot()
    _book(amal, sid)
    [message] = mailbox.to("citizen-amal@example.invalid")
    from flask_babel import force_locale
    from flask_babel import gettext as _

    with app.test_request_context(), force_locale("ar"):
        expected = _("Your job talk is booked")
    assert message["Subject"] == expected


def test_a_resent_form_books_once(app, amal, mailbox):
    with app.app_context():
        sid = talks.make_slot()
    first = _book(amal, sid, key="same")
    second = _book(amal, sid, key="same")
    assert first.status_code == second.status_code == 303
    assert first.location == second.location
    assert len(_active_bookings(app)) == 1
    assert len(mailbox.messages) == 1


def test_a_taken_slot_says_so_and_shows_free_times(app, client, personas):
    with app.app_context():
        taken = talks.make_slot()
        free = talks.make_slot(hours_ahead=96)
    login(client, "citizen-yonas")
    assert _book(client, taken, key="y").status_code == 303
    client.post("/auth/logout", data={"csrf_token": _csrf(client.get("/citizen/talks/"))})
    login(client, "citizen-amal")
    response = _book(client, taken, key="a")
    page = check_page(response, 409)
    assert page.title.startswith("Error:") or page.title.startswith("خطأ")
    html = response.get_data(as_text=True)
    assert f'value="{free}"' in html
    assert len(_active_bookings(app)) == 1


@pytest.mark.parametrize(
    "case",
    ["past", "other_municipality", "form_not_offered", "form_not_allowed", "tampered",
     "no_interpreter", "after_deadline"],
)
def test_bad_input_gets_a_message_and_changes_nothing(app, amal, case):
    with app.app_context():
        if case == "past":
            sid = talks.make_slot(hours_ahead=-2)
        elif case == "after_deadline":
            sid = talks.make_slot(hours_ahead=10, book_by_hours=24)
        elif case == "other_municipality":
            sid = talks.make_slot("caseworker-aarhus")
        elif case == "form_not_offered":
            sid = talks.make_slot(forms="phone")
        elif case == "no_interpreter":
            sid = talks.make_slot(interpreter="")
        else:
            sid = talks.make_slot()
    slot_id = {"tampered": "1; DROP TABLE booking"}.get(case, sid)
    form = {"form_not_offered": "video", "form_not_allowed": "in_person"}.get(case, "phone")
    response = _book(amal, slot_id, form=form, interpreter=case == "no_interpreter")
    page = check_page(response, 409)
    assert page.find_all("h2")[0] is not None
    assert "alert-error" in response.get_data(as_text=True)
    assert _active_bookings(app) == []


def test_move_and_cancel_notify_citizen_and_caseworker(app, amal, mailbox):
    with app.app_context():
        first = talks.make_slot()
        second = talks.make_slot(hours_ahead=100)
    booked = _book(amal, first)
    booking_id = int(booked.location.rsplit("/", 1)[1])
    check_page(amal.get(f"/citizen/talks/{booking_id}/move"))
    token = _csrf(amal.get(f"/citizen/talks/{booking_id}/move"))
    moved = amal.post(f"/citizen/talks/{booking_id}/move", data={
        "csrf_token": token, "slot_id": str(second), "talk_form": "phone", "request_key": "m1"})
    assert moved.status_code == 303
    new_id = int(moved.location.rsplit("/", 1)[1])
    [active] = _active_bookings(app)
    assert active.id == new_id and active.slot_id == second
    assert mailbox.to("caseworker-kbh@example.invalid")
    check_page(amal.get(f"/citizen/talks/{new_id}/cancel"))
    token = _csrf(amal.get(f"/citizen/talks/{new_id}/cancel"))
    mailbox.clear()
    cancelled = amal.post(f"/citizen/talks/{new_id}/cancel", data={"csrf_token": token})
    assert cancelled.status_code == 303
    assert _active_bookings(app) == []
    assert mailbox.to("citizen-amal@example.invalid")
    assert mailbox.to("caseworker-kbh@example.invalid")
    # the freed slots can be booked again
    assert _book(amal, first, key="again").status_code == 303


def test_moving_after_the_deadline_is_refused(app, amal):
    with app.app_context():
        soon = talks.make_slot(hours_ahead=30, book_by_hours=1, change_by_hours=48)
        later = talks.make_slot(hours_ahead=100)
    booking_id = int(_book(amal, soon).location.rsplit("/", 1)[1])
    token = _csrf(amal.get("/citizen/talks/"))
    response = amal.post(f"/citizen/talks/{booking_id}/move", data={
        "csrf_token": token, "slot_id": str(later), "talk_form": "phone", "request_key": "m"})
    check_page(response, 409)
    [active] = _active_bookings(app)
    assert active.slot_id == soon
    response = amal.post(f"/citizen/talks/{booking_id}/cancel", data={"csrf_token": token})
    check_page(response, 409)
    assert len(_active_bookings(app)) == 1


def test_a_citizen_cannot_see_or_change_another_citizens_booking(app, client, personas):
    with app.app_context():
        sid = talks.make_slot()
    login(client, "citizen-yonas")
    booking_id = int(_book(client, sid).location.rsplit("/", 1)[1])
    client.post("/auth/logout", data={"csrf_token": _csrf(client.get("/citizen/talks/"))})
    login(client, "citizen-amal")
    base = f"/citizen/talks/{booking_id}"
    for path in (base, f"{base}/move", f"{base}/cancel", f"{base}/job-talk.ics"):
        check_page(client.get(path), 404)
    token = _csrf(client.get("/citizen/talks/"))
    check_page(client.post(f"/citizen/talks/{booking_id}/cancel", data={"csrf_token": token}), 404)
    assert len(_active_bookings(app)) == 1


def test_exempt_citizen_is_told_the_jobcentre_books(app, amal):
    with app.app_context():
        citizen = talks.citizen("citizen-amal")
        citizen.decisions.append(Decision(kind=DecisionKind.SELF_BOOKING_EXEMPTION,
                                          valid_from=clock.day(-365), reason="test"))
        db.session.commit()
        sid = talks.make_slot()
    page = check_page(amal.get("/citizen/talks/"))
    html = page.response.get_data(as_text=True)
    assert f'value="{sid}"' not in html
    assert "Integrationsloven § 20, stk. 6" in html  # the citation of the exemption
    check_page(_book(amal, sid), 409)
    with app.app_context():
        assert db.session.scalar(select(func.count(Booking.id))) == 0


def test_staff_cannot_use_citizen_pages(app, client, personas):
    login(client, "caseworker-kbh", "staff")
    check_page(client.get("/citizen/talks/"), 403)
