"""One calendar event as the desk's calendar files carry it, and how its SEQUENCE is derived.

Every .ics the desk writes (the programme's calendar, Europæisk Kulturregion's year wheel)
is made from these, by one writer (`documents/ical.py`), so UID, SEQUENCE and
LAST-MODIFIED follow one rule everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime


@dataclass(frozen=True)
class CalendarEvent:
    uuid: str  # the record's UUID: the event's UID, stable across exports
    summary: str  # Danish
    start: date | datetime  # a date: an all-day event; a datetime: Europe/Copenhagen
    end: date | datetime  # exclusive, as iCalendar wants (the day after for all-day events)
    created_at: datetime
    updated_at: datetime
    description: str = ""
    location: str = ""
    categories: tuple[str, ...] = field(default_factory=tuple)
    # A phase that lasts months should not mark the user busy.
    busy: bool = True

    @property
    def sequence(self) -> int:
        return sequence_number(self.created_at, self.updated_at)


def _utc(moment: datetime) -> datetime:
    # SQLite hands timestamps back without a zone; the desk writes them in UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def sequence_number(created_at: datetime, updated_at: datetime) -> int:
    """Whole seconds from creation to the last change: 0 for a record never changed, and
    larger after every later save, so a calendar program replaces the older copy of an
    event. Seconds rather than minutes: two saves a minute apart must still differ."""
    return max(0, int((_utc(updated_at) - _utc(created_at)).total_seconds()))


def last_modified(updated_at: datetime) -> datetime:
    return _utc(updated_at).replace(microsecond=0)
