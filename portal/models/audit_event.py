"""An append-only audit record of a staff read or change of a citizen's data.

GDPR art. 15: the citizen can see who looked at their data. Entries are never
updated or deleted through the application: a flush that tries raises.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column

from portal.extensions import db


class AuditImmutableError(RuntimeError):
    """Raised when code tries to change or delete an audit entry."""


class AuditEvent(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), index=True)
    actor_kind: Mapped[str] = mapped_column(sa.String(20))  # staff | citizen | system
    actor_id: Mapped[int | None]
    actor_role: Mapped[str | None] = mapped_column(sa.String(20))
    citizen_id: Mapped[int | None] = mapped_column(sa.ForeignKey("citizen.id"), index=True)
    action: Mapped[str] = mapped_column(sa.String(60))  # e.g. "read:overview", "login"
    detail: Mapped[str | None] = mapped_column(sa.String(500))
    remote_addr: Mapped[str | None] = mapped_column(sa.String(64))


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEvent):
            raise AuditImmutableError("Audit entries cannot be changed or deleted.")
