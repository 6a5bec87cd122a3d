"""The citizen's joblog: record, edit, withdraw, list by week (IL § 26 a, stk. 1).

No ``request`` or ``session`` here. "Today" and "now" are passed in by the caller.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import (
    ActivityKind,
    ActivityStatus,
    Citizen,
    JoblogAgreement,
    JoblogEntry,
    ReviewState,
)

#: IL § 26 a: "continuously" — after this many days without an entry the citizen is reminded
SILENCE_DAYS = 30
APPLICATION_KINDS = frozenset({ActivityKind.ADVERTISED, ActivityKind.UNSOLICITED})


class NotEditable(Exception):
    """The entry was reviewed or withdrawn; the citizen can no longer change it."""


@dataclass(frozen=True)
class EntryData:
    activity_on: dt.date
    kind: ActivityKind
    employer: str
    status: ActivityStatus
    job_title: str | None = None
    source: str | None = None
    note: str | None = None


@dataclass
class Week:
    monday: dt.date
    entries: list[JoblogEntry] = field(default_factory=list)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    @property
    def active(self) -> list[JoblogEntry]:
        return [e for e in self.entries if e.withdrawn_at is None]

    @property
    def count(self) -> int:
        return len(self.active)

    @property
    def applications(self) -> int:
        return sum(1 for e in self.active if e.kind in APPLICATION_KINDS)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _apply(entry: JoblogEntry, data: EntryData) -> None:
    entry.activity_on = data.activity_on
    entry.kind = data.kind
    entry.employer = data.employer
    entry.job_title = data.job_title or None
    entry.source = data.source or None
    entry.status = data.status
    entry.note = data.note or None


def add_entry(
    citizen: Citizen, data: EntryData, key: str, now: dt.datetime
) -> tuple[JoblogEntry, bool]:
    """Store an entry once per idempotency key; returns (entry, created)."""
    existing = _by_key(citizen, key)
    if existing is not None:
        return existing, False
    entry = JoblogEntry(citizen_id=citizen.id, idempotency_key=key, created_at=now,
                        updated_at=now, review_state=ReviewState.NEW)
    _apply(entry, data)
    db.session.add(entry)
    try:
        db.session.commit()
    except IntegrityError:  # the same form arrived twice at the same moment
        db.session.rollback()
        again = _by_key(citizen, key)
        assert again is not None
        return again, False
    return entry, True


def _by_key(citizen: Citizen, key: str) -> JoblogEntry | None:
    return db.session.scalar(
        select(JoblogEntry).filter_by(citizen_id=citizen.id, idempotency_key=key)
    )


def entry_of(citizen: Citizen, entry_id: int) -> JoblogEntry | None:
    """The citizen's own entry, or ``None`` (someone else's id looks like no entry)."""
    return db.session.scalar(
        select(JoblogEntry).filter_by(id=entry_id, citizen_id=citizen.id)
    )


def update_entry(entry: JoblogEntry, data: EntryData, now: dt.datetime) -> None:
    if not entry.editable:
        raise NotEditable
    _apply(entry, data)
    entry.updated_at = now
    if entry.review_state == ReviewState.RETURNED:
        entry.review_state = ReviewState.CHANGED
    db.session.commit()


def withdraw_entry(entry: JoblogEntry, now: dt.datetime) -> None:
    """Withdrawn entries stay, marked, for the audit; re-withdrawing changes nothing."""
    if entry.withdrawn_at is not None:
        return
    if not entry.editable:
        raise NotEditable
    entry.withdrawn_at = now
    entry.updated_at = now
    if entry.review_state == ReviewState.RETURNED:
        entry.review_state = ReviewState.CHANGED
    db.session.commit()


def entries(citizen: Citizen) -> list[JoblogEntry]:
    return list(
        db.session.scalars(
            select(JoblogEntry)
            .filter_by(citizen_id=citizen.id)
            .order_by(JoblogEntry.activity_on.desc(), JoblogEntry.id.desc())
        )
    )


def weeks(citizen: Citizen, today: dt.date, *, at_least: int = 4) -> list[Week]:
    """Weeks (Monday–Sunday), newest first: every week with an entry and the last
    ``at_least`` weeks, so an empty week shows as 0."""
    by_monday: dict[dt.date, Week] = {}
    this_monday = monday_of(today)
    for n in range(at_least):
        monday = this_monday - dt.timedelta(weeks=n)
        by_monday[monday] = Week(monday)
    for entry in entries(citizen):
        monday = monday_of(entry.activity_on)
        by_monday.setdefault(monday, Week(monday)).entries.append(entry)
    return [by_monday[m] for m in sorted(by_monday, reverse=True)]


def agreed_per_week(citizen: Citizen) -> int | None:
    """Applications per week agreed in the contract, if any."""
    return db.session.scalar(
        select(JoblogAgreement.applications_per_week).filter_by(citizen_id=citizen.id)
    )


def last_activity_on(citizen: Citizen) -> dt.date | None:
    return db.session.scalar(
        select(func.max(JoblogEntry.activity_on)).where(
            JoblogEntry.citizen_id == citizen.id, JoblogEntry.withdrawn_at.is_(None)
        )
    )


def silent_since(citizen: Citizen, today: dt.date) -> dt.date | None:
    """The day the joblog went quiet, if it has been quiet for ``SILENCE_DAYS`` or more.

    Counted from the last entry, or — with no entry yet — from registration as a job
    seeker (IL § 26 a, stk. 2), else from when the citizen was added to the portal.
    """
    start = last_activity_on(citizen)
    if start is None:
        start = citizen.registered_as_job_seeker_on or (
            citizen.created_at.date() if citizen.created_at else None
        )
    if start is None or (today - start).days < SILENCE_DAYS:
        return None
    return start
