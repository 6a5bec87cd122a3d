"""Caseload flags compare the rule module's deadlines with the date and the records."""

from __future__ import annotations

import datetime as dt

from portal.caseworker.flags import Records, flags_for
from portal.rules.engine import assess
from portal.rules.facts import Facts, Offer

D = dt.date
BASE = {
    "municipality_code": "101",
    "residence_basis": "refugee",
    "benefit": "self_support_and_return_benefit",
    "has_phone_or_computer": True,
}


def codes(on: dt.date, records: Records = Records(), **facts: object) -> set[str]:
    assessment = assess(Facts(**{**BASE, **facts}), on)
    return {f.code for f in flags_for(assessment, on, records)}


def test_contract_overdue_one_month_after_takeover():
    took_over = {"municipality_took_over_on": D(2026, 10, 1)}
    assert "contract_overdue" in codes(D(2026, 11, 21), **took_over)
    assert "contract_overdue" not in codes(
        D(2026, 11, 21), contract_signed_on=D(2026, 10, 20), **took_over
    )
    assert "contract_overdue" not in codes(D(2026, 10, 20), **took_over)


def test_visitation_due_near_three_months_after_takeover():
    assert "visitation_due" in codes(D(2026, 11, 21), municipality_took_over_on=D(2026, 8, 25))
    assert "visitation_due" not in codes(D(2026, 11, 21), municipality_took_over_on=D(2026, 10, 1))
    assert "visitation_due" not in codes(
        D(2026, 11, 21), municipality_took_over_on=D(2026, 8, 25), readiness="job_ready",
        visitation_on=D(2026, 11, 1),
    )


def test_danish_test_deadline_near_for_a_spouse():
    spouse = {"residence_basis": "family_reunified_spouse", "cpr_registered_on": D(2026, 5, 30),
              "municipality_took_over_on": D(2026, 6, 1), "readiness": "activity_ready",
              "visitation_on": D(2026, 8, 1)}
    assert "danish_test_near" in codes(D(2026, 11, 21), **spouse)
    assert "danish_test_near" not in codes(D(2026, 9, 1), **spouse)


def test_first_company_offer_overdue_under_bek_1307():
    facts = {"municipality_took_over_on": D(2023, 1, 2), "readiness": "job_ready",
             "visitation_on": D(2023, 1, 10)}
    assert "first_offer_overdue" in codes(D(2023, 3, 1), **facts)
    offered = (Offer("company_internship", D(2023, 1, 20), None, None),)
    assert "first_offer_overdue" not in codes(D(2023, 3, 1), offers=offered, **facts)


def test_cv_and_joblog_flags_need_the_records():
    facts = {"municipality_took_over_on": D(2026, 10, 1), "registered_as_job_seeker_on":
             D(2026, 10, 2)}
    on = D(2026, 11, 21)
    assert "cv_not_visible" not in codes(on, **facts)  # no CV record: no guess
    assert "cv_not_visible" in codes(on, Records(cv_visible=False), **facts)
    assert "joblog_silent" in codes(on, Records(last_joblog_entry=D(2026, 10, 20)), **facts)
    assert "joblog_silent" not in codes(on, Records(last_joblog_entry=D(2026, 11, 1)), **facts)


def test_follow_ups_behind_the_four_in_six_months():
    from portal.rules.facts import Talk

    facts = {"municipality_code": "751", "municipality_took_over_on": D(2023, 1, 2),
             "readiness": "job_ready", "visitation_on": D(2023, 1, 10),
             "contract_goals_met": False}
    assert "follow_ups_behind" in codes(D(2023, 4, 1), **facts)
    talks = tuple(Talk(D(2023, m, 15), "in_person") for m in (1, 2, 3))
    assert "follow_ups_behind" not in codes(D(2023, 4, 1), talks=talks, **facts)
