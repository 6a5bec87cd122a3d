"""An offer in the citizen's programme (BEK 1307/2020 §§ 22–23, 28–47)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.enums import OfferKind, enum_column

if TYPE_CHECKING:
    from portal.models.citizen import Citizen


class Offer(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "offer"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizen.id"), index=True)
    kind: Mapped[OfferKind] = mapped_column(enum_column(OfferKind))
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date | None]
    hours_per_week: Mapped[int | None]

    citizen: Mapped[Citizen] = relationship(back_populates="offers")
