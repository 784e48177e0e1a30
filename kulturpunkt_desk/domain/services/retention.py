"""How long personal data is kept: a programme's closing date plus its retention years.

The years are a setting on the programme (Programme.retention_years, editable with the
programme). A person is due for deletion when every programme they took part in (as an
area's member, at a sparring session or at a network meeting) is closed and its
retention period has run out; anonymising them is then personal_data.anonymise_person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from kulturpunkt_desk.storage.engine import Database

from ..models import (
    Area,
    AreaMember,
    MeetingAttendance,
    NetworkMeeting,
    Person,
    Programme,
    SessionParticipant,
    SparringSession,
)


def retention_date(programme: Programme) -> date | None:
    """When personal data from `programme` may no longer be kept (None while it runs)."""
    if programme.closed_on is None:
        return None
    return programme.closed_on + relativedelta(years=programme.retention_years)


@dataclass
class DueForDeletion:
    person_id: str
    name: str
    programmes: list[str]
    due_on: date  # the latest retention date among their programmes


def _person_programmes(db: Database) -> dict[str, set[str]]:
    """person id -> ids of the programmes the person took part in."""
    links = [
        select(AreaMember.person_id, Area.programme_id).join(Area, AreaMember.area_id == Area.id),
        select(SessionParticipant.person_id, Area.programme_id)
        .join(SparringSession, SessionParticipant.session_id == SparringSession.id)
        .join(Area, SparringSession.area_id == Area.id),
        select(MeetingAttendance.person_id, NetworkMeeting.programme_id).join(
            NetworkMeeting, MeetingAttendance.meeting_id == NetworkMeeting.id
        ),
    ]
    found: dict[str, set[str]] = {}
    with db.read() as s:
        for query in links:
            for person_id, programme_id in s.execute(query):
                found.setdefault(person_id, set()).add(programme_id)
    return found


def people_due_for_deletion(db: Database, today: date | None = None) -> list[DueForDeletion]:
    """People whose every programme closed and whose retention ran out, oldest due first.

    People tied to no programme at all are not listed: the desk cannot know why they are
    kept, so that is the consultant's call (they show up in the people list as usual).
    """
    today = today or date.today()
    links = _person_programmes(db)
    with db.read() as s:
        programmes = {p.id: p for p in s.scalars(select(Programme))}
        people = {p.id: p for p in s.scalars(select(Person).where(Person.anonymised_at.is_(None)))}
    due = []
    for person_id, programme_ids in links.items():
        person = people.get(person_id)
        if person is None:
            continue
        dates = [retention_date(programmes[i]) for i in programme_ids]
        if any(d is None for d in dates):
            continue
        last = max(d for d in dates if d is not None)
        if last <= today:
            names = sorted(programmes[i].name for i in programme_ids)
            due.append(DueForDeletion(person_id, person.name, names, last))
    return sorted(due, key=lambda d: (d.due_on, d.name))


def programme_retention(db: Database) -> list[tuple[Programme, date | None]]:
    """Every programme with its retention date, for the settings view."""
    with db.read() as s:
        programmes = list(s.scalars(select(Programme).order_by(Programme.start_year)))
    return [(p, retention_date(p)) for p in programmes]
