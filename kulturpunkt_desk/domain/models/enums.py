"""The programme's fixed vocabularies. Values are stored; Danish labels are for screens."""

from __future__ import annotations

from enum import StrEnum


class Sector(StrEnum):
    ASSOCIATION = "association"
    BUSINESS = "business"
    SCHOOL = "school"
    DAYCARE = "daycare"
    EDUCATION = "education"
    MUNICIPALITY = "municipality"
    OTHER = "other"


SECTOR_LABELS: dict[Sector, str] = {
    Sector.ASSOCIATION: "Forening",
    Sector.BUSINESS: "Erhvervsliv",
    Sector.SCHOOL: "Skole",
    Sector.DAYCARE: "Dagtilbud",
    Sector.EDUCATION: "Uddannelsesinstitution",
    Sector.MUNICIPALITY: "Kommune",
    Sector.OTHER: "Andet",
}


class CoreElement(StrEnum):
    """The five core elements every area's work is judged against."""

    ANCHORING = "anchoring"
    DEVELOPMENT = "development"
    ACROSS = "across"
    LOCAL_STRENGTHS = "local_strengths"
    COMMUNITY = "community"


CORE_ELEMENT_LABELS: dict[CoreElement, str] = {
    CoreElement.ANCHORING: "Forankring",
    CoreElement.DEVELOPMENT: "Udvikling",
    CoreElement.ACROSS: "Samler lokalområdet på tværs",
    CoreElement.LOCAL_STRENGTHS: "Lokale styrker og kvaliteter",
    CoreElement.COMMUNITY: "Kultur = fællesskab",
}


class SessionForm(StrEnum):
    PHYSICAL = "physical"
    ONLINE = "online"
    PHONE = "phone"


SESSION_FORM_LABELS: dict[SessionForm, str] = {
    SessionForm.PHYSICAL: "Fysisk møde",
    SessionForm.ONLINE: "Online",
    SessionForm.PHONE: "Telefon",
}


class InterestDecision(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


INTEREST_DECISION_LABELS: dict[InterestDecision, str] = {
    InterestDecision.PENDING: "Afventer",
    InterestDecision.ACCEPTED: "Godkendt",
    InterestDecision.DECLINED: "Afvist",
}


class MilestoneKind(StrEnum):
    DIALOGUE = "dialogue"
    INTEREST_DEADLINE = "interest_deadline"
    AGREEMENTS = "agreements"
    KICKOFF = "kickoff"
    SPARRING_ROUND = "sparring_round"
    NETWORK_ROUND = "network_round"
    ACTIVITIES = "activities"
    EVALUATION_COLLECTION = "evaluation_collection"
    EVALUATION_REPORT = "evaluation_report"
    CLOSING = "closing"
    OTHER = "other"


class MeetingKind(StrEnum):
    NETWORK = "network"
    INSPIRATION = "inspiration"
    OTHER = "other"


MEETING_KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.NETWORK: "Netværksmøde",
    MeetingKind.INSPIRATION: "Inspirationsmøde",
    MeetingKind.OTHER: "Andet møde",
}
