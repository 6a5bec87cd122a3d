"""Which citizens a staff member may open: those of their own municipality, nobody else.

One lookup for every caseworker area (citizen page, review, contract, talks): a citizen of
another municipality and a citizen that does not exist look the same — 404, so an id
cannot be probed. (Staff only see their municipality's data; see SECURITY.md.)
"""

from __future__ import annotations

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.auth.current_user import current_staff
from portal.extensions import db
from portal.models import Citizen, StaffUser


def municipality_citizen(
    staff: StaffUser, citizen_id: int, *, with_facts: bool = False
) -> Citizen | None:
    """The citizen if they belong to ``staff``'s municipality, else None. ``with_facts``
    also loads what the rule module reads (decisions, held talks, offers) in one go."""
    stmt = select(Citizen).where(Citizen.id == citizen_id,
                                 Citizen.municipality_id == staff.municipality_id)
    if with_facts:
        stmt = stmt.options(selectinload(Citizen.decisions), selectinload(Citizen.held_talks),
                            selectinload(Citizen.offers))
    return db.session.scalar(stmt)


def citizen_or_404(citizen_id: int, *, with_facts: bool = False) -> Citizen:
    """For routes: the logged-in staff member's citizen, or 404."""
    citizen = municipality_citizen(current_staff(), citizen_id, with_facts=with_facts)
    if citizen is None:
        abort(404)
    return citizen
