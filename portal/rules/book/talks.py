"""Follow-up talks (kontaktforløb): allowed forms, the count, and attendance in person
(DOMAIN.md §§ 2.2 and 3)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from portal.rules.book.common import (
    B1307,
    B2024,
    C_BEK685,
    C_LETTER_1,
    C_LETTER_2,
    C_LETTER_3,
    EAST_REGIONS,
    PRE,
    PREDECESSOR,
    REOPEN,
    SPLIT,
    SUSP,
    b1307,
    b2024,
    decided,
    declare,
    iso,
)
from portal.rules.dates import add_months
from portal.rules.i18n import N_
from portal.rules.model import (
    APPLIES,
    BEK300,
    BEK1307,
    EXEMPT,
    LETTER,
    SUSPENDED,
    UNKNOWN,
    Condition,
    Ctx,
    DateFn,
    DetailsFn,
    Rule,
    Tri,
    and3,
    cite,
    not3,
)
from portal.rules.parameters import PARAMS
from portal.rules.regions import WEST

ALL_FORMS = ("in_person", "phone", "video", "chat", "letter")
REOPEN_FORMS = ("in_person", "phone", "video", "chat")
EAST_FORMS = ("phone", "video", "chat")
COVID = "covid"  # parameter values restated by the letter of 26 May 2020

# --- forms ------------------------------------------------------------------------------
TALK_FORMS: list[Rule] = [
    declare(
        "talk_forms.normal_period",
        "talk_forms",
        ALL_FORMS,
        C_LETTER_3,
        N_("Talks held before 13 March 2020 count toward your follow-up talks."),
        period=PRE,
        interpretation=True,
    ),
    declare(
        "talk_forms.covid.suspended",
        "talk_forms",
        (),
        cite(BEK300),
        N_("Talks held from 13 March to 26 May 2020 do not count toward your follow-up talks."),
        period=SUSP,
        also=(C_LETTER_3,),
        reason="covid_suspension",
    ),
    declare(
        "talk_forms.covid.reopening",
        "talk_forms",
        REOPEN_FORMS,
        C_BEK685,
        N_("Your talks are in person, or by phone or video if the municipality chooses."),
        period=REOPEN,
        also=(C_LETTER_2,),
    ),
    declare(
        "talk_forms.covid.east",
        "talk_forms",
        EAST_FORMS,
        C_BEK685,
        N_(
            "In East Denmark your talks are by phone or digitally, as a real conversation "
            "(video or chat). You must take part."
        ),
        period=SPLIT,
        regions=EAST_REGIONS,
        also=(C_LETTER_1,),
        defeats=("talk_forms.covid.reopening", "talk_forms.bek1307", "talk_forms.bek2024"),
        reason="covid_east",
        condition_text="East Denmark (Region Hovedstaden, Region Sjælland)",
    ),
    declare(
        "talk_forms.bek1307",
        "talk_forms",
        ALL_FORMS,
        b1307("§ 19, stk. 5"),
        N_(
            "Your talks are in person, unless the municipality finds phone, digital or a "
            "letter appropriate."
        ),
        period=B1307,
    ),
    declare(
        "talk_forms.bek2024",
        "talk_forms",
        ALL_FORMS,
        b2024("§ 14, stk. 4"),
        N_(
            "Your talks are in person, unless the municipality finds phone, digital or a "
            "letter appropriate."
        ),
        period=B2024,
    ),
]


# --- the count (4 follow-ups in the 6 months after visitation) --------------------------
def _phase(c: Ctx, months: int) -> str | None:
    """before | window | after the window of ``months`` after visitation; None if unknown."""
    if c.visited is None:
        return None
    if not c.visited:
        return "before"
    v = c.f.visitation_on
    assert v is not None
    return "window" if c.on <= add_months(v, months) else "after"


def _in_phase(instrument: str, phase: str) -> Condition:
    months = PARAMS.get_int("follow_up_window_months", instrument)

    def condition(c: Ctx) -> Tri:
        if c.benefit is False:
            return False
        p = _phase(c, months)
        here = None if p is None else p == phase
        return and3(c.benefit, here)

    return condition


def count_talks(c: Ctx, instrument: str) -> tuple[int, date | None, int, date | None]:
    """(required, window_ends, held_counting, next_due) for the follow-up count.

    A talk counts if it was held after visitation, within the window, on or before the
    assessment date, in a form allowed on the day it was held (so talks in the
    suspension period, or by letter in East Denmark, do not count).

    ``next_due`` — interpretation: the order sets only the total (4 within 6 months);
    the portal spreads the required talks evenly over the window as a pacing guide, so
    talk *k* is due by visitation + k/4 of the window; the last is the legal deadline.
    """
    key = "count:" + instrument
    cache = c.cache()
    hit = cache.get(key)
    if hit is not None:
        result: tuple[int, date | None, int, date | None] = hit
        return result
    required = PARAMS.get_int("follow_up_count", instrument)
    v = c.f.visitation_on
    if v is None or not c.visited:
        result = (required, None, 0, None)
    else:
        end = add_months(v, PARAMS.get_int("follow_up_window_months", instrument))
        upto = min(end, c.on)
        held = 0
        for t in c.f.talks:
            if v <= t.on <= upto:
                forms = c.book.forms_on(c, t.on)
                if forms is not None and t.form in forms:
                    held += 1
        next_due = None
        if held < required and c.on <= end:
            span = (end - v).days
            next_due = v + timedelta(days=(held + 1) * span // required)
        result = (required, end, held, next_due)
    cache[key] = result
    return result


def _next_due(instrument: str) -> DateFn:
    def deadline(c: Ctx) -> date | None:
        return count_talks(c, instrument)[3]

    return deadline


def _count_details(instrument: str) -> DetailsFn:
    def details(c: Ctx) -> dict[str, Any]:
        required, end, held, next_due = count_talks(c, instrument)
        return {
            "required": required,
            "window_ends": iso(end),
            "held_counting": held,
            "next_due": iso(next_due),
            "remaining": max(required - held, 0),
        }

    return details


def _parental(c: Ctx) -> Tri:
    until = c.f.parental_leave_until
    if until is None or until < c.on:
        return False
    born = c.f.child_born_on
    return None if born is None else born <= c.on


def _parental_due(instrument: str) -> DateFn:
    months = PARAMS.get_int("parental_first_follow_up_months", instrument)

    def deadline(c: Ctx) -> date | None:
        born, until = c.f.child_born_on, c.f.parental_leave_until
        if born is None:
            return None
        first = add_months(born, months)
        return first if c.on < first else until

    return deadline


def _parental_details(c: Ctx) -> dict[str, Any]:
    return {"child_born_on": iso(c.f.child_born_on), "leave_until": iso(c.f.parental_leave_until)}


def _in_work_due(c: Ctx) -> date | None:
    held = [t.on for t in c.f.talks if t.on <= c.on]
    return add_months(max(held), 12) if held else None


def _goals_met(c: Ctx) -> Tri:
    return c.f.contract_goals_met


def _no_device(c: Ctx) -> Tri:
    return not3(c.f.has_phone_or_computer)


def _not_on_benefit(work: bool | None) -> Condition:
    def condition(c: Ctx) -> Tri:
        if c.benefit is not False:
            return None if c.benefit is None else False
        if work is None:
            return True
        w = c.f.in_ordinary_work_or_education
        return None if w is None else w == work

    return condition


MSG_COUNT = N_(
    "You have at least %(required)s follow-up talks with the jobcentre in the first 6 months "
    "after your assessment, until %(window_ends)s. %(held_counting)s have been held so far."
)
MSG_NEXT_TALK = N_("To keep pace, the next one should be by %(deadline)s.")
MSG_BEFORE = N_(
    "After the jobcentre has assessed you, you will have at least 4 follow-up talks in the "
    "first 6 months."
)
MSG_AFTER = N_(
    "The first 6 months after your assessment have passed. Now the jobcentre follows up on "
    "your contract when needed."
)
MSG_AS_NEEDED = N_(
    "You do not receive benefit, so the jobcentre follows up on your contract when needed."
)
MSG_IN_WORK = N_(
    "You are in ordinary work or education and do not receive benefit, so the jobcentre "
    "follows up on your contract every 12 months."
)
MSG_IN_WORK_NEXT = N_("Your next follow-up is due by %(deadline)s.")
MSG_GOALS_MET = N_(
    "You have met the goals in your contract, so the jobcentre only follows up if there is a need."
)
MSG_PARENTAL = N_(
    "You are on parental leave. Your first follow-up talk is 6 months after the birth, "
    "and the next when your leave ends."
)
MSG_PARENTAL_NEXT = N_("Your next follow-up talk is due by %(deadline)s.")


def _count_rules(
    prefix: str,
    instrument: str,
    source_count: Any,
    source_after: Any,
    period: Any,
    also: tuple[Any, ...],
    interpretation: bool,
) -> list[Rule]:
    return [
        declare(
            f"{prefix}.window",
            "follow_up_talks",
            APPLIES,
            source_count,
            MSG_COUNT,
            when=_in_phase(instrument, "window"),
            reads=("benefit", "visitation_on"),
            period=period,
            deadline=_next_due(instrument),
            details=_count_details(instrument),
            deadline_message=MSG_NEXT_TALK,
            also=also,
            reason="count",
            interpretation=interpretation,
            condition_text="receives benefit, within 6 months after visitation",
        ),
        declare(
            f"{prefix}.before_visitation",
            "follow_up_talks",
            APPLIES,
            source_count,
            MSG_BEFORE,
            when=_in_phase(instrument, "before"),
            reads=("benefit", "visitation_on"),
            period=period,
            details=_count_details(instrument),
            also=also,
            reason="before_visitation",
            interpretation=interpretation,
            condition_text="receives benefit, not yet visited",
        ),
        declare(
            f"{prefix}.after_window",
            "follow_up_talks",
            APPLIES,
            source_after,
            MSG_AFTER,
            when=_in_phase(instrument, "after"),
            reads=("benefit", "visitation_on"),
            period=period,
            details=_count_details(instrument),
            also=also,
            reason="as_needed",
            interpretation=interpretation,
            condition_text="receives benefit, more than 6 months after visitation",
        ),
    ]


_B1307_ALL = (
    "follow_up_talks.bek1307.window",
    "follow_up_talks.bek1307.before_visitation",
    "follow_up_talks.bek1307.after_window",
    "follow_up_talks.bek1307.not_on_benefit",
    "follow_up_talks.bek1307.in_work",
)
_COVID_ALL = (
    "follow_up_talks.covid.window",
    "follow_up_talks.covid.before_visitation",
    "follow_up_talks.covid.after_window",
    "follow_up_talks.covid.not_on_benefit",
)
_B2024_ALL = ("follow_up_talks.bek2024",)

FOLLOW_UP_TALKS: list[Rule] = [
    declare(
        "follow_up_talks.predecessor",
        "follow_up_talks",
        UNKNOWN,
        b1307("§ 49, stk. 2"),
        N_(
            "Before 13 March 2020 the follow-up talks followed an older order that the portal "
            "does not have."
        ),
        period=PRE,
        reason=PREDECESSOR,
    ),
    declare(
        "follow_up_talks.covid.suspended",
        "follow_up_talks",
        SUSPENDED,
        cite(BEK300),
        N_(
            "Because of COVID-19 the follow-up talks were suspended from 13 March to 26 May "
            "2020. Talks in that period do not count."
        ),
        period=SUSP,
        also=(C_LETTER_3,),
        reason="covid_suspension",
    ),
    # 2020-05-27 .. 2020-09-07: the letter restates the requirement (interpretation)
    *_count_rules(
        "follow_up_talks.covid", COVID, C_LETTER_3, C_LETTER_1, REOPEN, (C_LETTER_1,), True
    ),
    declare(
        "follow_up_talks.covid.not_on_benefit",
        "follow_up_talks",
        APPLIES,
        C_LETTER_1,
        MSG_AS_NEEDED,
        when=_not_on_benefit(None),
        reads=("benefit",),
        period=REOPEN,
        reason="as_needed",
        condition_text="does not receive benefit (IL § 16, stk. 4)",
    ),
    declare(
        "follow_up_talks.covid.goals_met",
        "follow_up_talks",
        UNKNOWN,
        b1307("§ 49, stk. 2"),
        N_(
            "You have met the goals in your contract. Before 8 September 2020 what that meant "
            "for your follow-up talks followed an older order that the portal does not have."
        ),
        when=_goals_met,
        reads=("contract_goals_met",),
        period=REOPEN,
        reason=PREDECESSOR,
        defeats=("follow_up_talks.covid.window", "follow_up_talks.covid.before_visitation"),
        condition_text="contract goals met",
    ),
    declare(
        "follow_up_talks.covid.parental_leave",
        "follow_up_talks",
        UNKNOWN,
        b1307("§ 49, stk. 2"),
        N_(
            "You are on parental leave. Before 8 September 2020 the timing of your follow-up "
            "talks followed an older order that the portal does not have."
        ),
        when=_parental,
        reads=("parental_leave_until", "child_born_on"),
        period=REOPEN,
        reason=PREDECESSOR,
        defeats=_COVID_ALL,
        condition_text="on parental leave",
    ),
    # BEK 1307/2020 § 19
    *_count_rules(
        "follow_up_talks.bek1307",
        BEK1307,
        b1307("§ 19, stk. 2, nr. 1"),
        b1307("§ 19, stk. 2, nr. 1"),
        B1307,
        (b1307("§ 19, stk. 6"),),
        False,
    ),
    declare(
        "follow_up_talks.bek1307.not_on_benefit",
        "follow_up_talks",
        APPLIES,
        b1307("§ 19, stk. 2, nr. 2"),
        MSG_AS_NEEDED,
        when=_not_on_benefit(False),
        reads=("benefit", "in_ordinary_work_or_education"),
        period=B1307,
        reason="as_needed",
        condition_text="no benefit (IL § 16, stk. 4), not in ordinary work or education",
    ),
    declare(
        "follow_up_talks.bek1307.in_work",
        "follow_up_talks",
        APPLIES,
        b1307("§ 19, stk. 2, nr. 3"),
        MSG_IN_WORK,
        when=_not_on_benefit(True),
        reads=("benefit", "in_ordinary_work_or_education"),
        period=B1307,
        deadline=_in_work_due,
        reason="every_12_months",
        deadline_message=MSG_IN_WORK_NEXT,
        condition_text="no benefit, in ordinary work or education",
    ),
    declare(
        "follow_up_talks.bek1307.parental_leave",
        "follow_up_talks",
        APPLIES,
        b1307("§ 19, stk. 3"),
        MSG_PARENTAL,
        when=_parental,
        reads=("parental_leave_until", "child_born_on"),
        period=B1307,
        defeats=_B1307_ALL,
        deadline=_parental_due(BEK1307),
        deadline_reads=("child_born_on",),
        deadline_message=MSG_PARENTAL_NEXT,
        details=_parental_details,
        reason="parental_leave",
        condition_text="on parental leave",
    ),
    declare(
        "follow_up_talks.bek1307.goals_met",
        "follow_up_talks",
        APPLIES,
        b1307("§ 19, stk. 4"),
        MSG_GOALS_MET,
        when=_goals_met,
        reads=("contract_goals_met",),
        period=B1307,
        defeats=(
            "follow_up_talks.bek1307.window",
            "follow_up_talks.bek1307.before_visitation",
            "follow_up_talks.bek1307.in_work",
            "follow_up_talks.bek1307.parental_leave",
        ),
        reason="goals_met",
        condition_text="contract goals met",
    ),
    # BEK 2024 § 14: a duty to follow up, but no count
    declare(
        "follow_up_talks.bek2024",
        "follow_up_talks",
        APPLIES,
        b2024("§ 14, stk. 1"),
        N_(
            "The jobcentre follows up on your contract in talks with you. The rules from 2025 "
            "do not set a number of talks."
        ),
        period=B2024,
        reason="no_count",
    ),
    declare(
        "follow_up_talks.bek2024.parental_leave",
        "follow_up_talks",
        APPLIES,
        b2024("§ 14, stk. 2"),
        MSG_PARENTAL,
        when=_parental,
        reads=("parental_leave_until", "child_born_on"),
        period=B2024,
        defeats=_B2024_ALL,
        deadline=_parental_due("bek-2024"),
        deadline_reads=("child_born_on",),
        deadline_message=MSG_PARENTAL_NEXT,
        details=_parental_details,
        reason="parental_leave",
        condition_text="on parental leave",
    ),
    declare(
        "follow_up_talks.bek2024.goals_met",
        "follow_up_talks",
        APPLIES,
        b2024("§ 14, stk. 3"),
        MSG_GOALS_MET,
        when=_goals_met,
        reads=("contract_goals_met",),
        period=B2024,
        defeats=(*_B2024_ALL, "follow_up_talks.bek2024.parental_leave"),
        reason="goals_met",
        condition_text="contract goals met",
    ),
]

_RETIRED = (*_B2024_ALL, "follow_up_talks.bek2024.parental_leave")
FOLLOW_UP_TALKS += [
    declare(
        "follow_up_talks.bek2024.pension_age",
        "follow_up_talks",
        APPLIES,
        b2024("§ 39, stk. 3"),
        N_(
            "You are exempted because you have reached the state pension age, so the "
            "jobcentre only follows up on your contract when there is a need."
        ),
        when=decided("pension_age_exemption"),
        reads=("decisions",),
        period=B2024,
        defeats=_RETIRED,
        reason="pension_age_exemption",
        condition_text="decision: pension_age_exemption",
    ),
    declare(
        "follow_up_talks.bek2024.early_retirement",
        "follow_up_talks",
        APPLIES,
        b2024("§ 40, stk. 3"),
        N_(
            "You are exempted because you meet the conditions for early retirement pension, "
            "so the jobcentre only follows up on your contract when there is a need."
        ),
        when=decided("early_retirement_exemption"),
        reads=("decisions",),
        period=B2024,
        defeats=_RETIRED,
        reason="early_retirement_exemption",
        condition_text="decision: early_retirement_exemption",
    ),
    declare(
        "follow_up_talks.covid.east_no_device",
        "follow_up_talks",
        EXEMPT,
        C_BEK685,
        N_(
            "In East Denmark talks are by phone or digital only. You have no phone, tablet or "
            "computer, so you do not have to take part in the talks."
        ),
        when=_no_device,
        reads=("has_phone_or_computer",),
        period=SPLIT,
        regions=EAST_REGIONS,
        also=(C_LETTER_1,),
        reason="covid_east_no_device",
        defeats=(
            *_COVID_ALL,
            "follow_up_talks.covid.goals_met",
            "follow_up_talks.covid.parental_leave",
            *_B1307_ALL,
            "follow_up_talks.bek1307.parental_leave",
            "follow_up_talks.bek1307.goals_met",
            *_B2024_ALL,
            "follow_up_talks.bek2024.parental_leave",
            "follow_up_talks.bek2024.goals_met",
            "follow_up_talks.bek2024.pension_age",
            "follow_up_talks.bek2024.early_retirement",
        ),
        condition_text="East Denmark and no phone, tablet or computer",
    ),
]

# --- attendance in person and COVID-19 risk groups --------------------------------------
ATTENDANCE: list[Rule] = [
    declare(
        "attendance.covid.suspended",
        "attendance",
        "suspended",
        cite(BEK300),
        N_(
            "From 13 March to 26 May 2020 talks and offers with attendance in person were "
            "generally suspended."
        ),
        period=SUSP,
        also=(C_LETTER_3,),
    ),
    declare(
        "attendance.covid.east",
        "attendance",
        "east_restricted",
        C_BEK685,
        N_(
            "In East Denmark you attend in person only for internships and wage-subsidy jobs at "
            "private employers. Courses in person need your agreement, and the consent cannot "
            "be taken back later. Mentor meetings in person only in special cases."
        ),
        period=SPLIT,
        regions=EAST_REGIONS,
        also=(C_LETTER_1,),
        condition_text="East Denmark (Region Hovedstaden, Region Sjælland)",
    ),
    declare(
        "attendance.covid.west",
        "attendance",
        "west_reopened",
        C_BEK685,
        N_(
            "In West Denmark talks and offers in person are back. The municipality may choose "
            "talks by phone or video instead."
        ),
        period=SPLIT,
        regions=WEST,
        also=(C_LETTER_2,),
        condition_text="West Denmark (Region Syddanmark, Midtjylland, Nordjylland)",
    ),
]

RISK_GROUP: list[Rule] = [
    declare(
        "risk_group.covid.precaution",
        "risk_group",
        True,
        cite(LETTER),
        N_(
            "You are in a risk group for COVID-19. The jobcentre must not send you to a job or "
            "offer in person if there is doubt that the employer will follow the health "
            "authorities' guidelines for risk groups."
        ),
        when=lambda c: c.f.covid_risk_group,
        reads=("covid_risk_group",),
        period=SPLIT,
        condition_text="in a COVID-19 risk group",
    ),
]
