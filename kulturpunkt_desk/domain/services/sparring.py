"""Sparring sessions with an area, their participants and follow-up actions."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import Row, Text, cast, select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..errors import Collector, NotFoundError, ValidationError
from ..models import (
    Area,
    AreaMember,
    CoreElement,
    FollowUpAction,
    Milestone,
    MilestoneKind,
    Person,
    SessionForm,
    SessionParticipant,
    SparringSession,
)
from .common import apply, get

# The sessions' order in every list: newest first; one day's by area, then a fixed order.
NEWEST_FIRST = (SparringSession.held_on.desc(), Area.name, SparringSession.id)


class FollowUpRow(NamedTuple):
    """A follow-up action as the sparring view lists it."""

    id: str
    description: str
    responsible: str
    due_on: date | None
    done_on: date | None


class SessionRow(NamedTuple):
    """A sparring session as the sparring view lists it: plain values, no ORM objects."""

    id: str
    area_id: str
    area_name: str
    held_on: date
    form: SessionForm
    round: int | None  # from round_of(); None before the first round
    participants: tuple[str, ...]
    core_elements: tuple[str, ...]
    follow_ups: tuple[FollowUpRow, ...]  # by due date, none first, as the record orders them
    # The notes are read for the chosen session only (session_notes): a large programme's
    # thousands of sessions would carry megabytes of text nobody sees in the list.


@dataclass
class FollowUpData:
    description: str
    due_on: date | None = None
    responsible: str = ""
    done_on: date | None = None


@dataclass
class SessionData:
    held_on: date
    form: SessionForm
    participant_ids: list[str] = field(default_factory=list)
    core_elements: list[CoreElement] = field(default_factory=list)
    notes: str = ""
    consultant: str = ""
    follow_ups: list[FollowUpData] = field(default_factory=list)

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        if not isinstance(self.held_on, date):
            c.add("held_on", "Dato: skal udfyldes.")
        try:
            form = SessionForm(self.form)
        except ValueError:
            c.add("form", "Form: vælg fysisk møde, online eller telefon.")
            form = SessionForm.PHYSICAL
        values: dict[str, object] = {
            "held_on": self.held_on,
            "form": form,
            "core_elements": [CoreElement(e).value for e in self.core_elements],
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 50_000),
            "consultant": c.run(v.optional, self.consultant, "consultant", "Konsulent"),
        }
        for n, action in enumerate(self.follow_ups, start=1):
            c.run(v.required, action.description, "follow_ups", f"Opfølgning {n}", 2_000)
        c.raise_if_any()
        return values


def _check_participants(s: Session, area_id: str, person_ids: list[str]) -> None:
    known = set(s.scalars(select(AreaMember.person_id).where(AreaMember.area_id == area_id)).all())
    strangers = [p for p in person_ids if p not in known]
    if strangers:
        raise ValidationError.single(
            "participant_ids",
            "Deltagere: kun personer, der er knyttet til lokalområdet, kan vælges.",
        )


def _fill(session: SparringSession, data: SessionData) -> None:
    session.participants = [
        SessionParticipant(person_id=p) for p in dict.fromkeys(data.participant_ids)
    ]
    session.follow_ups = [
        FollowUpAction(
            description=a.description.strip(),
            due_on=a.due_on,
            responsible=a.responsible.strip(),
            done_on=a.done_on,
        )
        for a in data.follow_ups
    ]


def log_session(db: Database, area_id: str, data: SessionData) -> str:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet")
        _check_participants(s, area_id, data.participant_ids)
        session = SparringSession(area_id=area_id, **values)
        _fill(session, data)
        s.add(session)
        s.flush()
        return session.id


def update_session(db: Database, session_id: str, data: SessionData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        session = get(s, SparringSession, session_id, "Sparringsmødet")
        _check_participants(s, session.area_id, data.participant_ids)
        apply(session, values)
        session.participants.clear()
        session.follow_ups.clear()
        s.flush()
        _fill(session, data)


def delete_session(db: Database, session_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, SparringSession, session_id, "Sparringsmødet"))


def set_follow_up_done(db: Database, action_id: str, done_on: date | None) -> None:
    with db.transaction() as s:
        get(s, FollowUpAction, action_id, "Opfølgningen").done_on = done_on


def list_sessions(db: Database, programme_id: str) -> list[SparringSession]:
    with db.read() as s:
        return list(
            s.scalars(
                select(SparringSession)
                .join(Area)
                .where(Area.programme_id == programme_id)
                .options(
                    selectinload(SparringSession.area),
                    selectinload(SparringSession.participants).selectinload(
                        SessionParticipant.person
                    ),
                    selectinload(SparringSession.follow_ups),
                )
                .order_by(*NEWEST_FIRST)
            )
        )


def get_session(db: Database, session_id: str) -> SparringSession:
    """The whole session for its form: participants and follow-ups loaded."""
    with db.read() as s:
        session = s.scalar(
            select(SparringSession)
            .where(SparringSession.id == session_id)
            .options(
                selectinload(SparringSession.participants),
                selectinload(SparringSession.follow_ups),
            )
        )
        if session is None:
            raise NotFoundError("Sparringsmødet findes ikke (længere).")
        return session


class SessionList(NamedTuple):
    """The sparring view's rows and its round filter's choices, read together."""

    rows: list[SessionRow]
    rounds: tuple[int, ...]  # the sparring rounds on the timeline, in order


def session_rows(db: Database, programme_id: str) -> list[SessionRow]:
    """The programme's sessions as the sparring view lists them, newest first."""
    return session_list(db, programme_id).rows


def session_list(db: Database, programme_id: str) -> SessionList:
    """The programme's sessions, newest first, and the rounds of its timeline.

    One query reads the sessions with their participants' names (a session with several
    participants comes once per participant and is folded here), a second the programme's
    follow-ups: joined into the first, each session would come once per pair of participant
    and follow-up. Plain SQL on every engine; no ORM objects.
    """
    sessions = (
        select(
            SparringSession.id,
            SparringSession.area_id,
            Area.name,
            SparringSession.held_on,
            SparringSession.form,
            # The JSON text as stored: a few distinct lists, each parsed once below.
            cast(SparringSession.core_elements, Text),
            Person.name,
        )
        .join(Area, SparringSession.area_id == Area.id)
        .outerjoin(SessionParticipant, SessionParticipant.session_id == SparringSession.id)
        .outerjoin(Person, SessionParticipant.person_id == Person.id)
        .where(Area.programme_id == programme_id)
        .order_by(*NEWEST_FIRST, Person.name)
    )
    actions = (
        select(
            FollowUpAction.session_id,
            FollowUpAction.id,
            FollowUpAction.description,
            FollowUpAction.responsible,
            FollowUpAction.due_on,
            FollowUpAction.done_on,
        )
        .join(SparringSession, FollowUpAction.session_id == SparringSession.id)
        .join(Area, SparringSession.area_id == Area.id)
        .where(Area.programme_id == programme_id)
    )
    with db.read() as s:
        milestones = list(
            s.scalars(select(Milestone).where(Milestone.programme_id == programme_id))
        )
        # Core rows through the session's connection: the ORM's result wrapping costs a
        # third again on thousands of rows.
        conn = s.connection()
        flat = conn.execute(sessions).all()
        found: dict[str, list[FollowUpRow]] = {}
        for action in conn.execute(actions).all():
            found.setdefault(action[0], []).append(FollowUpRow(*action[1:]))
    follow_ups = {session_id: _sorted_follow_ups(listed) for session_id, listed in found.items()}
    rows: list[Row[str, str, str, date, SessionForm, str, str]] = []
    names: dict[str, list[str]] = {}
    for row in flat:
        listed = names.get(row[0])
        if listed is None:
            names[row[0]] = listed = []
            rows.append(row)
        if row[6] is not None:
            listed.append(row[6])
    # Each distinct day's round and each distinct core-element list, worked out once.
    round_on = round_finder(milestones)
    rounds = {held_on: round_on(held_on) for held_on in {row[3] for row in rows}}
    elements = {raw: tuple(json.loads(raw)) if raw else () for raw in {row[5] for row in rows}}
    return SessionList(
        [  # by position, in SessionRow's order: thousands of rows
            SessionRow(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                rounds[row[3]],
                tuple(names[row[0]]),
                elements[row[5]],
                follow_ups.get(row[0], ()),
            )
            for row in rows
        ],
        _round_numbers(milestones),
    )


def _round_numbers(milestones: list[Milestone]) -> tuple[int, ...]:
    return tuple(
        sorted({m.round for m in milestones if m.kind == MilestoneKind.SPARRING_ROUND and m.round})
    )


def session_notes(db: Database, session_id: str) -> str:
    """The notes of one session, for the sparring view's chosen row ("" when gone)."""
    with db.read() as s:
        notes = s.scalar(select(SparringSession.notes).where(SparringSession.id == session_id))
    return notes or ""


def _sorted_follow_ups(found: list[FollowUpRow]) -> tuple[FollowUpRow, ...]:
    found.sort(key=lambda a: (a.due_on is not None, a.due_on or date.min))
    return tuple(found)


def round_finder(milestones: list[Milestone]) -> Callable[[date], int | None]:
    """round_of() for many sessions: the rounds sorted once, each date looked up once."""
    rounds = sorted(
        (m for m in milestones if m.kind == MilestoneKind.SPARRING_ROUND and m.round is not None),
        key=lambda m: m.starts_on,
    )
    found: dict[date, int | None] = {}

    def find(held_on: date) -> int | None:
        if held_on not in found:
            found[held_on] = _round_in(held_on, rounds)
        return found[held_on]

    return find


def _round_in(held_on: date, rounds: list[Milestone]) -> int | None:
    for milestone in rounds:
        if milestone.starts_on <= held_on <= milestone.ends_on:
            return milestone.round
    started = [m for m in rounds if m.starts_on <= held_on]
    return started[-1].round if started else None


def round_of(held_on: date, milestones: list[Milestone]) -> int | None:
    """The sparring round a session belongs to, read from the programme's timeline.

    A session inside a round's period belongs to it; one held between rounds belongs to
    the round before it (a late session); one before the first round belongs to none.
    """
    return round_finder(milestones)(held_on)
