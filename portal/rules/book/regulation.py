"""Which order governs a date; readiness (presumption and visitation)."""

from __future__ import annotations

from datetime import date

from portal.rules.book.common import (
    B1307,
    B2024,
    BEFORE_1307,
    C_BEK1307_49_2,
    PREDECESSOR,
    UKRAINE,
    b1307,
    b2024,
    declare,
    il,
)
from portal.rules.dates import add_months
from portal.rules.i18n import N_
from portal.rules.model import (
    APPLIES,
    BEK1307,
    BEK2024,
    UNKNOWN,
    Condition,
    Ctx,
    DateFn,
    Rule,
    Tri,
    and3,
)
from portal.rules.parameters import PARAMS


def _visitation_due(instrument: str) -> DateFn:
    months = PARAMS.get_int("visitation_months", instrument)

    def due(c: Ctx) -> date | None:
        t = c.f.municipality_took_over_on
        return None if t is None else add_months(t, months)

    return due


def _not_yet_visited(c: Ctx) -> Tri:
    return not c.visited if c.visited is not None else None


def _presumption(instrument: str) -> Condition:
    months = PARAMS.get_int("readiness_presumption_months", instrument)

    def within(c: Ctx) -> Tri:
        t = c.f.municipality_took_over_on
        in_window = None if t is None else t <= c.on < add_months(t, months)
        return and3(c.f.readiness is None or c.visited is False, c.benefit, in_window)

    return within


def _visited_as(value: str) -> Condition:
    def visited(c: Ctx) -> Tri:
        if c.f.readiness != value:
            return False
        return c.visited

    return visited


MSG_VISITATION = N_(
    "Your jobcentre must assess whether you are job-ready or activity-ready 3 months after the "
    "municipality took over responsibility for you, in a conversation with you."
)
MSG_VISITATION_BY = N_("The assessment is due by %(deadline)s.")

REGULATION: list[Rule] = [
    declare(
        "reg.predecessor",
        "regulation",
        UNKNOWN,
        C_BEK1307_49_2,
        N_(
            "Before 8 September 2020 an older order applied (BEK nr. 911 af 30. august 2019). "
            "The portal does not have its text, so it cannot say what it required."
        ),
        period=BEFORE_1307,
        reason=PREDECESSOR,
        condition_text="date before 2020-09-08",
    ),
    declare(
        "reg.bek1307",
        "regulation",
        BEK1307,
        b1307("§ 49, stk. 1"),
        N_("On this date the rules of BEK nr. 1307 af 7. september 2020 apply to you."),
        period=B1307,
    ),
    declare(
        "reg.bek2024",
        "regulation",
        BEK2024,
        b2024("§ 41, stk. 1"),
        N_("On this date the rules of the order of 30 December 2024 apply to you."),
        period=B2024,
        everyone=True,
    ),
    declare(
        "reg.bek2024.ukraine",
        "regulation",
        BEK1307,
        b2024("§ 41, stk. 3"),
        N_(
            "You are displaced from Ukraine, so the earlier rules of BEK nr. 1307 af "
            "7. september 2020 still apply to you."
        ),
        period=(B2024[0], None),
        groups=UKRAINE,
        defeats=("reg.bek2024",),
        condition_text="displaced from Ukraine (integrationslovens § 2, stk. 2, nr. 6)",
    ),
]

READINESS: list[Rule] = [
    declare(
        "readiness.visited.job_ready",
        "readiness",
        "job_ready",
        il("§ 17, stk. 2"),
        N_("Your jobcentre has assessed you as job-ready."),
        when=_visited_as("job_ready"),
        reads=("readiness", "visitation_on"),
        condition_text="visited as job-ready on or before the date",
    ),
    declare(
        "readiness.visited.activity_ready",
        "readiness",
        "activity_ready",
        il("§ 17, stk. 2"),
        N_("Your jobcentre has assessed you as activity-ready."),
        when=_visited_as("activity_ready"),
        reads=("readiness", "visitation_on"),
        condition_text="visited as activity-ready on or before the date",
    ),
    declare(
        "readiness.presumed.bek1307",
        "readiness",
        "job_ready",
        b1307("§ 12, stk. 1"),
        N_(
            "In the first 3 months after the municipality took over, you count as job-ready "
            "unless it is obvious that you cannot take part in an offer at a workplace."
        ),
        when=_presumption(BEK1307),
        period=B1307,
        reason="presumed",
        reads=("readiness", "benefit", "municipality_took_over_on"),
        condition_text="not yet visited, receives benefit, within 3 months of takeover",
    ),
    declare(
        "readiness.presumed.bek2024",
        "readiness",
        "job_ready",
        b2024("§ 10, stk. 1"),
        N_(
            "In the first 3 months after the municipality took over, you count as job-ready "
            "unless it is obvious that you cannot take part in an offer at a workplace."
        ),
        when=_presumption(BEK2024),
        period=B2024,
        reason="presumed",
        reads=("readiness", "benefit", "municipality_took_over_on"),
        condition_text="not yet visited, receives benefit, within 3 months of takeover",
    ),
    declare(
        "readiness.presumed.predecessor",
        "readiness",
        UNKNOWN,
        C_BEK1307_49_2,
        N_(
            "Before 8 September 2020 the presumption of job-readiness followed an older order "
            "that the portal does not have."
        ),
        when=lambda c: and3(_not_yet_visited(c), c.benefit),
        period=BEFORE_1307,
        reason=PREDECESSOR,
        reads=("readiness", "benefit"),
        condition_text="not yet visited, receives benefit, date before 2020-09-08",
    ),
]

VISITATION: list[Rule] = [
    declare(
        "visitation.bek1307",
        "visitation",
        APPLIES,
        b1307("§ 12, stk. 2"),
        MSG_VISITATION,
        deadline_message=MSG_VISITATION_BY,
        when=lambda c: c.benefit,
        reads=("benefit",),
        period=B1307,
        deadline=_visitation_due(BEK1307),
        deadline_reads=("municipality_took_over_on",),
    ),
    declare(
        "visitation.bek2024",
        "visitation",
        APPLIES,
        b2024("§ 10, stk. 2"),
        MSG_VISITATION,
        deadline_message=MSG_VISITATION_BY,
        when=lambda c: c.benefit,
        reads=("benefit",),
        period=B2024,
        deadline=_visitation_due(BEK2024),
        deadline_reads=("municipality_took_over_on",),
    ),
    declare(
        "visitation.predecessor",
        "visitation",
        UNKNOWN,
        C_BEK1307_49_2,
        N_(
            "Before 8 September 2020 the deadline for the assessment followed an older order "
            "that the portal does not have."
        ),
        when=lambda c: c.benefit,
        reads=("benefit",),
        period=BEFORE_1307,
        reason=PREDECESSOR,
    ),
]
