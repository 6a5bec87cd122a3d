"""The portal's persistent model, one module per entity.

Import from here: ``from portal.models import Citizen, StaffUser``.
"""

from portal.models.audit_event import AuditEvent
from portal.models.booking import Booking, BookingStatus
from portal.models.citizen import Citizen
from portal.models.contract_version import ContractStatus, ContractVersion
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
from portal.models.interpreter_assignment import InterpreterAssignment
from portal.models.joblog_agreement import JoblogAgreement
from portal.models.joblog_entry import ActivityKind, ActivityStatus, JoblogEntry
from portal.models.joblog_notice import JoblogNotice
from portal.models.municipality import Municipality
from portal.models.offer import Offer
from portal.models.review_state import ReviewState
from portal.models.staff_user import StaffUser
from portal.models.talk_reminder import TalkReminder
from portal.models.talk_slot import TalkSlot

__all__ = [
    "ActivityKind",
    "ActivityStatus",
    "AuditEvent",
    "Benefit",
    "Booking",
    "BookingStatus",
    "Citizen",
    "ContractStatus",
    "ContractVersion",
    "Cv",
    "CvFile",
    "Decision",
    "DecisionKind",
    "HeldTalk",
    "InterpreterAssignment",
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
    "TalkReminder",
    "TalkSlot",
]
