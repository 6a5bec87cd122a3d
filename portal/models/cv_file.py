"""An uploaded CV file (PDF or DOCX), stored outside the web root under a random name."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class CvFile(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "cv_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizen.id"), index=True)
    stored_name: Mapped[str] = mapped_column(sa.String(64), unique=True)
    original_name: Mapped[str] = mapped_column(sa.String(200))
    file_type: Mapped[str] = mapped_column(sa.String(8))  # pdf | docx
    size: Mapped[int]
    uploaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    removed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
