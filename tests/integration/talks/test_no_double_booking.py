"""No double booking, ever: 50 citizens race for one slot on PostgreSQL; exactly one wins.

Each thread has its own database session (Flask-SQLAlchemy scopes sessions per app
context) and calls the booking service at the same moment (a barrier). The UNIQUE
constraint on ``booking.active_slot_id`` decides; the losers get "that time was just taken".

No booking of a withdrawn slot either: a caseworker withdrawing a slot while citizens book
it leaves either a withdrawn slot with no booking, or one booking and the slot not withdrawn.
"""

from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import Booking, BookingStatus, Citizen, TalkForm, TalkSlot
from portal.talks import publishing, services
from portal.talks.eligibility import TalkRules
from portal.talks.messages import SLOT_IS_BOOKED, SLOT_TAKEN, SLOT_WITHDRAWN
from tests.support import clock, talks

RACERS = 50


@pytest.fixture()
def racers(app, personas) -> list[int]:
    with app.app_context():
        amal = talks.citizen("citizen-amal")
        ids = []
        for n in range(RACERS):
            c = Citizen(oidc_issuer="race", oidc_subject=f"racer-{n}", name=f"Racer {n}",
                        municipality_id=amal.municipality_id, preferred_locale="da",
                        residence_basis=amal.residence_basis, benefit=amal.benefit,
                        municipality_took_over_on=amal.municipality_took_over_on,
                        applied_for_benefit_on=amal.applied_for_benefit_on,
                        registered_as_job_seeker_on=amal.registered_as_job_seeker_on,
                        programme_started_on=amal.programme_started_on,
                        has_phone_or_computer=True)
            db.session.add(c)
            db.session.flush()
            ids.append(c.id)
        db.session.commit()
        return ids


@pytest.fixture()
def wide_pool(app):
    """One connection per racer, so all 50 transactions really run at the same time."""
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("SQLite serialises all writers; the race is only real on PostgreSQL")
    engines = db._app_engines[app]
    normal = engines[None]
    engines[None] = sa.create_engine(normal.url, pool_size=RACERS + 2, max_overflow=0)
    yield
    engines[None].dispose()
    engines[None] = normal


@pytest.mark.postgres_only
def test_fifty_parallel_bookings_of_one_slot_make_one_booking(app, racers, wide_pool):
    with app.app_context():
        slot_id = talks.make_slot()
    barrier = threading.Barrier(RACERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def race(citizen_id: int) -> None:
        with app.app_context():
            citizen = db.session.get(Citizen, citizen_id)
            rules = TalkRules(citizen)
            rules.allowed_forms(talks.local_date_of(slot_id))
            rules.self_booking(talks.local_date_of(None))
            barrier.wait(timeout=30)
            try:
                services.book(citizen, slot_id, "phone", False, f"race-{citizen_id}", rules,
                              clock.now())
                result = "booked"
            except services.BookingError as exc:
                result = "taken" if exc.message is SLOT_TAKEN else f"other: {exc.message!r}"
            except Exception as exc:
                result = f"error: {exc!r}"
            finally:
                db.session.remove()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=race, args=(cid,)) for cid in racers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(set(outcomes)) == ["booked", "taken"], outcomes
    assert outcomes.count("booked") == 1
    assert outcomes.count("taken") == RACERS - 1
    with app.app_context():
        assert db.session.scalar(select(func.count(Booking.id))) == 1


@pytest.mark.postgres_only
def test_the_database_alone_refuses_a_second_active_booking(app, racers, wide_pool):
    """Even if every racer passed the friendly "is it free?" check, the constraint holds."""
    with app.app_context():
        slot_id = talks.make_slot()
        slot = db.session.get(TalkSlot, slot_id)
        starts, ends, municipality_id = slot.starts_at, slot.ends_at, slot.municipality_id
    barrier = threading.Barrier(RACERS)
    committed: list[bool] = []
    lock = threading.Lock()

    def insert(citizen_id: int) -> None:
        with app.app_context():
            db.session.execute(sa.text("select 1"))  # hold a connection before the start
            barrier.wait(timeout=30)
            db.session.add(Booking(slot_id=slot_id, active_slot_id=slot_id, citizen_id=citizen_id,
                                   municipality_id=municipality_id, starts_at=starts,
                                   ends_at=ends, form=TalkForm.PHONE,
                                   status=BookingStatus.BOOKED, request_key="raw",
                                   created_at=clock.now()))
            try:
                db.session.commit()
                ok = True
            except IntegrityError:
                db.session.rollback()
                ok = False
            finally:
                db.session.remove()
        with lock:
            committed.append(ok)

    threads = [threading.Thread(target=insert, args=(cid,)) for cid in racers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(committed) == RACERS
    assert committed.count(True) == 1


def _book_in_thread(app, slot_id: int, outcome: dict[str, object]) -> threading.Thread:
    def run() -> None:
        with app.app_context():
            amal = talks.citizen("citizen-amal")
            try:
                services.book(amal, slot_id, "phone", False, "race", TalkRules(amal), clock.now())
                outcome["book"] = "booked"
            except services.BookingError as exc:
                outcome["book"] = exc.message
            finally:
                db.session.remove()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _withdraw(app, slot_id: int) -> object:
    with app.app_context():
        try:
            slot = db.session.get(TalkSlot, slot_id)
            return publishing.withdraw_slot(talks.staff("caseworker-kbh"), slot, clock.now())
        except services.BookingError as exc:
            return exc.message
        finally:
            db.session.remove()


def _state(app, slot_id: int) -> tuple[bool, int]:
    with app.app_context():
        withdrawn = db.session.get(TalkSlot, slot_id).withdrawn
        active = db.session.scalar(
            select(func.count(Booking.id)).where(Booking.active_slot_id == slot_id))
        return withdrawn, active


def test_a_booking_that_waited_for_a_withdrawal_finds_the_slot_withdrawn(
    app, personas, monkeypatch
):
    """The citizen's page showed the time and the friendly checks passed; the caseworker
    withdraws it before the booking is written: the booking is refused, nothing booked."""
    with app.app_context():
        slot_id = talks.make_slot()
    real_claim = services.claim_slot
    checked, withdrawn = threading.Event(), threading.Event()

    def claim_after_the_withdrawal(sid: int) -> None:
        checked.set()
        assert withdrawn.wait(30)
        real_claim(sid)

    monkeypatch.setattr(services, "claim_slot", claim_after_the_withdrawal)
    outcome: dict[str, object] = {}
    booker = _book_in_thread(app, slot_id, outcome)
    try:
        assert checked.wait(30)
        assert _withdraw(app, slot_id) is True
    finally:
        withdrawn.set()
    booker.join(30)
    assert outcome["book"] is SLOT_WITHDRAWN
    assert _state(app, slot_id) == (True, 0)


def test_a_withdrawal_that_waited_for_a_booking_is_refused(app, personas, monkeypatch):
    """The booking holds the slot's row; the withdrawal waits for it, then sees the booking
    and changes nothing."""
    with app.app_context():
        slot_id = talks.make_slot()
    real_claim = services.claim_slot
    claimed, release = threading.Event(), threading.Event()

    def claim_then_hold(sid: int) -> None:
        real_claim(sid)
        claimed.set()
        assert release.wait(30)

    monkeypatch.setattr(services, "claim_slot", claim_then_hold)
    outcome: dict[str, object] = {}
    booker = _book_in_thread(app, slot_id, outcome)
    assert claimed.wait(30)
    withdrawal = threading.Thread(target=lambda: outcome.update(withdraw=_withdraw(app, slot_id)))
    withdrawal.start()
    try:
        time.sleep(0.5)  # the withdrawal is now waiting for the slot's row
        assert "withdraw" not in outcome
    finally:
        release.set()
    booker.join(30)
    withdrawal.join(30)
    assert outcome == {"book": "booked", "withdraw": SLOT_IS_BOOKED}
    assert _state(app, slot_id) == (False, 1)


@pytest.mark.postgres_only
def test_citizens_booking_while_the_caseworker_withdraws_leave_one_consistent_state(
    app, racers, wide_pool
):
    with app.app_context():
        slot_id = talks.make_slot()
    bookers = racers[:20]
    barrier = threading.Barrier(len(bookers) + 1)
    outcomes: list[object] = []
    lock = threading.Lock()

    def book(citizen_id: int) -> None:
        with app.app_context():
            citizen = db.session.get(Citizen, citizen_id)
            rules = TalkRules(citizen)
            rules.allowed_forms(talks.local_date_of(slot_id))
            rules.self_booking(talks.local_date_of(None))
            barrier.wait(timeout=30)
            try:
                services.book(citizen, slot_id, "phone", False, f"r-{citizen_id}", rules,
                              clock.now())
                result: object = "booked"
            except services.BookingError as exc:
                result = exc.message
            finally:
                db.session.remove()
        with lock:
            outcomes.append(result)

    def withdraw() -> None:
        barrier.wait(timeout=30)
        result = _withdraw(app, slot_id)
        with lock:
            outcomes.append(("withdraw", result))

    threads = [threading.Thread(target=book, args=(cid,)) for cid in bookers]
    threads.append(threading.Thread(target=withdraw))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    [withdrawal] = [o for o in outcomes if isinstance(o, tuple)]
    booked = [o for o in outcomes if o == "booked"]
    assert all(o in ("booked", SLOT_TAKEN, SLOT_WITHDRAWN) for o in outcomes
               if not isinstance(o, tuple)), outcomes
    withdrawn, active = _state(app, slot_id)
    if withdrawal[1] is True:
        assert (withdrawn, active, booked) == (True, 0, [])
    else:
        assert withdrawal[1] is SLOT_IS_BOOKED
        assert (withdrawn, active, len(booked)) == (False, 1, 1)
