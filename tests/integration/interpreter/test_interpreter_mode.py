"""Interpreter mode: assigned by the caseworker, open only in the window, bilingual,
read-only, audit-logged — and visible to the citizen."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, Citizen, InterpreterAssignment
from tests.support.forms import csrf_token
from tests.support.oidc import login
from tests.support.pages import check_page
from tests.support.routes import _booking_for

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def _booking(app, subject: str, starts_in: dt.timedelta) -> int:
    with app.app_context():
        citizen = db.session.scalars(select(Citizen).filter_by(oidc_subject=subject)).one()
        return _booking_for(citizen, starts_in, key=f"interp-{starts_in.total_seconds()}")


def _assign(client, booking_id: int, interpreter_id: str, language: str):
    path = f"/caseworker/talks/bookings/{booking_id}/interpreter"
    return client.post(path, data={"csrf_token": csrf_token(client, path),
                                   "interpreter": interpreter_id, "language": language})


def _interpreter_id(app, subject: str) -> str:
    from portal.models import StaffUser

    with app.app_context():
        return str(db.session.scalar(select(StaffUser.id).filter_by(oidc_subject=subject)))


def _assigned(app, client, starts_in: dt.timedelta) -> tuple[int, int]:
    """Amal's talk starting in ``starts_in``, assigned by her caseworker to Ahmad in Arabic:
    (booking id, assignment id)."""
    booking = _booking(app, "citizen-amal", starts_in)
    login(client, "caseworker-kbh", audience="staff")
    _assign(client, booking, _interpreter_id(app, "interpreter-ahmad"), "ar")
    with app.app_context():
        return booking, db.session.scalar(
            select(InterpreterAssignment.id).filter_by(booking_id=booking))


def test_caseworker_assigns_and_interpreter_sees_both_languages(app, client, personas):
    booking = _booking(app, "citizen-amal", dt.timedelta(minutes=10))
    login(client, "caseworker-kbh", audience="staff")
    response = _assign(client, booking, _interpreter_id(app, "interpreter-ahmad"), "ar")
    assert response.status_code == 302
    with app.app_context():
        assignment = db.session.scalar(select(InterpreterAssignment).filter_by(booking_id=booking))
        assert assignment.language == "ar"
        assignment_id = assignment.id

    interpreter = app.test_client()
    login(interpreter, "interpreter-ahmad", audience="staff")
    listing = check_page(interpreter.get("/interpreter/"))
    assert "Amal Hassan" in listing.text()
    page = check_page(interpreter.get(f"/interpreter/sessions/{assignment_id}"))
    columns = [s for s in page.find_all("section") if "bilingual-column" in s.get("class", "")]
    assert [(c.get("lang"), c.get("dir")) for c in columns] == [("da", "ltr"), ("ar", "rtl")]
    assert not page.root.findall(".//{http://www.w3.org/1999/xhtml}form[@method='post']")[1:], \
        "read-only: no form but the header's log-out"

    amal = app.test_client()
    login(amal, "citizen-amal")
    receipt = check_page(amal.get(f"/citizen/talks/{booking}"))
    assert "Ahmad Karimi" in receipt.text()
    log = check_page(amal.get("/citizen/access-log"))
    assert "Ahmad Karimi" in log.text()


def test_interpreter_outside_the_window_gets_403_and_it_is_logged(app, client, personas):
    _, assignment_id = _assigned(app, client, dt.timedelta(days=2))
    interpreter = app.test_client()
    login(interpreter, "interpreter-ahmad", audience="staff")
    check_page(interpreter.get(f"/interpreter/sessions/{assignment_id}"), status=403)
    with app.app_context():
        denied = db.session.scalars(
            select(AuditEvent).filter_by(action="denied:interpreter-session")).all()
        assert len(denied) == 1 and "outside the window" in denied[0].detail


def test_other_interpreter_cannot_open_it(app, client, personas):
    _, assignment_id = _assigned(app, client, dt.timedelta(minutes=5))
    other = app.test_client()
    login(other, "interpreter-hodan", audience="staff")
    check_page(other.get(f"/interpreter/sessions/{assignment_id}"), status=404)


def test_caseworker_of_another_municipality_cannot_assign(app, client, personas):
    booking = _booking(app, "citizen-amal", dt.timedelta(hours=5))
    login(client, "caseworker-aarhus", audience="staff")
    check_page(client.get(f"/caseworker/talks/bookings/{booking}/interpreter"), status=404)


def test_only_interpreters_of_the_municipality_can_be_chosen(app, client, personas):
    booking = _booking(app, "citizen-amal", dt.timedelta(hours=5))
    login(client, "caseworker-kbh", audience="staff")
    page = check_page(_assign(client, booking, _interpreter_id(app, "interpreter-hodan"), "so"))
    assert page.title.startswith("Fejl:")
    with app.app_context():
        assert db.session.scalar(select(InterpreterAssignment).filter_by(booking_id=booking)) \
            is None


def test_a_cancelled_talk_closes_the_interpreters_access_inside_the_window(app, client, personas):
    """The talk is in 10 minutes, but the citizen cancelled it: there is no session to
    interpret, so the citizen's data stays closed (and the refusal is logged)."""
    from portal.models import Booking, BookingStatus

    booking, assignment_id = _assigned(app, client, dt.timedelta(minutes=10))
    interpreter = app.test_client()
    login(interpreter, "interpreter-ahmad", audience="staff")
    check_page(interpreter.get(f"/interpreter/sessions/{assignment_id}"))  # open while booked
    with app.app_context():
        db.session.get(Booking, booking).status = BookingStatus.CANCELLED
        db.session.commit()
    page = check_page(interpreter.get(f"/interpreter/sessions/{assignment_id}"), status=403)
    assert "Amal" not in page.text()
    with app.app_context():
        denied = db.session.scalars(
            select(AuditEvent).filter_by(action="denied:interpreter-session")).all()
        assert len(denied) == 1 and "cancelled" in denied[0].detail
