"""A follow-up talk that was held (kontaktforløb, BEK 1307/2020 § 19)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.enums import TalkForm, enum_column

if TYPE_CHECKING:
    from portal.models.citizen import Citizen


class HeldTalk(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "held_talk"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizen.id"), index=True)
    held_on: Mapped[dt.date]
    form: Mapped[TalkForm] = mapped_column(enum_column(TalkForm))

    citizen: Mapped[Citizen] = relationship(back_populates="held_talks")
