"""Writing audit entries. Append only: nothing here updates or deletes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert

from portal.clock import now_utc
from portal.extensions import db
from portal.models import AuditEvent, Citizen, StaffUser


def record_staff_action(
    staff: StaffUser,
    action: str,
    *,
    citizen: Citizen | None,
    remote_addr: str | None,
    detail: str | None = None,
) -> AuditEvent:
    """Record that ``staff`` did ``action`` (e.g. ``read:overview``) on ``citizen``."""
    event = AuditEvent(
        at=now_utc(),
        actor_kind="staff",
        actor_id=staff.id,
        actor_role=str(staff.role),
        citizen_id=citizen.id if citizen is not None else None,
        action=action,
        detail=detail,
        remote_addr=remote_addr,
    )
    db.session.add(event)
    db.session.commit()
    return event


def record_staff_read(
    staff: StaffUser, citizens: Iterable[Citizen | int], what: str, remote_addr: str | None
) -> None:
    """One entry per citizen (object or id) whose data a staff member saw on a page."""
    citizen_ids = [c if isinstance(c, int) else c.id for c in citizens]
    if not citizen_ids:
        return
    now = now_utc()
    rows = [
        {
            "at": now,
            "actor_kind": "staff",
            "actor_id": staff.id,
            "actor_role": str(staff.role),
            "citizen_id": citizen_id,
            "action": f"read:{what}",
            "remote_addr": remote_addr,
        }
        for citizen_id in citizen_ids
    ]
    db.session.execute(insert(AuditEvent), rows)  # one executemany, not one per citizen
    db.session.commit()
