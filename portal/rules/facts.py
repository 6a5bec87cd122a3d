"""Facts about one person, parsed from the contract's JSON (RULES-CONTRACT.md).

``None`` means *unknown*, never "false". Two readings the rulebook relies on (see
``README.md`` in this package):

- ``decisions``, ``talks`` and ``offers`` are records the jobcentre keeps; a missing
  list is read as "none recorded" (an empty tuple).
- ``child_born_on`` / ``parental_leave_until`` record a use of the right to parental
  leave; when ``parental_leave_until`` is null no leave is recorded, and the
  parental-leave timing rule (BEK 1307/2020 § 19, stk. 3) is not used.
- ``control_action_on``, ``first_availability_talk_on`` and ``moved_in_on`` (``RECORDS``)
  record events the municipality knows of: null means none recorded (no control action,
  no availability talk held yet, no move), not unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Final, TypeVar

from portal.rules.dates import parse_iso_date
from portal.rules.errors import FactsError
from portal.rules.regions import MUNICIPALITIES

RESIDENCE_BASES: Final = (
    "refugee",
    "family_reunified_spouse",
    "family_reunified_other",
    "displaced_from_ukraine",
    "other",
)
BENEFITS: Final = ("self_support_and_return_benefit", "transition_benefit", "none")
READINESS: Final = ("job_ready", "activity_ready")
DECISION_KINDS: Final = (
    "joblog_exemption",
    "cv_exemption",
    "self_booking_exemption",
    "self_booking_revoked",
    "offers_waived",
    "contract_postponed",
    "pension_age_exemption",
    "early_retirement_exemption",
)
TALK_FORMS: Final = ("in_person", "phone", "video", "chat", "letter")
OFFER_KINDS: Final = (
    "company_internship",
    "wage_subsidy",
    "utility_work",
    "guidance_upskilling",
    "preparatory_course",
    "folk_high_school",
    "mentor",
)
#: company-oriented offers (virksomhedsrettede tilbud, IL §§ 23 b and 23 c)
COMPANY_OFFERS: Final = frozenset({"company_internship", "wage_subsidy"})


@dataclass(frozen=True, slots=True)
class Decision:
    kind: str
    valid_from: date
    valid_to: date | None = None  # inclusive; None = open
    reason: str | None = None

    def active_on(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True, slots=True)
class Talk:
    on: date
    form: str


@dataclass(frozen=True, slots=True)
class Offer:
    kind: str
    valid_from: date
    valid_to: date | None = None  # inclusive; None = open / ongoing
    hours_per_week: Decimal | None = None

    def active_on(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True, slots=True)
class Facts:
    on: date | None = None
    municipality_code: str | None = None
    residence_basis: str | None = None
    benefit: str | None = None
    municipality_took_over_on: date | None = None
    readiness: str | None = None  # None: not yet visited
    visitation_on: date | None = None
    applied_for_benefit_on: date | None = None
    registered_as_job_seeker_on: date | None = None
    cpr_registered_on: date | None = None
    has_phone_or_computer: bool | None = None
    guidance_given_on: date | None = None
    in_ordinary_work_or_education: bool | None = None
    contract_goals_met: bool | None = None
    contract_signed_on: date | None = None
    programme_started_on: date | None = None
    child_born_on: date | None = None
    parental_leave_until: date | None = None
    covid_risk_group: bool | None = None
    decisions: tuple[Decision, ...] = ()
    talks: tuple[Talk, ...] = ()
    offers: tuple[Offer, ...] = ()
    # integrationsloven § 27: the day the municipality received information from a public
    # control action that raises doubt about availability, whether the doubt is about stays
    # abroad, and the day the first individual talk after it was held
    control_action_on: date | None = None
    doubt_about_stays_abroad: bool | None = None
    first_availability_talk_on: date | None = None
    # moving municipality (BEK 1307/2020 § 21, BEK 2024 § 16, integrationsloven § 32): the
    # day the person moved to the current municipality from another one, and whether this
    # municipality has accepted to take over responsibility for the programme
    moved_in_on: date | None = None
    new_municipality_accepted: bool | None = None


DATE_FIELDS: Final = (
    "on",
    "municipality_took_over_on",
    "visitation_on",
    "applied_for_benefit_on",
    "registered_as_job_seeker_on",
    "cpr_registered_on",
    "guidance_given_on",
    "contract_signed_on",
    "programme_started_on",
    "child_born_on",
    "parental_leave_until",
    "control_action_on",
    "first_availability_talk_on",
    "moved_in_on",
)
BOOL_FIELDS: Final = (
    "has_phone_or_computer",
    "in_ordinary_work_or_education",
    "contract_goals_met",
    "covid_risk_group",
    "doubt_about_stays_abroad",
    "new_municipality_accepted",
)
#: facts that record an event: null means "none recorded", never unknown
RECORDS: Final = frozenset({"control_action_on", "first_availability_talk_on", "moved_in_on"})
ENUM_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    "residence_basis": RESIDENCE_BASES,
    "benefit": BENEFITS,
    "readiness": READINESS,
}
FACT_NAMES: Final = (
    "on",
    "municipality_code",
    *ENUM_FIELDS,
    *DATE_FIELDS[1:],
    *BOOL_FIELDS,
    "decisions",
    "talks",
    "offers",
)


def _date(value: Any, field: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise FactsError(field, "must be a date written as YYYY-MM-DD")
    try:
        return parse_iso_date(value)
    except ValueError:
        raise FactsError(field, f"{value!r} is not a valid date (YYYY-MM-DD)") from None


def _opt_date(value: Any, field: str) -> date | None:
    return None if value is None else _date(value, field)


def _enum(value: Any, field: str, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise FactsError(field, f"must be one of: {', '.join(allowed)}")
    if value not in allowed:
        raise FactsError(field, f"unknown value {value!r}; expected one of: {', '.join(allowed)}")
    return value


def _bool(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise FactsError(field, "must be true, false or null")
    return value


def _hours(value: Any, field: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise FactsError(field, "must be a number of hours")
    try:
        hours = Decimal(str(value))
    except InvalidOperation:
        raise FactsError(field, f"{value!r} is not a number") from None
    if not hours.is_finite() or hours < 0 or hours > 168:
        raise FactsError(field, "must be between 0 and 168 hours a week")
    return hours


def _municipality(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise FactsError(
            field, 'must be a 3-digit municipality code written as a string, e.g. "101"'
        )
    if value not in MUNICIPALITIES:
        raise FactsError(field, f"unknown municipality code {value!r}")
    return value


def _object(value: Any, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise FactsError(field, "must be an object")
    return value


def _period(item: Mapping[str, Any], field: str) -> tuple[date, date | None]:
    if item.get("from") is None:
        raise FactsError(f"{field}.from", "is required")
    start = _date(item["from"], f"{field}.from")
    end = _opt_date(item.get("to"), f"{field}.to")
    if end is not None and end < start:
        raise FactsError(f"{field}.to", f"{end.isoformat()} is before from ({start.isoformat()})")
    return start, end


def _decision(value: Any, field: str) -> Decision:
    item = _object(value, field)
    kind = _enum(item.get("kind"), f"{field}.kind", DECISION_KINDS)
    start, end = _period(item, field)
    reason = item.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise FactsError(f"{field}.reason", "must be text")
    return Decision(kind, start, end, reason)


def _talk(value: Any, field: str) -> Talk:
    item = _object(value, field)
    if item.get("on") is None:
        raise FactsError(f"{field}.on", "is required")
    on = _date(item["on"], f"{field}.on")
    return Talk(on, _enum(item.get("form"), f"{field}.form", TALK_FORMS))


def _offer(value: Any, field: str) -> Offer:
    item = _object(value, field)
    kind = _enum(item.get("kind"), f"{field}.kind", OFFER_KINDS)
    start, end = _period(item, field)
    raw_hours = item.get("hours_per_week")
    hours = None if raw_hours is None else _hours(raw_hours, f"{field}.hours_per_week")
    return Offer(kind, start, end, hours)


T = TypeVar("T")


def _list(value: Any, field: str, parse: Callable[[Any, str], T]) -> tuple[T, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise FactsError(field, "must be a list")
    return tuple(parse(item, f"{field}[{i}]") for i, item in enumerate(value))


def parse_facts(data: Mapping[str, Any]) -> Facts:
    """Build ``Facts`` from the contract's JSON object; raise ``FactsError`` naming the field.

    Unknown top-level fields are ignored (the contract allows fields to be added).
    """
    if not isinstance(data, Mapping):
        raise FactsError("", "the facts must be a JSON object")
    values: dict[str, Any] = {}
    for name in DATE_FIELDS:
        values[name] = _opt_date(data.get(name), name)
    for name in BOOL_FIELDS:
        raw = data.get(name)
        values[name] = None if raw is None else _bool(raw, name)
    for name, allowed in ENUM_FIELDS.items():
        raw = data.get(name)
        values[name] = None if raw is None else _enum(raw, name, allowed)
    raw_code = data.get("municipality_code")
    values["municipality_code"] = (
        None if raw_code is None else _municipality(raw_code, "municipality_code")
    )
    values["decisions"] = _list(data.get("decisions"), "decisions", _decision)
    values["talks"] = tuple(sorted(_list(data.get("talks"), "talks", _talk), key=lambda t: t.on))
    values["offers"] = _list(data.get("offers"), "offers", _offer)
    return Facts(**values)
