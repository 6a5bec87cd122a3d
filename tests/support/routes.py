"""Every URL rule of the app, filled with guessable ids — for the matrix and walkers.

A route whose parameters cannot be filled makes the walkers fail until its ids are
declared in :func:`guessable_ids`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from flask import Flask
from sqlalchemy import select

from portal.extensions import db
from portal.models import (
    Booking,
    BookingStatus,
    Citizen,
    ContractVersion,
    Decision,
    InterpreterAssignment,
    StaffUser,
    TalkForm,
    TalkSlot,
)
from tests.support import clock

ROLES = {
    "anonymous": None,
    "citizen_a": ("citizen-amal", "citizen"),
    "citizen_b": ("citizen-yonas", "citizen"),
    "caseworker_same": ("caseworker-kbh", "staff"),
    "caseworker_other": ("caseworker-aarhus", "staff"),
    "team_lead": ("teamlead-kbh", "staff"),
    "interpreter": ("interpreter-ahmad", "staff"),
}
#: Routes that take no login at all.
PUBLIC = {"public.", "static", "auth.", "guidance."}


#: Parameters that name public things, not somebody's data: one value is enough.
FIXED = {"audience": "citizen", "code": "da", "slug": "joblog", "section": "job_goals",
         "key": "0"}


@dataclass(frozen=True)
class Target:
    """One filled-in URL: whose data it is about (``owner``: a, b, other, none)."""

    url: str
    owner: str


def _booking_for(citizen: Citizen, starts_in: dt.timedelta = dt.timedelta(days=3),
                 key: str = "matrix") -> int:
    """A booked job talk of ``citizen`` at their own jobcentre (test data, written directly)."""
    existing = db.session.scalar(select(Booking.id).filter_by(
        citizen_id=citizen.id, request_key=f"{key}-{citizen.id}"))
    if existing is not None:
        return existing
    now = clock.now().replace(second=0, microsecond=0)
    staff = db.session.scalars(
        select(StaffUser).order_by((StaffUser.municipality_id == citizen.municipality_id).desc())
    ).first()
    slot = TalkSlot(
        municipality_id=citizen.municipality_id, caseworker_id=staff.id,
        starts_at=now + starts_in, minutes=30, forms="phone,video",
        address="", phone_note="", video_url="https://video.example.invalid/x",
        interpreter_languages="", book_by_hours=24, change_by_hours=24, created_at=now,
    )
    db.session.add(slot)
    db.session.flush()
    booking = Booking(
        slot_id=slot.id, active_slot_id=slot.id, citizen_id=citizen.id,
        municipality_id=citizen.municipality_id, starts_at=slot.starts_at,
        ends_at=slot.starts_at + dt.timedelta(minutes=30), form=TalkForm.PHONE,
        status=BookingStatus.BOOKED, request_key=f"{key}-{citizen.id}", created_at=now,
    )
    db.session.add(booking)
    db.session.commit()
    return booking.id


def _slot_of(booking_id: int) -> int:
    return db.session.get(Booking, booking_id).slot_id


def _assignment(booking_id: int, interpreter_subject: str, language: str) -> int:
    existing = db.session.scalar(
        select(InterpreterAssignment.id).filter_by(booking_id=booking_id))
    if existing is not None:
        return existing
    interpreter = db.session.scalars(
        select(StaffUser).filter_by(oidc_subject=interpreter_subject)).one()
    assignment = InterpreterAssignment(booking_id=booking_id, interpreter_id=interpreter.id,
                                       language=language, assigned_by_id=interpreter.id,
                                       assigned_at=clock.now())
    db.session.add(assignment)
    db.session.commit()
    return assignment.id


def _joblog_entry(citizen: Citizen) -> int:
    from portal.citizen.joblog.services import EntryData, add_entry
    from portal.models import ActivityKind, ActivityStatus

    entry, _created = add_entry(
        citizen,
        EntryData(activity_on=clock.day(-19), kind=next(iter(ActivityKind)),
                  employer=f"Employer of {citizen.name}", status=next(iter(ActivityStatus))),
        f"matrix-{citizen.id}", clock.now(),
    )
    return entry.id


def _cv_file(app: Flask, citizen: Citizen) -> int:
    from pathlib import Path

    from portal.citizen.cv.services import current_file, store_file

    existing = current_file(citizen)
    if existing is not None:
        return existing.id
    pdf = (Path(__file__).resolve().parent.parent / "fixtures/uploads/cv.pdf").read_bytes()
    return store_file(citizen, pdf, "cv.pdf", Path(app.config["UPLOAD_DIR"]), clock.now()).id


def guessable_ids(app: Flask) -> dict[str, dict[str, int]]:
    """Guessable ids per URL parameter: Amal's (a), Yonas' (b), another municipality's
    citizen (other) and an id that does not exist (missing). Creates what it needs."""
    from portal.contract.services import accept
    from tests.support.contracts import sent_contract

    with app.app_context():
        def citizen(subject: str) -> Citizen:
            return db.session.scalars(select(Citizen).filter_by(oidc_subject=subject)).one()

        a, b, other = citizen("citizen-amal"), citizen("citizen-yonas"), citizen("citizen-olena")
        decision_b = db.session.scalars(select(Decision).filter_by(citizen_id=b.id)).first()
        contract_a = db.session.scalars(select(ContractVersion).filter_by(citizen_id=a.id)).first()
        if contract_a is None:
            contract_a = sent_contract("citizen-amal")
            contract_a = accept(a, contract_a.number, True, clock.now())  # so it has a receipt
        return {
            "citizen_id": {"a": a.id, "b": b.id, "other": other.id, "missing": 999_999},
            "decision_id": {"b": decision_b.id, "missing": 999_999},
            "booking_id": {"a": _booking_for(a), "b": _booking_for(b),
                           "other": _booking_for(other), "missing": 999_999},
            # a talk slot of the citizen's jobcentre (the one their booked talk is in)
            "slot_id": {"a": _slot_of(_booking_for(a)), "b": _slot_of(_booking_for(b)),
                        "other": _slot_of(_booking_for(other)), "missing": 999_999},
            "number": {"a": contract_a.number, "missing": 999},
            "entry_id": {"a": _joblog_entry(a), "b": _joblog_entry(b),
                         "other": _joblog_entry(other), "missing": 999_999},
            "file_id": {"a": _cv_file(app, a), "b": _cv_file(app, b),
                        "other": _cv_file(app, other), "missing": 999_999},
            # interpreter-ahmad: assigned to Amal's talk that starts now (inside the window),
            # assigned to Yonas' talk in 3 days (outside it); Olena's is another interpreter's
            "assignment_id": {
                "a": _assignment(_booking_for(a, dt.timedelta(minutes=5), "now"),
                                 "interpreter-ahmad", "ar"),
                "b": _assignment(_booking_for(b), "interpreter-ahmad", "ti"),
                "other": _assignment(_booking_for(other), "interpreter-hodan", "uk"),
                "missing": 999_999,
            },
        }


def targets(app: Flask) -> list[tuple[str, str, Target]]:
    ids = guessable_ids(app)
    found: list[tuple[str, str, Target]] = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        methods = sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
        params = sorted(rule.arguments)
        if not params:
            for method in methods:
                found.append((rule.endpoint, method, Target(rule.rule, "none")))
            continue
        unknown = [p for p in params if p not in ids and p not in FIXED]
        assert not unknown, f"{rule.rule}: declare guessable ids for {unknown}"
        choices = []
        for p in params:
            if p in FIXED:
                choices.append([(FIXED[p], "none")])
            else:
                choices.append([(str(v), k) for k, v in ids[p].items()])
        for combo in itertools.product(*choices):
            url = rule.rule
            owners = {owner for _, owner in combo} - {"none"}
            for p, (value, _owner) in zip(params, combo, strict=True):
                url = re.sub(rf"<(?:\w+:)?{p}>", value, url)
            # one owner, "none", "missing", or "mixed" (e.g. Amal's id with Yonas' file)
            owner = ("missing" if "missing" in owners else "mixed" if len(owners) > 1
                     else next(iter(owners), "none"))
            for method in methods:
                found.append((rule.endpoint, method, Target(url, owner)))
    return found


