"""One duty of a citizen on a date, as the pages show it: the rule module's verdict plus the
caseworker's decision behind an exemption (reason, period, the other way to document).

The rule module decides; this only looks up the ``Decision`` row that made it decide so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from flask_babel import format_date, gettext

from portal.assessment.services import citizen_document
from portal.models import Citizen, Decision, DecisionKind
from portal.rules.i18n import Translate

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def localize_dates(text: str) -> str:
    """The rule module writes dates into explanations as ISO (``2026-12-05``); pages show
    them in the reader's locale (Babel), e.g. "5. december 2026"."""

    def _one(match: re.Match[str]) -> str:
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        return str(format_date(day, "long"))

    return _ISO_DATE.sub(_one, text)


@dataclass(frozen=True)
class DutyView:
    code: str
    status: str  # applies | exempt | suspended | not_applicable | unknown
    deadline: dt.date | None
    citations: list[str]
    explanation: str
    details: dict[str, Any]
    exemption: Decision | None  # the decision behind an "exempt" status

    @property
    def applies(self) -> bool:
        return self.status == "applies"


def active_decision(citizen: Citizen, kind: DecisionKind, on: dt.date) -> Decision | None:
    """The latest decision of ``kind`` in force on ``on``."""
    active = [
        d for d in citizen.decisions
        if d.kind == kind and d.valid_from <= on and (d.valid_to is None or on <= d.valid_to)
    ]
    return max(active, key=lambda d: (d.valid_from, d.id)) if active else None


def duties(
    citizen: Citizen, codes: tuple[str, ...], on: dt.date, translate: Translate | None = None
) -> dict[str, DutyView]:
    """The duties ``codes`` of ``citizen`` on ``on``, explanations in the request's language
    (or through ``translate``, e.g. ``identity`` outside a request)."""
    document = citizen_document(citizen, on, translate or gettext)
    out: dict[str, DutyView] = {}
    for duty in document["duties"]:
        code = duty["code"]
        if code not in codes:
            continue
        exemption = None
        if duty["status"] == "exempt":
            kind = DecisionKind.JOBLOG_EXEMPTION if code == "joblog" else DecisionKind.CV_EXEMPTION
            exemption = active_decision(citizen, kind, on)
        out[code] = DutyView(
            code=code,
            status=duty["status"],
            deadline=dt.date.fromisoformat(duty["deadline"]) if duty["deadline"] else None,
            citations=list(duty["citations"]),
            explanation=(duty["explanation"] if translate
                         else localize_dates(duty["explanation"])),
            details=dict(duty.get("details") or {}),
            exemption=exemption,
        )
    return out
