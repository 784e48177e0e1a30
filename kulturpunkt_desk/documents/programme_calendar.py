"""The programme's calendar file (.ics): timeline, sparring, network meetings, instalments
and follow-ups, optionally one area's or one consultant's, through the one writer."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from kulturpunkt_desk.domain.services import calendar, programmes
from kulturpunkt_desk.storage.engine import Database

from .ical import calendar_bytes, write_calendar

PRODID = "-//Kulturpunkt Desk//Kulturpunkt kalender//DA"


def programme_calendar_bytes(
    db: Database,
    programme_id: int,
    area_id: int | None = None,
    mine: str | None = None,
    stamp: datetime | None = None,
) -> bytes:
    programme = next(p for p in programmes.list_programmes(db) if p.id == programme_id)
    events = calendar.programme_events(db, programme_id, area_id, mine)
    name = programme.name
    if area_id is not None:
        from kulturpunkt_desk.domain.services.areas import get_area

        name += f" – {get_area(db, area_id).name}"
    if mine:
        name += f" – {mine}"
    return calendar_bytes(
        events,
        name,
        PRODID,
        date(programme.start_year - 1, 1, 1),
        date(programme.end_year + 2, 1, 1),
        stamp,
    )


def write_programme_calendar(
    db: Database,
    programme_id: int,
    out: Path,
    area_id: int | None = None,
    mine: str | None = None,
) -> Path:
    return write_calendar(out, programme_calendar_bytes(db, programme_id, area_id, mine))
