"""Search across the programme: areas, people, organisations, notes and activity titles.

A plain case-insensitive LIKE (ILIKE) per table: a programme holds hundreds of rows, not millions,
so an index would cost more to keep in step than it saves. SQLite's LIKE folds only ASCII
letters, so a non-ASCII letter (æ, ø, å, é...) becomes the one-character wildcard `_` in
SQL and the candidates are then checked in Python with casefold(): "Søren" finds "SØREN".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import InstrumentedAttribute

from kulturpunkt_desk.storage.engine import Database

from ..models import (
    Activity,
    Area,
    NetworkMeeting,
    Organisation,
    Person,
    SparringSession,
)

# Record kinds, as the window's open_record(kind, id) knows them.
KIND_LABELS: dict[str, str] = {
    "area": "Lokalområde",
    "person": "Person",
    "organisation": "Organisation",
    "sparring_session": "Sparringsmøde",
    "network_meeting": "Netværksmøde",
    "activity": "Aktivitet",
}

SNIPPET_WIDTH = 90


@dataclass(frozen=True)
class SearchHit:
    kind: str  # a key of KIND_LABELS
    id: int
    title: str
    snippet: str  # where the words were found, shortened around the first match
    # The record to open: activities open on their area's page.
    open_kind: str
    open_id: int


def like_pattern(word: str) -> str:
    """The LIKE pattern for one word: wildcards escaped, non-ASCII letters as `_`."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "%" + "".join(c if c.isascii() else "_" for c in escaped) + "%"


def _matches(columns: list[InstrumentedAttribute[str]], word: str) -> ColumnElement[bool]:
    pattern = like_pattern(word)
    # ILIKE: PostgreSQL's LIKE heeds case; on SQLite it is lower(..) LIKE lower(..).
    return or_(*(c.ilike(pattern, escape="\\") for c in columns))


def _found(text: str, words: list[str]) -> bool:
    folded = text.casefold()
    return all(w.casefold() in folded for w in words)


def snippet(text: str, words: list[str], width: int = SNIPPET_WIDTH) -> str:
    """A one-line excerpt of `text` around the first word found."""
    flat = " ".join(text.split())
    folded = flat.casefold()
    at = min((folded.find(w.casefold()) for w in words if w.casefold() in folded), default=0)
    start = max(0, at - width // 3)
    piece = flat[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")


def search(db: Database, programme_id: int, text: str, limit: int = 100) -> list[SearchHit]:
    """Records where every word in `text` occurs (any field of the record); best first."""
    words = text.split()
    if not words:
        return []
    hits: list[SearchHit] = []
    with db.read() as s:

        def rows(
            model: type[Any], columns: list[InstrumentedAttribute[str]], *where: Any
        ) -> list[Any]:
            query: Select[Any] = select(model).where(*where)
            for word in words:
                query = query.where(_matches(columns, word))
            return list(s.scalars(query.limit(limit)))

        def add(
            kind: str, record_id: int, title: str, fields: list[str], opens: tuple[str, int]
        ) -> None:
            joined = " · ".join(f for f in fields if f)
            if _found(joined + " " + title, words):
                where = next(
                    (f for f in fields if any(w.casefold() in f.casefold() for w in words)), ""
                )
                hits.append(SearchHit(kind, record_id, title, snippet(where, words), *opens))

        in_programme = Area.programme_id == programme_id
        area_cols: list[InstrumentedAttribute[str]] = [
            Area.name,
            Area.municipality,
            Area.vision,
            Area.idea,
            Area.local_goals,
            Area.recipient_name,
            Area.notes,
        ]
        for a in rows(Area, area_cols, in_programme):
            fields = [
                a.name,
                a.municipality,
                a.vision,
                a.idea,
                a.local_goals,
                a.recipient_name,
                a.notes,
            ]
            add("area", a.id, a.name, fields, ("area", a.id))
        person_cols: list[InstrumentedAttribute[str]] = [
            Person.name,
            Person.email,
            Person.phone,
            Person.title,
            Person.notes,
        ]
        for p in rows(Person, person_cols, Person.anonymised_at.is_(None)):
            add(
                "person",
                p.id,
                p.name,
                [p.name, p.email, p.phone, p.title, p.notes],
                ("person", p.id),
            )
        org_cols: list[InstrumentedAttribute[str]] = [
            Organisation.name,
            Organisation.cvr,
            Organisation.municipality,
            Organisation.notes,
        ]
        for o in rows(Organisation, org_cols):
            fields = [o.name, o.cvr, o.municipality, o.notes]
            add("organisation", o.id, o.name, fields, ("organisation", o.id))
        session_cols: list[InstrumentedAttribute[str]] = [SparringSession.notes]
        for ss in rows(
            SparringSession,
            session_cols,
            SparringSession.area_id.in_(select(Area.id).where(in_programme)),
        ):
            title = f"{ss.area.name}, {ss.held_on:%d.%m.%Y}"
            add("sparring_session", ss.id, title, [ss.notes], ("sparring_session", ss.id))
        meeting_cols: list[InstrumentedAttribute[str]] = [
            NetworkMeeting.title,
            NetworkMeeting.place,
            NetworkMeeting.agenda,
            NetworkMeeting.notes,
        ]
        for m in rows(NetworkMeeting, meeting_cols, NetworkMeeting.programme_id == programme_id):
            title = f"{m.title}, {m.held_on:%d.%m.%Y}"
            fields = [m.title, m.place, m.agenda, m.notes]
            add("network_meeting", m.id, title, fields, ("network_meeting", m.id))
        activity_cols: list[InstrumentedAttribute[str]] = [Activity.title, Activity.description]
        for act in rows(
            Activity, activity_cols, Activity.area_id.in_(select(Area.id).where(in_programme))
        ):
            title = f"{act.title} ({act.area.name}, {act.held_on:%d.%m.%Y})"
            add("activity", act.id, title, [act.title, act.description], ("area", act.area_id))
    return hits[:limit]
