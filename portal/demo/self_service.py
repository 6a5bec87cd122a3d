"""Demo data for contracts and job talks (idempotent): slots for the next two weeks in
København and Aarhus, and a contract sent to Amal and to Mariam to read and accept.

Amal's contract (Arabic) carries the caseworker's translation of the free text, made with
the interpreter Ahmad Karimi; Mariam's (Persian) has none, so the demo shows both: the
translation next to the binding Danish text, and Danish text marked as Danish."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import select

from portal.clock import now_utc
from portal.contract import services as contracts
from portal.contract.services import Content
from portal.contract.translation import Translation, draft_source
from portal.extensions import db
from portal.models import Citizen, ContractVersion, StaffRole, StaffUser, TalkSlot
from portal.talks.clock import from_local
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
class DemoContract(NamedTuple):
    goal: str
    internship: str  # where the company internship (virksomhedspraktik) is
    translation: Translation | None = None


DEMO_CONTRACTS = {
    "citizen-amal": DemoContract(
        "Job i detailhandlen, f.eks. som lagermedarbejder, inden for 1 år",
        "Lager i en dagligvarebutik",
        Translation(
            goal="عمل في تجارة التجزئة، مثلًا كعامل مستودع، خلال سنة واحدة",
            activities={0: "مستودع في متجر للمواد الغذائية", 1: "الوحدة 1 في مركز اللغة"},
            danish_education="دروس اللغة الدنماركية في مركز اللغة، يومي الثلاثاء والخميس صباحًا.",
            municipality_tasks="نبحث معك عن مكان للتدريب العملي ونعقد معك محادثات العمل.",
            translated_by="Ahmad Karimi",
        ),
    ),
    "citizen-mariam": DemoContract(
        "Afklaring af arbejdsevne og start på pædagogmedhjælperuddannelse",
        "Børnehave i Aarhus C",
    ),
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
    """A contract sent to each demo citizen above who has none: activities of a kind
    (portal.contract.activity_kinds) with details, and the translation if there is one."""
    added = 0
    for subject, demo in DEMO_CONTRACTS.items():
        citizen = db.session.scalar(select(Citizen).filter_by(oidc_subject=subject))
        if citizen is None or db.session.scalar(
                select(ContractVersion.id).where(ContractVersion.citizen_id == citizen.id)):
            continue
        staff = _caseworker(citizen.municipality_id)
        if staff is None:
            continue
        start = today + dt.timedelta(days=7)
        content = Content(
            goal=demo.goal,
            activities=[
                {"kind": "company_internship", "title": demo.internship,
                 "starts_on": start.isoformat(),
                 "ends_on": (start + dt.timedelta(weeks=8)).isoformat(), "hours_per_week": 15},
                {"kind": "danish_education", "title": "Modul 1 på sprogcentret",
                 "starts_on": start.isoformat(), "ends_on": None, "hours_per_week": 10},
            ],
            danish_education="Danskuddannelse på sprogcentret, tirsdag og torsdag formiddag.",
            coordinating_department=f"Jobcenter {citizen.municipality.name}, Integrationsteamet",
            municipality_tasks="Vi finder en praktikplads sammen med dig og holder jobsamtaler.",
        )
        draft = contracts.save_draft(staff, citizen, content, now_utc())
        language = contracts.citizen_language(citizen)
        if demo.translation is not None and language != "da":
            contracts.save_translation(staff, draft, language, draft_source(draft),
                                       demo.translation, now_utc())
        contracts.send(draft, now_utc())
        added += 1
    return added
