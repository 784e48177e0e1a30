"""The week ahead: meetings, sparring sessions, timeline dates and what falls due.

Overblik's "Denne uge" / "Næste 14 dage" (the setting `overview.coming_days`), the start-up
message and the `overblik` command all read this list. It joins two rules without
repeating them: what falls due comes from attention_items (instalments, evaluations,
interest, sparring, follow-ups), the dated events from the programme's calendar
(calendar.programme_events).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from kulturpunkt_desk.storage.engine import Database

from .. import settings
from ..dates import short_date
from ..models import MEETING_KIND_LABELS, Area, Milestone, NetworkMeeting, SparringSession
from ..overblik_data import AheadItem, due_counts, week_end
from .attention import ATTENTION_LABELS, AttentionItem, attention_items

__all__ = ["AheadItem", "ahead", "coming_days", "due_counts", "week_end"]

MEETING_GROUP = "Møde"
SESSION_GROUP = "Sparringsmøde"
TIMELINE_GROUP = "Tidsplan"


def coming_days(db: Database) -> int:
    """How far ahead Overblik looks: the team's setting (Indstillinger), 14 days unless set."""
    return settings.read(db, settings.COMING_DAYS)


def ahead(
    db: Database,
    programme_id: str,
    today: date,
    days: int | None = None,
    attention: list[AttentionItem] | None = None,
) -> list[AheadItem]:
    """Everything from `today` to `days` days later, soonest first. `attention`: the
    day's attention_items when the caller has them already (Overblik), so they are not
    asked for twice."""
    if days is None:
        days = coming_days(db)
    horizon = today + timedelta(days=days)
    if attention is None:
        attention = attention_items(db, programme_id, today, days)
    items = [
        AheadItem(ATTENTION_LABELS[i.kind], i.area_name, i.due_on, i.text, i.opens)
        for i in attention
        if not i.overdue and i.due_on <= horizon
    ]
    with db.read() as s:
        for meeting in s.scalars(
            select(NetworkMeeting).where(
                NetworkMeeting.programme_id == programme_id,
                NetworkMeeting.held_on.between(today, horizon),
            )
        ):
            where = f" ({meeting.place})" if meeting.place else ""
            text = f"{MEETING_KIND_LABELS[meeting.kind]}: {meeting.title}{where}."
            items.append(
                AheadItem(MEETING_GROUP, "", meeting.held_on, text, ("meeting", meeting.id))
            )
        # By date alone in SQL, so SQLite walks the few days on the date index rather than
        # every session of the programme's areas; the programme is checked here.
        for session, area_name, in_programme in s.execute(
            select(SparringSession, Area.name, Area.programme_id)
            .join(Area)
            .where(SparringSession.held_on.between(today, horizon))
        ):
            if in_programme != programme_id:
                continue
            who = f" med {session.consultant}" if session.consultant else ""
            items.append(
                AheadItem(
                    SESSION_GROUP,
                    area_name,
                    session.held_on,
                    f"Sparringsmøde{who}.",
                    ("sparring_session", session.id),
                )
            )
        for m in s.scalars(select(Milestone).where(Milestone.programme_id == programme_id)):
            items += _timeline_dates(m, today, horizon)
    return sorted(items, key=lambda i: (i.due_on, i.group, i.area_name, i.text))


def _timeline_dates(m: Milestone, today: date, horizon: date) -> list[AheadItem]:
    record = ("milestone", m.id)
    if m.starts_on == m.ends_on:
        inside = today <= m.starts_on <= horizon
        return [AheadItem(TIMELINE_GROUP, "", m.starts_on, f"{m.title}.", record)] if inside else []
    found = []
    if today <= m.starts_on <= horizon:
        text = f"{m.title} begynder (til {short_date(m.ends_on)})."
        found.append(AheadItem(TIMELINE_GROUP, "", m.starts_on, text, record))
    if today <= m.ends_on <= horizon:
        found.append(AheadItem(TIMELINE_GROUP, "", m.ends_on, f"{m.title} slutter.", record))
    return found
