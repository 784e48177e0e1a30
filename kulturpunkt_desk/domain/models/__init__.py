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
from .partnership import PartnerMember, Partnership, Representative
from .partnership_enums import (
    ACTION_STATUS_LABELS,
    ENGAGEMENT_LEVEL_LABELS,
    EU_CASE_KIND_LABELS,
    EU_CASE_STAGE_LABELS,
    MEMBER_KIND_LABELS,
    PARTICIPANT_ROLE_LABELS,
    POLITICAL_ROLES,
    THEME_KIND_LABELS,
    WHEEL_MEETING_KIND_LABELS,
    ActionStatus,
    EngagementLevel,
    EuCaseKind,
    EuCaseStage,
    MemberKind,
    ParticipantRole,
    ThemeKind,
    WheelMeetingKind,
)
from .partnership_forum import Kulturforum, Participant
from .partnership_funding import Contribution, FundingYear, PopulationFigure
from .partnership_plan import BudgetLine, PlanAction, PlanActionMember
from .partnership_wheel import WheelAttendance, WheelMeeting
from .partnership_work import Engagement, EuCase, FocusArea, Theme
from .people import Organisation, Person
from .programme import AgreementTemplate, Milestone, Programme
from .sparring import FollowUpAction, SessionParticipant, SparringSession

__all__ = [
    "ACTION_STATUS_LABELS",
    "CORE_ELEMENT_LABELS",
    "ENGAGEMENT_LEVEL_LABELS",
    "EU_CASE_KIND_LABELS",
    "EU_CASE_STAGE_LABELS",
    "INTEREST_DECISION_LABELS",
    "MEETING_KIND_LABELS",
    "MEMBER_KIND_LABELS",
    "PARTICIPANT_ROLE_LABELS",
    "POLITICAL_ROLES",
    "SECTOR_LABELS",
    "SESSION_FORM_LABELS",
    "THEME_KIND_LABELS",
    "WHEEL_MEETING_KIND_LABELS",
    "ActionStatus",
    "Activity",
    "AgreementTemplate",
    "Area",
    "AreaMember",
    "Attachment",
    "AuditEntry",
    "Base",
    "BudgetLine",
    "CollaborationAgreement",
    "Contribution",
    "CoreElement",
    "Engagement",
    "EngagementLevel",
    "EuCase",
    "EuCaseKind",
    "EuCaseStage",
    "EvaluationAnswer",
    "EvaluationSubmission",
    "ExpressionOfInterest",
    "FocusArea",
    "FollowUpAction",
    "FundingYear",
    "Grant",
    "Instalment",
    "InterestDecision",
    "Kulturforum",
    "MeetingAttendance",
    "MeetingKind",
    "MemberKind",
    "Milestone",
    "MilestoneKind",
    "NetworkMeeting",
    "Organisation",
    "Participant",
    "ParticipantRole",
    "PartnerMember",
    "Partnership",
    "PartnershipMember",
    "Person",
    "PlanAction",
    "PlanActionMember",
    "PopulationFigure",
    "Programme",
    "Record",
    "Representative",
    "Sector",
    "SessionForm",
    "SessionParticipant",
    "Setting",
    "SparringSession",
    "SpendingItem",
    "Theme",
    "ThemeKind",
    "WheelAttendance",
    "WheelMeeting",
    "WheelMeetingKind",
]
