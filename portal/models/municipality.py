"""A Danish municipality (kommune), identified by its 3-digit kommunekode."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class Municipality(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "municipality"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(3), unique=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    #: region code as the rule module uses it: hovedstaden, sjaelland, syddanmark, ...
    region: Mapped[str] = mapped_column(sa.String(20))

    def __repr__(self) -> str:
        return f"<Municipality {self.code} {self.name}>"
