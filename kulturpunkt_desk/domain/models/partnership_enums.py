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
