"""The portal's persistent model, one module per entity.

Import from here: ``from portal.models import Citizen, StaffUser``.
"""

from portal.models.audit_event import AuditEvent
from portal.models.citizen import Citizen
from portal.models.cv import Cv
from portal.models.cv_file import CvFile
from portal.models.decision import Decision, DecisionKind
from portal.models.enums import (
    Benefit,
    OfferKind,
    Readiness,
    ResidenceBasis,
    StaffRole,
    TalkForm,
)
from portal.models.held_talk import HeldTalk
from portal.models.joblog_agreement import JoblogAgreement
from portal.models.joblog_entry import ActivityKind, ActivityStatus, JoblogEntry
from portal.models.joblog_notice import JoblogNotice
from portal.models.municipality import Municipality
from portal.models.offer import Offer
from portal.models.review_state import ReviewState
from portal.models.staff_user import StaffUser

__all__ = [
    "ActivityKind",
    "ActivityStatus",
    "AuditEvent",
    "Benefit",
    "Citizen",
    "Cv",
    "CvFile",
    "Decision",
    "DecisionKind",
    "HeldTalk",
    "JoblogAgreement",
    "JoblogEntry",
    "JoblogNotice",
    "Municipality",
    "Offer",
    "OfferKind",
    "Readiness",
    "ResidenceBasis",
    "ReviewState",
    "StaffRole",
    "StaffUser",
    "TalkForm",
]
