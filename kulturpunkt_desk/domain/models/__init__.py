"""The programme's data model; import models from here."""

from .activities import Activity
from .area import Area, AreaMember, PartnershipMember
from .audit import AuditEntry, Setting
from .base import Base, Record
from .enums import (
    CORE_ELEMENT_LABELS,
    INTEREST_DECISION_LABELS,
    MEETING_KIND_LABELS,
    SECTOR_LABELS,
    SESSION_FORM_LABELS,
    CoreElement,
    InterestDecision,
    MeetingKind,
    MilestoneKind,
    Sector,
    SessionForm,
)
from .evaluation import Attachment, EvaluationAnswer, EvaluationSubmission
from .grants import (
    CollaborationAgreement,
    ExpressionOfInterest,
    Grant,
    Instalment,
    SpendingItem,
)
from .meetings import MeetingAttendance, NetworkMeeting
from .people import Organisation, Person
from .programme import AgreementTemplate, Milestone, Programme
from .sparring import FollowUpAction, SessionParticipant, SparringSession

__all__ = [
    "CORE_ELEMENT_LABELS",
    "INTEREST_DECISION_LABELS",
    "MEETING_KIND_LABELS",
    "SECTOR_LABELS",
    "SESSION_FORM_LABELS",
    "Activity",
    "AgreementTemplate",
    "Area",
    "AreaMember",
    "Attachment",
    "AuditEntry",
    "Base",
    "CollaborationAgreement",
    "CoreElement",
    "EvaluationAnswer",
    "EvaluationSubmission",
    "ExpressionOfInterest",
    "FollowUpAction",
    "Grant",
    "Instalment",
    "InterestDecision",
    "MeetingAttendance",
    "MeetingKind",
    "Milestone",
    "MilestoneKind",
    "NetworkMeeting",
    "Organisation",
    "PartnershipMember",
    "Person",
    "Programme",
    "Record",
    "Sector",
    "SessionForm",
    "SessionParticipant",
    "Setting",
    "SparringSession",
    "SpendingItem",
]
