"""Rule-driven duty cards for eight people, each on an explicit date.

The citizens are built in the database (as a caseworker would register them), assessed by
``portal.assessment.citizen_document`` and shown with ``templates/components/duty_cards.html``
— the same path the start page takes, with the date given instead of today.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import html5lib
import pytest
from flask import render_template_string
from flask_babel import gettext
from sqlalchemy import select

from portal.assessment.services import citizen_document
from portal.citizen.rights.services import Overview, overview
from portal.extensions import db
from portal.models import Citizen, Decision, DecisionKind, Municipality

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days

D = dt.date
NS = "{http://www.w3.org/1999/xhtml}"
BENEFIT = {"benefit": "self_support_and_return_benefit", "has_phone_or_computer": True}


def _citizen(code: str, decisions: tuple[tuple[str, dt.date], ...] = (), **facts: Any) -> Citizen:
    municipality = db.session.scalars(select(Municipality).filter_by(code=code)).one()
    citizen = Citizen(
        oidc_issuer="test",
        oidc_subject=f"card-{code}-{len(facts)}-{facts.get('readiness')}",
        name="Test Person",
        municipality=municipality,
        **{**BENEFIT, **facts},
    )
    for kind, start in decisions:
        citizen.decisions.append(Decision(kind=DecisionKind(kind), valid_from=start))
    db.session.add(citizen)
    db.session.commit()
    return citizen


def _cards(app, citizen: Citizen, on: dt.date, lang: str = "en") -> tuple[Overview, Any]:
    """The overview and the rendered cards (parsed HTML) for ``citizen`` on ``on``."""
    with app.test_request_context("/", headers={"Accept-Language": lang}):
        document = citizen_document(citizen, on, gettext)
        html = render_template_string(
            '{% from "components/duty_cards.html" import duty_cards %}'
            "<!doctype html><title>t</title>{{ duty_cards(document) }}",
            document=document,
        )
    root = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(html)
    return overview(document), root


def _card(ov: Overview, code: str):
    return next(c for c in (*ov.cards, *ov.not_applicable) if c.code == code)


def _card_text(root, code: str) -> str:
    li = next(el for el in root.iter(f"{NS}li") if el.get("id") == f"duty-{code}")
    return " ".join("".join(li.itertext()).split())


JOB_READY_2020 = {
    "residence_basis": "refugee",
    "readiness": "job_ready",
    "municipality_took_over_on": D(2020, 5, 1),
    "applied_for_benefit_on": D(2020, 5, 1),
    "registered_as_job_seeker_on": D(2020, 5, 10),
    "visitation_on": D(2020, 5, 20),
}


@pytest.mark.parametrize(
    ("code", "zone", "region"),
    [
        ("101", "east", "Region Hovedstaden"),
        ("461", "west", "Region Syddanmark"),
    ],
)
def test_job_ready_in_june_2020_sees_their_regions_rules(app, code, zone, region):
    with app.app_context():
        ov, root = _cards(app, _citizen(code, **JOB_READY_2020), D(2020, 6, 15))
        assert ov.region is not None and ov.region.zone == zone and ov.region.region == region
        note = " ".join("".join(root.iter(f"{NS}body").__next__().itertext()).split())
        assert ("East Denmark" if zone == "east" else "West Denmark") in note
        # the 2020 CV transition rule: visible by 15 August 2020, 61 days after 15 June
        cv = _card(ov, "cv")
        assert cv.status == "applies" and cv.deadline == D(2020, 8, 15) and cv.days_left == 61
        assert "in 61 days" in _card_text(root, "cv")
        assert any(link.url and "/eli/lta/2020/685" in link.url for link in cv.citations)
        # self-booking was still suspended in June 2020
        assert _card(ov, "self_booking").status == "suspended"
        # before 8 September 2020 the portal says it lacks the predecessor order
        assert ov.regulation_note


def test_east_and_west_differ_only_where_the_region_matters(app):
    with app.app_context():
        east, _ = _cards(app, _citizen("101", **JOB_READY_2020), D(2020, 6, 15))
        west, _ = _cards(app, _citizen("461", **JOB_READY_2020), D(2020, 6, 15))
        assert east.region and west.region and east.region.explanation != west.region.explanation
        assert {c.code: c.status for c in east.cards} == {c.code: c.status for c in west.cards}


def test_activity_ready_spouse_in_aarhus_2026_has_danish_test_deadlines(app):
    with app.app_context():
        citizen = _citizen(
            "751",
            residence_basis="family_reunified_spouse",
            readiness="activity_ready",
            municipality_took_over_on=D(2026, 2, 1),
            visitation_on=D(2026, 4, 20),
            cpr_registered_on=D(2026, 1, 15),
            programme_started_on=D(2026, 2, 5),
        )
        ov, root = _cards(app, citizen, D(2026, 6, 1))
        danish = _card(ov, "danish_tests")
        assert danish.status == "applies"
        assert [(m.day, m.days_left) for m in danish.milestones] == [
            (D(2026, 7, 15), 44),
            (D(2026, 10, 15), 136),
        ]
        text = _card_text(root, "danish_tests")
        assert "July 15, 2026" in text and "in 44 days" in text and "in 136 days" in text
        assert _card(ov, "joblog").status == "not_applicable"  # activity-ready
        # the rule module keeps the 2020 East/West split open-ended (DOMAIN.md § 3): West
        assert ov.region is not None and ov.region.zone == "west"


def test_displaced_from_ukraine_2026_keeps_the_2020_order(app):
    with app.app_context():
        citizen = _citizen(
            "461",
            residence_basis="displaced_from_ukraine",
            readiness="job_ready",
            municipality_took_over_on=D(2026, 3, 1),
            visitation_on=D(2026, 4, 1),
            registered_as_job_seeker_on=D(2026, 3, 3),
            programme_started_on=D(2026, 3, 5),
        )
        ov, _ = _cards(app, citizen, D(2026, 6, 1))
        offer = _card(ov, "first_company_offer")
        assert offer.status == "applies" and offer.deadline == D(2026, 4, 1)
        assert any("BEK nr. 1307" in link.citation for link in offer.citations)
        assert _card(ov, "offer_hours").status == "applies"
        assert _card(ov, "danish_tests").status == "not_applicable"


def test_exempt_from_the_joblog(app):
    with app.app_context():
        citizen = _citizen(
            "101",
            residence_basis="refugee",
            readiness="job_ready",
            municipality_took_over_on=D(2026, 1, 5),
            visitation_on=D(2026, 2, 1),
            registered_as_job_seeker_on=D(2026, 1, 6),
            decisions=(("joblog_exemption", D(2026, 2, 1)),),
        )
        ov, root = _cards(app, citizen, D(2026, 6, 1))
        joblog = _card(ov, "joblog")
        assert joblog.status == "exempt" and joblog.action is None
        assert "You are exempt" in _card_text(root, "joblog")
        assert any("§ 26 a, stk. 4" in link.citation for link in joblog.citations)
        assert _card(ov, "cv").status == "applies"


def test_pension_age_under_bek_2024(app):
    with app.app_context():
        citizen = _citizen(
            "101",
            residence_basis="refugee",
            readiness="job_ready",
            municipality_took_over_on=D(2025, 9, 1),
            visitation_on=D(2025, 11, 1),
            registered_as_job_seeker_on=D(2025, 9, 2),
            decisions=(("pension_age_exemption", D(2025, 10, 1)),),
        )
        ov, _ = _cards(app, citizen, D(2026, 6, 1))
        for code in ("joblog", "cv", "first_company_offer", "availability"):
            card = _card(ov, code)
            assert card.status == "exempt", code
            assert any(
                link.citation.startswith("BEK af 30. december 2024 § 39") for link in card.citations
            ), code


def test_parental_leave_moves_the_follow_up(app):
    with app.app_context():
        citizen = _citizen(
            "101",
            residence_basis="refugee",
            readiness="activity_ready",
            municipality_took_over_on=D(2025, 9, 1),
            visitation_on=D(2025, 11, 1),
            child_born_on=D(2026, 3, 1),
            parental_leave_until=D(2026, 12, 1),
            contract_goals_met=False,
        )
        ov, root = _cards(app, citizen, D(2026, 6, 1))
        talks = _card(ov, "follow_up_talks")
        assert talks.status == "applies" and talks.deadline == D(2026, 9, 1)
        assert "parental leave" in talks.explanation
        assert "in 92 days" in _card_text(root, "follow_up_talks")


def test_goals_met_and_contract_signed(app):
    with app.app_context():
        citizen = _citizen(
            "851",
            residence_basis="refugee",
            readiness="job_ready",
            municipality_took_over_on=D(2025, 6, 1),
            visitation_on=D(2025, 8, 1),
            registered_as_job_seeker_on=D(2025, 6, 2),
            contract_goals_met=True,
            contract_signed_on=D(2025, 6, 20),
        )
        ov, root = _cards(app, citizen, D(2026, 6, 1))
        talks = _card(ov, "follow_up_talks")
        assert "only follows up if there is a need" in talks.explanation
        contract = _card(ov, "contract")
        assert contract.done_on == D(2025, 6, 20)
        text = _card_text(root, "contract")
        assert "signed on June 20, 2025" in text and "days ago" not in text


def test_unknown_facts_are_named_never_guessed(app):
    with app.app_context():
        citizen = _citizen(
            "851", residence_basis="refugee", municipality_took_over_on=D(2026, 5, 1)
        )
        ov, _ = _cards(app, citizen, D(2026, 6, 1))
        unknown = [c for c in ov.cards if c.status == "unknown"]
        assert unknown
        for card in unknown:
            assert card.missing_facts or "cannot" in card.explanation


def test_cards_render_in_a_right_to_left_language(app):
    with app.app_context():
        citizen = _citizen("101", **JOB_READY_2020)
        _, root = _cards(app, citizen, D(2020, 6, 15), lang="ar")
        citations = [li for li in root.iter(f"{NS}li") if li.get("lang") == "da"]
        assert citations and all(li.get("lang") == "da" for li in citations)
