"""Europæisk Kulturregion's year wheel as an iCalendar file (.ics) that Outlook imports.

Timed meetings carry the Europe/Copenhagen zone with its VTIMEZONE, so they land at the
right hour after a daylight-saving change; meetings without a time are all-day events.
The file is written by the desk's one calendar writer (`ical.py`): UID from the meeting's
UUID, SEQUENCE and LAST-MODIFIED from its changes, so an updated file moves the meeting.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from kulturpunkt_desk.domain.calendar_event import CalendarEvent
from kulturpunkt_desk.domain.models import WheelMeeting
from kulturpunkt_desk.domain.services import ekr_partnership, ekr_wheel
from kulturpunkt_desk.storage.engine import Database

from .ical import ZONE, calendar_bytes, write_calendar

PRODID = "-//Kulturpunkt Desk//Europæisk Kulturregion årshjul//DA"


def wheel_calendar_bytes(
    db: Database, partnership_id: int, year: int, stamp: datetime | None = None
) -> bytes:
    partnership = ekr_partnership.get_partnership(db, partnership_id)
    events = [_event(partnership.name, m) for m in ekr_wheel.list_wheel(db, partnership_id, year)]
    return calendar_bytes(
        events,
        f"{partnership.name} – årshjul {year}",
        PRODID,
        date(year - 1, 1, 1),
        date(year + 2, 1, 1),
        stamp,
    )


def write_wheel_calendar(db: Database, partnership_id: int, year: int, out: Path) -> Path:
    return write_calendar(out, wheel_calendar_bytes(db, partnership_id, year))


def _event(partnership: str, meeting: WheelMeeting) -> CalendarEvent:
    start: date | datetime
    end: date | datetime
    if meeting.starts_at is not None:
        start = datetime.combine(meeting.held_on, meeting.starts_at, ZONE)
        end_time = meeting.ends_at or (start + timedelta(hours=2)).time()
        end = datetime.combine(meeting.held_on, end_time, ZONE)
    else:
        start, end = meeting.held_on, meeting.held_on + timedelta(days=1)
    return CalendarEvent(
        uuid=meeting.uuid,
        summary=_summary(partnership, meeting),
        start=start,
        end=end,
        created_at=meeting.created_at,
        updated_at=meeting.updated_at,
        description=_description(meeting),
        location=meeting.place,
        categories=(partnership,),
    )


def _summary(partnership: str, meeting: WheelMeeting) -> str:
    host = f" ({meeting.host.name})" if meeting.host is not None else ""
    short = "EKR" if partnership == "Europæisk Kulturregion" else partnership
    return f"{short}: {meeting.title}{host}"


def _description(meeting: WheelMeeting) -> str:
    lines = []
    if meeting.host is not None:
        lines.append(f"Vært: {meeting.host.name}")
    if meeting.chair is not None:
        lines.append(f"Mødestyrer: {meeting.chair.name}")
    if meeting.agenda.strip():
        lines += ["", "Dagsorden:", meeting.agenda.strip()]
    return "\n".join(lines)
