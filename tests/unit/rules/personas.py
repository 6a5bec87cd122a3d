"""Synthetic personas for the boundary tests and the temporal sweep (dates relative to ``on``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

REGION_MUNICIPALITIES = {
    "hovedstaden": "101",
    "sjaelland": "265",
    "syddanmark": "461",
    "midtjylland": "751",
    "nordjylland": "851",
}
DECISION_SETS: dict[str, list[dict[str, str]]] = {
    "none": [],
    "exemptions": [
        {"kind": "joblog_exemption", "from": "2019-01-01"},
        {"kind": "cv_exemption", "from": "2019-01-01"},
        {"kind": "self_booking_exemption", "from": "2019-01-01"},
        {"kind": "offers_waived", "from": "2019-01-01"},
    ],
    "others": [
        {"kind": "self_booking_revoked", "from": "2019-01-01"},
        {"kind": "contract_postponed", "from": "2019-01-01", "to": "2030-01-01"},
        {"kind": "pension_age_exemption", "from": "2019-01-01"},
        {"kind": "early_retirement_exemption", "from": "2019-01-01"},
    ],
}


def persona(
    on: date,
    readiness: str,
    benefit: str,
    residence: str,
    decisions: str,
    code: str,
    device: bool = True,
) -> dict[str, Any]:
    """A complete record (every fact known) except readiness for the 'presumed' persona."""
    takeover = on - timedelta(days=30 if readiness == "presumed" else 200)
    visited = readiness != "presumed"

    def iso(d: date) -> str:
        return d.isoformat()

    return {
        "municipality_code": code,
        "residence_basis": residence,
        "benefit": benefit,
        "municipality_took_over_on": iso(takeover),
        "readiness": readiness if visited else None,
        "visitation_on": iso(takeover + timedelta(days=60)) if visited else None,
        "applied_for_benefit_on": iso(takeover),
        "registered_as_job_seeker_on": iso(takeover + timedelta(days=2)),
        "cpr_registered_on": iso(takeover - timedelta(days=10)),
        "has_phone_or_computer": device,
        "guidance_given_on": iso(takeover + timedelta(days=5)),
        "in_ordinary_work_or_education": benefit == "none",
        "contract_goals_met": False,
        "contract_signed_on": iso(takeover + timedelta(days=20)),
        "programme_started_on": iso(takeover),
        "covid_risk_group": False,
        "decisions": DECISION_SETS[decisions],
        "talks": [
            {"on": iso(takeover + timedelta(days=70)), "form": "phone"},
            {"on": iso(takeover + timedelta(days=100)), "form": "in_person"},
        ],
        "offers": [
            {
                "kind": "company_internship",
                "from": iso(takeover + timedelta(days=25)),
                "to": iso(takeover + timedelta(days=80)),
                "hours_per_week": 20,
            },
        ],
    }


GRID = list(
    itertools.product(
        ("job_ready", "activity_ready", "presumed"),
        ("self_support_and_return_benefit", "none"),
        ("refugee", "family_reunified_spouse", "displaced_from_ukraine"),
        tuple(DECISION_SETS),
    )
)


def control_action_and_move(on: date, stays_abroad: bool, accepted: bool) -> dict[str, Any]:
    """Integrationsloven § 27 and the move facts (BEK 1307/2020 § 21, BEK 2024 § 16, IL § 32):
    stays abroad with the first talk held and an accepted move, or a fresh control action
    without a talk yet and a move the new municipality has not accepted."""
    if stays_abroad:
        received, first = on - timedelta(days=20), on - timedelta(days=15)
    else:
        received, first = on - timedelta(days=3), None
    moved = on - timedelta(days=60 if accepted else 10)
    return {
        "control_action_on": received.isoformat(),
        "doubt_about_stays_abroad": stays_abroad,
        "first_availability_talk_on": first.isoformat() if first else None,
        "moved_in_on": moved.isoformat(),
        "new_municipality_accepted": accepted,
    }


def grid(on: date) -> Iterator[tuple[str, dict[str, Any]]]:
    for region, code in REGION_MUNICIPALITIES.items():
        for readiness, benefit, residence, decisions in GRID:
            label = f"{region}/{readiness}/{benefit}/{residence}/{decisions}"
            yield label, persona(on, readiness, benefit, residence, decisions, code)
        for residence in ("refugee", "displaced_from_ukraine"):
            for abroad, accepted in ((True, True), (False, False)):
                data = persona(
                    on, "job_ready", "self_support_and_return_benefit", residence, "none", code
                )
                extra = control_action_and_move(on, abroad, accepted)
                # a record that is not there is "none recorded", not a lacking fact
                data.update({k: v for k, v in extra.items() if v is not None})
                yield f"{region}/{residence}/control-action-and-move/{abroad}", data
        yield (
            f"{region}/no-device",
            persona(
                on, "job_ready", "self_support_and_return_benefit", "refugee", "none", code, False
            ),
        )
