"""Job-seeker registration, joblog, CV and job goal, digital self-booking (DOMAIN.md
§§ 2.2–2.4). The duties in integrationsloven chapter 5 (§§ 26, 26 a, 26 b) are statutory
and apply in every period; the orders restate them. Interpretation: they concern persons
who have applied for or receive self-support and return benefit or transition benefit
(IL § 26, stk. 1; BEK 1307/2020 chapter 3; letter of 26 May 2020)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from portal.rules.book.common import (
    B1307,
    B1307_FROM,
    B2024,
    C_BEK685,
    C_LETTER_1,
    C_LETTER_2,
    C_LETTER_3,
    JR_READS,
    PRE,
    PREDECESSOR,
    REOPEN_FROM,
    SELF_BOOKING_BACK,
    SUSP,
    Period,
    activity_ready_on_benefit,
    b1307,
    decided,
    declare,
    il,
    iso,
    job_ready_on_benefit,
    retirement_exemptions,
    suspension,
)
from portal.rules.dates import add_weeks
from portal.rules.i18n import N_
from portal.rules.model import (
    APPLIES,
    BEK300,
    EXEMPT,
    NOT_APPLICABLE,
    SUSPENDED,
    UNKNOWN,
    Ctx,
    Rule,
    Tri,
    cite,
    or3,
)
from portal.rules.parameters import PARAMS

CV_WEEKS = PARAMS.get_int("cv_deadline_weeks")
CV_T_FROM = PARAMS.get_date("cv_transition_applied_from")
CV_T_TO = PARAMS.get_date("cv_transition_applied_to")
CV_T_DEADLINE = PARAMS.get_date("cv_transition_deadline")
CV_T_PERIOD: Period = (PARAMS.get_date("covid_reopening_from"), CV_T_DEADLINE)
OTHER_DOCUMENTATION = il("§ 26, stk. 3")
MSG_CV = N_(
    "Register your CV on Jobnet and make it visible to employers as soon as possible, and at "
    "the latest 3 weeks after you registered as a job seeker. Keep it up to date."
)
MSG_BY = N_("Your deadline is %(deadline)s.")


def _cv_deadline(c: Ctx) -> date | None:
    r = c.f.registered_as_job_seeker_on
    return None if r is None else add_weeks(r, CV_WEEKS)


def _cv_transition_deadline(_: Ctx) -> date | None:
    return CV_T_DEADLINE


def _in_cv_transition(c: Ctx) -> Tri:
    f = c.f
    in_window = or3(
        c.between(f.applied_for_benefit_on, CV_T_FROM, CV_T_TO),
        c.between(f.registered_as_job_seeker_on, CV_T_FROM, CV_T_TO),
    )
    if c.benefit is False:
        return False
    return in_window if c.benefit is True or in_window is False else None


def _registered(c: Ctx) -> dict[str, Any]:
    return {"registered_on": iso(c.f.registered_as_job_seeker_on)}


def _other_documentation(_: Ctx) -> dict[str, Any]:
    return {"other_documentation": True}


def _self_booking_details(_: Ctx) -> dict[str, Any]:
    return {"reinstated_on": SELF_BOOKING_BACK.isoformat()}


# --- job-seeker registration ------------------------------------------------------------
JSR_BASES = ("job_seeker_registration.il", "job_seeker_registration.bek1307")
JOB_SEEKER_REGISTRATION: list[Rule] = [
    declare(
        "job_seeker_registration.il",
        "job_seeker_registration",
        APPLIES,
        il("§ 26 a, stk. 2"),
        N_(
            "As a job-ready person who receives benefit, you must register as a job seeker "
            "at the jobcentre the first time you ask the municipality for help."
        ),
        when=job_ready_on_benefit,
        reads=JR_READS,
        details=_registered,
    ),
    declare(
        "job_seeker_registration.bek1307",
        "job_seeker_registration",
        APPLIES,
        b1307("§ 13, stk. 1"),
        N_(
            "As a job-ready person who receives benefit, you must register as a job seeker "
            "at the jobcentre the first time you ask the municipality for help."
        ),
        when=job_ready_on_benefit,
        reads=JR_READS,
        period=B1307,
        details=_registered,
    ),
    declare(
        "job_seeker_registration.activity_ready",
        "job_seeker_registration",
        NOT_APPLICABLE,
        il("§ 26 a, stk. 2"),
        N_("You are activity-ready, so you do not have to register as a job seeker now."),
        when=activity_ready_on_benefit,
        reads=JR_READS,
        reason="activity_ready",
    ),
    suspension("job_seeker_registration", JSR_BASES),
    *retirement_exemptions("job_seeker_registration", JSR_BASES, 2),
]

# --- joblog -----------------------------------------------------------------------------
JOBLOG_BASES = ("joblog.il", "joblog.bek1307")
JOBLOG_EXEMPTIONS = ("joblog.il.exemption", "joblog.bek1307.exemption")
JOBLOG: list[Rule] = [
    declare(
        "joblog.il",
        "joblog",
        APPLIES,
        il("§ 26 a, stk. 1"),
        N_(
            "You must search actively for jobs, follow the agreements in My Plan and log "
            "all your job applications in your joblog on Jobnet as you go."
        ),
        when=job_ready_on_benefit,
        reads=JR_READS,
    ),
    declare(
        "joblog.bek1307",
        "joblog",
        APPLIES,
        b1307("§ 14, stk. 1"),
        N_(
            "You must search actively for jobs, follow the agreements in My Plan and log "
            "all your job applications in your joblog on Jobnet as you go."
        ),
        when=job_ready_on_benefit,
        reads=JR_READS,
        period=B1307,
    ),
    declare(
        "joblog.activity_ready",
        "joblog",
        NOT_APPLICABLE,
        il("§ 26 a, stk. 1"),
        N_("You are activity-ready, so you do not have to keep a joblog now."),
        when=activity_ready_on_benefit,
        reads=JR_READS,
        reason="activity_ready",
    ),
    declare(
        "joblog.il.exemption",
        "joblog",
        EXEMPT,
        il("§ 26 a, stk. 4"),
        N_(
            "The jobcentre has exempted you from the joblog because your Danish or IT "
            "skills are not yet enough. You and the jobcentre agree another way to show "
            "your job search. The jobcentre must help you become able to use the joblog."
        ),
        when=decided("joblog_exemption"),
        reads=("decisions",),
        defeats=JOBLOG_BASES,
        also=(OTHER_DOCUMENTATION,),
        details=_other_documentation,
        reason="joblog_exemption",
        condition_text="decision: joblog_exemption",
    ),
    declare(
        "joblog.bek1307.exemption",
        "joblog",
        EXEMPT,
        b1307("§ 14, stk. 2"),
        N_(
            "The jobcentre has exempted you from the joblog because your Danish or IT "
            "skills are not yet enough. You and the jobcentre agree another way to show "
            "your job search. The jobcentre must help you become able to use the joblog."
        ),
        when=decided("joblog_exemption"),
        reads=("decisions",),
        period=B1307,
        defeats=JOBLOG_BASES,
        also=(OTHER_DOCUMENTATION,),
        details=_other_documentation,
        reason="joblog_exemption",
        condition_text="decision: joblog_exemption",
    ),
    suspension("joblog", JOBLOG_BASES + JOBLOG_EXEMPTIONS),
    *retirement_exemptions("joblog", JOBLOG_BASES, 2),
]

# --- CV ---------------------------------------------------------------------------------
CV_BASES = ("cv.il.job_ready", "cv.bek1307.job_ready", "cv.il.activity_ready")
CV_EXEMPTIONS = ("cv.il.exemption", "cv.bek1307.exemption")
CV: list[Rule] = [
    declare(
        "cv.il.job_ready",
        "cv",
        APPLIES,
        il("§ 26 b, stk. 4"),
        MSG_CV,
        deadline_message=MSG_BY,
        when=job_ready_on_benefit,
        reads=JR_READS,
        deadline=_cv_deadline,
        deadline_reads=("registered_as_job_seeker_on",),
        also=(il("§ 26 b, stk. 1"),),
        details=_registered,
    ),
    declare(
        "cv.bek1307.job_ready",
        "cv",
        APPLIES,
        b1307("§ 15, stk. 2"),
        MSG_CV,
        deadline_message=MSG_BY,
        when=job_ready_on_benefit,
        reads=JR_READS,
        period=B1307,
        deadline=_cv_deadline,
        deadline_reads=("registered_as_job_seeker_on",),
        details=_registered,
    ),
    declare(
        "cv.il.activity_ready",
        "cv",
        APPLIES,
        il("§ 26 b, stk. 5"),
        N_(
            "Work on your CV starts in your talks with the jobcentre. Register it on Jobnet "
            "as soon as possible. It is shown to employers only if you agree."
        ),
        when=activity_ready_on_benefit,
        reads=JR_READS,
        also=(il("§ 26 b, stk. 6"),),
        reason="activity_ready",
    ),
    declare(
        "cv.covid.transition",
        "cv",
        APPLIES,
        C_BEK685,
        N_(
            "You applied for benefit or registered as unemployed between 1 March and "
            "26 May 2020. Your CV must be registered and visible on Jobnet as soon as "
            "possible, and by 15 August 2020 at the latest."
        ),
        when=_in_cv_transition,
        period=CV_T_PERIOD,
        reads=("benefit", "applied_for_benefit_on", "registered_as_job_seeker_on"),
        defeats=CV_BASES,
        deadline=_cv_transition_deadline,
        also=(C_LETTER_1,),
        reason="covid_cv_transition",
        condition_text="applied for benefit or registered 2020-03-01..2020-05-26",
    ),
    declare(
        "cv.il.exemption",
        "cv",
        EXEMPT,
        il("§ 26 b, stk. 11"),
        N_(
            "The jobcentre has exempted you from registering your CV because your Danish or "
            "IT skills are not yet enough. You and the jobcentre agree another way to show "
            "your job search. The jobcentre must help you become able to do it."
        ),
        when=decided("cv_exemption"),
        reads=("decisions",),
        defeats=(*CV_BASES, "cv.covid.transition"),
        also=(OTHER_DOCUMENTATION,),
        details=_other_documentation,
        reason="cv_exemption",
        condition_text="decision: cv_exemption",
    ),
    declare(
        "cv.bek1307.exemption",
        "cv",
        EXEMPT,
        b1307("§ 15, stk. 3"),
        N_(
            "The jobcentre has exempted you from registering your CV because your Danish or "
            "IT skills are not yet enough. You and the jobcentre agree another way to show "
            "your job search. The jobcentre must help you become able to do it."
        ),
        when=decided("cv_exemption"),
        reads=("decisions",),
        period=B1307,
        defeats=CV_BASES,
        also=(OTHER_DOCUMENTATION,),
        details=_other_documentation,
        reason="cv_exemption",
        condition_text="decision: cv_exemption",
    ),
    suspension("cv", CV_BASES + CV_EXEMPTIONS),
    *retirement_exemptions("cv", CV_BASES, 2),
]

# --- job goal ---------------------------------------------------------------------------
GOAL_BASES = ("cv_job_goal.il", "cv_job_goal.bek1307")
GOAL_EXEMPTIONS = ("cv_job_goal.il.exemption", "cv_job_goal.bek1307.exemption")
CV_JOB_GOAL: list[Rule] = [
    declare(
        "cv_job_goal.il",
        "cv_job_goal",
        APPLIES,
        il("§ 26 b, stk. 3"),
        N_("Your CV must have at least one job goal."),
        deadline_message=MSG_BY,
        when=job_ready_on_benefit,
        reads=JR_READS,
        deadline=_cv_deadline,
        deadline_reads=("registered_as_job_seeker_on",),
        also=(il("§ 26 b, stk. 4"),),
    ),
    declare(
        "cv_job_goal.bek1307",
        "cv_job_goal",
        APPLIES,
        b1307("§ 15, stk. 1"),
        N_("Your CV must have at least one job goal."),
        deadline_message=MSG_BY,
        when=job_ready_on_benefit,
        reads=JR_READS,
        period=B1307,
        deadline=_cv_deadline,
        deadline_reads=("registered_as_job_seeker_on",),
    ),
    declare(
        "cv_job_goal.activity_ready",
        "cv_job_goal",
        NOT_APPLICABLE,
        il("§ 26 b, stk. 3"),
        N_("You are activity-ready, so your CV does not need a job goal now."),
        when=activity_ready_on_benefit,
        reads=JR_READS,
        reason="activity_ready",
    ),
    declare(
        "cv_job_goal.covid.transition",
        "cv_job_goal",
        APPLIES,
        C_BEK685,
        N_(
            "Your CV, with at least one job goal, must be registered and visible on Jobnet "
            "by 15 August 2020 at the latest."
        ),
        when=_in_cv_transition,
        period=CV_T_PERIOD,
        reads=("benefit", "applied_for_benefit_on", "registered_as_job_seeker_on"),
        defeats=GOAL_BASES,
        deadline=_cv_transition_deadline,
        also=(C_LETTER_1,),
        reason="covid_cv_transition",
        condition_text="applied for benefit or registered 2020-03-01..2020-05-26",
    ),
    declare(
        "cv_job_goal.il.exemption",
        "cv_job_goal",
        EXEMPT,
        il("§ 26 b, stk. 11"),
        N_(
            "The jobcentre has exempted you from the CV requirements, including the job "
            "goal. You and the jobcentre agree another way to show your job search."
        ),
        when=decided("cv_exemption"),
        reads=("decisions",),
        defeats=(*GOAL_BASES, "cv_job_goal.covid.transition"),
        also=(OTHER_DOCUMENTATION,),
        details=_other_documentation,
        reason="cv_exemption",
        condition_text="decision: cv_exemption",
    ),
    declare(
        "cv_job_goal.bek1307.exemption",
        "cv_job_goal",
        EXEMPT,
        b1307("§ 15, stk. 3"),
        N_(
            "The jobcentre has exempted you from the CV requirements, including the job "
            "goal. You and the jobcentre agree another way to show your job search."
        ),
        when=decided("cv_exemption"),
        reads=("decisions",),
        period=B1307,
        defeats=GOAL_BASES,
        also=(OTHER_DOCUMENTATION,),
        details=_other_documentation,
        reason="cv_exemption",
        condition_text="decision: cv_exemption",
    ),
    suspension("cv_job_goal", GOAL_BASES + GOAL_EXEMPTIONS),
    *retirement_exemptions("cv_job_goal", GOAL_BASES, 2),
]

# --- digital self-booking ---------------------------------------------------------------
_SB_READS = JR_READS
_DAY = timedelta(days=1)
_SB_STILL_SUSPENDED: Period = (REOPEN_FROM, SELF_BOOKING_BACK - _DAY)
MSG_SB_SUSPENDED = N_(
    "Because of COVID-19 you did not have to book your job talks yourself. The duty came "
    "back on %(reinstated_on)s."
)
_SB_REINSTATED: Period = (SELF_BOOKING_BACK, B1307_FROM - _DAY)


def _self_booking_decision(c: Ctx) -> Tri:
    kinds = c.kinds
    return "self_booking_exemption" in kinds or "self_booking_revoked" in kinds


SELF_BOOKING: list[Rule] = [
    declare(
        "self_booking.predecessor",
        "self_booking",
        UNKNOWN,
        b1307("§ 49, stk. 2"),
        N_(
            "Before 13 March 2020 digital self-booking followed an older order that the "
            "portal does not have."
        ),
        when=job_ready_on_benefit,
        reads=_SB_READS,
        period=PRE,
        reason=PREDECESSOR,
    ),
    declare(
        "self_booking.covid.suspended",
        "self_booking",
        SUSPENDED,
        cite(BEK300),
        MSG_SB_SUSPENDED,
        when=job_ready_on_benefit,
        reads=_SB_READS,
        period=SUSP,
        also=(C_LETTER_3,),
        details=_self_booking_details,
        reason="covid_suspension",
    ),
    declare(
        "self_booking.covid.still_suspended",
        "self_booking",
        SUSPENDED,
        C_BEK685,
        MSG_SB_SUSPENDED,
        when=job_ready_on_benefit,
        reads=_SB_READS,
        period=_SB_STILL_SUSPENDED,
        also=(C_LETTER_1, C_LETTER_2),
        details=_self_booking_details,
        reason="covid_suspension",
    ),
    declare(
        "self_booking.covid.reinstated",
        "self_booking",
        APPLIES,
        C_BEK685,
        N_(
            "As a job-ready person you must book your job talks yourself, digitally on "
            "Jobnet. This duty came back on %(reinstated_on)s."
        ),
        when=job_ready_on_benefit,
        reads=_SB_READS,
        period=_SB_REINSTATED,
        also=(C_LETTER_1, il("§ 20, stk. 4")),
        details=_self_booking_details,
    ),
    declare(
        "self_booking.covid.decision",
        "self_booking",
        UNKNOWN,
        b1307("§ 49, stk. 2"),
        N_(
            "The jobcentre has made a decision about your self-booking. Before 8 September "
            "2020 its effect followed an older order that the portal does not have."
        ),
        when=_self_booking_decision,
        reads=("decisions",),
        period=_SB_REINSTATED,
        defeats=("self_booking.covid.reinstated",),
        reason=PREDECESSOR,
        condition_text="decision: self_booking_exemption or self_booking_revoked",
    ),
    declare(
        "self_booking.bek1307",
        "self_booking",
        APPLIES,
        b1307("§ 13, stk. 2"),
        N_(
            "As a job-ready person you must book your job talks yourself, digitally on "
            "Jobnet. The jobcentre must help you learn how."
        ),
        when=job_ready_on_benefit,
        reads=_SB_READS,
        period=B1307,
        also=(b1307("§ 13, stk. 3"),),
    ),
    declare(
        "self_booking.bek1307.exemption",
        "self_booking",
        EXEMPT,
        b1307("§ 13, stk. 4"),
        N_(
            "The jobcentre has exempted you from booking your job talks yourself. The "
            "jobcentre books them for you."
        ),
        when=decided("self_booking_exemption"),
        reads=("decisions",),
        period=B1307,
        defeats=("self_booking.bek1307",),
        reason="self_booking_exemption",
        condition_text="decision: self_booking_exemption",
    ),
    declare(
        "self_booking.bek1307.revoked",
        "self_booking",
        NOT_APPLICABLE,
        b1307("§ 13, stk. 3"),
        N_(
            "The jobcentre has taken away your right to book job talks yourself. The "
            "jobcentre books them for you."
        ),
        when=decided("self_booking_revoked"),
        reads=("decisions",),
        period=B1307,
        defeats=("self_booking.bek1307", "self_booking.bek1307.exemption"),
        reason="self_booking_revoked",
        condition_text="decision: self_booking_revoked",
    ),
    declare(
        "self_booking.il",
        "self_booking",
        APPLIES,
        il("§ 20, stk. 4"),
        N_(
            "As a job-ready person you must book your job talks yourself, digitally on "
            "Jobnet. The jobcentre must help you learn how."
        ),
        when=job_ready_on_benefit,
        reads=_SB_READS,
        period=B2024,
        interpretation=True,
    ),
    declare(
        "self_booking.il.exemption",
        "self_booking",
        EXEMPT,
        il("§ 20, stk. 6"),
        N_(
            "The jobcentre has exempted you from booking your job talks yourself. The "
            "jobcentre books them for you."
        ),
        when=decided("self_booking_exemption"),
        reads=("decisions",),
        period=B2024,
        defeats=("self_booking.il",),
        reason="self_booking_exemption",
        interpretation=True,
        condition_text="decision: self_booking_exemption",
    ),
    declare(
        "self_booking.il.revoked",
        "self_booking",
        NOT_APPLICABLE,
        il("§ 20, stk. 6"),
        N_(
            "The jobcentre has taken away your right to book job talks yourself. The "
            "jobcentre books them for you."
        ),
        when=decided("self_booking_revoked"),
        reads=("decisions",),
        period=B2024,
        defeats=("self_booking.il", "self_booking.il.exemption"),
        reason="self_booking_revoked",
        interpretation=True,
        condition_text="decision: self_booking_revoked",
    ),
    declare(
        "self_booking.activity_ready",
        "self_booking",
        NOT_APPLICABLE,
        il("§ 20, stk. 4"),
        N_(
            "You are activity-ready, so you do not book job talks yourself. The jobcentre "
            "calls you to your talks."
        ),
        when=activity_ready_on_benefit,
        reads=_SB_READS,
        reason="activity_ready",
    ),
]
