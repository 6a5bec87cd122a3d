"""Decisions and access log of one citizen, for the citizen themself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEvent, Citizen, Decision, StaffUser


def decisions(citizen: Citizen) -> list[Decision]:
    return list(
        db.session.scalars(
            select(Decision)
            .where(Decision.citizen_id == citizen.id)
            .order_by(Decision.valid_from.desc(), Decision.id.desc())
        )
    )


@dataclass(frozen=True)
class Access:
    at: dt.datetime
    name: str
    role: str | None
    action: str


def accesses(citizen: Citizen, limit: int = 300) -> list[Access]:
    """Staff reads and changes of the citizen's data, newest first (logins excluded)."""
    stmt = (
        select(AuditEvent.at, StaffUser.name, AuditEvent.actor_role, AuditEvent.action)
        .join(StaffUser, StaffUser.id == AuditEvent.actor_id)
        .where(AuditEvent.citizen_id == citizen.id, AuditEvent.actor_kind == "staff")
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    return [Access(*row) for row in db.session.execute(stmt)]
