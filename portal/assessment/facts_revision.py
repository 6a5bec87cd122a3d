"""Keep ``Citizen.facts_revision`` moving with everything the rule module reads.

Before every flush, a citizen whose own columns changed, or whose decisions, offers or held
talks were added, changed or removed, gets ``facts_revision = facts_revision + 1`` — as a
SQL expression, so two transactions changing the same citizen at once serialise on the
row and end at two different revisions (never both at the same one). The assessment cache
(:mod:`portal.assessment.document_cache`) keys on this number, so a cached assessment is
never read for facts that have changed since.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from portal.models import Citizen, Decision, HeldTalk, Offer

CHILDREN = (Decision, Offer, HeldTalk)


def _owner(session: Session, child: Any) -> Citizen | None:
    """The child's citizen: the relationship when set, else by ``citizen_id`` (a pending
    child made with only the id does not load its relationship)."""
    citizen = child.citizen
    if citizen is None and child.citizen_id is not None:
        citizen = session.get(Citizen, child.citizen_id)
    return citizen  # type: ignore[no-any-return]


def changed_citizens(session: Session) -> set[Citizen]:
    """The persistent citizens whose facts this flush changes."""
    touched: dict[int, Citizen] = {}
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Citizen):
            if obj not in session.new and session.is_modified(obj):
                touched[id(obj)] = obj
        elif isinstance(obj, CHILDREN):
            if obj in session.dirty and not session.is_modified(obj):
                continue
            citizen = _owner(session, obj)
            if citizen is not None and citizen not in session.new:
                touched[id(citizen)] = citizen
    return set(touched.values())


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for citizen in changed_citizens(session):
        citizen.facts_revision = Citizen.facts_revision + 1


def install() -> None:
    """Listen on every ORM session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
