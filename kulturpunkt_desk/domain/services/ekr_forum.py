"""Who takes part, by person and role: the directors' meetings, Kulturforum, the secretariat.

The strategy: "Den ledelsesmæssige forankring sikres på de årlige direktørmøder ved
kommunernes kulturdirektører/fagchefer, CDEU's direktør, regionens udviklingsdirektør og en
kommunaldirektør udpeget af kommunaldirektørnetværket", and the meeting held with
Kulturforum "omfatter politisk deltagelse ved forpersonen for kommunernes kulturudvalg og
regionens formandskab i Udvalg for regional udvikling". In the secretariat "det fast er de
samme en til to person/er", so a member sending someone else is warned about.
Kulturforum itself is a record: its date, programme, participants and the priorities set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..danish import sort_key
from ..dates import short_date
from ..errors import Collector, ValidationError
from ..models import (
    PARTICIPANT_ROLE_LABELS,
    POLITICAL_ROLES,
    Kulturforum,
    MemberKind,
    Participant,
    ParticipantRole,
    PartnerMember,
    Partnership,
    Person,
    Representative,
    WheelMeeting,
    WheelMeetingKind,
)
from .common import apply, get

R = ParticipantRole
# The seed's directors' meeting, beside the municipalities' culture directors.
DIRECTORS_ROLES = (R.CDEU_DIRECTOR, R.DEVELOPMENT_DIRECTOR, R.CHIEF_EXECUTIVE)
SECRETARIAT_KINDS = (WheelMeetingKind.SECRETARIAT_DIGITAL, WheelMeetingKind.SECRETARIAT_PHYSICAL)


@dataclass(frozen=True)
class ParticipantData:
    """A person in a role; a new person is made unless `person_id` names one."""

    role: ParticipantRole
    member_id: str | None = None
    person_id: str | None = None
    name: str = ""
    title: str = ""
    present: bool = True

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        values: dict[str, object] = {
            "role": ParticipantRole(self.role),
            "title": c.run(v.optional, self.title, "title", "Titel"),
        }
        if self.person_id is None:
            values["name"] = c.run(v.required, self.name, "name", "Navn")
        c.raise_if_any()
        return values


@dataclass(frozen=True)
class ParticipantRow:
    participant_id: str
    person_id: str
    name: str
    role: ParticipantRole
    member_id: str | None
    member: str
    present: bool
    # For the secretariat: is this one of the member's fixed people?
    fixed: bool

    @property
    def role_label(self) -> str:
        return PARTICIPANT_ROLE_LABELS[self.role]


@dataclass(frozen=True)
class KulturforumData:
    held_on: date
    place: str = ""
    programme: str = ""
    priorities: str = ""
    meeting_id: str | None = None
    notes: str = ""

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        if not isinstance(self.held_on, date):
            c.add("held_on", "Dato: skal udfyldes.")
        values: dict[str, object] = {
            "held_on": self.held_on,
            "place": c.run(v.optional, self.place, "place", "Sted"),
            "programme": c.run(v.optional, self.programme, "programme", "Program", 20_000),
            "priorities": c.run(
                v.optional, self.priorities, "priorities", "Prioriteringer", 20_000
            ),
            "meeting_id": self.meeting_id,
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 10_000),
        }
        c.raise_if_any()
        return values


def priorities_of(forum: Kulturforum) -> list[str]:
    """The priorities Kulturforum set, one a line."""
    return [line.strip(" -•\t") for line in forum.priorities.splitlines() if line.strip(" -•\t")]


# --- participants -------------------------------------------------------------------------


def _person(s: Session, data: ParticipantData, values: dict[str, object]) -> Person:
    if data.person_id is not None:
        return get(s, Person, data.person_id, "Personen")
    person = Person(name=values["name"], title=values["title"])
    s.add(person)
    s.flush()
    return person


def _check_member(s: Session, partnership_id: str, member_id: str | None) -> None:
    if member_id is not None:
        member = get(s, PartnerMember, member_id, "Medlemmet")
        if member.partnership_id != partnership_id:
            raise ValidationError.single("member_id", "Medlem: hører til et andet partnerskab.")


def add_participant(
    db: Database,
    data: ParticipantData,
    *,
    meeting_id: str | None = None,
    kulturforum_id: str | None = None,
) -> str:
    """Add a person to a wheel meeting or to Kulturforum (exactly one of the two)."""
    values = data.cleaned()
    if (meeting_id is None) == (kulturforum_id is None):
        raise ValidationError.single("meeting_id", "Møde: vælg ét møde eller ét Kulturforum.")
    with db.transaction() as s:
        if meeting_id is not None:
            partnership_id = get(s, WheelMeeting, meeting_id, "Mødet").partnership_id
        else:
            partnership_id = get(
                s, Kulturforum, kulturforum_id or "", "Kulturforummet"
            ).partnership_id
        _check_member(s, partnership_id, data.member_id)
        person = _person(s, data, values)
        taken = select(Participant.id).where(
            Participant.person_id == person.id,
            Participant.meeting_id == meeting_id
            if meeting_id is not None
            else Participant.kulturforum_id == kulturforum_id,
        )
        if s.scalar(taken) is not None:
            raise ValidationError.single("person_id", f"Person: {person.name} er allerede med.")
        participant = Participant(
            meeting_id=meeting_id,
            kulturforum_id=kulturforum_id,
            person_id=person.id,
            member_id=data.member_id,
            role=values["role"],
            present=data.present,
        )
        s.add(participant)
        s.flush()
        return participant.id


def prefill_participants(db: Database, meeting_id: str) -> list[str]:
    """Start a meeting's list of people from whom the steering model expects.

    A secretariat meeting gets each member's fixed representatives; a directors' meeting the
    directors of the latest earlier directors' meeting (not its politicians). The team then
    marks who did not come and adds a stand-in. Returns the new participants' ids.
    """
    with db.transaction() as s:
        meeting = get(s, WheelMeeting, meeting_id, "Mødet")
        if s.scalar(select(Participant.id).where(Participant.meeting_id == meeting_id)):
            raise ValidationError.single("meeting_id", "Møde: deltagerne er allerede registreret.")
        members = select(PartnerMember.id).where(
            PartnerMember.partnership_id == meeting.partnership_id
        )
        people: list[tuple[str, str | None, ParticipantRole]] = []
        if meeting.kind in SECRETARIAT_KINDS:
            people = [
                (r.person_id, r.member_id, R.REPRESENTATIVE)
                for r in s.scalars(
                    select(Representative)
                    .where(Representative.member_id.in_(members))
                    .order_by(Representative.member_id, Representative.created_at)
                )
            ]
        else:
            earlier = s.scalar(
                select(WheelMeeting.id)
                .join(Participant, Participant.meeting_id == WheelMeeting.id)
                .where(
                    WheelMeeting.partnership_id == meeting.partnership_id,
                    WheelMeeting.kind.notin_(SECRETARIAT_KINDS),
                    WheelMeeting.held_on < meeting.held_on,
                )
                .order_by(WheelMeeting.held_on.desc())
                .limit(1)
            )
            people = [
                (p.person_id, p.member_id, p.role)
                for p in s.scalars(
                    select(Participant)
                    .where(Participant.meeting_id == earlier)
                    .order_by(Participant.created_at, Participant.id)
                )
                if p.role not in POLITICAL_ROLES
            ]
        made = [
            Participant(meeting_id=meeting_id, person_id=person, member_id=member, role=role)
            for person, member, role in people
        ]
        s.add_all(made)
        s.flush()
        return [p.id for p in made]


def set_present(db: Database, participant_id: str, present: bool) -> None:
    with db.transaction() as s:
        get(s, Participant, participant_id, "Deltageren").present = present


def _fixed_people(s: Session, member_ids: set[str]) -> dict[str, set[str]]:
    fixed: dict[str, set[str]] = {m: set() for m in member_ids}
    for rep in s.scalars(select(Representative).where(Representative.member_id.in_(member_ids))):
        fixed[rep.member_id].add(rep.person_id)
    return fixed


def list_participants(
    db: Database, *, meeting_id: str | None = None, kulturforum_id: str | None = None
) -> list[ParticipantRow]:
    with db.read() as s:
        query = select(Participant).options(
            selectinload(Participant.person), selectinload(Participant.member)
        )
        if meeting_id is not None:
            query = query.where(Participant.meeting_id == meeting_id)
        else:
            query = query.where(Participant.kulturforum_id == kulturforum_id)
        found = s.scalars(query.order_by(Participant.created_at, Participant.id)).all()
        fixed = _fixed_people(s, {p.member_id for p in found if p.member_id})
        return [
            ParticipantRow(
                p.id,
                p.person_id,
                p.person.name,
                p.role,
                p.member_id,
                p.member.name if p.member else "",
                p.present,
                p.member_id is not None and p.person_id in fixed.get(p.member_id, set()),
            )
            for p in found
        ]


def known_people(db: Database, partnership_id: str) -> list[tuple[str, str]]:
    """People the partnership already knows (representatives and earlier participants), by
    name: whom a participant can be picked from."""
    with db.read() as s:
        members = select(PartnerMember.id).where(PartnerMember.partnership_id == partnership_id)
        ids = set(
            s.scalars(select(Representative.person_id).where(Representative.member_id.in_(members)))
        ) | set(s.scalars(select(Participant.person_id).where(Participant.member_id.in_(members))))
        people = s.scalars(select(Person).where(Person.id.in_(ids))).all()
        return sorted(((p.id, p.name) for p in people), key=lambda x: sort_key(x[1]))


def meeting_warnings(db: Database, meeting_id: str) -> list[str]:
    """Where the people at a meeting depart from the steering model."""
    with db.read() as s:
        meeting = get(s, WheelMeeting, meeting_id, "Mødet")
        kind = meeting.kind
        count = len(
            s.scalars(
                select(PartnerMember.id).where(
                    PartnerMember.partnership_id == meeting.partnership_id,
                    PartnerMember.kind == MemberKind.MUNICIPALITY,
                )
            ).all()
        )
    rows = [r for r in list_participants(db, meeting_id=meeting_id) if r.present]
    if not rows:
        return []
    if kind in SECRETARIAT_KINDS:
        return [
            f"{r.member} sendte {r.name}, som ikke er en af medlemmets faste repræsentanter."
            for r in rows
            if r.member_id is not None and not r.fixed
        ]
    warnings = []
    roles = {r.role for r in rows}
    for role in DIRECTORS_ROLES:
        if role not in roles:
            warnings.append(f"Ingen deltager med rollen «{PARTICIPANT_ROLE_LABELS[role]}».")
    directors = {r.member_id for r in rows if r.role == R.CULTURE_DIRECTOR and r.member_id}
    if len(directors) < count:
        warnings.append(
            f"{len(directors)} af {count} kommuner var repræsenteret ved kulturdirektør/fagchef."
        )
    if kind == WheelMeetingKind.DIRECTORS_KULTURFORUM and not roles & POLITICAL_ROLES:
        warnings.append(
            "Mødet med Kulturforum har ingen politiske deltagere (forpersoner for "
            "kulturudvalgene, formandskabet i Udvalg for regional udvikling)."
        )
    return warnings


def secretariat_substitutes(db: Database, partnership_id: str, year: int) -> list[str]:
    """Every time this year a member sent someone other than its fixed people."""
    with db.read() as s:
        meetings = s.scalars(
            select(WheelMeeting)
            .where(
                WheelMeeting.partnership_id == partnership_id,
                WheelMeeting.year == year,
                WheelMeeting.kind.in_(SECRETARIAT_KINDS),
            )
            .order_by(WheelMeeting.held_on)
        ).all()
        dated = [(m.id, m.held_on) for m in meetings]
    return [
        f"{short_date(held_on)}: {warning}"
        for meeting_id, held_on in dated
        for warning in meeting_warnings(db, meeting_id)
    ]


# --- Kulturforum --------------------------------------------------------------------------


def _check_forum(s: Session, partnership_id: str, values: dict[str, object]) -> None:
    meeting_id = values["meeting_id"]
    if meeting_id is not None:
        meeting = get(s, WheelMeeting, str(meeting_id), "Mødet")
        if meeting.partnership_id != partnership_id:
            raise ValidationError.single("meeting_id", "Møde: hører til et andet partnerskab.")


def create_kulturforum(db: Database, partnership_id: str, data: KulturforumData) -> str:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Partnership, partnership_id, "Partnerskabet")
        _check_forum(s, partnership_id, values)
        forum = Kulturforum(partnership_id=partnership_id, **values)
        s.add(forum)
        s.flush()
        return forum.id


def update_kulturforum(db: Database, kulturforum_id: str, data: KulturforumData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        forum = get(s, Kulturforum, kulturforum_id, "Kulturforummet")
        _check_forum(s, forum.partnership_id, values)
        apply(forum, values)


def list_kulturforums(db: Database, partnership_id: str) -> list[Kulturforum]:
    """Every Kulturforum, newest first, with its participants and directors' meeting."""
    with db.read() as s:
        return list(
            s.scalars(
                select(Kulturforum)
                .where(Kulturforum.partnership_id == partnership_id)
                .options(
                    selectinload(Kulturforum.participants).joinedload(Participant.person),
                    selectinload(Kulturforum.meeting),
                )
                .order_by(Kulturforum.held_on.desc())
            )
        )


def kulturforum_of_year(db: Database, partnership_id: str, year: int) -> Kulturforum | None:
    return next((f for f in list_kulturforums(db, partnership_id) if f.held_on.year == year), None)
