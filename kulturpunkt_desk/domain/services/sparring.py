"""Sparring sessions with an area, their participants and follow-up actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..errors import Collector, ValidationError
from ..models import (
    Area,
    AreaMember,
    CoreElement,
    FollowUpAction,
    Milestone,
    MilestoneKind,
    SessionForm,
    SessionParticipant,
    SparringSession,
)
from .common import apply, get


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
    participant_ids: list[int] = field(default_factory=list)
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


def _check_participants(s: Session, area_id: int, person_ids: list[int]) -> None:
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


def log_session(db: Database, area_id: int, data: SessionData) -> int:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet")
        _check_participants(s, area_id, data.participant_ids)
        session = SparringSession(area_id=area_id, **values)
        _fill(session, data)
        s.add(session)
        s.flush()
        return session.id


def update_session(db: Database, session_id: int, data: SessionData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        session = get(s, SparringSession, session_id, "Sparringsmødet")
        _check_participants(s, session.area_id, data.participant_ids)
        apply(session, values)
        session.participants.clear()
        session.follow_ups.clear()
        s.flush()
        _fill(session, data)


def delete_session(db: Database, session_id: int) -> None:
    with db.transaction() as s:
        s.delete(get(s, SparringSession, session_id, "Sparringsmødet"))


def set_follow_up_done(db: Database, action_id: int, done_on: date | None) -> None:
    with db.transaction() as s:
        get(s, FollowUpAction, action_id, "Opfølgningen").done_on = done_on


def list_sessions(db: Database, programme_id: int) -> list[SparringSession]:
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


def round_of(held_on: date, milestones: list[Milestone]) -> int | None:
    """The sparring round a session belongs to, read from the programme's timeline.

    A session inside a round's period belongs to it; one held between rounds belongs to
    the round before it (a late session); one before the first round belongs to none.
    """
    rounds = sorted(
        (m for m in milestones if m.kind == MilestoneKind.SPARRING_ROUND and m.round is not None),
        key=lambda m: m.starts_on,
    )
    for milestone in rounds:
        if milestone.starts_on <= held_on <= milestone.ends_on:
            return milestone.round
    started = [m for m in rounds if m.starts_on <= held_on]
    return started[-1].round if started else None
