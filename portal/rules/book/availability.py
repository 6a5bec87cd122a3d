"""Availability (the duty to use one's work opportunities), "no sanction before
guidance", and the availability talks after a public control action (integrationsloven
§ 27) (DOMAIN.md § 2.6 and § 3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

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
    iso,
    on_benefit,
    retirement_exemptions,
    suspension,
)
from portal.rules.dates import add_days, add_months, add_weeks
from portal.rules.i18n import N_
from portal.rules.model import APPLIES, EXEMPT, UNKNOWN, Ctx, Rule, Tri, and3, not3
from portal.rules.parameters import PARAMS

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


# --- availability talks after a public control action (integrationsloven § 27) ----------
TALK_WEEKS = PARAMS.get_int("availability_talk_weeks")
ABROAD_EVERY_DAYS = PARAMS.get_int("availability_abroad_talk_interval_days")
ABROAD_MONTHS = PARAMS.get_int("availability_abroad_period_months")
OFFER_WEEKS = PARAMS.get_int("availability_offer_weeks")
TALKS_BASE = "availability_talks.il.27"
TALKS_ABROAD = "availability_talks.il.27.stays_abroad"
TALKS_READS = ("benefit", "control_action_on", "first_availability_talk_on")


def _first_talk(c: Ctx) -> date | None:
    """The first § 27 talk, when held by the date. A talk recorded before the information
    was received belongs to an earlier control action and is not counted."""
    held, received = c.f.first_availability_talk_on, c.f.control_action_on
    if held is None or received is None or held < received or held > c.on:
        return None
    return held


def _course_ends(c: Ctx) -> date | None:
    """The last day the § 27 course runs (None: the first talk is not held yet).

    Stays abroad (or not known whether they are the reason): 3 months after the first talk
    (stk. 1, 2. pkt.); otherwise the 2 weeks after the first talk in which the municipality
    gives an offer (stk. 2)."""
    first = _first_talk(c)
    if first is None:
        return None
    if c.f.doubt_about_stays_abroad is False:
        return add_weeks(first, OFFER_WEEKS)
    return add_months(first, ABROAD_MONTHS)


def _control_action_running(c: Ctx) -> Tri:
    received = c.f.control_action_on
    if received is None or received > c.on:
        return False
    ends = _course_ends(c)
    return ends is None or c.on <= ends


def _talks_apply(c: Ctx) -> Tri:
    return and3(_control_action_running(c), c.benefit)


def _stays_abroad(c: Ctx) -> Tri:
    return c.f.doubt_about_stays_abroad


def _first_talk_due(c: Ctx) -> date | None:
    received = c.f.control_action_on
    return None if received is None else add_weeks(received, TALK_WEEKS)


def _talk_deadline(c: Ctx) -> date | None:
    """Until the first talk is held: 1 week after the information was received."""
    return _first_talk_due(c) if _first_talk(c) is None else None


def _abroad_period_ends(c: Ctx) -> date | None:
    first = _first_talk(c)
    return None if first is None else add_months(first, ABROAD_MONTHS)


def _next_abroad_talk(c: Ctx) -> date | None:
    """The first talk's deadline until it is held; then the next day on the 14-day rhythm
    counted from the first talk (on or after the date), while the period runs."""
    first = _first_talk(c)
    if first is None:
        return _first_talk_due(c)
    elapsed = (c.on - first).days
    steps = max(1, -(-elapsed // ABROAD_EVERY_DAYS))
    due = add_days(first, steps * ABROAD_EVERY_DAYS)
    ends = _abroad_period_ends(c)
    return due if ends is not None and due <= ends else None


def _talks_details(c: Ctx) -> dict[str, Any]:
    first = _first_talk(c)
    return {
        "control_action_on": iso(c.f.control_action_on),
        "first_talk_due": iso(_first_talk_due(c)),
        "first_talk_held_on": iso(first),
        "offer_due_by": iso(None if first is None else add_weeks(first, OFFER_WEEKS)),
    }


def _abroad_details(c: Ctx) -> dict[str, Any]:
    return {
        **_talks_details(c),
        "talk_every_days": ABROAD_EVERY_DAYS,
        "next_talk_due": iso(_next_abroad_talk(c)),
        "period_ends": iso(_abroad_period_ends(c)),
    }


AVAILABILITY_TALKS: list[Rule] = [
    declare(
        TALKS_BASE,
        "availability_talks",
        APPLIES,
        il("§ 27, stk. 1"),
        N_(
            "The municipality has received information from a public control action that "
            "raises doubt about whether you are available for work. It must call you at once "
            "to an individual talk, held within 1 week after it received the information. "
            "Within 2 weeks after the talk it must give you an offer, or tell you to take "
            "part in activities you were offered before."
        ),
        deadline_message=N_("The talk must be held by %(deadline)s."),
        when=_talks_apply,
        reads=TALKS_READS,
        deadline=_talk_deadline,
        deadline_reads=("control_action_on",),
        details=_talks_details,
        also=(il("§ 27, stk. 2"),),
        condition_text=(
            "receives benefit; information from a public control action received, until the "
            "first talk + 2 weeks (stays abroad: + 3 months)"
        ),
    ),
    declare(
        TALKS_ABROAD,
        "availability_talks",
        APPLIES,
        il("§ 27, stk. 1"),
        N_(
            "The municipality has received information from a public control action that "
            "raises doubt about whether you are available for work, because you have stayed "
            "abroad. After a first individual talk within 1 week, you have an individual talk "
            "every 14 days until 3 months after the first talk. Within 2 weeks after the "
            "first talk the municipality must give you an offer, or tell you to take part in "
            "activities you were offered before."
        ),
        deadline_message=N_("Your next talk is due by %(deadline)s."),
        when=_stays_abroad,
        reads=("doubt_about_stays_abroad", "first_availability_talk_on"),
        defeats=(TALKS_BASE,),
        deadline=_next_abroad_talk,
        deadline_reads=("control_action_on",),
        details=_abroad_details,
        also=(il("§ 27, stk. 2"),),
        interpretation=True,
        condition_text="the doubt is about stays abroad",
    ),
    # Interpretation: in the suspension period talks in the integration effort were
    # suspended, and with them the duty to be available (letter of 26 May 2020, afsnit 3)
    replace(suspension("availability_talks", (TALKS_BASE, TALKS_ABROAD)), interpretation=True),
    *retirement_exemptions("availability_talks", (TALKS_BASE, TALKS_ABROAD), 2),
]
