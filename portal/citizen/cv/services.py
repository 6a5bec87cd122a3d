"""The citizen's CV (IL § 26 b): structured sections, visibility, an uploaded file.

No ``request`` or ``session`` here; "now" is passed in. Every change after a review
puts the CV back in the caseworker's queue (state ``changed``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path
from typing import Any

from sqlalchemy import select

from portal.citizen.cv.file_check import check_upload
from portal.extensions import db
from portal.models import Citizen, Cv, CvFile, ReviewState
from portal.models.cv import SECTIONS

PROFILE_FIELDS = ("profile", "competences", "driving_licence", "phone", "show_email",
                  "show_phone")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def cv_of(citizen: Citizen) -> Cv | None:
    return db.session.scalar(select(Cv).filter_by(citizen_id=citizen.id))


def cv_for_update(citizen: Citizen, now: dt.datetime) -> Cv:
    cv = cv_of(citizen)
    if cv is None:
        cv = Cv(citizen_id=citizen.id, updated_at=now, review_state=ReviewState.NEW,
                job_goals=[], experience=[], education=[], languages=[])
        db.session.add(cv)
    return cv


def _touched(cv: Cv, now: dt.datetime) -> None:
    cv.updated_at = now
    if cv.review_state in (ReviewState.REVIEWED, ReviewState.RETURNED):
        cv.review_state = ReviewState.CHANGED


def update_profile(citizen: Citizen, values: dict[str, Any], now: dt.datetime) -> Cv:
    cv = cv_for_update(citizen, now)
    for name in PROFILE_FIELDS:
        if name in values:
            value = values[name]
            setattr(cv, name, value.strip() or None if isinstance(value, str) else value)
    _touched(cv, now)
    db.session.commit()
    return cv


def add_item(
    citizen: Citizen, section: str, item: dict[str, Any], key: str, now: dt.datetime
) -> bool:
    """Add an item to a section once per idempotency key; returns whether it was added."""
    if section not in SECTIONS:
        raise ValueError(section)
    cv = cv_for_update(citizen, now)
    items = list(getattr(cv, section) or [])
    if any(existing.get("key") == key for existing in items):
        return False
    items.append({**item, "key": key})
    if section == "languages":
        items.sort(key=lambda i: 0 if i.get("language", "").strip().lower() in DANISH else 1)
    setattr(cv, section, items)  # a new list, so SQLAlchemy sees the change
    _touched(cv, now)
    db.session.commit()
    return True


DANISH = {"dansk", "danish", "da"}


def remove_item(citizen: Citizen, section: str, key: str, now: dt.datetime) -> bool:
    cv = cv_of(citizen)
    if cv is None or section not in SECTIONS:
        return False
    items = list(getattr(cv, section) or [])
    kept = [i for i in items if i.get("key") != key]
    if len(kept) == len(items):
        return False
    setattr(cv, section, kept)
    _touched(cv, now)
    db.session.commit()
    return True


class JobGoalMissing(Exception):
    """IL § 26 b, stk. 3: a job-ready citizen's CV needs a job goal before it is shown."""


def set_visible(
    citizen: Citizen, visible: bool, now: dt.datetime, *, goal_required: bool = False
) -> Cv:
    """IL § 26 b, stk. 4 and 6: visible to employers (job-ready: by the deadline).
    ``goal_required`` is the rule module's answer for the ``cv_job_goal`` duty."""
    cv = cv_for_update(citizen, now)
    if visible and goal_required and not cv.job_goals:
        db.session.rollback()
        raise JobGoalMissing
    if visible and not cv.visible_to_employers:
        cv.visible_since = now
    if not visible:
        cv.visible_since = None
    cv.visible_to_employers = visible
    _touched(cv, now)
    db.session.commit()
    return cv


# --- uploaded file ----------------------------------------------------------------------

def current_file(citizen: Citizen) -> CvFile | None:
    return db.session.scalar(
        select(CvFile)
        .filter_by(citizen_id=citizen.id)
        .where(CvFile.removed_at.is_(None))
        .order_by(CvFile.uploaded_at.desc(), CvFile.id.desc())
    )


def store_file(
    citizen: Citizen, data: bytes, original_name: str, upload_dir: Path, now: dt.datetime
) -> CvFile:
    """Check ``data`` by content (raises ``UploadRejected``), then store it under a random
    name outside the web root; the previous file is removed."""
    file_type = check_upload(data)
    upload_dir.mkdir(parents=True, exist_ok=True)
    stored_name = secrets.token_hex(16)
    path = upload_dir / stored_name
    path.write_bytes(data)
    previous = current_file(citizen)
    record = CvFile(citizen_id=citizen.id, stored_name=stored_name,
                    original_name=_safe_name(original_name, file_type), file_type=file_type,
                    size=len(data), uploaded_at=now)
    db.session.add(record)
    if previous is not None:
        previous.removed_at = now
    cv = cv_for_update(citizen, now)
    _touched(cv, now)
    try:
        db.session.commit()
    except Exception:
        path.unlink(missing_ok=True)
        raise
    if previous is not None:  # only once the new file is recorded
        (upload_dir / previous.stored_name).unlink(missing_ok=True)
    return record


def remove_file(record: CvFile, upload_dir: Path, now: dt.datetime) -> None:
    _remove(record, upload_dir, now)
    db.session.commit()


def _remove(record: CvFile, upload_dir: Path, now: dt.datetime) -> None:
    record.removed_at = now
    (upload_dir / record.stored_name).unlink(missing_ok=True)


def file_of(citizen: Citizen, file_id: int) -> CvFile | None:
    return db.session.scalar(
        select(CvFile).filter_by(id=file_id, citizen_id=citizen.id).where(
            CvFile.removed_at.is_(None))
    )


def file_path(record: CvFile, upload_dir: Path) -> Path:
    return upload_dir / record.stored_name


def _safe_name(name: str, file_type: str) -> str:
    stem = "".join(c for c in Path(name or "cv").stem if c.isalnum() or c in " -_")[:80].strip()
    return f"{stem or 'cv'}.{file_type}"
