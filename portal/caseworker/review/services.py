"""The caseworker's review of joblogs and CVs, and exemptions (IL § 26 a, stk. 4 and 7;
§ 26 b, stk. 11; § 26, stk. 3). Staff see only their own municipality's citizens.

No ``request`` or ``session`` here; the routes audit every read through
``portal.audit.services``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select

from portal.assessment.facts_from_citizen import facts_for
from portal.caseworker import access
from portal.citizen.joblog.services import silent_since
from portal.extensions import db
from portal.models import (
    Citizen,
    Cv,
    Decision,
    DecisionKind,
    JoblogAgreement,
    JoblogEntry,
    ReviewState,
    StaffRole,
    StaffUser,
)
from portal.rules.engine import assess
from portal.rules.facts import Decision as FactDecision
from portal.rules.render import to_document

AWAITING = (ReviewState.NEW, ReviewState.CHANGED)
EXEMPTION_DUTIES = {DecisionKind.JOBLOG_EXEMPTION: "joblog", DecisionKind.CV_EXEMPTION: "cv"}


class NotFound(Exception):
    """Not this staff member's citizen (or no such thing): the route answers 404."""


@dataclass(frozen=True)
class QueueItem:
    kind: str  # joblog | cv
    citizen: Citizen
    changed_at: dt.datetime
    state: ReviewState
    entry: JoblogEntry | None = None


def _scope(staff: StaffUser) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Citizen.municipality_id == staff.municipality_id]
    if staff.role != StaffRole.ADMIN:
        conditions.append(Citizen.caseworker_id == staff.id)
    return conditions


def citizen_for(staff: StaffUser, citizen_id: int) -> Citizen:
    citizen = access.municipality_citizen(staff, citizen_id)
    if citizen is None:
        raise NotFound
    return citizen


def queue(staff: StaffUser) -> list[QueueItem]:
    """New and changed joblog entries and CVs of the caseworker's citizens, oldest first."""
    entries = db.session.execute(
        select(JoblogEntry, Citizen)
        .join(Citizen, JoblogEntry.citizen_id == Citizen.id)
        .where(JoblogEntry.review_state.in_(AWAITING), *_scope(staff))
    ).all()
    cvs = db.session.execute(
        select(Cv, Citizen).join(Citizen, Cv.citizen_id == Citizen.id)
        .where(Cv.review_state.in_(AWAITING), *_scope(staff))
    ).all()
    items = [QueueItem("joblog", c, e.updated_at, e.review_state, e) for e, c in entries]
    items += [QueueItem("cv", c, cv.updated_at, cv.review_state) for cv, c in cvs]
    return sorted(items, key=lambda i: _aware(i.changed_at))


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def quiet_joblogs(staff: StaffUser, today: dt.date) -> list[tuple[Citizen, dt.date]]:
    """The caseworker's job-ready citizens with no joblog entry for 30 days (a flag)."""
    from portal.assessment.duty import duties

    out = []
    for citizen in db.session.scalars(select(Citizen).where(*_scope(staff)).order_by(Citizen.name)):
        since = silent_since(citizen, today)
        if since is not None and duties(citizen, ("joblog",), today)["joblog"].applies:
            out.append((citizen, since))
    return out


def joblog_entries(citizen: Citizen) -> list[JoblogEntry]:
    return list(db.session.scalars(
        select(JoblogEntry).filter_by(citizen_id=citizen.id)
        .order_by(JoblogEntry.activity_on.desc(), JoblogEntry.id.desc())
    ))


def review_entry(staff: StaffUser, citizen: Citizen, entry_id: int, *, send_back: bool,
                 comment: str | None, now: dt.datetime) -> JoblogEntry:
    entry = db.session.scalar(select(JoblogEntry).filter_by(id=entry_id, citizen_id=citizen.id))
    if entry is None:
        raise NotFound
    _review(entry, staff, send_back, comment, now)
    db.session.commit()
    return entry


def review_cv(staff: StaffUser, citizen: Citizen, *, send_back: bool, comment: str | None,
              now: dt.datetime) -> Cv:
    cv = db.session.scalar(select(Cv).filter_by(citizen_id=citizen.id))
    if cv is None:
        raise NotFound
    _review(cv, staff, send_back, comment, now)
    db.session.commit()
    return cv


def _review(item: JoblogEntry | Cv, staff: StaffUser, send_back: bool, comment: str | None,
            now: dt.datetime) -> None:
    item.review_state = ReviewState.RETURNED if send_back else ReviewState.REVIEWED
    item.review_comment = comment if send_back else None
    item.reviewed_at = now
    item.reviewed_by_id = staff.id


def proposed_basis(citizen: Citizen, kind: DecisionKind, on: dt.date) -> list[str]:
    """The citations the rule module would give for the exemption, were it recorded now."""
    facts = facts_for(citizen, on)
    hypothetical = dataclasses.replace(
        facts, decisions=(*facts.decisions, FactDecision(kind=str(kind), valid_from=on,
                                                         valid_to=None, reason=None)))
    document = to_document(assess(hypothetical, on))
    duty = next(d for d in document["duties"] if d["code"] == EXEMPTION_DUTIES[kind])
    return list(duty["citations"]) if duty["status"] == "exempt" else []


def record_exemption(staff: StaffUser, citizen: Citizen, kind: DecisionKind, *,
                     valid_from: dt.date, valid_to: dt.date | None, reason: str,
                     other_documentation: str) -> Decision:
    """A ``Decision`` row; the rule module reports the duty ``exempt`` from then on."""
    if kind not in EXEMPTION_DUTIES:
        raise ValueError(kind)
    decision = Decision(citizen_id=citizen.id, kind=kind, valid_from=valid_from,
                        valid_to=valid_to, reason=reason,
                        other_documentation=other_documentation, decided_by_id=staff.id)
    db.session.add(decision)
    db.session.commit()
    db.session.refresh(citizen)
    return decision


def agreement_of(citizen: Citizen) -> int | None:
    return db.session.scalar(
        select(JoblogAgreement.applications_per_week).filter_by(citizen_id=citizen.id))


def set_agreement(staff: StaffUser, citizen: Citizen, per_week: int | None) -> None:
    row = db.session.scalar(select(JoblogAgreement).filter_by(citizen_id=citizen.id))
    if row is None:
        row = JoblogAgreement(citizen_id=citizen.id)
        db.session.add(row)
    row.applications_per_week = per_week
    row.set_by_id = staff.id
    db.session.commit()
