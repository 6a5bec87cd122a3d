"""A citizen in the integration programme and the facts the rule module needs.

The fact columns mirror ../shared/RULES-CONTRACT.md one to one; ``None`` means
*unknown* (never "false"). CPR numbers are not stored: the key is the identity
provider's issuer + subject, and nothing in the portal needs the CPR number.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import now_utc
from portal.extensions import db
from portal.models.enums import Benefit, Readiness, ResidenceBasis, enum_column
from portal.models.municipality import Municipality


class Citizen(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "citizen"
    __table_args__ = (
        sa.UniqueConstraint("oidc_issuer", "oidc_subject", name="uq_citizen_identity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    oidc_issuer: Mapped[str] = mapped_column(sa.String(255))
    oidc_subject: Mapped[str] = mapped_column(sa.String(255))
    name: Mapped[str] = mapped_column(sa.String(120))
    email: Mapped[str | None] = mapped_column(sa.String(255))
    preferred_locale: Mapped[str | None] = mapped_column(sa.String(8))
    municipality_id: Mapped[int] = mapped_column(sa.ForeignKey("municipality.id"), index=True)
    caseworker_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), default=now_utc, server_default=sa.func.now()
    )

    # --- facts for the rule module (RULES-CONTRACT.md); None = unknown ---
    residence_basis: Mapped[ResidenceBasis | None] = mapped_column(enum_column(ResidenceBasis))
    benefit: Mapped[Benefit | None] = mapped_column(enum_column(Benefit))
    municipality_took_over_on: Mapped[dt.date | None]
    readiness: Mapped[Readiness | None] = mapped_column(enum_column(Readiness))
    visitation_on: Mapped[dt.date | None]
    applied_for_benefit_on: Mapped[dt.date | None]
    registered_as_job_seeker_on: Mapped[dt.date | None]
    cpr_registered_on: Mapped[dt.date | None]
    has_phone_or_computer: Mapped[bool | None]
    guidance_given_on: Mapped[dt.date | None]
    in_ordinary_work_or_education: Mapped[bool | None]
    contract_goals_met: Mapped[bool | None]
    contract_signed_on: Mapped[dt.date | None]
    programme_started_on: Mapped[dt.date | None]
    child_born_on: Mapped[dt.date | None]
    parental_leave_until: Mapped[dt.date | None]
    covid_risk_group: Mapped[bool | None]
    control_action_on: Mapped[dt.date | None]  # IL § 27: the day the information came in
    doubt_about_stays_abroad: Mapped[bool | None]
    first_availability_talk_on: Mapped[dt.date | None]
    moved_in_on: Mapped[dt.date | None]  # BEK 1307/2020 § 21, BEK 2024 § 16
    new_municipality_accepted: Mapped[bool | None]  # IL § 32
    #: raised in the same transaction as any change to the facts above or to the
    #: citizen's decisions, offers and held talks (portal/assessment/facts_revision.py), so
    #: an assessment cached under (citizen, revision, date, language) is never stale
    facts_revision: Mapped[int] = mapped_column(default=0, server_default="0")

    municipality: Mapped[Municipality] = relationship(lazy="joined")
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="citizen", order_by="Decision.valid_from", cascade="all, delete-orphan"
    )
    offers: Mapped[list[Offer]] = relationship(
        back_populates="citizen", order_by="Offer.starts_on", cascade="all, delete-orphan"
    )
    held_talks: Mapped[list[HeldTalk]] = relationship(
        back_populates="citizen", order_by="HeldTalk.held_on", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Citizen {self.id}>"


from portal.models.decision import Decision  # noqa: E402
from portal.models.held_talk import HeldTalk  # noqa: E402
from portal.models.offer import Offer  # noqa: E402
