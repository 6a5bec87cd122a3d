"""A citizen's structured CV (IL § 26 b, stk. 1–8).

The repeating sections (job goals, work experience, education, languages) are lists of
small JSON objects: they are always read and written with the whole CV, and each item
carries the idempotency key of the form that added it, so a re-sent form adds it once.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.enums import enum_column
from portal.models.review_state import ReviewState

if TYPE_CHECKING:
    from portal.models.citizen import Citizen

#: the sections that hold lists of items
SECTIONS = ("job_goals", "experience", "education", "languages")


class Cv(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "cv"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizen.id"), unique=True)
    profile: Mapped[str | None] = mapped_column(sa.Text)
    competences: Mapped[str | None] = mapped_column(sa.Text)
    driving_licence: Mapped[str | None] = mapped_column(sa.String(40))
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    show_email: Mapped[bool] = mapped_column(default=False)
    show_phone: Mapped[bool] = mapped_column(default=False)
    job_goals: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    experience: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    education: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    languages: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    #: IL § 26 b, stk. 4 and 6: shown to employers (on Jobnet)
    visible_to_employers: Mapped[bool] = mapped_column(default=False)
    visible_since: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    review_state: Mapped[ReviewState] = mapped_column(
        enum_column(ReviewState), default=ReviewState.NEW
    )
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    reviewed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"))
    review_comment: Mapped[str | None] = mapped_column(sa.Text)

    citizen: Mapped[Citizen] = relationship()
