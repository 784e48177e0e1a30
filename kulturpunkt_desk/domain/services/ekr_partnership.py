"""Europæisk Kulturregion: the partnership, its members and their fixed representatives.

The strategy fixes one or two people per member in the joint secretariat; the desk does not
refuse a third (a handover takes a while) but warns about none, and about more than two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..errors import Collector, ValidationError
from ..models import MemberKind, PartnerMember, Partnership, Person, Representative
from ..money import check_ore, kr
from .case_file import case_file_values
from .common import apply, check_unique_name, get

DEFAULT_FRAME_ORE = kr(1_300_000)
DEFAULT_MARGIN_PCT = 2
MAX_REPRESENTATIVES = 2


def _margin(value: int, field: str, label: str) -> int:
    value = v.non_negative_int(value, field, label)
    if value > 50:
        raise ValidationError.single(field, f"{label}: højst 50 %.")
    return value


@dataclass
class PartnershipData:
    name: str
    default_frame_ore: int = DEFAULT_FRAME_ORE
    frame_rule_margin_pct: int = DEFAULT_MARGIN_PCT
    contact_organisation: str = ""
    contact_department: str = ""
    contact_street: str = ""
    contact_postcode_city: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    case_number: str = ""
    case_handler_name: str = ""
    case_handler_phone: str = ""
    case_handler_email: str = ""
    notes: str = ""

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        frame = c.run(check_ore, self.default_frame_ore, "default_frame_ore", "Ramme")
        if frame is not None and frame % 100:
            c.add("default_frame_ore", "Ramme: skal være hele kroner.")
        values: dict[str, object] = {
            "name": c.run(v.required, self.name, "name", "Navn"),
            "default_frame_ore": frame,
            "frame_rule_margin_pct": c.run(
                _margin, self.frame_rule_margin_pct, "frame_rule_margin_pct", "Afvigelse"
            ),
            "contact_organisation": c.run(
                v.optional, self.contact_organisation, "contact_organisation", "Afsender"
            ),
            "contact_department": c.run(
                v.optional, self.contact_department, "contact_department", "Afdeling"
            ),
            "contact_street": c.run(v.optional, self.contact_street, "contact_street", "Adresse"),
            "contact_postcode_city": c.run(
                v.optional, self.contact_postcode_city, "contact_postcode_city", "Postnr. og by"
            ),
            "contact_email": c.run(v.email, self.contact_email, "contact_email", "E-mail"),
            "contact_phone": c.run(v.phone, self.contact_phone, "contact_phone", "Telefon"),
            **case_file_values(
                c,
                self.case_number,
                self.case_handler_name,
                self.case_handler_phone,
                self.case_handler_email,
            ),
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 10_000),
        }
        c.raise_if_any()
        return values


@dataclass
class MemberData:
    name: str
    kind: MemberKind
    rotation_order: int = 0
    address: str = ""
    notes: str = ""

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        values: dict[str, object] = {
            "name": c.run(v.required, self.name, "name", "Navn"),
            "kind": MemberKind(self.kind),
            "rotation_order": c.run(
                v.non_negative_int, self.rotation_order, "rotation_order", "Rækkefølge"
            ),
            "address": c.run(v.optional, self.address, "address", "Adresse", 400),
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 10_000),
        }
        c.raise_if_any()
        return values


@dataclass
class RepresentativeData:
    """A representative; a new person is made unless `person_id` names an existing one."""

    name: str = ""
    role_title: str = ""
    email: str = ""
    phone: str = ""
    person_id: int | None = None
    # The date their organisation gave them a decision mandate; None: not recorded yet.
    mandate_on: date | None = None

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        if self.mandate_on is not None and not isinstance(self.mandate_on, date):
            c.add("mandate_on", "Mandat: skal være en dato.")
        values: dict[str, object] = {
            "role_title": c.run(v.optional, self.role_title, "role_title", "Titel"),
            "email": c.run(v.email, self.email, "email", "E-mail"),
            "phone": c.run(v.phone, self.phone, "phone", "Telefon"),
        }
        if self.person_id is None:
            values["name"] = c.run(v.required, self.name, "name", "Navn")
        c.raise_if_any()
        return values


@dataclass(frozen=True)
class MemberWarning:
    member_id: int
    member_name: str
    message: str


def create_partnership(db: Database, data: PartnershipData) -> int:
    values = data.cleaned()
    with db.transaction() as s:
        check_unique_name(
            s, Partnership.id, Partnership.name, str(values["name"]), None, "et partnerskab"
        )
        partnership = Partnership(**values)
        s.add(partnership)
        s.flush()
        return partnership.id


def update_partnership(db: Database, partnership_id: int, data: PartnershipData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        partnership = get(s, Partnership, partnership_id, "Partnerskabet")
        check_unique_name(
            s,
            Partnership.id,
            Partnership.name,
            str(values["name"]),
            partnership_id,
            "et partnerskab",
        )
        apply(partnership, values)


def list_partnerships(db: Database) -> list[Partnership]:
    with db.read() as s:
        return list(s.scalars(select(Partnership).order_by(Partnership.name)))


def current_partnership(db: Database) -> Partnership | None:
    """The partnership the desk shows (there is normally one: EKR)."""
    with db.read() as s:
        return s.scalar(select(Partnership).order_by(Partnership.id))


def get_partnership(db: Database, partnership_id: int) -> Partnership:
    with db.read() as s:
        return get(s, Partnership, partnership_id, "Partnerskabet")


def add_member(db: Database, partnership_id: int, data: MemberData) -> int:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Partnership, partnership_id, "Partnerskabet")
        _check_member(s, partnership_id, values, None)
        member = PartnerMember(partnership_id=partnership_id, **values)
        s.add(member)
        s.flush()
        return member.id


def update_member(db: Database, member_id: int, data: MemberData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        member = get(s, PartnerMember, member_id, "Medlemmet")
        _check_member(s, member.partnership_id, values, member_id)
        apply(member, values)


def _check_member(
    s: Session, partnership_id: int, values: dict[str, object], own_id: int | None
) -> None:
    others = select(PartnerMember).where(
        PartnerMember.partnership_id == partnership_id, PartnerMember.id != (own_id or -1)
    )
    name = str(values["name"])
    if s.scalar(others.where(func.casefold(PartnerMember.name) == name.casefold())) is not None:
        raise ValidationError.single("name", f"Navn: «{name}» er allerede medlem.")
    # The region hosts the digital meetings and matches the frame: there is one.
    if (
        values["kind"] == MemberKind.REGION
        and s.scalar(others.where(PartnerMember.kind == MemberKind.REGION)) is not None
    ):
        raise ValidationError.single("kind", "Type: partnerskabet har allerede en region.")


def delete_member(db: Database, member_id: int) -> None:
    with db.transaction() as s:
        s.delete(get(s, PartnerMember, member_id, "Medlemmet"))


def list_members(db: Database, partnership_id: int) -> list[PartnerMember]:
    """Members with their representatives: region first, then municipalities, then CDEU."""
    order = {MemberKind.REGION: 0, MemberKind.MUNICIPALITY: 1, MemberKind.CDEU: 2}
    with db.read() as s:
        members = s.scalars(
            select(PartnerMember)
            .where(PartnerMember.partnership_id == partnership_id)
            .options(selectinload(PartnerMember.representatives).joinedload(Representative.person))
        ).all()
        return sorted(members, key=lambda m: (order[m.kind], m.rotation_order, m.name))


def municipalities(db: Database, partnership_id: int) -> list[PartnerMember]:
    return [m for m in list_members(db, partnership_id) if m.kind == MemberKind.MUNICIPALITY]


def add_representative(db: Database, member_id: int, data: RepresentativeData) -> int:
    values = data.cleaned()
    with db.transaction() as s:
        member = get(s, PartnerMember, member_id, "Medlemmet")
        if data.person_id is None:
            person = Person(
                name=values["name"],
                email=values["email"],
                phone=values["phone"],
                title=values["role_title"],
            )
            s.add(person)
            s.flush()
        else:
            person = get(s, Person, data.person_id, "Personen")
        if any(r.person_id == person.id for r in member.representatives):
            raise ValidationError.single(
                "person_id", f"Person: {person.name} repræsenterer allerede {member.name}."
            )
        rep = Representative(member_id=member.id, person_id=person.id)
        rep.role_title = str(values["role_title"])
        rep.mandate_on = data.mandate_on
        s.add(rep)
        s.flush()
        return rep.id


def update_representative(db: Database, representative_id: int, data: RepresentativeData) -> None:
    """Change the title in the secretariat and the person's name, e-mail and phone."""
    values = data.cleaned()
    with db.transaction() as s:
        rep = get(s, Representative, representative_id, "Repræsentanten")
        rep.role_title = str(values["role_title"])
        rep.mandate_on = data.mandate_on
        if "name" in values:
            rep.person.name = str(values["name"])
        rep.person.email = str(values["email"])
        rep.person.phone = str(values["phone"])


def set_mandate(db: Database, representative_id: int, mandate_on: date | None) -> None:
    """Record (or clear) the date a representative got a decision mandate from their
    organisation."""
    if mandate_on is not None and not isinstance(mandate_on, date):
        raise ValidationError.single("mandate_on", "Mandat: skal være en dato.")
    with db.transaction() as s:
        get(s, Representative, representative_id, "Repræsentanten").mandate_on = mandate_on


def remove_representative(db: Database, representative_id: int) -> None:
    """The person stays in the address book; only their seat in the secretariat goes."""
    with db.transaction() as s:
        s.delete(get(s, Representative, representative_id, "Repræsentanten"))


def representative_warnings(db: Database, partnership_id: int) -> list[MemberWarning]:
    """Members with no fixed representative, or with more than the agreed two."""
    warnings: list[MemberWarning] = []
    for member in list_members(db, partnership_id):
        count = len(member.representatives)
        if count == 0:
            message = f"{member.name} har ingen fast repræsentant i fællessekretariatet."
        elif count > MAX_REPRESENTATIVES:
            message = (
                f"{member.name} har {count} repræsentanter; der skal fast være en til to "
                "personer i fællessekretariatet."
            )
        else:
            continue
        warnings.append(MemberWarning(member.id, member.name, message))
    return warnings


def mandate_warnings(db: Database, partnership_id: int) -> list[MemberWarning]:
    """Representatives without a recorded decision mandate from their own organisation.

    The strategy: "Repræsentanterne i fællessekretariatet skal have beslutningsmandat med
    fra eget bagland"."""
    return [
        MemberWarning(
            member.id,
            member.name,
            f"{rep.person.name} ({member.name}) har intet beslutningsmandat fra eget bagland "
            "registreret.",
        )
        for member in list_members(db, partnership_id)
        for rep in member.representatives
        if rep.mandate_on is None
    ]
