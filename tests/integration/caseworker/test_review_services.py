"""Review services by role: a caseworker's queue holds their own citizens; an admin's the
whole municipality; nobody sees another municipality."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.caseworker.review import services
from portal.extensions import db
from portal.models import Citizen, JoblogEntry, StaffRole, StaffUser
from portal.models.joblog_entry import ActivityKind, ActivityStatus
from tests.support import clock

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def _entry(citizen: Citizen, key: str, minutes_ago: int) -> JoblogEntry:
    at = clock.now() - dt.timedelta(minutes=minutes_ago)
    return JoblogEntry(citizen_id=citizen.id, idempotency_key=key * 20,
                       activity_on=at.date(), kind=ActivityKind.OTHER, employer=key,
                       status=ActivityStatus.SENT, created_at=at, updated_at=at)


def _staff(subject: str) -> StaffUser:
    return db.session.scalar(select(StaffUser).filter_by(oidc_subject=subject))


def _citizen(subject: str) -> Citizen:
    return db.session.scalar(select(Citizen).filter_by(oidc_subject=subject))


def test_queues_by_role(app, personas):
    with app.app_context():
        karen = _staff("caseworker-kbh")
        amal, yonas = _citizen("citizen-amal"), _citizen("citizen-yonas")
        other = StaffUser(oidc_issuer="x", oidc_subject="cw2", name="Other",
                          role=StaffRole.CASEWORKER, municipality_id=karen.municipality_id)
        admin = StaffUser(oidc_issuer="x", oidc_subject="adm", name="Admin", role=StaffRole.ADMIN,
                          municipality_id=karen.municipality_id)
        db.session.add_all([other, admin])
        db.session.flush()
        yonas.caseworker_id = other.id
        db.session.add_all([_entry(amal, "new", 5), _entry(amal, "old", 50),
                            _entry(yonas, "yon", 30)])
        db.session.commit()
        assert [i.entry.employer for i in services.queue(karen)] == ["old", "new"]
        assert [i.entry.employer for i in services.queue(other)] == ["yon"]
        assert [i.entry.employer for i in services.queue(admin)] == ["old", "yon", "new"]
        lars = _staff("caseworker-aarhus")
        assert services.queue(lars) == []
        with pytest.raises(services.NotFound):
            services.citizen_for(lars, amal.id)
        with pytest.raises(services.NotFound):
            services.citizen_for(karen, 10**9)
