"""Demo data for contracts and job talks (idempotent): slots for the next two weeks in
København and Aarhus, and a contract sent to Amal and to Mariam to read and accept."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import select

from portal.contract import services as contracts
from portal.contract.services import Content
from portal.extensions import db
from portal.models import Citizen, ContractVersion, StaffRole, StaffUser, TalkSlot
from portal.talks.clock import from_local, now_utc
from portal.talks.publishing import SlotSpec, create_slots


class SlotPlan(NamedTuple):
    forms: tuple[str, ...]
    address: str
    interpreters: tuple[str, ...]


DEMO_SLOTS = {
    "101": SlotPlan(("in_person", "phone", "video"),
                    "Jobcenter København, Kalvebod Brygge 43, 1560 København V", ("ar", "ti")),
    "751": SlotPlan(("in_person", "phone", "video"),
                    "Jobcenter Aarhus, Værkmestergade 9, 8000 Aarhus C", ("fa",)),
}
DEMO_CONTRACTS = {
    "citizen-amal": "Job i detailhandlen, f.eks. som lagermedarbejder, inden for 1 år",
    "citizen-mariam": "Afklaring af arbejdsevne og start på pædagogmedhjælperuddannelse",
}


def _caseworker(municipality_id: int) -> StaffUser | None:
    return db.session.scalars(
        select(StaffUser).where(StaffUser.municipality_id == municipality_id,
                                StaffUser.role == StaffRole.CASEWORKER).order_by(StaffUser.id)
    ).first()


def seed_slots(today: dt.date) -> int:
    """Tuesday and Thursday 9–12 for two weeks, unless the municipality has future slots."""
    now = now_utc()
    added = 0
    for staff in db.session.scalars(select(StaffUser).where(
            StaffUser.role == StaffRole.CASEWORKER)):
        plan = DEMO_SLOTS.get(staff.municipality.code)
        if plan is None or db.session.scalar(select(TalkSlot.id).where(
                TalkSlot.municipality_id == staff.municipality_id,
                TalkSlot.starts_at > from_local(today, dt.time(0)))):
            continue
        for weekday in (1, 3):  # Tuesday, Thursday
            first = today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
            spec = SlotSpec(first_day=first, weeks=2, start=dt.time(9), end=dt.time(12),
                            minutes=30, forms=plan.forms, address=plan.address,
                            phone_note="Jobcentret ringer til dig på dit telefonnummer.",
                            video_url="https://video.example.invalid/jobcenter",
                            interpreter_languages=plan.interpreters, book_by_hours=24,
                            change_by_hours=24)
            added += len(create_slots(staff, spec, now))
    return added


def seed_contracts(today: dt.date) -> int:
    """A contract sent to each demo citizen above who has none."""
    added = 0
    for subject, goal in DEMO_CONTRACTS.items():
        citizen = db.session.scalar(select(Citizen).filter_by(oidc_subject=subject))
        if citizen is None or db.session.scalar(
                select(ContractVersion.id).where(ContractVersion.citizen_id == citizen.id)):
            continue
        staff = _caseworker(citizen.municipality_id)
        if staff is None:
            continue
        start = today + dt.timedelta(days=7)
        content = Content(
            goal=goal,
            activities=[
                {"title": "Virksomhedspraktik", "starts_on": start.isoformat(),
                 "ends_on": (start + dt.timedelta(weeks=8)).isoformat(), "hours_per_week": 15},
                {"title": "Danskuddannelse, modul 1", "starts_on": start.isoformat(),
                 "ends_on": None, "hours_per_week": 10},
            ],
            danish_education="Danskuddannelse på sprogcentret, tirsdag og torsdag formiddag.",
            coordinating_department=f"Jobcenter {citizen.municipality.name}, Integrationsteamet",
            municipality_tasks="Vi finder en praktikplads sammen med dig og holder jobsamtaler.",
        )
        draft = contracts.save_draft(staff, citizen, content, now_utc())
        contracts.send(draft, now_utc())
        added += 1
    return added
