"""A citizen's record goes to the rule module unchanged: the demo personas' duties."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.assessment.facts_from_citizen import facts_for
from portal.assessment.services import assess_citizen, citizen_document
from portal.clock import danish_date
from portal.extensions import db
from portal.models import Citizen
from tests.conftest import SEED_DAY

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def _citizen(subject: str) -> Citizen:
    return db.session.scalars(select(Citizen).filter_by(oidc_subject=subject)).one()


def _status(document: dict, code: str) -> str:
    return next(d["status"] for d in document["duties"] if d["code"] == code)


def test_every_fact_column_reaches_the_rule_module(app, personas):
    with app.app_context():
        yonas = _citizen("citizen-yonas")
        facts = facts_for(yonas, SEED_DAY)
        assert facts.municipality_code == "101"
        assert facts.readiness == "job_ready"
        assert [d.kind for d in facts.decisions] == ["joblog_exemption"]
        assert facts.covid_risk_group is None  # unknown stays unknown


def test_joblog_exemption_decision_makes_the_duty_exempt(app, personas):
    with app.app_context():
        document = citizen_document(_citizen("citizen-yonas"), SEED_DAY)
        assert _status(document, "joblog") == "exempt"
        assert _status(citizen_document(_citizen("citizen-amal"), SEED_DAY), "joblog") == "applies"


def test_cv_deadline_is_three_weeks_after_job_seeker_registration(app, personas):
    with app.app_context():
        amal = _citizen("citizen-amal")
        document = citizen_document(amal, SEED_DAY)
        cv = next(d for d in document["duties"] if d["code"] == "cv")
        expected = amal.registered_as_job_seeker_on + dt.timedelta(weeks=3)
        assert cv["deadline"] == expected.isoformat()


def test_unknown_readiness_is_reported_not_guessed(app, personas):
    with app.app_context():
        faduma = _citizen("citizen-faduma")  # readiness not recorded, taken over 10 days ago
        assert assess_citizen(faduma, SEED_DAY)["readiness"].reason == "presumed"
        readiness = citizen_document(faduma, SEED_DAY)["readiness"]
        assert (readiness["value"], readiness["presumed"]) == ("job_ready", True)
        faduma.benefit = None  # unknown benefit: the presumption cannot be applied
        assert citizen_document(faduma, SEED_DAY)["readiness"]["value"] is None


def test_today_is_the_danish_date():
    late_evening_utc = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)
    assert danish_date(late_evening_utc) == dt.date(2027, 1, 1)
