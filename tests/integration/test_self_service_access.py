"""Contract and job talk pages: who may open which (anonymous, citizen, staff roles)."""

from __future__ import annotations

import pytest

from tests.support.oidc import login
from tests.support.pages import check_page

CITIZEN_PAGES = ["/citizen/contract/", "/citizen/contract/history", "/citizen/talks/"]
CASEWORKER_PAGES = ["/caseworker/contracts/", "/caseworker/talks/"]


@pytest.mark.parametrize("path", CITIZEN_PAGES + CASEWORKER_PAGES)
def test_anonymous_visitors_are_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login?next=" in response.location


@pytest.mark.parametrize("path", CASEWORKER_PAGES)
def test_citizens_cannot_open_caseworker_pages(client, personas, path):
    login(client, "citizen-amal")
    check_page(client.get(path), 403)


@pytest.mark.parametrize("path", CASEWORKER_PAGES)
def test_interpreters_cannot_open_caseworker_pages(client, personas, path):
    login(client, "interpreter-ahmad", "staff")
    check_page(client.get(path), 403)


@pytest.mark.parametrize("path", CITIZEN_PAGES)
def test_citizen_pages_open_for_the_citizen(client, personas, path):
    login(client, "citizen-mariam")
    check_page(client.get(path))
