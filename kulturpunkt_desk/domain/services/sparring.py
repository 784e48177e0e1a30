"""Sparring sessions with an area, their participants and follow-up actions."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import Text, cast, select
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
                .order_by(SparringSession.held_on.desc())
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


def session_rows(db: Database, programme_id: str) -> list[SessionRow]:
    """The programme's sessions as the sparring view lists them, newest first.

    Three plain queries (sessions, their participants, their follow-ups) grouped here,
    rather than SQLite's group_concat/json_group_array, so it runs on every engine.
    """
    in_programme = select(SparringSession.id).join(Area).where(Area.programme_id == programme_id)
    with db.read() as s:
        milestones = list(
            s.scalars(select(Milestone).where(Milestone.programme_id == programme_id))
        )
        rows = s.execute(
            select(
                SparringSession.id,
                SparringSession.area_id,
                Area.name,
                SparringSession.held_on,
                SparringSession.form,
                # The JSON text as stored: a few distinct lists, each parsed once below.
                cast(SparringSession.core_elements, Text),
            )
            .join(Area)
            .where(Area.programme_id == programme_id)
            .order_by(SparringSession.held_on.desc())
        ).all()
        participants: dict[object, list[str]] = {}
        for session_id, name in s.execute(
            select(SessionParticipant.session_id, Person.name)
            .join(Person, SessionParticipant.person_id == Person.id)
            .where(SessionParticipant.session_id.in_(in_programme))
        ):
            participants.setdefault(session_id, []).append(name)
        follow_ups: dict[object, list[FollowUpRow]] = {}
        for action in s.execute(
            select(
                FollowUpAction.session_id,
                FollowUpAction.id,
                FollowUpAction.description,
                FollowUpAction.responsible,
                FollowUpAction.due_on,
                FollowUpAction.done_on,
            ).where(FollowUpAction.session_id.in_(in_programme))
        ):
            follow_ups.setdefault(action[0], []).append(FollowUpRow(*action[1:]))
    round_on = round_finder(milestones)
    elements: dict[str | None, tuple[str, ...]] = {}
    for raw in {row[5] for row in rows}:
        elements[raw] = tuple(json.loads(raw)) if raw else ()
    return [  # by position, in SessionRow's order: thousands of rows
        SessionRow(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            round_on(row[3]),
            tuple(participants.get(row[0], ())),
            elements[row[5]],
            _sorted_follow_ups(follow_ups.get(row[0], [])),
        )
        for row in rows
    ]


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
