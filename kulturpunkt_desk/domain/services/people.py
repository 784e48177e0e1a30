"""People and organisations: create, change, delete, search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..danish import by_name, sort_key
from ..errors import Collector, NotFoundError
from ..models import Area, AreaMember, Organisation, Person, Sector
from .common import apply, get


@dataclass
class PersonData:
    name: str
    email: str = ""
    phone: str = ""
    title: str = ""
    organisation_id: str | None = None
    notes: str = ""

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        values: dict[str, object] = {
            "name": c.run(v.required, self.name, "name", "Navn"),
            "email": c.run(v.email, self.email, "email", "E-mail"),
            "phone": c.run(v.phone, self.phone, "phone", "Telefon"),
            "title": c.run(v.optional, self.title, "title", "Titel"),
            "organisation_id": self.organisation_id,
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 10_000),
        }
        c.raise_if_any()
        return values


@dataclass
class OrganisationData:
    name: str
    sector: Sector
    cvr: str = ""
    municipality: str = ""
    notes: str = ""

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        values: dict[str, object] = {
            "name": c.run(v.required, self.name, "name", "Navn"),
            "sector": Sector(self.sector),
            "cvr": c.run(v.cvr, self.cvr, "cvr", "CVR-nummer"),
            "municipality": c.run(v.optional, self.municipality, "municipality", "Kommune"),
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 10_000),
        }
        c.raise_if_any()
        return values


def create_person(db: Database, data: PersonData) -> str:
    values = data.cleaned()
    with db.transaction() as s:
        if data.organisation_id is not None:
            get(s, Organisation, data.organisation_id, "Organisationen")
        person = Person(**values)
        s.add(person)
        s.flush()
        return person.id


def update_person(db: Database, person_id: str, data: PersonData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        apply(get(s, Person, person_id, "Personen"), values)


def delete_person(db: Database, person_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, Person, person_id, "Personen"))


def get_person(db: Database, person_id: str) -> Person:
    with db.read() as s:
        person = s.scalar(
            select(Person)
            .where(Person.id == person_id)
            .options(selectinload(Person.organisation), selectinload(Person.memberships))
        )
        if person is None:
            raise NotFoundError("Personen findes ikke (længere).")
        return person


def list_people(db: Database, text: str = "") -> list[Person]:
    with db.read() as s:
        # The areas a person belongs to come along: the people list shows them.
        query = (
            select(Person)
            .options(
                selectinload(Person.organisation),
                selectinload(Person.memberships).selectinload(AreaMember.area),
            )
            .order_by(Person.name, Person.id)  # as person_rows
        )
        if text:
            like = f"%{text}%"
            query = query.where(
                or_(Person.name.ilike(like), Person.email.ilike(like), Person.notes.ilike(like))
            )
        return by_name(s.scalars(query))


class PersonRow(NamedTuple):
    """A person as the people list shows them: plain values, no ORM objects."""

    id: str
    name: str
    email: str
    phone: str
    title: str
    organisation: str  # its name, or "" without one
    areas: tuple[tuple[str, bool], ...]  # (area name, is primary contact), by name


class OrganisationRow(NamedTuple):
    """An organisation as the organisations list shows it."""

    id: str
    name: str
    sector: Sector
    cvr: str
    municipality: str


def person_rows(db: Database) -> list[PersonRow]:
    """Everyone, by name, with their organisation's name and their areas, in one query: a
    person in several areas comes once per area and is folded here (plain SQL on every
    engine, rather than SQLite's json_group_array)."""
    query = (
        select(
            Person.id,
            Person.name,
            Person.email,
            Person.phone,
            Person.title,
            func.coalesce(Organisation.name, ""),
            Area.name,
            AreaMember.is_primary_contact,
        )
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
        .outerjoin(AreaMember, AreaMember.person_id == Person.id)
        .outerjoin(Area, AreaMember.area_id == Area.id)
        .order_by(Person.name, Person.id)
    )
    with db.read() as s:
        # Core rows through the session's connection: no ORM result wrapping.
        flat = s.connection().execute(query).all()
    people: dict[str, tuple[str, str, str, str, str, str]] = {}
    areas_of: dict[str, list[tuple[str, bool]]] = {}
    for row in flat:
        listed = areas_of.get(row[0])
        if listed is None:
            people[row[0]] = (row[0], row[1], row[2], row[3], row[4], row[5])
            areas_of[row[0]] = listed = []
        if row[6] is not None:
            listed.append((row[6], bool(row[7])))
    return by_name(
        PersonRow(*person, tuple(sorted(areas_of[key], key=lambda a: sort_key(a[0]))))
        for key, person in people.items()
    )


def organisation_rows(db: Database) -> list[OrganisationRow]:
    query = select(
        Organisation.id,
        Organisation.name,
        Organisation.sector,
        Organisation.cvr,
        Organisation.municipality,
    ).order_by(Organisation.name)
    with db.read() as s:
        return by_name(OrganisationRow(*row) for row in s.execute(query))


def get_organisation(db: Database, organisation_id: str) -> Organisation:
    with db.read() as s:
        return get(s, Organisation, organisation_id, "Organisationen")


def create_organisation(db: Database, data: OrganisationData) -> str:
    values = data.cleaned()
    with db.transaction() as s:
        organisation = Organisation(**values)
        s.add(organisation)
        s.flush()
        return organisation.id


def update_organisation(db: Database, organisation_id: str, data: OrganisationData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        apply(get(s, Organisation, organisation_id, "Organisationen"), values)


def delete_organisation(db: Database, organisation_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, Organisation, organisation_id, "Organisationen"))


def list_organisations(db: Database, text: str = "") -> list[Organisation]:
    with db.read() as s:
        query = select(Organisation).order_by(Organisation.name)
        if text:
            like = f"%{text}%"
            query = query.where(or_(Organisation.name.ilike(like), Organisation.notes.ilike(like)))
        return by_name(s.scalars(query))
