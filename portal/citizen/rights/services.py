"""The duty cards of "what applies to me", built from the rule module's document.

Nothing here decides the law: status, deadline, explanation and citations come from
``portal.assessment.citizen_document`` (RULES-CONTRACT.md). This module only orders the
duties, gives them a title, a link to the law (``portal.guidance.sources``), a link to the
page where the citizen acts, and the guidance topic that explains them. Whether the
region matters on the date is read from the rules the document applied: a regional rule
(BEK nr. 685 af 26. maj 2020, East/West from 2020-05-27) among them means it does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from flask_babel import lazy_gettext as _l

from portal.guidance.sources import law_url
from portal.rules.registry import RULEBOOK

# Order of the cards inside one status group: the order a newcomer meets them.
DUTY_TITLES: Final[Mapping[str, Any]] = {
    "contract": _l("Your contract"),
    "declaration": _l("Residence and self-support declaration"),
    "job_seeker_registration": _l("Register as a job seeker"),
    "joblog": _l("Your joblog"),
    "cv": _l("Your CV on Jobnet"),
    "cv_job_goal": _l("A job goal in your CV"),
    "self_booking": _l("Book your job talks yourself"),
    "follow_up_talks": _l("Follow-up talks with the jobcentre"),
    "first_company_offer": _l("Your first offer at a workplace"),
    "offer_gap": _l("Time between offers"),
    "offer_hours": _l("Hours in your offers"),
    "availability": _l("Be available for work"),
    "danish_tests": _l("Danish tests"),
}

STATUS_LABELS: Final[Mapping[str, Any]] = {
    "applies": _l("Applies to you"),
    "unknown": _l("Not known yet"),
    "suspended": _l("Suspended"),
    "exempt": _l("You are exempt"),
    "not_applicable": _l("Does not apply to you"),
}
STATUS_ORDER: Final = ("applies", "unknown", "suspended", "exempt", "not_applicable")

# duty -> guidance topic that explains it (content/guidance/<locale>/<topic>.md)
GUIDANCE_TOPIC: Final[Mapping[str, str]] = {
    "contract": "contract",
    "declaration": "contract",
    "job_seeker_registration": "joblog",
    "joblog": "joblog",
    "cv": "cv",
    "cv_job_goal": "cv",
    "self_booking": "job-talks",
    "follow_up_talks": "job-talks",
    "first_company_offer": "offers",
    "offer_gap": "offers",
    "offer_hours": "offers",
    "availability": "availability",
    "danish_tests": "danish",
}


@dataclass(frozen=True, slots=True)
class Action:
    """A page where the citizen does what the duty asks (built by other features)."""

    label: Any
    endpoints: tuple[str, ...]  # the first one the app has is linked


ACTIONS: Final[Mapping[str, Action]] = {
    "contract": Action(_l("See your contract"), ("citizen_contract.show",)),
    "joblog": Action(_l("Log your job search"), ("joblog.index",)),
    "cv": Action(_l("Update your CV"), ("cv.index",)),
    "cv_job_goal": Action(_l("Update your CV"), ("cv.index",)),
    "self_booking": Action(_l("Book a job talk"), ("citizen_talks.index",)),
    "follow_up_talks": Action(_l("Book a job talk"), ("citizen_talks.index",)),
}


@dataclass(frozen=True, slots=True)
class LawLink:
    citation: str  # official Danish form, never translated
    url: str | None


@dataclass(frozen=True, slots=True)
class Milestone:
    """A dated step inside one duty (the Danish tests' A1 and A2 deadlines)."""

    label: Any
    day: dt.date
    days_left: int


# details keys of a duty that are dated milestones (portal.rules.book.danish)
MILESTONES: Final[Mapping[str, Any]] = {
    "a1_deadline": _l("Danish test A1"),
    "a2_deadline": _l("Danish test A2"),
}


@dataclass(frozen=True, slots=True)
class DutyCard:
    code: str
    title: Any
    status: str
    status_label: Any
    deadline: dt.date | None
    days_left: int | None  # negative: the deadline has passed
    explanation: str
    citations: tuple[LawLink, ...]
    missing_facts: tuple[str, ...]
    action: Action | None
    guidance_topic: str | None
    regional: bool
    interpretation: bool
    done_on: dt.date | None = None  # the rule module says it is met (e.g. contract signed)
    milestones: tuple[Milestone, ...] = ()


@dataclass(frozen=True, slots=True)
class RegionNote:
    """Which region's rules apply on the date, and what that means (BEK 685/2020)."""

    municipality: str
    region: str
    zone: str  # east | west
    explanation: str  # the rule module's attendance explanation
    citations: tuple[LawLink, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    on: dt.date
    cards: tuple[DutyCard, ...]  # applies, unknown, suspended, exempt
    not_applicable: tuple[DutyCard, ...]
    region: RegionNote | None
    regulation_note: str | None  # when the portal cannot tell which order applies
    readiness: str


@cache
def regional_rule_ids() -> frozenset[str]:
    """Rules that hold only in some regions (the COVID-19 East/West split of 2020)."""
    return frozenset(r.id for r in RULEBOOK.rules if r.regions)


def _links(citations: list[str]) -> tuple[LawLink, ...]:
    return tuple(LawLink(c, law_url(c)) for c in citations)


def _card(duty: Mapping[str, Any], on: dt.date) -> DutyCard:
    code = duty["code"]
    deadline = dt.date.fromisoformat(duty["deadline"]) if duty.get("deadline") else None
    status = duty["status"]
    details = duty.get("details") or {}
    done_on = (
        dt.date.fromisoformat(details["signed_on"])
        if details.get("met") is True and details.get("signed_on")
        else None
    )
    milestones = tuple(
        Milestone(label, day, (day - on).days)
        for key, label in MILESTONES.items()
        if details.get(key) and (day := dt.date.fromisoformat(details[key]))
    )
    return DutyCard(
        code=code,
        title=DUTY_TITLES.get(code, code),
        status=status,
        status_label=STATUS_LABELS[status],
        deadline=deadline,
        days_left=None if deadline is None else (deadline - on).days,
        explanation=duty["explanation"],
        citations=_links(duty["citations"]),
        missing_facts=tuple(duty.get("missing_facts") or ()),
        action=ACTIONS.get(code) if status in ("applies", "unknown") else None,
        guidance_topic=GUIDANCE_TOPIC.get(code),
        regional=bool(regional_rule_ids() & set(duty.get("rules") or ())),
        interpretation=bool(duty.get("interpretation")),
        done_on=done_on,
        milestones=milestones,
    )


def _region_note(document: Mapping[str, Any]) -> RegionNote | None:
    attendance = document.get("attendance") or {}
    used = {*attendance.get("rules", ()), *document.get("talks", {}).get("rules", ())}
    for duty in document["duties"]:
        used.update(duty.get("rules") or ())
    region = document.get("region") or {}
    if not (regional_rule_ids() & used) or not region.get("zone"):
        return None
    return RegionNote(
        municipality=region.get("municipality") or "",
        region=region.get("name") or "",
        zone=region["zone"],
        explanation=attendance.get("explanation", ""),
        citations=_links(list(attendance.get("citations", ()))),
    )


def overview(document: Mapping[str, Any]) -> Overview:
    """Cards for every duty in ``document`` (the rule module's contract JSON)."""
    on = dt.date.fromisoformat(document["on"])
    cards = sorted(
        (_card(d, on) for d in document["duties"]),
        key=lambda c: STATUS_ORDER.index(c.status),
    )
    regulation = document.get("regulation") or {}
    return Overview(
        on=on,
        cards=tuple(c for c in cards if c.status != "not_applicable"),
        not_applicable=tuple(c for c in cards if c.status == "not_applicable"),
        region=_region_note(document),
        # only the 2020 case, where the predecessor order decides (RULES-CONTRACT.md)
        regulation_note=(
            regulation.get("explanation")
            if regulation.get("reason_code") == "predecessor_order"
            else None
        ),
        readiness=(document.get("readiness") or {}).get("explanation", ""),
    )


def what_applies(citizen: Any, on: dt.date, translate: Any) -> Overview:
    """The cards for ``citizen`` on ``on``; ``translate`` localises the explanations."""
    from portal.assessment.services import citizen_document

    return overview(citizen_document(citizen, on, translate))
