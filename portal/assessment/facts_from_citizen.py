"""Build the rule module's ``Facts`` from a citizen's record (RULES-CONTRACT.md, Facts).

A column that is ``None`` stays unknown; decisions, held talks and offers come from
their own tables. No validation is repeated here: the database only holds values the
forms already validated against the same enums.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from portal.models import Citizen
from portal.rules.facts import Decision, Facts, Offer, Talk


def _value(enum_or_none: object) -> str | None:
    return None if enum_or_none is None else str(enum_or_none)


def facts_for(citizen: Citizen, on: dt.date | None = None) -> Facts:
    return Facts(
        on=on,
        municipality_code=citizen.municipality.code,
        residence_basis=_value(citizen.residence_basis),
        benefit=_value(citizen.benefit),
        municipality_took_over_on=citizen.municipality_took_over_on,
        readiness=_value(citizen.readiness),
        visitation_on=citizen.visitation_on,
        applied_for_benefit_on=citizen.applied_for_benefit_on,
        registered_as_job_seeker_on=citizen.registered_as_job_seeker_on,
        cpr_registered_on=citizen.cpr_registered_on,
        has_phone_or_computer=citizen.has_phone_or_computer,
        guidance_given_on=citizen.guidance_given_on,
        in_ordinary_work_or_education=citizen.in_ordinary_work_or_education,
        contract_goals_met=citizen.contract_goals_met,
        contract_signed_on=citizen.contract_signed_on,
        programme_started_on=citizen.programme_started_on,
        child_born_on=citizen.child_born_on,
        parental_leave_until=citizen.parental_leave_until,
        covid_risk_group=citizen.covid_risk_group,
        control_action_on=citizen.control_action_on,
        doubt_about_stays_abroad=citizen.doubt_about_stays_abroad,
        first_availability_talk_on=citizen.first_availability_talk_on,
        moved_in_on=citizen.moved_in_on,
        new_municipality_accepted=citizen.new_municipality_accepted,
        decisions=tuple(
            Decision(kind=str(d.kind), valid_from=d.valid_from, valid_to=d.valid_to,
                     reason=d.reason)
            for d in sorted(citizen.decisions, key=lambda d: (d.valid_from, d.id or 0))
        ),
        talks=tuple(
            Talk(on=t.held_on, form=str(t.form))
            for t in sorted(citizen.held_talks, key=lambda t: (t.held_on, t.id or 0))
        ),
        offers=tuple(
            Offer(
                kind=str(o.kind),
                valid_from=o.starts_on,
                valid_to=o.ends_on,
                hours_per_week=None if o.hours_per_week is None else Decimal(o.hours_per_week),
            )
            for o in sorted(citizen.offers, key=lambda o: (o.starts_on, o.id or 0))
        ),
    )
