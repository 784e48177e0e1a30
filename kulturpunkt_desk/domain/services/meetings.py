"""Network and inspiration meetings, their rounds, and who attended on behalf of which area.

The seed's timeline has two rounds of "netværks- og inspirationsmøde(r)": Aug.-nov. 2025 and
feb.-marts 2026 (the programme's NETWORK_ROUND milestones). Each meeting belongs to a round;
`areas_absent_from_round` is the one rule for "an area that came to none of its meetings".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..danish import by_name
from ..errors import Collector, ValidationError
from ..models import (
    Area,
    AreaMember,
    MeetingAttendance,
    MeetingKind,
    Milestone,
    MilestoneKind,
    NetworkMeeting,
    Person,
    Programme,
)
from .common import apply, get
from .selection import designated_ids_in


@dataclass
class MeetingData:
    title: str
    held_on: date
    place: str = ""
    agenda: str = ""
    notes: str = ""
    kind: MeetingKind = MeetingKind.NETWORK
    # The round it belongs to; None: the round whose dates hold the meeting's date.
    round: int | None = None

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        if not isinstance(self.held_on, date):
            c.add("held_on", "Dato: skal udfyldes.")
        if self.round is not None and self.round < 1:
            c.add("round", "Runde: skal være 1 eller mere.")
        values: dict[str, object] = {
            "title": c.run(v.required, self.title, "title", "Titel"),
            "held_on": self.held_on,
            "place": c.run(v.optional, self.place, "place", "Sted"),
            "agenda": c.run(v.optional, self.agenda, "agenda", "Dagsorden", 50_000),
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 50_000),
            "kind": MeetingKind(self.kind),
            "round": self.round,
        }
        c.raise_if_any()
        return values


@dataclass(frozen=True)
class NetworkRound:
    """One round of network meetings from the programme's timeline."""

    number: int
    starts_on: date
    ends_on: date


def rounds_in(s: Session, programme_id: str) -> list[NetworkRound]:
    return [
        NetworkRound(m.round, m.starts_on, m.ends_on)
        for m in s.scalars(
            select(Milestone)
            .where(
                Milestone.programme_id == programme_id,
                Milestone.kind == MilestoneKind.NETWORK_ROUND,
                Milestone.round.is_not(None),
            )
            .order_by(Milestone.starts_on)
        )
        if m.round is not None
    ]


def network_rounds(db: Database, programme_id: str) -> list[NetworkRound]:
    """The programme's rounds of network meetings, in order."""
    with db.read() as s:
        return rounds_in(s, programme_id)


def _with_round(s: Session, programme_id: str, values: dict[str, object]) -> dict[str, object]:
    """Fill in the round from the date when none was chosen; refuse a round not planned."""
    rounds = rounds_in(s, programme_id)
    chosen = values["round"]
    if chosen is None:
        held = values["held_on"]
        found = [
            r.number for r in rounds if isinstance(held, date) and r.starts_on <= held <= r.ends_on
        ]
        return {**values, "round": found[0] if found else None}
    if rounds and chosen not in {r.number for r in rounds}:
        planned = ", ".join(f"{r.number}." for r in rounds)
        raise ValidationError.single(
            "round", f"Runde: programmets tidsplan har runde {planned}, ikke {chosen}."
        )
    return values


def create_meeting(db: Database, programme_id: str, data: MeetingData) -> str:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Programme, programme_id, "Programmet")
        values = _with_round(s, programme_id, values)
        meeting = NetworkMeeting(programme_id=programme_id, **values)
        s.add(meeting)
        s.flush()
        return meeting.id


def update_meeting(db: Database, meeting_id: str, data: MeetingData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        meeting = get(s, NetworkMeeting, meeting_id, "Mødet")
        apply(meeting, _with_round(s, meeting.programme_id, values))


def delete_meeting(db: Database, meeting_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, NetworkMeeting, meeting_id, "Mødet"))


def set_attendance(db: Database, meeting_id: str, attendees: list[tuple[str, str]]) -> None:
    """Replace the meeting's attendance with (area_id, person_id) pairs."""
    with db.transaction() as s:
        meeting = get(s, NetworkMeeting, meeting_id, "Mødet")
        pairs = list(dict.fromkeys(attendees))
        area_ids = {a for a, _ in pairs}
        valid = {
            (row[0], row[1])
            for row in s.execute(
                select(AreaMember.area_id, AreaMember.person_id)
                .join(Area)
                .where(AreaMember.area_id.in_(area_ids), Area.programme_id == meeting.programme_id)
            )
        }
        wrong = [p for p in pairs if p not in valid]
        if wrong:
            raise ValidationError.single(
                "attendance",
                "Fremmøde: en person kan kun møde for et lokalområde, de er knyttet til.",
            )
        persons = [p for _, p in pairs]
        if len(set(persons)) != len(persons):
            raise ValidationError.single(
                "attendance", "Fremmøde: samme person kan ikke møde for to lokalområder på én gang."
            )
        meeting.attendance.clear()
        s.flush()
        meeting.attendance = [MeetingAttendance(area_id=a, person_id=p) for a, p in pairs]


def list_meetings(db: Database, programme_id: str) -> list[NetworkMeeting]:
    with db.read() as s:
        return list(
            s.scalars(
                select(NetworkMeeting)
                .where(NetworkMeeting.programme_id == programme_id)
                .options(selectinload(NetworkMeeting.attendance))
                .order_by(NetworkMeeting.held_on)
            )
        )


class MeetingRow(NamedTuple):
    """A meeting as the meetings view lists it: plain values, no ORM objects."""

    id: str
    held_on: date
    title: str
    place: str
    kind: MeetingKind
    round: int | None
    agenda: str
    notes: str
    represented: int  # how many areas had someone at the meeting


def meeting_rows(db: Database, programme_id: str) -> list[MeetingRow]:
    """The programme's meetings, newest first, each with its represented areas, in one query."""
    represented = (
        select(func.count(func.distinct(MeetingAttendance.area_id)))
        .where(MeetingAttendance.meeting_id == NetworkMeeting.id)
        .scalar_subquery()
    )
    with db.read() as s:
        return [
            MeetingRow(*row)
            for row in s.execute(
                select(
                    NetworkMeeting.id,
                    NetworkMeeting.held_on,
                    NetworkMeeting.title,
                    NetworkMeeting.place,
                    NetworkMeeting.kind,
                    NetworkMeeting.round,
                    NetworkMeeting.agenda,
                    NetworkMeeting.notes,
                    represented,
                )
                .where(NetworkMeeting.programme_id == programme_id)
                .order_by(NetworkMeeting.held_on.desc(), NetworkMeeting.created_at)
            )
        ]


def attendees(db: Database, meeting_id: str) -> set[tuple[str, str]]:
    """Who came to the meeting, as (area_id, person_id) pairs."""
    with db.read() as s:
        pairs = s.execute(
            select(MeetingAttendance.area_id, MeetingAttendance.person_id).where(
                MeetingAttendance.meeting_id == meeting_id
            )
        )
        return {(area_id, person_id) for area_id, person_id in pairs}


def get_meeting(db: Database, meeting_id: str) -> NetworkMeeting:
    """The whole meeting for its form."""
    with db.read() as s:
        return get(s, NetworkMeeting, meeting_id, "Mødet")


def areas_not_represented(db: Database, meeting_id: str) -> list[Area]:
    with db.read() as s:
        meeting = get(s, NetworkMeeting, meeting_id, "Mødet")
        present = {a.area_id for a in meeting.attendance}
        return by_name(
            a
            for a in s.scalars(select(Area).where(Area.programme_id == meeting.programme_id))
            if a.id not in present
        )


class MemberRow(NamedTuple):
    """One of an area's people as the attendance grid lists them."""

    area_id: str
    area_name: str
    person_id: str
    person_name: str
    role: str
    is_primary_contact: bool


def programme_members(db: Database, programme_id: str) -> list[MemberRow]:
    """Every area's people, by area, primary contact and steering group first, in one query."""
    query = (
        select(
            AreaMember.area_id,
            Area.name,
            AreaMember.person_id,
            Person.name,
            AreaMember.role,
            AreaMember.is_primary_contact,
        )
        .join(Area, AreaMember.area_id == Area.id)
        .join(Person, AreaMember.person_id == Person.id)
        .where(Area.programme_id == programme_id)
        .order_by(
            Area.name,
            AreaMember.is_primary_contact.desc(),
            AreaMember.in_steering_group.desc(),
            Person.name,
        )
    )
    with db.read() as s:
        return [MemberRow(*row) for row in s.execute(query)]


def absent_in(
    s: Session, programme_id: str, round_number: int, designated: set[str] | None = None
) -> list[Row[str, str]]:
    """Designated, open areas nobody came from to any meeting of the round, by name: their
    id and name (columns only; Overblik and the meetings view ask for every round).
    `designated`: the programme's designated areas, when the caller has them already."""
    came = (
        select(MeetingAttendance.area_id)
        .join(NetworkMeeting)
        .where(NetworkMeeting.programme_id == programme_id, NetworkMeeting.round == round_number)
    )
    if designated is None:
        designated = designated_ids_in(s, programme_id)
    return by_name(
        area
        for area in s.execute(
            select(Area.id, Area.name).where(
                Area.programme_id == programme_id,
                Area.closed_on.is_(None),
                ~Area.id.in_(came),
            )
        )
        if area.id in designated
    )


def areas_absent_from_round(
    db: Database, programme_id: str, round_number: int
) -> list[Row[str, str]]:
    """The designated areas that came to none of the round's meetings (closed ones left out)."""
    with db.read() as s:
        return absent_in(s, programme_id, round_number)


def absences_by_round(
    db: Database, programme_id: str
) -> list[tuple[NetworkRound, list[Row[str, str]]]]:
    """Each network round with the designated areas that came to none of its meetings, in
    one session: the rounds and the designated areas are read once for all of them."""
    with db.read() as s:
        designated = designated_ids_in(s, programme_id)
        return [
            (r, absent_in(s, programme_id, r.number, designated))
            for r in rounds_in(s, programme_id)
        ]
