"""A "no joblog entry for 30 days" notice sent to a citizen (IL § 26 a, stk. 1).

Unique per citizen and silent period (identified by the day the silence began), so the
sending command can run any number of times and sends each notice once.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class JoblogNotice(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "joblog_notice"
    __table_args__ = (
        sa.UniqueConstraint("citizen_id", "silent_since", name="uq_joblog_notice_period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizen.id"), index=True)
    silent_since: Mapped[dt.date]
    sent_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
