"""Compliance flags for the caseload, computed from the rule module's assessment.

Each flag names the conclusion it comes from, so the caseload can link to the
explanation and citation; nothing here decides the law, it only compares the rule
module's deadlines and counts with the date and with what the jobcentre recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from portal.rules.engine import Assessment

#: How soon a Danish-test deadline counts as "near" (days).
DANISH_TEST_NEAR_DAYS = 30
#: How soon visitation counts as "due" (days before the rule module's visitation date).
VISITATION_DUE_DAYS = 14


@dataclass(frozen=True)
class FlagKind:
    code: str
    conclusion: str
    label: object  # lazy string


KINDS: tuple[FlagKind, ...] = (
    FlagKind("contract_overdue", "contract", _l("Contract overdue")),
    FlagKind("visitation_due", "visitation", _l("Visitation due")),
    FlagKind("cv_not_visible", "cv", _l("CV not visible by its deadline")),
    FlagKind("joblog_silent", "joblog", _l("Joblog silent for 30 days")),
    FlagKind("follow_ups_behind", "follow_up_talks", _l("Follow-up talks behind")),
    FlagKind("first_offer_overdue", "first_company_offer", _l("First company offer overdue")),
    FlagKind("danish_test_near", "danish_tests", _l("Danish test deadline near")),
)
BY_CODE = {k.code: k for k in KINDS}


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    due: dt.date | None
    citations: tuple[str, ...]

    @property
    def code(self) -> str:
        return self.kind.code


@dataclass(frozen=True)
class Records:
    """What the jobcentre recorded that the flags compare with (None = no such data)."""

    cv_visible: bool | None = None
    last_joblog_entry: dt.date | None = None


def flags_for(assessment: Assessment, today: dt.date, records: Records = Records()) -> list[Flag]:
    """The flags raised for one citizen on ``today``."""
    flags: list[Flag] = []
    facts = assessment.facts

    def applies(name: str) -> bool:
        result = assessment[name]
        return result.known and result.value == "applies"

    def add(code: str, due: dt.date | None) -> None:
        kind = BY_CODE[code]
        flags.append(Flag(kind, due, assessment[kind.conclusion].citations))

    contract = assessment["contract"]
    if (applies("contract") and facts.contract_signed_on is None and contract.deadline
            and contract.deadline < today):
        add("contract_overdue", contract.deadline)

    visitation = assessment["visitation"]
    if (facts.visitation_on is None and visitation.known and visitation.deadline is not None
            and visitation.deadline <= today + dt.timedelta(days=VISITATION_DUE_DAYS)):
        add("visitation_due", visitation.deadline)

    cv = assessment["cv"]
    if applies("cv") and cv.deadline and cv.deadline < today and records.cv_visible is False:
        add("cv_not_visible", cv.deadline)

    last = records.last_joblog_entry
    if applies("joblog") and last is not None and (today - last).days >= 30:
        add("joblog_silent", last + dt.timedelta(days=30))

    follow = assessment["follow_up_talks"]
    if applies("follow_up_talks") and follow.deadline is not None and follow.deadline < today:
        add("follow_ups_behind", follow.deadline)

    offer = assessment["first_company_offer"]
    if (applies("first_company_offer") and offer.deadline and offer.deadline < today
            and not assessment.details("first_company_offer").get("met")):
        add("first_offer_overdue", offer.deadline)

    danish = assessment["danish_tests"]
    near = today + dt.timedelta(days=DANISH_TEST_NEAR_DAYS)
    if applies("danish_tests") and danish.deadline is not None and today <= danish.deadline <= near:
        add("danish_test_near", danish.deadline)
    return flags
