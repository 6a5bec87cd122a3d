"""A caseworker's decision about a citizen (exemption, revocation, postponement).

Kinds and their legal bases: ../shared/DOMAIN.md § 4.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import now_utc
from portal.extensions import db
from portal.models.enums import enum_column

if TYPE_CHECKING:
    from portal.models.citizen import Citizen


class DecisionKind(enum.StrEnum):
    JOBLOG_EXEMPTION = "joblog_exemption"
    CV_EXEMPTION = "cv_exemption"
    SELF_BOOKING_EXEMPTION = "self_booking_exemption"
    SELF_BOOKING_REVOKED = "self_booking_revoked"
    OFFERS_WAIVED = "offers_waived"
    CONTRACT_POSTPONED = "contract_postponed"
    PENSION_AGE_EXEMPTION = "pension_age_exemption"
    EARLY_RETIREMENT_EXEMPTION = "early_retirement_exemption"


class Decision(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizen.id"), index=True)
    kind: Mapped[DecisionKind] = mapped_column(enum_column(DecisionKind))
    valid_from: Mapped[dt.date]
    valid_to: Mapped[dt.date | None]
    reason: Mapped[str | None] = mapped_column(sa.Text)
    #: the other way to document job search agreed with an exemption (IL § 26, stk. 3)
    other_documentation: Mapped[str | None] = mapped_column(sa.Text)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"))
    decided_at: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), default=now_utc, server_default=sa.func.now()
    )

    citizen: Mapped[Citizen] = relationship(back_populates="decisions")
