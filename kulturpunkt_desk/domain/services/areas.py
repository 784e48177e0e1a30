"""Local areas, their people (steering group, primary contact) and their partnership."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..danish import by_name
from ..errors import Collector, NotFoundError, ValidationError
from ..models import (
    Area,
    AreaMember,
    CollaborationAgreement,
    EvaluationSubmission,
    Grant,
    Organisation,
    PartnershipMember,
    Person,
    Programme,
    SparringSession,
)
from .common import apply, check_unique_name, get, other_than, same_name_ids
from .people import PersonData


@dataclass
class AreaData:
    name: str
    municipality: str
    vision: str = ""
    idea: str = ""
    local_goals: str = ""
    local_challenges: str = ""
    local_potentials: str = ""
    local_ambitions: str = ""
    recipient_name: str = ""
    recipient_cvr: str = ""
    recipient_address: str = ""
    case_number: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    notes: str = ""

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        values: dict[str, object] = {
            "name": c.run(v.required, self.name, "name", "Navn"),
            "municipality": c.run(v.required, self.municipality, "municipality", "Kommune", 100),
            "vision": c.run(v.optional, self.vision, "vision", "Fælles udfordring/vision", 20_000),
            "idea": c.run(v.optional, self.idea, "idea", "Idé", 20_000),
            "local_goals": c.run(v.optional, self.local_goals, "local_goals", "Lokale mål", 20_000),
            "local_challenges": c.run(
                v.optional, self.local_challenges, "local_challenges", "Udfordringer", 20_000
            ),
            "local_potentials": c.run(
                v.optional, self.local_potentials, "local_potentials", "Potentialer", 20_000
            ),
            "local_ambitions": c.run(
                v.optional, self.local_ambitions, "local_ambitions", "Ambitioner", 20_000
            ),
            "recipient_name": c.run(
                v.optional, self.recipient_name, "recipient_name", "Tilskudsmodtager"
            ),
            "recipient_cvr": c.run(
                v.cvr, self.recipient_cvr, "recipient_cvr", "Tilskudsmodtagers CVR-nummer"
            ),
            "recipient_address": c.run(
                v.optional,
                self.recipient_address,
                "recipient_address",
                "Tilskudsmodtagers adresse",
                400,
            ),
            "case_number": c.run(v.optional, self.case_number, "case_number", "Sagsnummer", 60),
            "signatory_name": c.run(
                v.optional, self.signatory_name, "signatory_name", "Underskriver for lokalområdet"
            ),
            "signatory_title": c.run(
                v.optional, self.signatory_title, "signatory_title", "Underskrivers titel"
            ),
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 20_000),
        }
        c.raise_if_any()
        return values


@dataclass
class MemberData:
    role: str = ""
    in_steering_group: bool = False
    is_primary_contact: bool = False


def _unique_area_name(s: Session, programme_id: str, name: str, own_id: str | None) -> None:
    check_unique_name(
        s,
        Area.id,
        Area.name,
        name,
        own_id,
        "et lokalområde",
        Area.programme_id == programme_id,
        where=" i programmet",
    )


def create_area(db: Database, programme_id: str, data: AreaData) -> str:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Programme, programme_id, "Programmet")
        _unique_area_name(s, programme_id, str(values["name"]), None)
        area = Area(programme_id=programme_id, **values)
        s.add(area)
        s.flush()
        return area.id


def update_area(db: Database, area_id: str, data: AreaData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        area = get(s, Area, area_id, "Lokalområdet")
        _unique_area_name(s, area.programme_id, str(values["name"]), area_id)
        apply(area, values)


def delete_area(db: Database, area_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, Area, area_id, "Lokalområdet"))


def close_area(db: Database, area_id: str, closed_on: date | None) -> None:
    """Close the area's project (or reopen it with None)."""
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet").closed_on = closed_on


def get_area(db: Database, area_id: str) -> Area:
    """An area with everything on its page loaded."""
    with db.read() as s:
        area = s.scalar(
            select(Area)
            .where(Area.id == area_id)
            .options(
                selectinload(Area.members).selectinload(AreaMember.person),
                selectinload(Area.partners).selectinload(PartnershipMember.organisation),
                selectinload(Area.interest),
                selectinload(Area.agreement).selectinload(CollaborationAgreement.template),
                selectinload(Area.grant).selectinload(Grant.instalments),
                selectinload(Area.spending),
                selectinload(Area.sessions).selectinload(SparringSession.participants),
                selectinload(Area.sessions).selectinload(SparringSession.follow_ups),
                selectinload(Area.activities),
                selectinload(Area.evaluations).selectinload(EvaluationSubmission.answers),
                selectinload(Area.evaluations).selectinload(EvaluationSubmission.goal_answers),
                selectinload(Area.attachments),
                selectinload(Area.programme),
            )
        )
        if area is None:
            raise NotFoundError("Lokalområdet findes ikke (længere).")
        return area


def list_areas(db: Database, programme_id: str) -> list[Area]:
    with db.read() as s:
        return by_name(s.scalars(select(Area).where(Area.programme_id == programme_id)))


class AreaName(NamedTuple):
    id: str
    name: str


def area_names(db: Database, programme_id: str) -> list[AreaName]:
    """The programme's areas as a filter lists them: id and name, in Danish order."""
    query = select(Area.id, Area.name).where(Area.programme_id == programme_id)
    with db.read() as s:
        return by_name(AreaName(*row) for row in s.execute(query))


def find_area(db: Database, programme_id: str, name: str) -> Area:
    with db.read() as s:
        found = same_name_ids(s, Area.id, Area.name, name, Area.programme_id == programme_id)
        area = s.get(Area, next(iter(found))) if found else None
        if area is None:
            raise NotFoundError(f"Der findes intet lokalområde ved navn «{name}».")
        return area


# --- people in the area -------------------------------------------------------------


def _check_primary_free(s: Session, area_id: str, own_member_id: str | None) -> None:
    holder = s.scalar(
        select(Person.name)
        .join(AreaMember, AreaMember.person_id == Person.id)
        .where(
            AreaMember.area_id == area_id,
            AreaMember.is_primary_contact.is_(True),
            other_than(AreaMember.id, own_member_id),
        )
    )
    if holder is not None:
        raise ValidationError.single(
            "is_primary_contact",
            f"Primær kontaktperson: lokalområdet har allerede {holder} som primær kontaktperson. "
            "Et lokalområde har præcis én.",
        )


def add_member(db: Database, area_id: str, person_id: str, data: MemberData) -> str:
    role = v.optional(data.role, "role", "Rolle", 100)
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet")
        get(s, Person, person_id, "Personen")
        if s.scalar(
            select(AreaMember.id).where(
                AreaMember.area_id == area_id, AreaMember.person_id == person_id
            )
        ):
            raise ValidationError.single(
                "person_id", "Person: er allerede knyttet til lokalområdet."
            )
        if data.is_primary_contact:
            _check_primary_free(s, area_id, None)
        member = AreaMember(
            area_id=area_id,
            person_id=person_id,
            role=role,
            in_steering_group=data.in_steering_group,
            is_primary_contact=data.is_primary_contact,
        )
        s.add(member)
        s.flush()
        return member.id


def add_new_person(db: Database, area_id: str, person: PersonData, member: MemberData) -> str:
    """Create a person and tie them to the area in one transaction; returns the person id."""
    person_values = person.cleaned()
    role = v.optional(member.role, "role", "Rolle", 100)
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet")
        if member.is_primary_contact:
            _check_primary_free(s, area_id, None)
        new = Person(**person_values)
        s.add(new)
        s.flush()
        s.add(
            AreaMember(
                area_id=area_id,
                person_id=new.id,
                role=role,
                in_steering_group=member.in_steering_group,
                is_primary_contact=member.is_primary_contact,
            )
        )
        return new.id


def update_member(db: Database, member_id: str, data: MemberData) -> None:
    role = v.optional(data.role, "role", "Rolle", 100)
    with db.transaction() as s:
        member = get(s, AreaMember, member_id, "Tilknytningen")
        if data.is_primary_contact:
            _check_primary_free(s, member.area_id, member_id)
        member.role = role
        member.in_steering_group = data.in_steering_group
        member.is_primary_contact = data.is_primary_contact


def set_primary_contact(db: Database, area_id: str, person_id: str) -> None:
    """Make `person_id` the area's one primary contact, replacing any other."""
    with db.transaction() as s:
        members = list(s.scalars(select(AreaMember).where(AreaMember.area_id == area_id)))
        target = next((m for m in members if m.person_id == person_id), None)
        if target is None:
            raise ValidationError.single(
                "is_primary_contact",
                "Primær kontaktperson: personen er ikke knyttet til lokalområdet.",
            )
        for m in members:
            m.is_primary_contact = False
        s.flush()  # the partial unique index must see the old contact cleared first
        target.is_primary_contact = True


def remove_member(db: Database, member_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, AreaMember, member_id, "Tilknytningen"))


def area_people(db: Database, area_id: str) -> list[AreaMember]:
    """The area's people, steering group and primary contact first."""
    with db.read() as s:
        return list(
            s.scalars(
                select(AreaMember)
                .join(Person)
                .where(AreaMember.area_id == area_id)
                .options(selectinload(AreaMember.person))
                .order_by(
                    AreaMember.is_primary_contact.desc(),
                    AreaMember.in_steering_group.desc(),
                    Person.name,
                )
            )
        )


# --- the partnership ----------------------------------------------------------------


def add_partner(db: Database, area_id: str, organisation_id: str, contribution: str = "") -> str:
    text = v.optional(contribution, "contribution", "Bidrag", 2_000)
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet")
        get(s, Organisation, organisation_id, "Organisationen")
        if s.scalar(
            select(PartnershipMember.id).where(
                PartnershipMember.area_id == area_id,
                PartnershipMember.organisation_id == organisation_id,
            )
        ):
            raise ValidationError.single(
                "organisation_id", "Organisation: er allerede med i partnerskabet."
            )
        partner = PartnershipMember(
            area_id=area_id, organisation_id=organisation_id, contribution=text
        )
        s.add(partner)
        s.flush()
        return partner.id


def remove_partner(db: Database, partner_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, PartnershipMember, partner_id, "Partneren"))
