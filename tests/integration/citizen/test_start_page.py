"""The citizen's start page: "what applies to me" today, as cards from the rule module."""

from __future__ import annotations

import pytest

from tests.support.oidc import login
from tests.support.pages import NS, check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def _cards(page):
    return {
        li.get("id", "")[len("duty-") :]: li
        for li in page.find_all("li")
        if "duty-card" in (li.get("class") or "")
    }


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_start_page_shows_a_card_for_every_duty(client, personas):
    login(client, "citizen-amal")
    page = check_page(client.get("/locale/en?next=/citizen/", follow_redirects=True))
    cards = _cards(page)
    assert set(cards) >= {
        "contract",
        "declaration",
        "job_seeker_registration",
        "joblog",
        "cv",
        "self_booking",
        "follow_up_talks",
        "availability",
        "danish_tests",
    }
    cv = _text(cards["cv"])
    # the deadline as a date and relative to today (registered 7 days before SEED_DAY + 3 weeks)
    assert "Deadline:" in cv
    assert "days" in cv
    # the law, in official Danish form, linked
    links = [a.get("href") for a in cards["cv"].iter(f"{NS}a")]
    assert any(h and h.startswith("https://www.retsinformation.dk/") for h in links)
    assert "/guidance/cv" in links


def test_citizen_sees_only_their_own_cards(client, personas):
    login(client, "citizen-yonas")
    page = check_page(client.get("/citizen/"))
    assert "Yonas Tesfay" in page.text()
    assert "Amal Hassan" not in page.text()
    joblog = _text(_cards(page)["joblog"])
    assert "exempt" in joblog.lower() or page.lang != "en"


def test_start_page_needs_login(client):
    response = client.get("/citizen/")
    assert response.status_code == 302


def test_unregistered_facts_are_reported_not_guessed(client, personas):
    login(client, "citizen-faduma")  # readiness not yet assessed, few facts registered
    page = check_page(client.get("/locale/en?next=/citizen/", follow_redirects=True))
    unknown = [
        card
        for card in _cards(page).values()
        if card.find(f".//{NS}span[@class='badge status-unknown']") is not None
    ]
    assert unknown, "some duties cannot be decided yet"
    for card in unknown:
        text = _text(card)
        assert "Not known yet" in text
        assert "needs to record" in text or "cannot" in text
