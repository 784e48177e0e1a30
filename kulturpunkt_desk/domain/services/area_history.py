"""An area's history in readable Danish: who changed what and when, from the audit log.

The log holds one entry per changed record. An area's history is the entries of the area
and of the records that belong to it (people's roles, partners, interest, agreement,
grant, instalments, activities, sparring, evaluations, attachments), also those deleted
since, found by the area id their snapshot carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from ..models import (
    Activity,
    Area,
    AreaMember,
    Attachment,
    AuditEntry,
    CollaborationAgreement,
    EvaluationSubmission,
    ExpressionOfInterest,
    Grant,
    Instalment,
    Organisation,
    PartnershipMember,
    Person,
    SparringSession,
)
from ..money import format_kr

ENTITY_LABELS: dict[str, str] = {
    "area": "lokalområdet",
    "area_member": "en person i lokalområdet",
    "partnership_member": "en partner",
    "expression_of_interest": "interessetilkendegivelsen",
    "collaboration_agreement": "samarbejdsaftalen",
    "grant": "tilskuddet",
    "instalment": "en rate",
    "spending_item": "et forbrug",
    "activity": "en aktivitet",
    "sparring_session": "et sparringsmøde",
    "evaluation_submission": "en evaluering",
    "attachment": "et bilag",
    "meeting_attendance": "deltagelse i et netværksmøde",
}

FIELD_LABELS: dict[str, str] = {
    "name": "Navn",
    "municipality": "Kommune",
    "vision": "Vision",
    "idea": "Idé",
    "local_goals": "Lokale mål",
    "recipient_name": "Tilskudsmodtager",
    "recipient_cvr": "CVR-nummer",
    "recipient_address": "Adresse",
    "notes": "Noter",
    "closed_on": "Afsluttet",
    "role": "Rolle",
    "in_steering_group": "Styregruppe",
    "is_primary_contact": "Primær kontaktperson",
    "received_on": "Modtaget",
    "decision": "Beslutning",
    "decided_on": "Besluttet",
    "sent_on": "Sendt",
    "signed_by_area_on": "Underskrevet af lokalområdet",
    "signed_by_region_on": "Underskrevet af regionen",
    "amount_ore": "Beløb",
    "awarded_on": "Bevilget",
    "due_on": "Forfalder",
    "paid_on": "Udbetalt",
    "note": "Note",
    "held_on": "Dato",
    "title": "Titel",
    "description": "Beskrivelse",
    "participants": "Deltagere",
    "summary": "Sammenfatning",
    "contribution": "Bidrag",
}

ACTION_LABELS = {"create": "Oprettede", "update": "Ændrede", "delete": "Slettede"}

# Keys that tie a record to its parents; their values mean nothing to a reader.
_HIDDEN = {"area_id", "person_id", "organisation_id", "grant_id", "template_id", "evaluation_id"}


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    user: str
    text: str  # Danish: "Ændrede lokalområdet «Fjordglimt»: Kommune: Aalborg → Hjørring"


def _value(key: str, value: Any) -> str:
    if value is None or value == "":
        return "(tom)"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if key.endswith("_ore") and isinstance(value, int):
        return format_kr(value)
    if isinstance(value, str) and key.endswith("_on"):
        try:
            return f"{date.fromisoformat(value):%d.%m.%Y}"
        except ValueError:
            return value
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "…"


def describe(entry: AuditEntry, name: str = "") -> str:
    """One audit entry as a Danish sentence; `name` stands in for a record without one
    (the person of a role, the organisation of a partner, the date of a meeting)."""
    what = ENTITY_LABELS.get(entry.entity, entry.entity)
    head = f"{ACTION_LABELS.get(entry.action, entry.action)} {what}"
    if entry.summary or name:
        head += f" «{entry.summary or name}»"
    if entry.action != "update":
        return head
    parts = []
    for key, change in (entry.changes or {}).items():
        if key in _HIDDEN or key.endswith("_at") or not isinstance(change, list):
            continue
        old, new = change
        label = FIELD_LABELS.get(key, key)
        parts.append(f"{label}: {_value(key, old)} → {_value(key, new)}")
    return head + (": " + "; ".join(parts) if parts else "")


def area_history(db: Database, area_id: int) -> list[HistoryLine]:
    """The area's changes and those of everything belonging to it, newest first."""
    with db.read() as s:
        uuids: set[str] = set()
        area_uuid = s.scalar(select(Area.uuid).where(Area.id == area_id))
        if area_uuid is None:
            return []
        uuids.add(area_uuid)
        for model in (
            AreaMember,
            PartnershipMember,
            ExpressionOfInterest,
            CollaborationAgreement,
            Grant,
            Activity,
            SparringSession,
            EvaluationSubmission,
            Attachment,
        ):
            uuids.update(s.scalars(select(model.uuid).where(model.area_id == area_id)))
        grant_id = s.scalar(select(Grant.id).where(Grant.area_id == area_id))
        if grant_id is not None:
            uuids.update(s.scalars(select(Instalment.uuid).where(Instalment.grant_id == grant_id)))
        # Records since deleted: their create/delete snapshots carry the area id, and
        # their updates are found through the uuid those snapshots name.
        owned = func.json_extract(AuditEntry.changes, "$.area_id") == area_id
        uuids.update(s.scalars(select(AuditEntry.entity_uuid).where(owned)))
        entries = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_uuid.in_(uuids))
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        )
        found = list(entries)
        names = _names(s, found)
        return [HistoryLine(e.at, e.user, describe(e, names.get(e.entity_uuid, ""))) for e in found]


def _names(s: Session, entries: list[AuditEntry]) -> dict[str, str]:
    """A readable name per record uuid, from the person, organisation or date it carries."""
    person_of: dict[str, int] = {}
    organisation_of: dict[str, int] = {}
    names: dict[str, str] = {}
    for e in entries:
        changes = e.changes or {}
        if isinstance(changes.get("person_id"), int):
            person_of[e.entity_uuid] = changes["person_id"]
        if isinstance(changes.get("organisation_id"), int):
            organisation_of[e.entity_uuid] = changes["organisation_id"]
        for key in ("held_on", "received_on", "due_on"):
            if isinstance(changes.get(key), str) and e.action != "update":
                names.setdefault(e.entity_uuid, _value(key, changes[key]))
    people: dict[int, str] = {
        row.id: row.name
        for row in s.execute(
            select(Person.id, Person.name).where(Person.id.in_(list(person_of.values())))
        )
    }
    organisations: dict[int, str] = {
        row.id: row.name
        for row in s.execute(
            select(Organisation.id, Organisation.name).where(
                Organisation.id.in_(list(organisation_of.values()))
            )
        )
    }
    for uuid, person_id in person_of.items():
        if person_id in people:
            names[uuid] = people[person_id]
    for uuid, organisation_id in organisation_of.items():
        if organisation_id in organisations:
            names[uuid] = organisations[organisation_id]
    return names
