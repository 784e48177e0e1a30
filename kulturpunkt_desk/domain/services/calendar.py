"""The programme's dates as calendar events: its timeline, sparring sessions, network
meetings, instalments due and follow-up actions due.

`programme_events` composes them for the calendar file; an area's own or one
consultant's own events are chosen here too, so the CLI and the window get the same file.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kulturpunkt_desk.storage.engine import Database

from ..calendar_event import CalendarEvent
from ..dates import period, short_date
from ..errors import NotFoundError
from ..models import (
    MEETING_KIND_LABELS,
    SESSION_FORM_LABELS,
    Area,
    FollowUpAction,
    Grant,
    Instalment,
    Milestone,
    MilestoneKind,
    NetworkMeeting,
    Programme,
    Record,
    SparringSession,
)
from ..money import format_kr

# Phases that are a single day (a deadline, the kick-off) mark the user busy; months do not.
DEADLINE_KINDS = {MilestoneKind.INTEREST_DEADLINE, MilestoneKind.KICKOFF}


def _changed(*records: Record) -> tuple[datetime, datetime]:
    """Creation of the first record and the newest change of any: an event built from an
    area and its instalment changes when either does."""
    return records[0].created_at, max(r.updated_at for r in records)


def _day(
    record: Record,
    day: date,
    summary: str,
    *also: Record,
    description: str = "",
    location: str = "",
    categories: tuple[str, ...] = (),
    busy: bool = True,
) -> CalendarEvent:
    """An all-day event on `day` for `record` (and the records its text is taken from)."""
    created, updated = _changed(record, *also)
    return CalendarEvent(
        uuid=record.uuid,
        summary=summary,
        start=day,
        end=day + timedelta(days=1),
        created_at=created,
        updated_at=updated,
        description=description,
        location=location,
        categories=categories,
        busy=busy,
    )


def _mine(text: str, me: str) -> bool:
    return me.casefold() in text.casefold()


def programme_events(
    db: Database, programme_id: int, area_id: int | None = None, mine: str | None = None
) -> list[CalendarEvent]:
    """Every dated thing in the programme, by start. With `area_id` only that area's
    sessions, instalments and follow-ups; with `mine` only the sessions and follow-ups
    that name that consultant."""
    events: list[CalendarEvent] = []
    with db.read() as s:
        programme = s.get(Programme, programme_id)
        category = (programme.name,) if programme is not None else ()
        whole_programme = area_id is None and not mine
        if whole_programme:
            events += _milestones(
                s.scalars(select(Milestone).where(Milestone.programme_id == programme_id)),
                category,
            )
            meetings = s.scalars(
                select(NetworkMeeting)
                .where(NetworkMeeting.programme_id == programme_id)
                .options(selectinload(NetworkMeeting.attendance))
            )
            events += _meetings(meetings, category)
        areas = select(Area.id).where(Area.programme_id == programme_id)
        if area_id is not None:
            areas = areas.where(Area.id == area_id)
        sessions = s.scalars(
            select(SparringSession)
            .where(SparringSession.area_id.in_(areas))
            .options(selectinload(SparringSession.area), selectinload(SparringSession.follow_ups))
        ).all()
        for session in sessions:
            if not mine or _mine(session.consultant, mine):
                events.append(_session(session, category))
            for action in session.follow_ups:
                if action.due_on is not None and (not mine or _mine(action.responsible, mine)):
                    events.append(_follow_up(session, action, category))
        if not mine:
            for area, grant, instalment in s.execute(
                select(Area, Grant, Instalment)
                .join(Grant, Grant.area_id == Area.id)
                .join(Instalment, Instalment.grant_id == Grant.id)
                .where(Area.id.in_(areas))
            ):
                events.append(_instalment(area, grant, instalment, category))
    return sorted(events, key=lambda e: (str(e.start), e.summary))


def _milestones(milestones: Iterable[Milestone], category: tuple[str, ...]) -> list[CalendarEvent]:
    events = []
    for m in milestones:
        created, updated = _changed(m)
        deadline = m.kind in DEADLINE_KINDS or m.starts_on == m.ends_on
        events.append(
            CalendarEvent(
                uuid=m.uuid,
                summary=f"Kulturpunkt: {m.title}",
                start=m.starts_on,
                end=m.ends_on + timedelta(days=1),
                created_at=created,
                updated_at=updated,
                description=f"Programmets tidsplan: {period(m.starts_on, m.ends_on)}.",
                categories=category,
                busy=deadline,
            )
        )
    return events


def _meetings(meetings: Iterable[NetworkMeeting], category: tuple[str, ...]) -> list[CalendarEvent]:
    events = []
    for meeting in meetings:
        lines = [MEETING_KIND_LABELS[meeting.kind]]
        if meeting.agenda.strip():
            lines += ["", "Dagsorden:", meeting.agenda.strip()]
        events.append(
            _day(
                meeting,
                meeting.held_on,
                f"{MEETING_KIND_LABELS[meeting.kind]}: {meeting.title}",
                *meeting.attendance,
                location=meeting.place,
                description="\n".join(lines),
                categories=category,
            )
        )
    return events


def _session(session: SparringSession, category: tuple[str, ...]) -> CalendarEvent:
    lines = [f"Form: {SESSION_FORM_LABELS[session.form]}"]
    if session.consultant:
        lines.append(f"Konsulent: {session.consultant}")
    return _day(
        session,
        session.held_on,
        f"Sparringsmøde med {session.area.name}",
        session.area,
        description="\n".join(lines),
        categories=category,
    )


def _follow_up(
    session: SparringSession, action: FollowUpAction, category: tuple[str, ...]
) -> CalendarEvent:
    assert action.due_on is not None  # only actions with a due date are events
    state = f" (udført {short_date(action.done_on)})" if action.done_on else ""
    who = f"\nAnsvarlig: {action.responsible}" if action.responsible else ""
    return _day(
        action,
        action.due_on,
        f"Opfølgning, {session.area.name}: {action.description}{state}",
        session.area,
        description=f"Aftalt på sparringsmødet {short_date(session.held_on)}.{who}",
        categories=category,
        busy=False,
    )


def _instalment(
    area: Area, grant: Grant, instalment: Instalment, category: tuple[str, ...]
) -> CalendarEvent:
    paid = f" (udbetalt {short_date(instalment.paid_on)})" if instalment.paid_on else ""
    return _day(
        instalment,
        instalment.due_on,
        f"Rate til {area.name}: {format_kr(instalment.amount_ore)}{paid}",
        area,
        grant,
        description=f"Tilskudsmodtager: {area.recipient_name or area.name}.",
        categories=category,
        busy=False,
    )


def meeting_event(db: Database, meeting_id: int) -> CalendarEvent:
    """One network meeting as the calendar file shows it (the invitation carries it)."""
    with db.read() as s:
        meeting = s.scalar(
            select(NetworkMeeting)
            .where(NetworkMeeting.id == meeting_id)
            .options(
                selectinload(NetworkMeeting.attendance), selectinload(NetworkMeeting.programme)
            )
        )
        if meeting is None:
            raise NotFoundError("Mødet findes ikke (længere). Det kan være slettet af en kollega.")
        return _meetings([meeting], (meeting.programme.name,))[0]
