"""Search across the programme: areas, people, organisations, notes and activity titles,
and Europæisk Kulturregion's members, representatives, themes and EU cases.

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
    EuCase,
    NetworkMeeting,
    Organisation,
    PartnerMember,
    Person,
    Representative,
    SparringSession,
    Theme,
)

# Record kinds, as the window's open_record(kind, id) knows them.
KIND_LABELS: dict[str, str] = {
    "area": "Lokalområde",
    "person": "Person",
    "organisation": "Organisation",
    "sparring_session": "Sparringsmøde",
    "network_meeting": "Netværksmøde",
    "activity": "Aktivitet",
    "ekr_member": "EKR-medlem",
    "ekr_representative": "EKR-repræsentant",
    "ekr_theme": "EKR-tema",
    "ekr_eu_case": "EU-sag",
}

SNIPPET_WIDTH = 90


@dataclass(frozen=True)
class SearchHit:
    kind: str  # a key of KIND_LABELS
    id: str
    title: str
    snippet: str  # where the words were found, shortened around the first match
    # The record to open (a representative opens on their member).
    open_kind: str
    open_id: str


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


def search(db: Database, programme_id: str, text: str, limit: int = 100) -> list[SearchHit]:
    """Records where every word in `text` occurs (any field of the record); best first."""
    words = text.split()
    if not words:
        return []
    hits: list[SearchHit] = []
    with db.read() as s:

        def rows(
            model: type[Any],
            columns: list[InstrumentedAttribute[str]],
            *where: Any,
            join: type[Any] | None = None,
        ) -> list[Any]:
            query: Select[Any] = select(model)
            if join is not None:
                query = query.join(join)
            query = query.where(*where)
            for word in words:
                query = query.where(_matches(columns, word))
            return list(s.scalars(query.limit(limit)))

        def add(
            kind: str, record_id: str, title: str, fields: list[str], opens: tuple[str, str]
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
            add("activity", act.id, title, [act.title, act.description], ("activity", act.id))
        _partnership_hits(rows, add)
    return hits[:limit]


# Europæisk Kulturregion's records found by their own columns: (kind, model, columns, the
# column that is the hit's title). Each opens itself; a representative opens its member.
PARTNERSHIP_RECORDS: list[tuple[str, Any, list[str], str]] = [
    ("ekr_member", PartnerMember, ["name", "address", "notes"], "name"),
    ("ekr_theme", Theme, ["name", "description"], "name"),
    ("ekr_eu_case", EuCase, ["title", "applicant", "eu_programme", "notes"], "title"),
]


def _partnership_hits(rows: Any, add: Any) -> None:
    """Europæisk Kulturregion: members, their representatives, themes and EU cases."""
    for kind, model, names, title in PARTNERSHIP_RECORDS:
        columns = [getattr(model, name) for name in names]
        for record in rows(model, columns):
            fields = [getattr(record, name) for name in names]
            add(kind, record.id, getattr(record, title), fields, (kind, record.id))
    # A representative is found by the person's name, e-mail or their title there.
    rep_cols: list[InstrumentedAttribute[str]] = [
        Person.name,
        Person.email,
        Representative.role_title,
    ]
    for r in rows(Representative, rep_cols, Person.anonymised_at.is_(None), join=Person):
        title = f"{r.person.name} ({r.member.name})"
        fields = [r.person.name, r.person.email, r.role_title]
        add("ekr_representative", r.id, title, fields, ("ekr_member", r.member_id))
