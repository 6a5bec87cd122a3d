"""The portal's persistent model, one module per entity.

Import from here: ``from portal.models import Citizen, StaffUser``.
"""

from portal.models.audit_event import AuditEvent
from portal.models.citizen import Citizen
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
from portal.models.municipality import Municipality
from portal.models.offer import Offer
from portal.models.staff_user import StaffUser

__all__ = [
    "AuditEvent",
    "Benefit",
    "Citizen",
    "Decision",
    "DecisionKind",
    "HeldTalk",
    "Municipality",
    "Offer",
    "OfferKind",
    "Readiness",
    "ResidenceBasis",
    "StaffRole",
    "StaffUser",
    "TalkForm",
]
