"""Availability (the duty to use one's work opportunities) and "no sanction before
guidance" (DOMAIN.md § 2.6 and § 3)."""

from __future__ import annotations

from portal.rules.book.common import (
    B1307,
    B2024,
    C_BEK685,
    C_LETTER_1,
    EAST_REGIONS,
    PRE,
    PREDECESSOR,
    REOPEN,
    REOPEN_FROM,
    SPLIT,
    b1307,
    b2024,
    declare,
    il,
    on_benefit,
    retirement_exemptions,
    suspension,
)
from portal.rules.i18n import N_
from portal.rules.model import APPLIES, EXEMPT, UNKNOWN, Ctx, Rule, Tri, not3

AVAILABILITY: list[Rule] = [
    declare(
        "availability.il",
        "availability",
        APPLIES,
        il("§ 26, stk. 1"),
        N_(
            "You must use your opportunities to work and accept the offers in your programme. "
            "If you refuse without a reasonable cause, your benefit can be reduced."
        ),
        when=on_benefit,
        reads=("benefit",),
        also=(il("§ 27"),),
    ),
    suspension("availability", ("availability.il",)),
    declare(
        "availability.covid.east_no_device",
        "availability",
        EXEMPT,
        C_BEK685,
        N_(
            "You have no phone, tablet or computer. In East Denmark that is a reasonable cause "
            "for not taking part, and you cannot be sanctioned for it."
        ),
        when=lambda c: not3(c.f.has_phone_or_computer),
        reads=("has_phone_or_computer",),
        period=SPLIT,
        regions=EAST_REGIONS,
        defeats=("availability.il",),
        also=(C_LETTER_1,),
        reason="covid_east_no_device",
        condition_text="East Denmark and no phone, tablet or computer",
    ),
    *retirement_exemptions("availability", ("availability.il",), 2),
]


def _guided_by(c: Ctx) -> Tri:
    g = c.f.guidance_given_on
    return None if g is None else g <= c.on


def _guided_since_reopening(c: Ctx) -> Tri:
    g = c.f.guidance_given_on
    return None if g is None else REOPEN_FROM <= g <= c.on


def _guided_before_reopening_only(c: Ctx) -> Tri:
    g = c.f.guidance_given_on
    return None if g is None else g < REOPEN_FROM


MSG_GUIDED = N_(
    "You have had written guidance on your rights and duties, so a sanction is possible if "
    "you do not meet your duties without a reasonable cause."
)
MSG_NOT_GUIDED = N_(
    "You cannot be sanctioned until the municipality has given you written guidance on your "
    "rights and duties. It must do so at the latest at your first job talk."
)

SANCTIONS: list[Rule] = [
    declare(
        "sanctions.predecessor",
        "sanctions",
        UNKNOWN,
        b1307("§ 49, stk. 2"),
        N_(
            "Before 13 March 2020 the guidance before sanctions followed an older order that the "
            "portal does not have."
        ),
        period=PRE,
        reason=PREDECESSOR,
    ),
    declare(
        "sanctions.covid.guided",
        "sanctions",
        True,
        C_BEK685,
        MSG_GUIDED,
        when=_guided_since_reopening,
        reads=("guidance_given_on",),
        period=REOPEN,
        also=(C_LETTER_1,),
    ),
    declare(
        "sanctions.covid.not_guided",
        "sanctions",
        False,
        C_BEK685,
        N_(
            "No sanction is possible before the municipality has given you guidance, by phone "
            "or digitally and then in writing, at the first talk after 27 May 2020."
        ),
        when=lambda c: not3(_guided_since_reopening(c)),
        reads=("guidance_given_on",),
        period=REOPEN,
        also=(C_LETTER_1,),
    ),
    declare(
        "sanctions.bek1307.guided",
        "sanctions",
        True,
        b1307("§ 18, stk. 2"),
        MSG_GUIDED,
        when=_guided_by,
        reads=("guidance_given_on",),
        period=B1307,
    ),
    declare(
        "sanctions.bek1307.not_guided",
        "sanctions",
        False,
        b1307("§ 18, stk. 2"),
        MSG_NOT_GUIDED,
        when=lambda c: not3(_guided_by(c)),
        reads=("guidance_given_on",),
        period=B1307,
    ),
    declare(
        "sanctions.bek2024.guided",
        "sanctions",
        True,
        b2024("§ 13, stk. 2"),
        MSG_GUIDED,
        when=_guided_by,
        reads=("guidance_given_on",),
        period=B2024,
    ),
    declare(
        "sanctions.bek2024.not_guided",
        "sanctions",
        False,
        b2024("§ 13, stk. 2"),
        MSG_NOT_GUIDED,
        when=lambda c: not3(_guided_by(c)),
        reads=("guidance_given_on",),
        period=B2024,
    ),
    declare(
        "sanctions.covid.reinstatement",
        "sanctions",
        False,
        C_BEK685,
        N_(
            "Your last recorded guidance is from before 27 May 2020. After the COVID-19 "
            "suspension no sanction is possible until you have had guidance again."
        ),
        when=_guided_before_reopening_only,
        reads=("guidance_given_on",),
        period=(B1307[0], None),
        also=(C_LETTER_1,),
        interpretation=True,
        defeats=("sanctions.bek1307.guided", "sanctions.bek2024.guided"),
        condition_text="guidance recorded only before 2020-05-27",
    ),
]
