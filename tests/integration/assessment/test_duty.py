"""The duty view the joblog and CV pages show: the rule module's verdict and its decision."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.assessment.duty import duties
from portal.extensions import db
from portal.models import Citizen, Readiness
from portal.rules.i18n import identity
from tests.conftest import SEED_DAY

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def _citizen(subject: str) -> Citizen:
    return db.session.scalars(select(Citizen).filter_by(oidc_subject=subject)).one()


def test_covid_transition_deadline_is_15_august_2020(app, personas):
    with app.app_context():
        amal = _citizen("citizen-amal")
        amal.readiness = Readiness.JOB_READY
        amal.visitation_on = dt.date(2020, 4, 20)
        amal.municipality_took_over_on = dt.date(2020, 3, 20)
        amal.programme_started_on = dt.date(2020, 3, 20)
        amal.applied_for_benefit_on = dt.date(2020, 4, 1)
        amal.registered_as_job_seeker_on = dt.date(2020, 4, 2)
        cv = duties(amal, ("cv",), dt.date(2020, 6, 1), identity)["cv"]
        assert cv.status == "applies", cv
        assert cv.deadline == dt.date(2020, 8, 15)
        assert "BEK nr. 685 af 26. maj 2020" in " ".join(cv.citations)
        db.session.rollback()


def test_three_weeks_after_registering_as_job_seeker(app, personas):
    with app.app_context():
        amal = _citizen("citizen-amal")
        cv = duties(amal, ("cv",), SEED_DAY, identity)["cv"]
        assert cv.deadline == amal.registered_as_job_seeker_on + dt.timedelta(weeks=3)


def test_activity_ready_cv_has_no_deadline(app, personas):
    with app.app_context():
        cv = duties(_citizen("citizen-mariam"), ("cv",), SEED_DAY, identity)["cv"]
        assert cv.status == "applies" and cv.deadline is None


def test_exempt_duty_carries_the_decision_and_other_documentation(app, personas):
    with app.app_context():
        joblog = duties(_citizen("citizen-yonas"), ("joblog",), SEED_DAY, identity)["joblog"]
        assert joblog.status == "exempt"
        assert joblog.exemption is not None
        assert joblog.exemption.other_documentation.startswith("Bring a paper list")
