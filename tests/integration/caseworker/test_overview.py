"""Municipality overview for team leads, and its CSV export."""

from __future__ import annotations

import csv
import io

import pytest

from tests.support.oidc import login
from tests.support.pages import check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def test_team_lead_sees_counts_and_downloads_csv(client, personas):
    login(client, "teamlead-kbh", audience="staff")
    page = check_page(client.get("/caseworker/overview/"))
    assert page.find_all("table")
    response = client.get("/caseworker/overview/export.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert {r["flag"] for r in rows} >= {"contract_overdue", "visitation_due", "total"}
    total = next(r for r in rows if r["flag"] == "total")
    assert total["municipality"] == "101"
    assert int(total["citizens"]) == 2  # Amal and Yonas live in København


def test_caseworker_without_team_lead_role_cannot_open_it(client, personas):
    login(client, "caseworker-kbh", audience="staff")
    check_page(client.get("/caseworker/overview/"), status=403)
    assert client.get("/caseworker/overview/export.csv").status_code == 403
