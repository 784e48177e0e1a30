"""Network and inspiration meetings and who attended on behalf of which area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..errors import Collector, ValidationError
from ..models import (
    Area,
    AreaMember,
    MeetingAttendance,
    MeetingKind,
    NetworkMeeting,
    Person,
    Programme,
)
from .common import apply, get


@dataclass
class MeetingData:
    title: str
    held_on: date
    place: str = ""
    agenda: str = ""
    notes: str = ""
    kind: MeetingKind = MeetingKind.NETWORK

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        if not isinstance(self.held_on, date):
            c.add("held_on", "Dato: skal udfyldes.")
        values: dict[str, object] = {
            "title": c.run(v.required, self.title, "title", "Titel"),
            "held_on": self.held_on,
            "place": c.run(v.optional, self.place, "place", "Sted"),
            "agenda": c.run(v.optional, self.agenda, "agenda", "Dagsorden", 50_000),
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 50_000),
            "kind": MeetingKind(self.kind),
        }
        c.raise_if_any()
        return values


def create_meeting(db: Database, programme_id: int, data: MeetingData) -> int:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Programme, programme_id, "Programmet")
        meeting = NetworkMeeting(programme_id=programme_id, **values)
        s.add(meeting)
        s.flush()
        return meeting.id


def update_meeting(db: Database, meeting_id: int, data: MeetingData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        apply(get(s, NetworkMeeting, meeting_id, "Mødet"), values)


def delete_meeting(db: Database, meeting_id: int) -> None:
    with db.transaction() as s:
        s.delete(get(s, NetworkMeeting, meeting_id, "Mødet"))


def set_attendance(db: Database, meeting_id: int, attendees: list[tuple[int, int]]) -> None:
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


def list_meetings(db: Database, programme_id: int) -> list[NetworkMeeting]:
    with db.read() as s:
        return list(
            s.scalars(
                select(NetworkMeeting)
                .where(NetworkMeeting.programme_id == programme_id)
                .options(selectinload(NetworkMeeting.attendance))
                .order_by(NetworkMeeting.held_on)
            )
        )


def areas_not_represented(db: Database, meeting_id: int) -> list[Area]:
    with db.read() as s:
        meeting = get(s, NetworkMeeting, meeting_id, "Mødet")
        present = {a.area_id for a in meeting.attendance}
        return [
            a
            for a in s.scalars(
                select(Area).where(Area.programme_id == meeting.programme_id).order_by(Area.name)
            )
            if a.id not in present
        ]


def programme_members(db: Database, programme_id: int) -> list[AreaMember]:
    """Every area's people (area and person loaded), by area, for the attendance grid."""
    with db.read() as s:
        return list(
            s.scalars(
                select(AreaMember)
                .join(Area)
                .join(Person, AreaMember.person_id == Person.id)
                .where(Area.programme_id == programme_id)
                .options(selectinload(AreaMember.area), selectinload(AreaMember.person))
                .order_by(
                    Area.name,
                    AreaMember.is_primary_contact.desc(),
                    AreaMember.in_steering_group.desc(),
                    Person.name,
                )
            )
        )
