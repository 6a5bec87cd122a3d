"""Demo personas with fixed OIDC subjects.

Each persona exists both in the development identity provider (``python -m
portal.demo.idp``) and, after ``flask seed demo``, in the portal's database —
except ``citizen-unregistered``, who shows the "not yet registered" page.
Dates are relative to the seeding day so the demo stays current.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

NSIS_SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/loa/Substantial"
NSIS_LOW = "https://data.gov.dk/concept/core/nsis/loa/Low"


@dataclass(frozen=True)
class Persona:
    subject: str
    name: str
    audience: str  # citizen | staff
    description: str
    municipality_code: str | None = None
    role: str | None = None  # staff only
    locale: str | None = None
    languages: str = ""
    registered: bool = True
    assurance: str | None = NSIS_SUBSTANTIAL
    facts: dict[str, Any] = field(default_factory=dict)  # days relative to today
    decisions: tuple[dict[str, Any], ...] = ()

    def claims(self) -> dict[str, Any]:
        claims: dict[str, Any] = {
            "sub": self.subject,
            "name": self.name,
            "email": f"{self.subject}@example.invalid",
        }
        if self.audience == "citizen" and self.assurance:
            claims["acr"] = self.assurance
        return claims


def days_ago(n: int) -> dict[str, int]:
    return {"days_ago": n}


PERSONAS: tuple[Persona, ...] = (
    Persona(
        subject="citizen-amal",
        name="Amal Hassan",
        audience="citizen",
        description="Refugee in København, presumed job-ready (not yet assessed), registered "
        "as a job seeker last week",
        municipality_code="101",
        locale="ar",
        facts={
            "residence_basis": "refugee",
            "benefit": "self_support_and_return_benefit",
            "municipality_took_over_on": days_ago(20),
            "applied_for_benefit_on": days_ago(20),
            "registered_as_job_seeker_on": days_ago(7),
            "programme_started_on": days_ago(20),
            "has_phone_or_computer": True,
        },
    ),
    Persona(
        subject="citizen-mariam",
        name="Mariam Rahimi",
        audience="citizen",
        description="Family-reunified spouse in Aarhus, activity-ready",
        municipality_code="751",
        locale="fa",
        facts={
            "residence_basis": "family_reunified_spouse",
            "benefit": "self_support_and_return_benefit",
            "readiness": "activity_ready",
            "municipality_took_over_on": days_ago(120),
            "visitation_on": days_ago(40),
            "cpr_registered_on": days_ago(130),
            "programme_started_on": days_ago(115),
            "has_phone_or_computer": True,
        },
    ),
    Persona(
        subject="citizen-olena",
        name="Olena Kovalenko",
        audience="citizen",
        description="Displaced from Ukraine, living in Odense",
        municipality_code="461",
        locale="uk",
        facts={
            "residence_basis": "displaced_from_ukraine",
            "benefit": "self_support_and_return_benefit",
            "readiness": "job_ready",
            "municipality_took_over_on": days_ago(60),
            "visitation_on": days_ago(30),
            "registered_as_job_seeker_on": days_ago(55),
            "programme_started_on": days_ago(58),
            "has_phone_or_computer": True,
        },
    ),
    Persona(
        subject="citizen-yonas",
        name="Yonas Tesfay",
        audience="citizen",
        description="Job-ready refugee in København, exempt from the joblog",
        municipality_code="101",
        locale="ti",
        facts={
            "residence_basis": "refugee",
            "benefit": "self_support_and_return_benefit",
            "readiness": "job_ready",
            "municipality_took_over_on": days_ago(90),
            "visitation_on": days_ago(60),
            "registered_as_job_seeker_on": days_ago(88),
            "programme_started_on": days_ago(85),
            "has_phone_or_computer": True,
        },
        decisions=(
            {
                "kind": "joblog_exemption",
                "from": days_ago(50),
                "reason": "Danish and IT skills not yet sufficient; job search is "
                "documented at each talk instead.",
                "other_documentation": "Bring a paper list of the jobs you applied for "
                "to every job talk.",
            },
        ),
    ),
    Persona(
        subject="citizen-faduma",
        name="Faduma Warsame",
        audience="citizen",
        description="Refugee in Aalborg, not yet assessed (readiness unknown)",
        municipality_code="851",
        locale="so",
        facts={
            "residence_basis": "refugee",
            "benefit": "self_support_and_return_benefit",
            "municipality_took_over_on": days_ago(10),
        },
    ),
    Persona(
        subject="citizen-unregistered",
        name="Nadia Unregistered",
        audience="citizen",
        description="Logs in through MitID but no municipality has registered her yet",
        registered=False,
    ),
    Persona(
        subject="caseworker-kbh",
        name="Karen Jensen",
        audience="staff",
        role="caseworker",
        description="Caseworker, Jobcenter København",
        municipality_code="101",
        locale="da",
    ),
    Persona(
        subject="caseworker-aarhus",
        name="Lars Nielsen",
        audience="staff",
        role="caseworker",
        description="Caseworker, Jobcenter Aarhus",
        municipality_code="751",
        locale="da",
    ),
    Persona(
        subject="teamlead-kbh",
        name="Mette Holm",
        audience="staff",
        role="admin",
        description="Team lead (administrator), Jobcenter København: municipality overview",
        municipality_code="101",
        locale="da",
    ),
    Persona(
        subject="interpreter-ahmad",
        name="Ahmad Karimi",
        audience="staff",
        role="interpreter",
        description="Interpreter (Arabic, Persian, Pashto), København",
        municipality_code="101",
        locale="da",
        languages="ar,fa,ps",
    ),
    Persona(
        subject="interpreter-hodan",
        name="Hodan Ali",
        audience="staff",
        role="interpreter",
        description="Interpreter (Somali, Tigrinya), Aarhus",
        municipality_code="751",
        locale="da",
        languages="so,ti",
    ),
)


def resolve_date(value: Any, today: dt.date) -> Any:
    """Turn ``{"days_ago": n}`` into a date; leave other values alone."""
    if isinstance(value, dict) and "days_ago" in value:
        return today - dt.timedelta(days=int(value["days_ago"]))
    return value
