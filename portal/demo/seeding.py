"""Seeding municipalities and the demo personas (idempotent)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.config import Settings
from portal.demo.personas import PERSONAS, resolve_date
from portal.extensions import db
from portal.models import Citizen, Decision, DecisionKind, Municipality, StaffRole, StaffUser
from portal.rules.regions import MUNICIPALITIES


def seed_municipalities() -> int:
    """All 98 municipalities from the rule module's table; returns how many were added."""
    existing = set(db.session.scalars(select(Municipality.code)))
    added = [
        Municipality(code=m.code, name=m.name, region=m.region)
        for m in MUNICIPALITIES.values()
        if m.code not in existing
    ]
    db.session.add_all(added)
    db.session.commit()
    return len(added)


def seed_personas(settings: Settings, today: dt.date) -> int:
    """Create the demo personas that are missing; returns how many were added."""
    by_code = {m.code: m for m in db.session.scalars(select(Municipality))}
    added = 0
    for persona in PERSONAS:
        if not persona.registered or persona.municipality_code is None:
            continue
        municipality = by_code[persona.municipality_code]
        if persona.audience == "staff":
            issuer = settings.staff_idp.issuer
            if db.session.scalar(
                select(StaffUser).filter_by(oidc_issuer=issuer, oidc_subject=persona.subject)
            ):
                continue
            db.session.add(
                StaffUser(
                    oidc_issuer=issuer,
                    oidc_subject=persona.subject,
                    name=persona.name,
                    email=persona.claims()["email"],
                    role=StaffRole(persona.role),
                    municipality=municipality,
                    languages=persona.languages,
                    preferred_locale=persona.locale,
                )
            )
            added += 1
            continue
        issuer = settings.citizen_idp.issuer
        if db.session.scalar(
            select(Citizen).filter_by(oidc_issuer=issuer, oidc_subject=persona.subject)
        ):
            continue
        facts = {k: resolve_date(v, today) for k, v in persona.facts.items()}
        citizen = Citizen(
            oidc_issuer=issuer,
            oidc_subject=persona.subject,
            name=persona.name,
            email=persona.claims()["email"],
            municipality=municipality,
            preferred_locale=persona.locale,
            **facts,
        )
        for decision in persona.decisions:
            citizen.decisions.append(
                Decision(
                    kind=DecisionKind(decision["kind"]),
                    valid_from=resolve_date(decision["from"], today),
                    valid_to=resolve_date(decision.get("to"), today),
                    reason=decision.get("reason"),
                    other_documentation=decision.get("other_documentation"),
                )
            )
        db.session.add(citizen)
        added += 1
    db.session.commit()
    _assign_caseworkers(settings)
    return added


def _assign_caseworkers(settings: Settings) -> None:
    """Give each demo citizen the demo caseworker of their municipality, if any."""
    caseworkers = {
        s.municipality_id: s
        for s in db.session.scalars(
            select(StaffUser).where(
                StaffUser.role == StaffRole.CASEWORKER,
                StaffUser.oidc_issuer == settings.staff_idp.issuer,
            )
        )
    }
    for citizen in db.session.scalars(select(Citizen).where(Citizen.caseworker_id.is_(None))):
        staff = caseworkers.get(citizen.municipality_id)
        if staff is not None:
            citizen.caseworker_id = staff.id
    db.session.commit()
