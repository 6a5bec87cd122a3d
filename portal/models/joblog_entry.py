"""One job-search activity in a citizen's joblog (IL § 26 a, stk. 1; BEK 1307/2020 § 14).

Entries are never deleted: a withdrawn entry stays, marked, for the audit. The pair
(citizen, idempotency key) is unique, so a form a phone sends twice is stored once.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.enums import enum_column
from portal.models.review_state import ReviewState

if TYPE_CHECKING:
    from portal.models.citizen import Citizen


class ActivityKind(enum.StrEnum):
    ADVERTISED = "advertised"  # application to an advertised job
    UNSOLICITED = "unsolicited"
    IN_PERSON = "in_person"
    PHONE = "phone"
    NETWORK = "network"
    JOB_FAIR = "job_fair"
    OTHER = "other"


class ActivityStatus(enum.StrEnum):
    SENT = "sent"
    INTERVIEW = "interview"
    OFFER = "offer"
    REJECTED = "rejected"
    NO_ANSWER = "no_answer"


class JoblogEntry(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "joblog_entry"
    __table_args__ = (
        sa.UniqueConstraint("citizen_id", "idempotency_key", name="uq_joblog_entry_idempotency"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizen.id"), index=True)
    idempotency_key: Mapped[str] = mapped_column(sa.String(64))
    activity_on: Mapped[dt.date] = mapped_column(index=True)
    kind: Mapped[ActivityKind] = mapped_column(enum_column(ActivityKind))
    employer: Mapped[str] = mapped_column(sa.String(200))
    job_title: Mapped[str | None] = mapped_column(sa.String(200))
    source: Mapped[str | None] = mapped_column(sa.String(500))  # where found, or a link
    status: Mapped[ActivityStatus] = mapped_column(enum_column(ActivityStatus))
    note: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    review_state: Mapped[ReviewState] = mapped_column(
        enum_column(ReviewState), default=ReviewState.NEW
    )
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    reviewed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"))
    review_comment: Mapped[str | None] = mapped_column(sa.Text)

    citizen: Mapped[Citizen] = relationship()

    @property
    def editable(self) -> bool:
        """The citizen may edit or withdraw until a caseworker has reviewed it."""
        return self.withdrawn_at is None and self.review_state != ReviewState.REVIEWED
