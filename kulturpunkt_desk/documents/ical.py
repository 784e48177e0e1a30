"""The one writer of the desk's iCalendar files (.ics) that Outlook and Thunderbird import.

Each event's UID is its record's UUID, SEQUENCE grows with every change of the record and
LAST-MODIFIED is its last change, so importing a newer file moves a meeting instead of
adding a second one. Timed events carry Europe/Copenhagen with its VTIMEZONE; the zone's
comment, which icalendar writes in English, is written in Danish.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kulturpunkt_desk.domain.calendar_event import CalendarEvent, last_modified
from kulturpunkt_desk.domain.dates import short_date

ZONE = ZoneInfo("Europe/Copenhagen")
UID_DOMAIN = "kulturpunkt-desk"


def uid_of(uuid: str) -> str:
    return f"{uuid}@{UID_DOMAIN}"


def calendar_bytes(
    events: Iterable[CalendarEvent],
    name: str,
    prodid: str,
    first: date,
    last: date,
    stamp: datetime | None = None,
) -> bytes:
    """The calendar `name` with `events`; the VTIMEZONE covers `first` to `last`."""
    from icalendar import Calendar, Event, Timezone

    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    stamp = stamp or datetime.now(UTC)
    for item in events:
        event = Event()
        event.add("uid", uid_of(item.uuid))
        event.add("dtstamp", stamp)
        event.add("sequence", item.sequence)
        event.add("last-modified", last_modified(item.updated_at))
        event.add("summary", item.summary)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.categories:
            event.add("categories", list(item.categories))
        event.add("transp", "OPAQUE" if item.busy else "TRANSPARENT")
        cal.add_component(event)
    # Only the rules around the events: a short VTIMEZONE that Outlook still reads. A file of
    # all-day events carries it too, so a meeting given a time later lands in the same zone.
    cal.add_missing_timezones(first, last)
    if not cal.walk("VTIMEZONE"):
        tz = Timezone.from_tzid(str(ZONE), first_date=first, last_date=last)
        cal.subcomponents.insert(0, tz)  # before the events, where Outlook looks first
    for zone in cal.walk("VTIMEZONE"):
        if "COMMENT" in zone:
            zone["COMMENT"] = (
                f"Tidszonens regler gælder fra {short_date(first)} til {short_date(last)}."
            )
    return bytes(cal.to_ical())


def write_calendar(out: Path, content: bytes) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    return out
