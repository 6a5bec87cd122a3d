"""Periods and the declaration helper shared by the rulebook modules.

Periods (all inclusive), from the parameters file:

- ``PRE``      … 2020-03-12   normal period before COVID-19; the predecessor order
                               (BEK nr. 911 af 30. august 2019) is not in the sources
- ``SUSP``     2020-03-13 … 2020-05-26   COVID-19 suspension period
- ``REOPEN``   2020-05-27 … 2020-09-07   BEK 685/2020 (East/West); order-level rules from
                               the ministry's letter of 26 May 2020 (interpretation)
- ``B1307``    2020-09-08 … 2024-12-31   BEK 1307/2020 (continued from 2025-01-01 for
                               persons displaced from Ukraine: generated ``.ua`` twins)
- ``B2024``    2025-01-01 …              BEK 2024, everyone except displaced from Ukraine
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Final

from portal.rules.facts import RESIDENCE_BASES
from portal.rules.i18n import N_
from portal.rules.model import (
    BEK300,
    BEK685,
    BEK1307,
    BEK2024,
    EXEMPT,
    IL,
    LETTER,
    SUSPENDED,
    Citation,
    Condition,
    DateFn,
    DetailsFn,
    Rule,
    always,
    cite,
)
from portal.rules.parameters import PARAMS
from portal.rules.regions import EAST

Period = tuple[date | None, date | None]
_DAY = timedelta(days=1)

SUSP_FROM: Final = PARAMS.get_date("covid_suspension_from")
SUSP_TO: Final = PARAMS.get_date("covid_suspension_to")
REOPEN_FROM: Final = PARAMS.get_date("covid_reopening_from")
B1307_FROM: Final = PARAMS.get_date("bek_1307_2020_in_force_from")
B2024_FROM: Final = PARAMS.get_date("bek_2024_in_force_from")
SPLIT_TO: Final = PARAMS.get_optional_date("east_west_split_to")
SELF_BOOKING_BACK: Final = PARAMS.get_date("self_booking_reinstated_on")

PRE: Final[Period] = (None, SUSP_FROM - _DAY)
SUSP: Final[Period] = (SUSP_FROM, SUSP_TO)
REOPEN: Final[Period] = (REOPEN_FROM, B1307_FROM - _DAY)
BEFORE_1307: Final[Period] = (None, B1307_FROM - _DAY)
B1307: Final[Period] = (B1307_FROM, B2024_FROM - _DAY)
B2024: Final[Period] = (B2024_FROM, None)
SPLIT: Final[Period] = (REOPEN_FROM, SPLIT_TO)
FROM_REOPEN: Final[Period] = (REOPEN_FROM, None)
ALWAYS: Final[Period] = (None, None)

UKRAINE: Final = frozenset({"displaced_from_ukraine"})
NOT_UKRAINE: Final = frozenset(RESIDENCE_BASES) - UKRAINE
EAST_REGIONS: Final = EAST

# frequently cited sources
C_LETTER_1: Final = cite(LETTER, "afsnit 1")
C_LETTER_2: Final = cite(LETTER, "afsnit 2")
C_LETTER_3: Final = cite(LETTER, "afsnit 3")
C_BEK685: Final = cite(BEK685)
C_BEK1307_49_2: Final = cite(BEK1307, "§ 49, stk. 2")

PREDECESSOR: Final = "predecessor_order"


def declare(
    id: str,
    conclusion: str,
    outcome: Any,
    source: Citation,
    message: str,
    *,
    when: Condition = always,
    reads: tuple[str, ...] = (),
    period: Period = ALWAYS,
    regions: frozenset[str] | None = None,
    groups: frozenset[str] | None = None,
    defeats: tuple[str, ...] = (),
    deadline: DateFn | None = None,
    deadline_reads: tuple[str, ...] = (),
    deadline_message: str = "",
    details: DetailsFn | None = None,
    also: tuple[Citation, ...] = (),
    reason: str = "",
    interpretation: bool = False,
    condition_text: str = "",
    everyone: bool = False,
) -> Rule:
    """One rule. ``period=B2024`` limits the rule to everyone except displaced from Ukraine
    (BEK 2024 § 41, stk. 3) unless ``everyone``; ``period=B1307`` rules get a ``.ua`` twin
    from 2025-01-01 (see ``book/__init__.py``)."""
    if period == B2024 and groups is None and not everyone:
        groups = NOT_UKRAINE
    ended = "replaced" if period in (B1307, BEFORE_1307) else "ended"
    return Rule(
        id=id,
        conclusion=conclusion,
        outcome=outcome,
        source=source,
        message=message,
        condition=when,
        reads=reads,
        valid_from=period[0],
        valid_to=period[1],
        regions=regions,
        groups=groups,
        defeats=defeats,
        deadline=deadline,
        deadline_reads=deadline_reads,
        deadline_message=deadline_message,
        details=details,
        also_cites=also,
        reason_code=reason,
        interpretation=interpretation,
        ended=ended,
        condition_text=condition_text,
    )


def il(paragraph: str) -> Citation:
    return cite(IL, paragraph)


def b1307(paragraph: str) -> Citation:
    return cite(BEK1307, paragraph)


def b2024(paragraph: str) -> Citation:
    return cite(BEK2024, paragraph)


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


# --- recurring conditions -----------------------------------------------------------------
def job_ready_on_benefit(c: Any) -> Any:
    """Receives (or has applied for) benefit and is job-ready (visited or presumed)."""
    b, j = c.benefit, c.job_ready
    if b is False or j is False:
        return False
    if b is None or j is None:
        return None
    return True


def activity_ready_on_benefit(c: Any) -> Any:
    b, a = c.benefit, c.activity_ready
    if b is False or a is False:
        return False
    if b is None or a is None:
        return None
    return True


def on_benefit(c: Any) -> Any:
    return c.benefit


def decided(kind: str) -> Condition:
    """A caseworker decision of ``kind`` is in effect on the date (decisions are records:
    none recorded means none)."""

    def condition(c: Any) -> Any:
        return kind in c.kinds

    condition.__name__ = f"decided_{kind}"
    return condition


JR_READS: Final = ("benefit", "readiness")


def suspension(
    conclusion: str,
    defeats: tuple[str, ...],
    *,
    base: bool = False,
    when: Condition = always,
    reads: tuple[str, ...] = (),
) -> Rule:
    """The COVID-19 suspension period: duties to take part were suspended (seed 000)."""
    return declare(
        f"{conclusion}.covid.suspended",
        conclusion,
        SUSPENDED,
        cite(BEK300),
        N_("Because of COVID-19 this duty was suspended from 13 March to 26 May 2020."),
        when=when,
        reads=reads,
        period=SUSP,
        defeats=() if base else defeats,
        also=(C_LETTER_3,),
        reason="covid_suspension",
        condition_text="COVID-19 suspension period 2020-03-13..2020-05-26",
    )


def retirement_exemptions(conclusion: str, defeats: tuple[str, ...], stk: int) -> list[Rule]:
    """BEK 2024 §§ 39 and 40: the municipality may exempt a person who has reached the
    state pension age, or meets the early-retirement conditions, and receives benefit
    only for lack of residence time. Interpretation: a recorded decision is a full
    exemption under both stk. 1 (offers) and stk. 2 (IL §§ 26, 26 a, 26 b, 27, 27 b)."""
    return [
        declare(
            f"{conclusion}.bek2024.pension_age",
            conclusion,
            EXEMPT,
            b2024(f"§ 39, stk. {stk}"),
            N_(
                "The municipality has exempted you from this duty. You have reached the state "
                "pension age and only receive this benefit because you do not meet the "
                "residence conditions for the state pension."
            ),
            when=decided("pension_age_exemption"),
            reads=("decisions",),
            period=B2024,
            defeats=defeats,
            reason="pension_age_exemption",
            condition_text="decision: pension_age_exemption",
        ),
        declare(
            f"{conclusion}.bek2024.early_retirement",
            conclusion,
            EXEMPT,
            b2024(f"§ 40, stk. {stk}"),
            N_(
                "The municipality has exempted you from this duty. You only receive this "
                "benefit because you do not meet the residence conditions for early "
                "retirement pension."
            ),
            when=decided("early_retirement_exemption"),
            reads=("decisions",),
            period=B2024,
            defeats=defeats,
            reason="early_retirement_exemption",
            condition_text="decision: early_retirement_exemption",
        ),
    ]
