"""What the contract agrees about job search: applications per week (IL § 26 a, stk. 1:
"follow the agreements in My Plan about how and where to search")."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class JoblogAgreement(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "joblog_agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizen.id"), unique=True)
    applications_per_week: Mapped[int | None]
    set_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"))
