"""Who has just logged in: identity (issuer + subject) → citizen or staff user."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.models import Citizen, StaffUser


def find_citizen(issuer: str, subject: str) -> Citizen | None:
    return db.session.scalar(
        select(Citizen).where(Citizen.oidc_issuer == issuer, Citizen.oidc_subject == subject)
    )


def find_staff(issuer: str, subject: str) -> StaffUser | None:
    return db.session.scalar(
        select(StaffUser).where(
            StaffUser.oidc_issuer == issuer,
            StaffUser.oidc_subject == subject,
            StaffUser.active.is_(True),
        )
    )
