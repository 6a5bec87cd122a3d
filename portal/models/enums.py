"""Enumerations shared by the models; values match ../shared/RULES-CONTRACT.md."""

from __future__ import annotations

import enum
from typing import Any

import sqlalchemy as sa


class StaffRole(enum.StrEnum):
    CASEWORKER = "caseworker"
    INTERPRETER = "interpreter"
    ADMIN = "admin"


class ResidenceBasis(enum.StrEnum):
    REFUGEE = "refugee"
    FAMILY_REUNIFIED_SPOUSE = "family_reunified_spouse"
    FAMILY_REUNIFIED_OTHER = "family_reunified_other"
    DISPLACED_FROM_UKRAINE = "displaced_from_ukraine"
    OTHER = "other"


class Benefit(enum.StrEnum):
    SELF_SUPPORT_AND_RETURN_BENEFIT = "self_support_and_return_benefit"
    TRANSITION_BENEFIT = "transition_benefit"
    NONE = "none"


class Readiness(enum.StrEnum):
    JOB_READY = "job_ready"
    ACTIVITY_READY = "activity_ready"


class TalkForm(enum.StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    CHAT = "chat"
    LETTER = "letter"


class OfferKind(enum.StrEnum):
    COMPANY_INTERNSHIP = "company_internship"
    WAGE_SUBSIDY = "wage_subsidy"
    UTILITY_WORK = "utility_work"
    GUIDANCE_UPSKILLING = "guidance_upskilling"
    PREPARATORY_COURSE = "preparatory_course"
    FOLK_HIGH_SCHOOL = "folk_high_school"
    MENTOR = "mentor"


def enum_column(enum_cls: type[enum.StrEnum], **kwargs: Any) -> sa.Enum:
    """A portable enum column storing the value (VARCHAR on every database)."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=40,
        values_callable=lambda members: [m.value for m in members],
        **kwargs,
    )
