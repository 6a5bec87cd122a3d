"""No N+1: the caseload and the municipality overview send the same number of SQL
statements for 20 citizens as for 200."""

from __future__ import annotations

from sqlalchemy import select

from portal.caseworker.query_counter import count_queries
from portal.demo.synthetic import seed_synthetic
from portal.extensions import db
from portal.models import StaffUser
from tests.support import clock
from tests.support.oidc import login


def _grow(app, n: int, caseload: int) -> None:
    with app.app_context():
        staff = db.session.scalar(select(StaffUser).filter_by(oidc_subject="caseworker-kbh"))
        seed_synthetic("101", n, caseworker=staff, caseload=caseload, today=clock.today())


def _count(app, client, path: str) -> int:
    with app.app_context(), count_queries(db.engine) as counted:
        response = client.get(path)
    assert response.status_code == 200
    return counted.count


def test_caseload_query_count_does_not_grow_with_citizens(app, client, personas):
    login(client, "caseworker-kbh", audience="staff")
    _grow(app, 20, 20)
    small = _count(app, client, "/caseworker/")
    _grow(app, 180, 180)
    large = _count(app, client, "/caseworker/")
    assert small == large
    assert large <= 12


def test_overview_query_count_does_not_grow_with_citizens(app, client, personas):
    login(client, "teamlead-kbh", audience="staff")
    _grow(app, 20, 0)
    small = _count(app, client, "/caseworker/overview/")
    _grow(app, 180, 0)
    large = _count(app, client, "/caseworker/overview/")
    assert small == large
    assert large <= 10
