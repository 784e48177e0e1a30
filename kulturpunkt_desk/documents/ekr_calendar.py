"""Europæisk Kulturregion's year wheel as an iCalendar file (.ics) that Outlook imports.

Timed meetings carry the Europe/Copenhagen zone with its VTIMEZONE, so they land at the
right hour after a daylight-saving change; meetings without a time are all-day events.
Each event's UID is the meeting's UUID, so importing an updated file moves the meeting
instead of adding a second one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kulturpunkt_desk.domain.models import WheelMeeting
from kulturpunkt_desk.domain.services import ekr_partnership, ekr_wheel
from kulturpunkt_desk.storage.engine import Database

ZONE = ZoneInfo("Europe/Copenhagen")
PRODID = "-//Kulturpunkt Desk//Europæisk Kulturregion årshjul//DA"


def wheel_calendar_bytes(
    db: Database, partnership_id: int, year: int, stamp: datetime | None = None
) -> bytes:
    from icalendar import Calendar, Event

    partnership = ekr_partnership.get_partnership(db, partnership_id)
    meetings = ekr_wheel.list_wheel(db, partnership_id, year)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{partnership.name} – årshjul {year}")
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    stamp = stamp or datetime.now(UTC)
    for meeting in meetings:
        event = Event()
        event.add("uid", f"{meeting.uuid}@kulturpunkt-desk")
        event.add("dtstamp", stamp)
        event.add("summary", _summary(partnership.name, meeting))
        if meeting.starts_at is not None:
            start = datetime.combine(meeting.held_on, meeting.starts_at, ZONE)
            end_time = meeting.ends_at or (start + timedelta(hours=2)).time()
            event.add("dtstart", start)
            event.add("dtend", datetime.combine(meeting.held_on, end_time, ZONE))
        else:
            event.add("dtstart", meeting.held_on)
            event.add("dtend", meeting.held_on + timedelta(days=1))
        if meeting.place:
            event.add("location", meeting.place)
        event.add("description", _description(meeting))
        event.add("categories", [partnership.name])
        cal.add_component(event)
    # Only the rules around the wheel's year: a short VTIMEZONE that Outlook still reads.
    cal.add_missing_timezones(date(year - 1, 1, 1), date(year + 2, 1, 1))
    return bytes(cal.to_ical())


def write_wheel_calendar(db: Database, partnership_id: int, year: int, out: Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(wheel_calendar_bytes(db, partnership_id, year))
    return out


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
