"""A member of staff: caseworker, interpreter or administrator of one municipality."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.enums import StaffRole, enum_column
from portal.models.municipality import Municipality


class StaffUser(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "staff_user"
    __table_args__ = (sa.UniqueConstraint("oidc_issuer", "oidc_subject", name="uq_staff_identity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: identity = issuer + subject from the staff identity provider
    oidc_issuer: Mapped[str] = mapped_column(sa.String(255))
    oidc_subject: Mapped[str] = mapped_column(sa.String(255))
    name: Mapped[str] = mapped_column(sa.String(120))
    email: Mapped[str | None] = mapped_column(sa.String(255))
    role: Mapped[StaffRole] = mapped_column(enum_column(StaffRole))
    municipality_id: Mapped[int] = mapped_column(sa.ForeignKey("municipality.id"), index=True)
    #: languages an interpreter works in (comma-separated locale codes)
    languages: Mapped[str] = mapped_column(sa.String(80), default="")
    preferred_locale: Mapped[str | None] = mapped_column(sa.String(8))
    active: Mapped[bool] = mapped_column(default=True)

    municipality: Mapped[Municipality] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<StaffUser {self.id} {self.role}>"
