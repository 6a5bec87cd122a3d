"""The contracts overview reads versions once for all citizens (no N+1)."""

from __future__ import annotations

from sqlalchemy import select

from portal.caseworker.query_counter import count_queries
from portal.demo.synthetic import seed_synthetic
from portal.extensions import db
from portal.models import StaffUser
from tests.support import clock
from tests.support.oidc import login


def _count(app, client) -> int:
    with app.app_context(), count_queries(db.engine) as counted:
        assert client.get("/caseworker/contracts/").status_code == 200
    return counted.count


def test_contracts_overview_query_count_does_not_grow(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    with app.app_context():
        staff = db.session.scalar(select(StaffUser).filter_by(oidc_subject="caseworker-kbh"))
        seed_synthetic("101", 10, caseworker=staff, caseload=10, today=clock.today())
    small = _count(app, client)
    with app.app_context():
        staff = db.session.scalar(select(StaffUser).filter_by(oidc_subject="caseworker-kbh"))
        seed_synthetic("101", 90, caseworker=staff, caseload=90, today=clock.today())
    assert _count(app, client) == small
