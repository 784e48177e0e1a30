"""Vocabularies of the standing partnership Europæisk Kulturregion (EKR).

Values are stored; the Danish labels are for screens and documents.
"""

from __future__ import annotations

from enum import StrEnum


class MemberKind(StrEnum):
    REGION = "region"
    MUNICIPALITY = "municipality"
    CDEU = "cdeu"


MEMBER_KIND_LABELS: dict[MemberKind, str] = {
    MemberKind.REGION: "Region",
    MemberKind.MUNICIPALITY: "Kommune",
    MemberKind.CDEU: "CDEU",
}


class WheelMeetingKind(StrEnum):
    """The meetings of the year wheel (årshjul) the steering model prescribes."""

    SECRETARIAT_DIGITAL = "secretariat_digital"
    SECRETARIAT_PHYSICAL = "secretariat_physical"
    DIRECTORS = "directors"
    DIRECTORS_KULTURFORUM = "directors_kulturforum"


WHEEL_MEETING_KIND_LABELS: dict[WheelMeetingKind, str] = {
    WheelMeetingKind.SECRETARIAT_DIGITAL: "Fællessekretariat, digitalt møde",
    WheelMeetingKind.SECRETARIAT_PHYSICAL: "Fællessekretariat, fysisk møde",
    WheelMeetingKind.DIRECTORS: "Direktørmøde",
    WheelMeetingKind.DIRECTORS_KULTURFORUM: "Direktørmøde med Kulturforum",
}


class ThemeKind(StrEnum):
    THEME_GROUP = "theme_group"
    INTEREST_GROUP = "interest_group"


THEME_KIND_LABELS: dict[ThemeKind, str] = {
    ThemeKind.THEME_GROUP: "Temagruppe",
    ThemeKind.INTEREST_GROUP: "Interessegruppe",
}


class EngagementLevel(StrEnum):
    """'EKR i flere hastigheder': how much a member takes part in one theme."""

    LEADING = "leading"
    ACTIVE = "active"
    FOLLOWING = "following"
    NOT_TAKING_PART = "not_taking_part"


ENGAGEMENT_LEVEL_LABELS: dict[EngagementLevel, str] = {
    EngagementLevel.LEADING: "Førende",
    EngagementLevel.ACTIVE: "Aktiv",
    EngagementLevel.FOLLOWING: "Følger",
    EngagementLevel.NOT_TAKING_PART: "Deltager ikke",
}


class EuCaseKind(StrEnum):
    JOINT_APPLICATION = "joint_application"
    ADVICE = "advice"
    FUNDRAISING = "fundraising"


EU_CASE_KIND_LABELS: dict[EuCaseKind, str] = {
    EuCaseKind.JOINT_APPLICATION: "Fælles ansøgning",
    EuCaseKind.ADVICE: "Projektrådgivning",
    EuCaseKind.FUNDRAISING: "Hjælp til fondssøgning",
}


class EuCaseStage(StrEnum):
    IDEA = "idea"
    ADVICE = "advice"
    SUBMITTED = "submitted"
    GRANTED = "granted"
    REJECTED = "rejected"


EU_CASE_STAGE_LABELS: dict[EuCaseStage, str] = {
    EuCaseStage.IDEA: "Idé",
    EuCaseStage.ADVICE: "Rådgivning",
    EuCaseStage.SUBMITTED: "Indsendt",
    EuCaseStage.GRANTED: "Bevilget",
    EuCaseStage.REJECTED: "Afslået",
}


class ActionStatus(StrEnum):
    """How far an effort of the yearly action plan (handleplan) has come."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    POSTPONED = "postponed"


ACTION_STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.PLANNED: "Planlagt",
    ActionStatus.IN_PROGRESS: "I gang",
    ActionStatus.DONE: "Gennemført",
    ActionStatus.POSTPONED: "Udskudt",
}


class ParticipantRole(StrEnum):
    """Who a person is at a directors' meeting, at Kulturforum or in the secretariat."""

    CULTURE_DIRECTOR = "culture_director"
    CDEU_DIRECTOR = "cdeu_director"
    DEVELOPMENT_DIRECTOR = "development_director"
    CHIEF_EXECUTIVE = "chief_executive"
    CULTURE_COMMITTEE_CHAIR = "culture_committee_chair"
    REGIONAL_COMMITTEE_CHAIR = "regional_committee_chair"
    REPRESENTATIVE = "representative"
    OTHER = "other"


PARTICIPANT_ROLE_LABELS: dict[ParticipantRole, str] = {
    ParticipantRole.CULTURE_DIRECTOR: "Kulturdirektør/fagchef",
    ParticipantRole.CDEU_DIRECTOR: "CDEU's direktør",
    ParticipantRole.DEVELOPMENT_DIRECTOR: "Regionens udviklingsdirektør",
    ParticipantRole.CHIEF_EXECUTIVE: "Kommunaldirektør udpeget af kommunaldirektørnetværket",
    ParticipantRole.CULTURE_COMMITTEE_CHAIR: "Forperson for kommunens kulturudvalg",
    ParticipantRole.REGIONAL_COMMITTEE_CHAIR: "Formandskabet i Udvalg for regional udvikling",
    ParticipantRole.REPRESENTATIVE: "Repræsentant i fællessekretariatet",
    ParticipantRole.OTHER: "Anden deltager",
}

# The seed's political participants at the directors' meeting held with Kulturforum.
POLITICAL_ROLES = frozenset(
    {ParticipantRole.CULTURE_COMMITTEE_CHAIR, ParticipantRole.REGIONAL_COMMITTEE_CHAIR}
)
