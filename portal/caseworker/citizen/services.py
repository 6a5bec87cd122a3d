"""Use cases on one citizen for staff of the citizen's municipality.

Every read and change is written to the audit log by the caller's route through
:mod:`portal.audit.services`; these functions never look at the request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from portal.assessment.facts_from_citizen import facts_for
from portal.caseworker import access
from portal.extensions import db
from portal.models import (
    AuditEvent,
    Benefit,
    Citizen,
    Decision,
    DecisionKind,
    Municipality,
    Readiness,
    ResidenceBasis,
    StaffUser,
)
from portal.rules import facts as rule_facts
from portal.rules.engine import Assessment, assess

ENUMS: dict[str, type] = {
    "residence_basis": ResidenceBasis,
    "benefit": Benefit,
    "readiness": Readiness,
}
DATE_FACTS = (
    "municipality_took_over_on", "visitation_on", "applied_for_benefit_on",
    "registered_as_job_seeker_on", "cpr_registered_on", "guidance_given_on",
    "contract_signed_on", "programme_started_on", "child_born_on", "parental_leave_until",
    "control_action_on", "first_availability_talk_on", "moved_in_on",
)
BOOL_FACTS = (
    "has_phone_or_computer", "in_ordinary_work_or_education", "contract_goals_met",
    "covid_risk_group", "doubt_about_stays_abroad", "new_municipality_accepted",
)


def citizen_for_staff(staff: StaffUser, citizen_id: int) -> Citizen | None:
    """The citizen with their facts, if they belong to the staff member's municipality."""
    return access.municipality_citizen(staff, citizen_id, with_facts=True)


def municipality_choices() -> list[tuple[str, str]]:
    return [
        (m.code, f"{m.name} ({m.code})")
        for m in db.session.scalars(select(Municipality).order_by(Municipality.name))
    ]


def form_data(citizen: Citizen) -> dict[str, Any]:
    """The citizen's facts as the form shows them ('' = unknown, yes/no for booleans)."""
    data: dict[str, Any] = {"municipality_code": citizen.municipality.code}
    for name in ENUMS:
        value = getattr(citizen, name)
        data[name] = "" if value is None else str(value)
    for name in DATE_FACTS:
        data[name] = getattr(citizen, name)
    for name in BOOL_FACTS:
        value = getattr(citizen, name)
        data[name] = "" if value is None else ("yes" if value else "no")
    return data


def update_facts(citizen: Citizen, data: Mapping[str, Any]) -> list[str]:
    """Store the validated form data; returns the names of the facts that changed."""
    changed: list[str] = []

    def put(name: str, value: Any) -> None:
        if getattr(citizen, name) != value:
            setattr(citizen, name, value)
            changed.append(name)

    code = data["municipality_code"]
    if code != citizen.municipality.code:
        municipality = db.session.scalar(select(Municipality).filter_by(code=code))
        if municipality is None:  # the form already refuses this; never trust twice
            raise ValueError("unknown municipality")
        citizen.municipality = municipality
        changed.append("municipality_code")
    for name, enum in ENUMS.items():
        raw = data.get(name) or None
        put(name, None if raw is None else enum(raw))
    for name in DATE_FACTS:
        put(name, data.get(name))
    for name in BOOL_FACTS:
        raw = data.get(name) or ""
        put(name, None if raw == "" else raw == "yes")
    db.session.commit()
    return changed


def assessment_on(citizen: Citizen, on: dt.date) -> Assessment:
    return assess(facts_for(citizen, on), on, trace=True)


@dataclass(frozen=True)
class LegalBasis:
    citations: tuple[str, ...]
    rules: tuple[str, ...]


def propose_legal_basis(citizen: Citizen, kind: DecisionKind, on: dt.date) -> LegalBasis:
    """The citations of the rules that this decision would make decisive on ``on``.

    The rule module is asked with the decision added: whatever rules it then applies
    because of that decision (their ``reason`` is the decision kind) are its legal basis.
    An empty result means the law, as the rule module knows it, gives no effect to this
    decision on that date (e.g. the pension-age exemption before 2025).
    """
    facts = facts_for(citizen, on)
    hypothetical = replace(
        facts,
        decisions=(*facts.decisions, rule_facts.Decision(kind=str(kind), valid_from=on)),
    )
    assessment = assess(hypothetical, on)
    citations: dict[str, None] = {}
    rules: dict[str, None] = {}
    for result in assessment:
        for rule in result.winners:
            if rule.reason_code == str(kind):
                rules.setdefault(rule.id, None)
                for c in rule.citations:
                    citations.setdefault(c, None)
    return LegalBasis(tuple(citations), tuple(rules))


def add_decision(
    citizen: Citizen, staff: StaffUser, kind: DecisionKind, valid_from: dt.date,
    valid_to: dt.date | None, reason: str,
) -> Decision:
    decision = Decision(
        citizen=citizen, kind=kind, valid_from=valid_from, valid_to=valid_to, reason=reason,
        decided_by_id=staff.id,
    )
    db.session.add(decision)
    db.session.commit()
    return decision


def end_decision(citizen: Citizen, decision_id: int, last_day: dt.date) -> Decision | None:
    decision = next((d for d in citizen.decisions if d.id == decision_id), None)
    if decision is None:
        return None
    if last_day < decision.valid_from:
        raise ValueError("before start")
    decision.valid_to = last_day
    db.session.commit()
    return decision


@dataclass(frozen=True)
class AccessRow:
    at: dt.datetime
    who: str
    role: str | None
    action: str
    remote_addr: str | None


def access_log(citizen: Citizen, limit: int = 200) -> list[AccessRow]:
    """Who read or changed the citizen's data, newest first (one query)."""
    stmt = (
        select(AuditEvent, StaffUser.name)
        .join(StaffUser, StaffUser.id == AuditEvent.actor_id, isouter=True)
        .where(AuditEvent.citizen_id == citizen.id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    return [
        AccessRow(e.at, name or "", e.actor_role, e.action, e.remote_addr)
        for e, name in db.session.execute(stmt)
    ]
