"""Helpers for contract tests: a caseworker writes and sends a contract."""

from __future__ import annotations

import datetime as dt

from portal.contract import services
from portal.contract.services import Content
from portal.contract.translation import Translation, draft_source
from portal.models import ContractVersion
from tests.support import clock, talks

#: the Arabic translation of :func:`content`'s free text, as an interpreter might write it
ARABIC = Translation(
    goal="وظيفة في مستودع في سنة واحدة",
    activities={0: "تدريب في متجر نتو"},
    danish_education="دروس اللغة الدنماركية يومي الثلاثاء والخميس",
    translated_by="Ahmad Karimi",
)


def content(goal: str = "Job som lagermedarbejder inden for 1 år") -> Content:
    """Activities as rows written before kinds existed (no ``kind``): they must keep working."""
    start = clock.day(2)
    return Content(
        goal=goal,
        activities=[
            {"title": "Virksomhedspraktik i Netto", "starts_on": start.isoformat(),
             "ends_on": (start + dt.timedelta(weeks=8)).isoformat(), "hours_per_week": 15},
            {"title": "Danskuddannelse 2, modul 1", "starts_on": start.isoformat(),
             "ends_on": None, "hours_per_week": 10},
        ],
        danish_education="Danskuddannelse 2 på sprogcentret, tirsdag og torsdag.",
        coordinating_department="Jobcenter København, Integrationsteamet",
        municipality_tasks="Vi finder en praktikplads og holder jobsamtaler hver måned.",
    )


def sent_contract(subject: str = "citizen-amal", caseworker: str = "caseworker-kbh",
                  goal: str | None = None,
                  translation: Translation | None = None) -> ContractVersion:
    """A contract written and sent to the citizen (call inside an app context), with the
    caseworker's ``translation`` for the citizen's language if given."""
    citizen = talks.citizen(subject)
    staff = talks.staff(caseworker)
    draft = services.save_draft(staff, citizen, content(goal) if goal else content(), clock.now())
    if translation is not None:
        services.save_translation(staff, draft, services.citizen_language(citizen),
                                  draft_source(draft), translation, clock.now())
    return services.send(draft, clock.now())
