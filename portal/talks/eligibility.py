"""What the rule module says about a citizen's job talks: self-booking and allowed forms.

The pages never decide this themselves: ``self_booking`` and ``talks.allowed_forms`` come
from :func:`portal.assessment.services.citizen_document` (IL § 20, stk. 4; BEK 1307/2020
§ 13, stk. 2–4 and § 19, stk. 5; BEK 2024 § 14, stk. 4; BEK 685/2020 for East Denmark).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from portal.assessment.services import assess_citizen, citizen_document
from portal.models import Citizen
from portal.rules.i18n import Translate, identity

#: forms a citizen can book in a slot (chat and letter are not booked talks)
BOOKABLE_FORMS = ("in_person", "phone", "video")


@dataclass(frozen=True)
class SelfBooking:
    """The ``self_booking`` duty: may this citizen book themselves, and if not, why."""

    status: str  # applies | exempt | suspended | not_applicable | unknown
    explanation: str
    citations: tuple[str, ...]

    @property
    def may_book(self) -> bool:
        return self.status == "applies"


@dataclass
class TalkRules:
    """Cached answers for one citizen: allowed forms per date, the follow-up count."""

    citizen: Citizen
    translate: Translate = identity
    _forms: dict[dt.date, frozenset[str]] = field(default_factory=dict)
    _documents: dict[dt.date, dict[str, Any]] = field(default_factory=dict)

    def document(self, on: dt.date) -> dict[str, Any]:
        if on not in self._documents:
            self._documents[on] = citizen_document(self.citizen, on, self.translate)
        return self._documents[on]

    def allowed_forms(self, on: dt.date) -> frozenset[str]:
        """The talk forms allowed on ``on`` — the rule module's ``talk_forms`` conclusion,
        read from the assessment itself (no explanations to render for each day)."""
        if on not in self._forms:
            forms = assess_citizen(self.citizen, on)["talk_forms"]
            self._forms[on] = frozenset(forms.value) if forms.known and forms.value else frozenset()
        return self._forms[on]

    def self_booking(self, on: dt.date) -> SelfBooking:
        duty = _duty(self.document(on), "self_booking")
        return SelfBooking(
            status=str(duty.get("status", "unknown")),
            explanation=str(duty.get("explanation", "")),
            citations=tuple(duty.get("citations", ())),
        )


def _duty(document: dict[str, Any], code: str) -> dict[str, Any]:
    for duty in document.get("duties", ()):
        if duty.get("code") == code:
            return dict(duty)
    return {}


@dataclass(frozen=True)
class Progress:
    """Follow-up talks (BEK 1307/2020 § 19): "2 of 4 talks held; the window closes …"."""

    held: int | None
    required: int | None
    window_ends: dt.date | None
    next_due: dt.date | None
    explanation: str
    citations: tuple[str, ...]


def progress(citizen: Citizen, on: dt.date, translate: Translate = identity) -> Progress:
    document = citizen_document(citizen, on, translate)
    talks = document.get("talks", {})
    duty = _duty(document, "follow_up_talks")

    def day(value: Any) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    return Progress(
        held=talks.get("held_counting"),
        required=talks.get("required"),
        window_ends=day(talks.get("window_ends")),
        next_due=day(talks.get("next_due")),
        explanation=str(duty.get("explanation", "")),
        citations=tuple(duty.get("citations", ())),
    )
