"""The rulebook: every rule declaration, and the conclusions they decide.

``CONCLUSIONS`` lists the questions in evaluation order (readiness before the duties that
depend on it). ``RULES`` holds the declarations of the modules in this package plus the
generated continuations of BEK 1307/2020 for persons displaced from Ukraine
(BEK af 30. december 2024 § 41, stk. 3): every rule valid exactly for the BEK 1307/2020
period gets a twin ``<id>.ua`` from 2025-01-01 for the group ``displaced_from_ukraine``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from portal.rules.book.availability import AVAILABILITY, AVAILABILITY_TALKS, SANCTIONS
from portal.rules.book.common import B1307, UKRAINE, b2024
from portal.rules.book.contract import CONTRACT, DECLARATION, MOVE_FOLLOW_UP
from portal.rules.book.danish import DANISH_TESTS
from portal.rules.book.jobsearch import (
    CV,
    CV_JOB_GOAL,
    JOB_SEEKER_REGISTRATION,
    JOBLOG,
    SELF_BOOKING,
)
from portal.rules.book.offers import FIRST_COMPANY_OFFER, OFFER_GAP, OFFER_HOURS
from portal.rules.book.regulation import READINESS, REGULATION, VISITATION
from portal.rules.book.talks import ATTENDANCE, FOLLOW_UP_TALKS, RISK_GROUP, TALK_FORMS
from portal.rules.i18n import N_
from portal.rules.model import NOT_APPLICABLE, UNKNOWN, ConclusionSpec, Rule

DUTY_CODES: Final = (
    "contract",
    "declaration",
    "job_seeker_registration",
    "joblog",
    "cv",
    "cv_job_goal",
    "self_booking",
    "follow_up_talks",
    "first_company_offer",
    "offer_gap",
    "offer_hours",
    "availability",
    "danish_tests",
    "availability_talks",
    "move_follow_up",
)


def _duty(name: str, message: str) -> ConclusionSpec:
    return ConclusionSpec(name, True, NOT_APPLICABLE, message, "not_covered")


CONCLUSIONS: Final[tuple[ConclusionSpec, ...]] = (
    ConclusionSpec("regulation", False, UNKNOWN, N_("The portal cannot tell which order applies.")),
    ConclusionSpec(
        "readiness",
        False,
        None,
        N_("Your jobcentre has not yet assessed whether you are job-ready or activity-ready."),
        "not_assessed",
    ),
    ConclusionSpec(
        "visitation",
        True,
        NOT_APPLICABLE,
        N_("The assessment of readiness is for people who receive benefit."),
    ),
    ConclusionSpec("talk_forms", False, None, N_("The portal cannot tell which talk forms count.")),
    ConclusionSpec(
        "attendance",
        False,
        "normal",
        N_(
            "Talks and offers are in person, unless the municipality finds another form "
            "appropriate."
        ),
    ),
    ConclusionSpec("risk_group", False, False, N_("No COVID-19 precautions apply to you.")),
    ConclusionSpec(
        "sanctions",
        False,
        None,
        N_(
            "You can only be sanctioned after the municipality has given you written guidance "
            "on your rights and duties."
        ),
    ),
    _duty("contract", N_("The contract rules do not apply to you on this date.")),
    _duty("declaration", N_("The declaration does not apply to you on this date.")),
    _duty(
        "job_seeker_registration",
        N_(
            "You only have to register as a job seeker if you are job-ready and receive "
            "self-support and return benefit or transition benefit."
        ),
    ),
    _duty(
        "joblog",
        N_(
            "The joblog is for job-ready people who receive self-support and return benefit "
            "or transition benefit."
        ),
    ),
    _duty(
        "cv",
        N_(
            "The CV duty is for people who receive self-support and return benefit or "
            "transition benefit."
        ),
    ),
    _duty(
        "cv_job_goal",
        N_(
            "The job goal is for job-ready people who receive self-support and return benefit "
            "or transition benefit."
        ),
    ),
    _duty(
        "self_booking",
        N_(
            "Digital self-booking is for job-ready people who receive self-support and return "
            "benefit or transition benefit."
        ),
    ),
    _duty("follow_up_talks", N_("No follow-up talks apply to you on this date.")),
    _duty(
        "first_company_offer",
        N_(
            "The rules on offers are for people who are entitled to self-support and return "
            "benefit or transition benefit."
        ),
    ),
    _duty(
        "offer_gap",
        N_(
            "The rules on offers are for people who are entitled to self-support and return "
            "benefit or transition benefit."
        ),
    ),
    _duty(
        "offer_hours",
        N_(
            "The rules on offers are for people who are entitled to self-support and return "
            "benefit or transition benefit."
        ),
    ),
    _duty(
        "availability",
        N_(
            "The duty to be available is for people who receive self-support and return "
            "benefit or transition benefit."
        ),
    ),
    _duty(
        "danish_tests",
        N_(
            "The Danish test deadlines are for spouses and partners who were reunified with a "
            "partner in Denmark."
        ),
    ),
    _duty(
        "availability_talks",
        N_(
            "Availability talks after a public control action apply only when the municipality "
            "has received information from such a control action that raises doubt about "
            "whether you are available for work, and you receive self-support and return "
            "benefit or transition benefit."
        ),
    ),
    _duty(
        "move_follow_up",
        N_(
            "The follow-up on your contract after a move applies only when you have moved to "
            "another municipality that has taken over responsibility for your programme."
        ),
    ),
)

DECLARED: Final[tuple[Rule, ...]] = (
    *REGULATION,
    *READINESS,
    *VISITATION,
    *TALK_FORMS,
    *ATTENDANCE,
    *RISK_GROUP,
    *SANCTIONS,
    *CONTRACT,
    *DECLARATION,
    *JOB_SEEKER_REGISTRATION,
    *JOBLOG,
    *CV,
    *CV_JOB_GOAL,
    *SELF_BOOKING,
    *FOLLOW_UP_TALKS,
    *FIRST_COMPANY_OFFER,
    *OFFER_GAP,
    *OFFER_HOURS,
    *AVAILABILITY,
    *DANISH_TESTS,
    *AVAILABILITY_TALKS,
    *MOVE_FOLLOW_UP,
)

UKRAINE_SOURCE: Final = b2024("§ 41, stk. 3")
#: the regulation rule has its own exception (BEK 2024 § 41, stk. 3); a displaced person's
#: residence basis is never spouse reunification, so the Danish-test rule has no twin
NOT_CONTINUED: Final = frozenset({"regulation", "danish_tests"})


def with_ukraine_continuations(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Add the ``.ua`` twins of the BEK 1307/2020-period rules and point exceptions at them."""
    twinned = {
        r.id
        for r in rules
        if (r.valid_from, r.valid_to) == B1307 and r.conclusion not in NOT_CONTINUED
    }
    twins = [
        replace(
            r,
            id=f"{r.id}.ua",
            valid_from=B1307[1] and B1307[1].fromordinal(B1307[1].toordinal() + 1),
            valid_to=None,
            groups=UKRAINE,
            also_cites=(*r.also_cites, UKRAINE_SOURCE),
            ended="ended",
        )
        for r in rules
        if r.id in twinned
    ]
    out: list[Rule] = []
    for r in (*rules, *twins):
        extra = tuple(f"{t}.ua" for t in r.defeats if t in twinned)
        out.append(replace(r, defeats=r.defeats + extra) if extra else r)
    return tuple(out)


RULES: Final[tuple[Rule, ...]] = with_ukraine_continuations(DECLARED)
