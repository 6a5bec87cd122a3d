"""Offers: the first company-oriented offer, the 6-week gap and the 15 hours (DOMAIN.md
§ 2.5). These come from BEK 1307/2020 §§ 22–23 only; for 27 May – 7 September 2020 the
letter of 26 May 2020 restates them (interpretation). BEK 2024 replaces them with the
work duty (integrationsloven § 20 d) and the sources do not give its deadlines, so from
2025 the result is ``unknown`` for everyone except persons displaced from Ukraine."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from portal.rules.book.common import (
    B1307,
    B2024,
    C_LETTER_3,
    JR_READS,
    PRE,
    PREDECESSOR,
    REOPEN,
    activity_ready_on_benefit,
    b1307,
    b2024,
    decided,
    declare,
    iso,
    job_ready_on_benefit,
    on_benefit,
    retirement_exemptions,
    suspension,
)
from portal.rules.dates import add_months, add_weeks
from portal.rules.i18n import N_
from portal.rules.model import (
    APPLIES,
    BEK1307,
    EXEMPT,
    NOT_APPLICABLE,
    UNKNOWN,
    Ctx,
    DateFn,
    DetailsFn,
    Rule,
)
from portal.rules.parameters import PARAMS

COVID = "covid"
NOT_IN_SOURCES = "not_in_sources"


def _first_offer_deadline(instrument: str) -> DateFn:
    months = PARAMS.get_int("first_offer_months", instrument)

    def deadline(c: Ctx) -> date | None:
        t = c.f.municipality_took_over_on
        return None if t is None else add_months(t, months)

    return deadline


def _first_offer_details(instrument: str) -> DetailsFn:
    aim = PARAMS.get_int("first_offer_aim_weeks", BEK1307)

    def details(c: Ctx) -> dict[str, Any]:
        t = c.f.municipality_took_over_on
        started = sorted(o.valid_from for o in c.company_offers() if o.valid_from <= c.on)
        out: dict[str, Any] = {
            "first_offer_on": iso(started[0]) if started else None,
            "met": bool(started),
        }
        if instrument == BEK1307:
            out["aim_by"] = iso(None if t is None else add_weeks(t, aim))
        return out

    return details


def _gap_deadline(instrument: str) -> DateFn:
    """The next company-oriented offer must start at the latest 6 weeks after the last one
    ended (reading of "maksimalt 6 uger mellem hvert virksomhedsrettede tilbud")."""
    weeks = PARAMS.get_int("offer_gap_weeks", instrument)

    def deadline(c: Ctx) -> date | None:
        started = [o for o in c.company_offers() if o.valid_from <= c.on]
        if not started or any(o.valid_to is None for o in started):
            return None
        last_end = max(o.valid_to for o in started if o.valid_to is not None)
        return add_weeks(last_end, weeks)

    return deadline


def _gap_details(c: Ctx) -> dict[str, Any]:
    started = [o for o in c.company_offers() if o.valid_from <= c.on]
    ongoing = [o for o in started if o.active_on(c.on)]
    folk = any(o.kind == "folk_high_school" and o.active_on(c.on) for o in c.f.offers)
    return {
        "in_company_offer": bool(ongoing),
        "no_company_offer_yet": not started,
        "folk_high_school_ongoing": folk,
    }


def _hours_details(instrument: str) -> DetailsFn:
    required = PARAMS.get_int("offer_min_hours_per_week", instrument)
    first_year = (
        PARAMS.get_int("utility_work_not_counted_months", BEK1307) if instrument == BEK1307 else 12
    )

    def details(c: Ctx) -> dict[str, Any]:
        started = c.f.programme_started_on
        utility_counts = None if started is None else c.on >= add_months(started, first_year)
        hours = Decimal(0)
        unknown = False
        for o in c.f.offers:
            if not o.active_on(c.on):
                continue
            if o.kind == "utility_work":
                if utility_counts is None:
                    unknown = True
                    continue
                if not utility_counts:
                    continue
            elif o.kind not in ("company_internship", "wage_subsidy"):
                continue
            if o.hours_per_week is None:
                unknown = True
            else:
                hours += o.hours_per_week
        return {
            "required_hours": required,
            "current_hours": None if unknown else format(hours.normalize(), "f"),
            "utility_work_counts": utility_counts,
        }

    return details


_waived = decided("offers_waived")


MSG_OFFER_BY = N_("The deadline is %(deadline)s.")
MSG_NEXT_OFFER = N_("Your next offer must start by %(deadline)s.")
MSG_WAIVED = N_(
    "The municipality has decided not to give you offers for now, for very special reasons "
    "such as age, disability, torture or severe trauma."
)
MSG_NOT_IN_SOURCES = N_(
    "From 2025 the work duty replaced these rules. The portal's legal sources do not give "
    "the new deadlines, so it cannot tell you. Ask your jobcentre."
)
MSG_PREDECESSOR = N_(
    "Before 13 March 2020 this followed an older order that the portal does not have."
)
MSG_COVID_WAIVED = N_(
    "The municipality has decided not to give you offers. Before 8 September 2020 what that "
    "meant followed an older order that the portal does not have."
)


def _period_rules(
    conclusion: str, bases_1307: tuple[str, ...], covid_bases: tuple[str, ...]
) -> list[Rule]:
    """predecessor / suspension / COVID waiver / BEK 1307 waiver / BEK 2024 unknown + §§ 39-40."""
    return [
        declare(
            f"{conclusion}.predecessor",
            conclusion,
            UNKNOWN,
            b1307("§ 49, stk. 2"),
            MSG_PREDECESSOR,
            when=on_benefit,
            reads=("benefit",),
            period=PRE,
            reason=PREDECESSOR,
        ),
        suspension(conclusion, (), base=True, when=on_benefit, reads=("benefit",)),
        declare(
            f"{conclusion}.covid.offers_waived",
            conclusion,
            UNKNOWN,
            b1307("§ 49, stk. 2"),
            MSG_COVID_WAIVED,
            when=_waived,
            reads=("decisions",),
            period=REOPEN,
            defeats=covid_bases,
            reason=PREDECESSOR,
            condition_text="decision: offers_waived",
        ),
        declare(
            f"{conclusion}.bek1307.offers_waived",
            conclusion,
            EXEMPT,
            b1307("§ 23, stk. 5"),
            MSG_WAIVED,
            when=_waived,
            reads=("decisions",),
            period=B1307,
            defeats=bases_1307,
            reason="offers_waived",
            condition_text="decision: offers_waived",
        ),
        declare(
            f"{conclusion}.bek2024.work_duty",
            conclusion,
            UNKNOWN,
            b2024("§ 17"),
            MSG_NOT_IN_SOURCES,
            when=on_benefit,
            reads=("benefit",),
            period=B2024,
            reason=NOT_IN_SOURCES,
        ),
        *retirement_exemptions(conclusion, (f"{conclusion}.bek2024.work_duty",), 1),
    ]


FIRST_COMPANY_OFFER: list[Rule] = [
    declare(
        "first_company_offer.covid",
        "first_company_offer",
        APPLIES,
        C_LETTER_3,
        N_(
            "The municipality must give you a first offer at a workplace (company internship "
            "or wage-subsidy job) at the latest 1 month after it took over responsibility for "
            "you."
        ),
        deadline_message=MSG_OFFER_BY,
        when=on_benefit,
        reads=("benefit",),
        period=REOPEN,
        deadline=_first_offer_deadline(COVID),
        deadline_reads=("municipality_took_over_on",),
        details=_first_offer_details(COVID),
        interpretation=True,
    ),
    declare(
        "first_company_offer.bek1307",
        "first_company_offer",
        APPLIES,
        b1307("§ 22, stk. 1"),
        N_(
            "The municipality must give you a first offer at a workplace (company internship "
            "or wage-subsidy job) within 2 weeks if possible, and at the latest 1 month after "
            "it took over responsibility for you. You must take part."
        ),
        deadline_message=MSG_OFFER_BY,
        when=on_benefit,
        reads=("benefit",),
        period=B1307,
        deadline=_first_offer_deadline(BEK1307),
        deadline_reads=("municipality_took_over_on",),
        details=_first_offer_details(BEK1307),
    ),
    *_period_rules(
        "first_company_offer", ("first_company_offer.bek1307",), ("first_company_offer.covid",)
    ),
]

OFFER_GAP: list[Rule] = [
    declare(
        "offer_gap.covid",
        "offer_gap",
        APPLIES,
        C_LETTER_3,
        N_("There may be at most 6 weeks between your offers at a workplace."),
        deadline_message=MSG_NEXT_OFFER,
        when=job_ready_on_benefit,
        reads=JR_READS,
        period=REOPEN,
        deadline=_gap_deadline(COVID),
        details=_gap_details,
        interpretation=True,
    ),
    declare(
        "offer_gap.covid.activity_ready",
        "offer_gap",
        UNKNOWN,
        b1307("§ 49, stk. 2"),
        N_(
            "You are activity-ready. Before 8 September 2020 the rules on the time between "
            "your offers followed an older order that the portal does not have."
        ),
        when=activity_ready_on_benefit,
        reads=JR_READS,
        period=REOPEN,
        reason=PREDECESSOR,
    ),
    declare(
        "offer_gap.bek1307",
        "offer_gap",
        APPLIES,
        b1307("§ 23, stk. 2"),
        N_(
            "As a job-ready person there may be at most 6 weeks between your offers at a workplace."
        ),
        deadline_message=MSG_NEXT_OFFER,
        when=job_ready_on_benefit,
        reads=JR_READS,
        period=B1307,
        deadline=_gap_deadline(BEK1307),
        details=_gap_details,
        also=(b1307("§ 23, stk. 4"),),
    ),
    declare(
        "offer_gap.bek1307.activity_ready",
        "offer_gap",
        NOT_APPLICABLE,
        b1307("§ 23, stk. 2"),
        N_(
            "You are activity-ready, so the jobcentre plans your offers from an assessment of "
            "your situation. There is no fixed maximum gap."
        ),
        when=activity_ready_on_benefit,
        reads=JR_READS,
        period=B1307,
        reason="individual_assessment",
    ),
    *_period_rules(
        "offer_gap",
        ("offer_gap.bek1307", "offer_gap.bek1307.activity_ready"),
        ("offer_gap.covid", "offer_gap.covid.activity_ready"),
    ),
]

OFFER_HOURS: list[Rule] = [
    declare(
        "offer_hours.covid",
        "offer_hours",
        APPLIES,
        C_LETTER_3,
        N_(
            "Your offers at a workplace must on average be at least %(required_hours)s hours "
            "a week."
        ),
        when=job_ready_on_benefit,
        reads=JR_READS,
        period=REOPEN,
        details=_hours_details(COVID),
        interpretation=True,
    ),
    declare(
        "offer_hours.covid.activity_ready",
        "offer_hours",
        UNKNOWN,
        b1307("§ 49, stk. 2"),
        N_(
            "You are activity-ready. Before 8 September 2020 the hours of your offers followed "
            "an older order that the portal does not have."
        ),
        when=activity_ready_on_benefit,
        reads=JR_READS,
        period=REOPEN,
        reason=PREDECESSOR,
    ),
    declare(
        "offer_hours.bek1307",
        "offer_hours",
        APPLIES,
        b1307("§ 23, stk. 3"),
        N_(
            "As a job-ready person your offers at a workplace must on average be at least "
            "%(required_hours)s hours a week. In the first year of the programme, utility work "
            "does not count."
        ),
        when=job_ready_on_benefit,
        reads=JR_READS,
        period=B1307,
        details=_hours_details(BEK1307),
    ),
    declare(
        "offer_hours.bek1307.activity_ready",
        "offer_hours",
        NOT_APPLICABLE,
        b1307("§ 23, stk. 3"),
        N_(
            "You are activity-ready, so the jobcentre sets the hours of your offers from an "
            "assessment of your situation."
        ),
        when=activity_ready_on_benefit,
        reads=JR_READS,
        period=B1307,
        reason="individual_assessment",
    ),
    *_period_rules(
        "offer_hours",
        ("offer_hours.bek1307", "offer_hours.bek1307.activity_ready"),
        ("offer_hours.covid", "offer_hours.covid.activity_ready"),
    ),
]
