"""Writing, sending and concluding contract versions (BEK 1307/2020 §§ 4–7, 20;
BEK 2024 §§ 4–6, 9, 15). No ``request`` or ``session`` here.

A version moves draft → sent → accepted (by the citizen in the portal), or is concluded
by the caseworker: accepted another way (the citizen cannot sign physically, § 4,
stk. 2), not signed with the reason (the citizen does not understand it, § 4, stk. 3), or
set by the municipality (no agreement, BEK 2024 § 9). A revision is a new version; when
it is concluded the earlier one is superseded. Accepting also accepts the residence and
self-support declaration (§ 5) and records ``contract_signed_on`` for the rule module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from portal.assessment.services import citizen_document
from portal.contract import legal_sections, translation
from portal.contract.translation import Translation
from portal.extensions import db
from portal.models import Citizen, ContractStatus, ContractVersion, StaffUser
from portal.models.contract_version import CONCLUDED
from portal.talks.clock import local

CONTENT_FIELDS = ("goal", "activities", "danish_education", "coordinating_department",
                  "municipality_tasks")


class ContractError(ValueError):
    def __init__(self, message: object) -> None:
        super().__init__(message)
        self.message = message


NOT_SENT = _l("This version has not been sent to you, or it has been replaced.")
DECLARATION_NEEDED = _l(
    "Tick that you accept the residence and self-support declaration. It is accepted "
    "together with the contract."
)
ONLY_DRAFTS = _l("Only a draft can be changed or sent.")
ONLY_SENT = _l("Only a version sent to the citizen can be concluded this way.")
NOT_BEK2024 = _l("Setting the content without agreement is a rule of BEK 2024 § 9 only.")
ONLY_DRAFTS_TRANSLATED = _l(
    "Only a draft can be translated. A version that was sent to the citizen never changes."
)
NO_TRANSLATION_FOR_DANISH = _l("The citizen reads Danish, so there is nothing to translate.")
LANGUAGE_CHANGED = _l(
    "The citizen changed their language while you were translating. Nothing was saved. "
    "Write the translation in the language the page now shows."
)
DANISH_CHANGED = _l(
    "The Danish draft changed while you were translating. Nothing was saved. Check the "
    "translation against the new Danish text and save it again."
)
TRANSLATOR_NEEDED = _l("Enter the name of the person who translated the text.")
TRANSLATION_STALE = _l(
    "The Danish text changed after it was translated. Check the translation for the citizen "
    "and save it again, or empty the parts that no longer fit, before you send."
)


@dataclass(frozen=True)
class Content:
    goal: str
    activities: list[dict[str, Any]]
    danish_education: str
    coordinating_department: str
    municipality_tasks: str
    change_note: str | None = None


def fingerprint(version: ContractVersion) -> str:
    """SHA-256 of the binding content: what the citizen accepted, printed on the receipt."""
    payload = {
        "citizen": version.citizen_id,
        "number": version.number,
        "regulation": version.regulation_id,
        "legal_sections": version.legal_sections,
        **{name: getattr(version, name) for name in CONTENT_FIELDS},
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def versions(
    citizen: Citizen, preloaded: list[ContractVersion] | None = None
) -> list[ContractVersion]:
    """The citizen's versions, newest first (``preloaded``: already read for many citizens
    by :func:`versions_by_citizen`, so a list page does not query once per citizen)."""
    if preloaded is not None:
        return preloaded
    stmt = (
        select(ContractVersion)
        .where(ContractVersion.citizen_id == citizen.id)
        .order_by(ContractVersion.number.desc())
    )
    return list(db.session.scalars(stmt))


def versions_by_citizen(citizen_ids: list[int]) -> dict[int, list[ContractVersion]]:
    """Every version of these citizens in one query, newest first per citizen."""
    out: dict[int, list[ContractVersion]] = {cid: [] for cid in citizen_ids}
    stmt = (
        select(ContractVersion)
        .where(ContractVersion.citizen_id.in_(citizen_ids))
        .order_by(ContractVersion.citizen_id, ContractVersion.number.desc())
    )
    for version in db.session.scalars(stmt):
        out[version.citizen_id].append(version)
    return out


def shown_to_citizen(
    citizen: Citizen, preloaded: list[ContractVersion] | None = None
) -> list[ContractVersion]:
    return [v for v in versions(citizen, preloaded) if v.status != ContractStatus.DRAFT]


def current(
    citizen: Citizen, preloaded: list[ContractVersion] | None = None
) -> ContractVersion | None:
    """The newest version the citizen has seen (sent or concluded), or None."""
    shown = [v for v in shown_to_citizen(citizen, preloaded)
             if v.status != ContractStatus.SUPERSEDED]
    return shown[0] if shown else None


def in_force(
    citizen: Citizen, preloaded: list[ContractVersion] | None = None
) -> ContractVersion | None:
    concluded = [v for v in versions(citizen, preloaded) if v.status in CONCLUDED]
    return concluded[0] if concluded else None


def citizen_version(citizen: Citizen, number: int) -> ContractVersion | None:
    version = db.session.scalar(
        select(ContractVersion).where(
            ContractVersion.citizen_id == citizen.id, ContractVersion.number == number
        )
    )
    if version is None or version.status == ContractStatus.DRAFT:
        return None
    return version


def save_draft(
    staff: StaffUser, citizen: Citizen, content: Content, now: dt.datetime
) -> ContractVersion:
    """Create the next version as a draft, or update the open draft. The required
    sections are taken from the rule module for the citizen on the day of writing."""
    today = local(now).date()
    order, sections = legal_sections.required_sections(citizen, today)
    draft = next((v for v in versions(citizen) if v.status == ContractStatus.DRAFT), None)
    if draft is None:
        number = (db.session.scalar(
            select(func.max(ContractVersion.number)).where(
                ContractVersion.citizen_id == citizen.id)
        ) or 0) + 1
        draft = ContractVersion(citizen_id=citizen.id, number=number,
                                status=ContractStatus.DRAFT, created_by_id=staff.id,
                                created_at=now)
        db.session.add(draft)
    draft.regulation_id = order
    draft.written_on = today
    draft.legal_sections = sections
    draft.goal = content.goal
    draft.activities = content.activities
    draft.danish_education = content.danish_education
    draft.coordinating_department = content.coordinating_department
    draft.municipality_tasks = content.municipality_tasks
    draft.change_note = content.change_note
    draft.fingerprint = ""
    db.session.flush()
    draft.fingerprint = fingerprint(draft)
    db.session.commit()
    return draft


def citizen_language(citizen: Citizen) -> str:
    """The language the citizen reads the portal in, as the rest of the portal takes it."""
    return citizen.preferred_locale or "da"


def save_translation(
    staff: StaffUser, version: ContractVersion, locale: str, source: str,
    text: Translation, now: dt.datetime,
) -> ContractVersion:
    """Store the municipality's translation of the draft's free text for the citizen's
    language (``locale``, as the form showed it; ``source``: the draft's Danish text the
    form was made from). Only a draft: a sent version never changes. An empty translation
    removes it. Nothing is stored when any check fails."""
    if version.status != ContractStatus.DRAFT:
        raise ContractError(ONLY_DRAFTS_TRANSLATED)
    language = citizen_language(version.citizen)
    if language == "da":
        raise ContractError(NO_TRANSLATION_FOR_DANISH)
    if locale != language:
        raise ContractError(LANGUAGE_CHANGED)
    if source != translation.draft_source(version):
        raise ContractError(DANISH_CHANGED)
    if not text.empty and not text.translated_by:
        raise ContractError(TRANSLATOR_NEEDED)
    others = {k: v for k, v in (version.translations or {}).items() if k != locale}
    if not text.empty:
        others[locale] = translation.entry(version, text, staff.id, now.isoformat())
    version.translations = others or None  # a new dict: JSON columns see assignment only
    db.session.commit()
    return version


def stale_translation(version: ContractVersion) -> tuple[str, ...]:
    """The parts of the translation for the citizen's language whose Danish text changed
    after they were translated."""
    current = translation.current(version, citizen_language(version.citizen))
    return current.stale if current else ()


def _freeze_translation(version: ContractVersion) -> None:
    """The version leaves the draft state with the translation for the citizen's language
    only (the one that was checked against the Danish text); it never changes after."""
    if stale_translation(version):
        raise ContractError(TRANSLATION_STALE)
    language = citizen_language(version.citizen)
    kept = {k: v for k, v in (version.translations or {}).items() if k == language}
    version.translations = kept or None


def send(version: ContractVersion, now: dt.datetime) -> ContractVersion:
    """Send a draft, with the translation for the citizen (frozen with the version)."""
    if version.status != ContractStatus.DRAFT:
        raise ContractError(ONLY_DRAFTS)
    _freeze_translation(version)
    for other in versions(version.citizen):
        if other.id != version.id and other.status == ContractStatus.SENT:
            other.status = ContractStatus.SUPERSEDED
    version.status = ContractStatus.SENT
    version.sent_at = now
    version.fingerprint = fingerprint(version)
    db.session.commit()
    return version


def _conclude(version: ContractVersion, status: ContractStatus, now: dt.datetime) -> None:
    for other in versions(version.citizen):
        if other.id != version.id and other.status in CONCLUDED:
            other.status = ContractStatus.SUPERSEDED
    version.status = status
    version.concluded_at = now
    version.citizen.contract_signed_on = local(now).date()


def accept(citizen: Citizen, number: int, declaration: bool, now: dt.datetime) -> ContractVersion:
    """The citizen accepts a sent version and the declaration; a re-sent form is harmless."""
    version = citizen_version(citizen, number)
    if version is not None and version.status == ContractStatus.ACCEPTED:
        return version
    if version is None or version.status != ContractStatus.SENT:
        raise ContractError(NOT_SENT)
    if not declaration:
        raise ContractError(DECLARATION_NEEDED)
    _conclude(version, ContractStatus.ACCEPTED, now)
    version.declaration_accepted = True
    db.session.commit()
    return version


def record_conclusion(
    staff: StaffUser, version: ContractVersion, status: ContractStatus, note: str,
    now: dt.datetime,
) -> ContractVersion:
    """Accepted another way, not signed (with the reason), or set by the municipality."""
    if status == ContractStatus.SET_BY_MUNICIPALITY:
        if version.regulation_id != legal_sections.BEK2024:
            raise ContractError(NOT_BEK2024)
        if version.status not in (ContractStatus.DRAFT, ContractStatus.SENT):
            raise ContractError(ONLY_DRAFTS)
        if version.status == ContractStatus.DRAFT:
            _freeze_translation(version)
        version.legal_sections = [
            *version.legal_sections,
            legal_sections.set_by_municipality_section(version.regulation_id),
        ]
        if version.sent_at is None:
            version.sent_at = now
    elif version.status != ContractStatus.SENT:
        raise ContractError(ONLY_SENT)
    _conclude(version, status, now)
    version.concluded_by_id = staff.id
    version.conclusion_note = note
    version.declaration_accepted = status == ContractStatus.ACCEPTED_OTHER_WAY
    version.fingerprint = fingerprint(version)
    db.session.commit()
    return version


def staff_version(staff: StaffUser, citizen: Citizen, number: int) -> ContractVersion | None:
    return db.session.scalar(
        select(ContractVersion).where(
            ContractVersion.citizen_id == citizen.id, ContractVersion.number == number
        )
    )


@dataclass(frozen=True)
class Deadline:
    """The contract deadline from the rule module (1 month after takeover, BEK 1307/2020
    § 6; BEK 2024 § 6) and whether it has passed without a concluded contract."""

    due: dt.date | None
    overdue: bool
    concluded: bool
    citations: tuple[str, ...]


def deadline(
    citizen: Citizen, on: dt.date, preloaded: list[ContractVersion] | None = None
) -> Deadline:
    document = citizen_document(citizen, on)
    duties = document.get("duties", ())
    duty: dict[str, Any] = next((d for d in duties if d.get("code") == "contract"), {})
    due = dt.date.fromisoformat(duty["deadline"]) if duty.get("deadline") else None
    concluded = in_force(citizen, preloaded) is not None
    return Deadline(due, bool(due and not concluded and on > due), concluded,
                    tuple(duty.get("citations", ())))


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


def changes(older: ContractVersion | None, newer: ContractVersion) -> list[Change]:
    """What changed from one version to the next (for the highlighted history)."""
    if older is None:
        return []
    result = [
        Change(name, getattr(older, name), getattr(newer, name))
        for name in CONTENT_FIELDS
        if getattr(older, name) != getattr(newer, name)
    ]
    if older.legal_sections != newer.legal_sections:
        result.append(Change("legal_sections", None, None))
    return result
