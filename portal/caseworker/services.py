"""Caseload queries. Staff see only their own municipality's citizens."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen, StaffUser


def caseload(staff: StaffUser) -> list[Citizen]:
    """The citizens of the caseworker's municipality, theirs first, then by name."""
    stmt = (
        select(Citizen)
        .where(Citizen.municipality_id == staff.municipality_id)
        .order_by((Citizen.caseworker_id == staff.id).desc(), Citizen.name)
    )
    return list(db.session.scalars(stmt))
