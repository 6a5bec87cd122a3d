"""A time a jobcentre caseworker offers for a job talk that citizens book themselves.

Digital self-booking: IL § 20, stk. 4; BEK 1307/2020 § 13, stk. 2 (DOMAIN.md § 2.2).
Capacity is always one citizen; the database makes sure of it (see ``Booking``).
Times are stored in UTC and shown in Europe/Copenhagen.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db

if TYPE_CHECKING:
    from portal.models.municipality import Municipality
    from portal.models.staff_user import StaffUser


class TalkSlot(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "talk_slot"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(sa.ForeignKey("municipality.id"), index=True)
    caseworker_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_user.id"), index=True)
    starts_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), index=True)
    minutes: Mapped[int]
    #: comma-separated TalkForm values offered: in_person, phone, video
    forms: Mapped[str] = mapped_column(sa.String(60))
    address: Mapped[str | None] = mapped_column(sa.String(200))
    phone_note: Mapped[str | None] = mapped_column(sa.String(200))
    video_url: Mapped[str | None] = mapped_column(sa.String(300))
    #: comma-separated locale codes an interpreter is available for
    interpreter_languages: Mapped[str] = mapped_column(sa.String(80), default="")
    #: booking closes this many hours before the start
    book_by_hours: Mapped[int] = mapped_column(default=24)
    #: moving or cancelling closes this many hours before the start
    change_by_hours: Mapped[int] = mapped_column(default=24)
    #: slots created together ("every Tuesday 9–12") share a series key
    series: Mapped[str | None] = mapped_column(sa.String(36), index=True)
    #: a withdrawn slot is hidden from citizens and cannot be booked; the row is kept
    withdrawn: Mapped[bool] = mapped_column(default=False)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    withdrawn_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))

    municipality: Mapped[Municipality] = relationship()
    caseworker: Mapped[StaffUser] = relationship(foreign_keys=[caseworker_id])
    withdrawn_by: Mapped[StaffUser | None] = relationship(foreign_keys=[withdrawn_by_id])

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.minutes)

    @property
    def form_list(self) -> list[str]:
        return [f for f in self.forms.split(",") if f]

    @property
    def interpreter_list(self) -> list[str]:
        return [code for code in self.interpreter_languages.split(",") if code]

    def __repr__(self) -> str:
        return f"<TalkSlot {self.id} {self.starts_at}>"
