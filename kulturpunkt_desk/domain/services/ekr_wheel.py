"""Europæisk Kulturregion's year wheel (årshjul): proposing, adjusting and attending it.

Per year: four secretariat meetings (two digital hosted by the region, two physical hosted
by the municipalities in turn; the host chairs) and two directors' meetings, one of them
held with Kulturforum. The desk proposes next year's wheel; the team adjusts it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from dateutil.rrule import MONTHLY, TH, TU, rrule, weekday
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..danish import sort_key
from ..dates import short_date
from ..errors import Collector, ValidationError
from ..models import (
    WHEEL_MEETING_KIND_LABELS,
    MemberKind,
    PartnerMember,
    Partnership,
    WheelAttendance,
    WheelMeeting,
    WheelMeetingKind,
)
from .common import apply, get
from .ekr_rotation import early_repeats, next_hosts

K = WheelMeetingKind


@dataclass(frozen=True)
class WheelSlot:
    """Where a meeting falls in the proposed year: the n-th given weekday of a month."""

    kind: WheelMeetingKind
    month: int
    day: weekday
    starts_at: time
    ends_at: time


# Meetings spread over the year, none in the summer holiday or in December.
DEFAULT_SLOTS: tuple[WheelSlot, ...] = (
    WheelSlot(K.SECRETARIAT_DIGITAL, 2, TU(+2), time(9), time(11)),
    WheelSlot(K.DIRECTORS, 3, TH(+2), time(13), time(15)),
    WheelSlot(K.SECRETARIAT_PHYSICAL, 5, TU(+2), time(10), time(14)),
    WheelSlot(K.SECRETARIAT_DIGITAL, 8, TU(-1), time(9), time(11)),
    WheelSlot(K.DIRECTORS_KULTURFORUM, 10, TH(+1), time(10), time(16)),
    WheelSlot(K.SECRETARIAT_PHYSICAL, 11, TU(+2), time(10), time(14)),
)


@dataclass(frozen=True)
class WheelMeetingData:
    kind: WheelMeetingKind
    held_on: date
    host_id: str | None = None
    chair_id: str | None = None  # None: the host chairs
    title: str = ""
    starts_at: time | None = None
    ends_at: time | None = None
    place: str = ""
    agenda: str = ""
    minutes: str = ""

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        if not isinstance(self.held_on, date):
            c.add("held_on", "Dato: skal udfyldes.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            c.add("ends_at", "Slut: skal ligge efter start.")
        kind = WheelMeetingKind(self.kind)
        values: dict[str, object] = {
            "kind": kind,
            "title": c.run(v.optional, self.title, "title", "Titel")
            or WHEEL_MEETING_KIND_LABELS[kind],
            "held_on": self.held_on,
            "starts_at": self.starts_at,
            "ends_at": self.ends_at,
            "place": c.run(v.optional, self.place, "place", "Sted"),
            "host_id": self.host_id,
            "chair_id": self.chair_id if self.chair_id is not None else self.host_id,
            "agenda": c.run(v.optional, self.agenda, "agenda", "Dagsorden", 50_000),
            "minutes": c.run(v.optional, self.minutes, "minutes", "Referat", 50_000),
        }
        c.raise_if_any()
        return values


@dataclass(frozen=True)
class AbsenceRow:
    member_id: str
    name: str
    meetings: int
    present: int

    @property
    def absent(self) -> int:
        return self.meetings - self.present

    @property
    def keeps_away(self) -> bool:
        """Missing more than half the meetings whose attendance was recorded."""
        return self.meetings > 0 and self.absent * 2 > self.meetings


def _slot_date(year: int, slot: WheelSlot) -> date:
    found = rrule(MONTHLY, dtstart=datetime(year, 1, 1), bymonth=slot.month, byweekday=slot.day)
    return found[0].date()


def propose_wheel(
    db: Database, partnership_id: str, year: int, slots: tuple[WheelSlot, ...] = DEFAULT_SLOTS
) -> list[WheelMeetingData]:
    """Next year's wheel: dates from `slots`, physical hosts from the rotation."""
    year = v.year(year, "year", "År")
    with db.read() as s:
        members = _members(s, partnership_id)
        history = s.scalars(
            select(WheelMeeting.host_id)
            .where(
                WheelMeeting.partnership_id == partnership_id,
                WheelMeeting.kind == K.SECRETARIAT_PHYSICAL,
                WheelMeeting.host_id.is_not(None),
                WheelMeeting.held_on < date(year, 1, 1),
            )
            .order_by(WheelMeeting.held_on, WheelMeeting.created_at)
        ).all()
    region = next((m for m in members if m.kind == MemberKind.REGION), None)
    order = [m.id for m in members if m.kind == MemberKind.MUNICIPALITY]
    physical = [slot for slot in slots if slot.kind == K.SECRETARIAT_PHYSICAL]
    hosts = iter(next_hosts(order, [h for h in history if h is not None], len(physical)))
    names = {m.id: m.name for m in members}
    proposal: list[WheelMeetingData] = []
    for slot in slots:
        host_id = next(hosts, None) if slot.kind == K.SECRETARIAT_PHYSICAL else None
        if host_id is None and region is not None:
            host_id = region.id
        is_physical = slot.kind == K.SECRETARIAT_PHYSICAL
        place = names.get(host_id, "") if is_physical and host_id is not None else ""
        if slot.kind == K.SECRETARIAT_DIGITAL:
            place = "Online"
        proposal.append(
            WheelMeetingData(
                kind=slot.kind,
                held_on=_slot_date(year, slot),
                host_id=host_id,
                title=WHEEL_MEETING_KIND_LABELS[slot.kind],
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                place=place,
            )
        )
    return proposal


def create_wheel(
    db: Database, partnership_id: str, year: int, meetings: list[WheelMeetingData]
) -> list[str]:
    """Save a (possibly adjusted) proposal as the year's wheel."""
    cleaned = [m.cleaned() for m in meetings]
    with db.transaction() as s:
        get(s, Partnership, partnership_id, "Partnerskabet")
        if s.scalar(
            select(WheelMeeting.id).where(
                WheelMeeting.partnership_id == partnership_id, WheelMeeting.year == year
            )
        ):
            raise ValidationError.single("year", f"År: årshjulet for {year} findes allerede.")
        ids = []
        for values in cleaned:
            _check(s, partnership_id, year, values)
            meeting = WheelMeeting(partnership_id=partnership_id, year=year, **values)
            s.add(meeting)
            s.flush()
            ids.append(meeting.id)
        return ids


def add_wheel_meeting(db: Database, partnership_id: str, data: WheelMeetingData) -> str:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Partnership, partnership_id, "Partnerskabet")
        year = data.held_on.year
        _check(s, partnership_id, year, values)
        meeting = WheelMeeting(partnership_id=partnership_id, year=year, **values)
        s.add(meeting)
        s.flush()
        return meeting.id


def update_wheel_meeting(db: Database, meeting_id: str, data: WheelMeetingData) -> None:
    """Adjust a meeting: date, times, host, chair, agenda, minutes."""
    values = data.cleaned()
    with db.transaction() as s:
        meeting = get(s, WheelMeeting, meeting_id, "Mødet")
        _check(s, meeting.partnership_id, meeting.year, values)
        apply(meeting, values)


def delete_wheel_meeting(db: Database, meeting_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, WheelMeeting, meeting_id, "Mødet"))


def as_data(meeting: WheelMeeting) -> WheelMeetingData:
    """A meeting's values, to change one and save it with update_wheel_meeting."""
    return WheelMeetingData(
        kind=meeting.kind,
        held_on=meeting.held_on,
        host_id=meeting.host_id,
        chair_id=meeting.chair_id,
        title=meeting.title,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        agenda=meeting.agenda,
        minutes=meeting.minutes,
    )


def change_host(data: WheelMeetingData, host_id: str | None) -> WheelMeetingData:
    """The host chairs: a new host takes the chair too."""
    return replace(data, host_id=host_id, chair_id=host_id)


def _check(s: Session, partnership_id: str, year: int, values: dict[str, object]) -> None:
    held_on = values["held_on"]
    if isinstance(held_on, date) and held_on.year != year:
        raise ValidationError.single("held_on", f"Dato: mødet hører til årshjulet for {year}.")
    member_ids = {m.id for m in _members(s, partnership_id)}
    for field, label in (("host_id", "Vært"), ("chair_id", "Mødestyrer")):
        if values[field] is not None and values[field] not in member_ids:
            raise ValidationError.single(field, f"{label}: skal være medlem af partnerskabet.")


def _members(s: Session, partnership_id: str) -> list[PartnerMember]:
    return list(
        s.scalars(
            select(PartnerMember)
            .where(PartnerMember.partnership_id == partnership_id)
            .order_by(PartnerMember.rotation_order, PartnerMember.name)
        )
    )


def list_wheel(db: Database, partnership_id: str, year: int) -> list[WheelMeeting]:
    with db.read() as s:
        return list(
            s.scalars(
                select(WheelMeeting)
                .where(WheelMeeting.partnership_id == partnership_id, WheelMeeting.year == year)
                .options(
                    selectinload(WheelMeeting.host),
                    selectinload(WheelMeeting.chair),
                    selectinload(WheelMeeting.attendance),
                )
                .order_by(WheelMeeting.held_on, WheelMeeting.created_at)
            )
        )


def wheel_years(db: Database, partnership_id: str) -> list[int]:
    with db.read() as s:
        return list(
            s.scalars(
                select(WheelMeeting.year)
                .where(WheelMeeting.partnership_id == partnership_id)
                .distinct()
                .order_by(WheelMeeting.year)
            )
        )


def wheel_warnings(db: Database, partnership_id: str, year: int) -> list[str]:
    """Where the year's wheel departs from the steering model."""
    meetings = list_wheel(db, partnership_id, year)
    with db.read() as s:
        members = {m.id: m for m in _members(s, partnership_id)}
    counts = {kind: sum(1 for m in meetings if m.kind == kind) for kind in K}
    warnings = []
    expected = {
        K.SECRETARIAT_DIGITAL: 2,
        K.SECRETARIAT_PHYSICAL: 2,
        K.DIRECTORS: 1,
        K.DIRECTORS_KULTURFORUM: 1,
    }
    for kind, wanted in expected.items():
        if counts[kind] != wanted:
            label = WHEEL_MEETING_KIND_LABELS[kind].lower()
            warnings.append(f"Årshjulet har {counts[kind]} af slagsen «{label}», ikke {wanted}.")
    warnings += _rotation_warnings(db, partnership_id, year, members)
    for m in meetings:
        host = members.get(m.host_id) if m.host_id else None
        when = short_date(m.held_on)
        if host is None:
            warnings.append(f"Mødet {when} har ingen vært.")
        elif m.kind == K.SECRETARIAT_DIGITAL and host.kind != MemberKind.REGION:
            warnings.append(f"Det digitale møde {when} holdes normalt af regionen.")
        elif m.kind == K.SECRETARIAT_PHYSICAL and host.kind != MemberKind.MUNICIPALITY:
            warnings.append(f"Det fysiske møde {when} holdes af kommunerne på skift.")
    return warnings


def _rotation_warnings(
    db: Database, partnership_id: str, year: int, members: dict[str, PartnerMember]
) -> list[str]:
    """Physical meetings this year whose host hosts again before everyone has hosted once."""
    with db.read() as s:
        physical = s.execute(
            select(WheelMeeting.host_id, WheelMeeting.held_on)
            .where(
                WheelMeeting.partnership_id == partnership_id,
                WheelMeeting.kind == K.SECRETARIAT_PHYSICAL,
                WheelMeeting.host_id.is_not(None),
                WheelMeeting.held_on < date(year + 1, 1, 1),
            )
            .order_by(WheelMeeting.held_on, WheelMeeting.created_at)
        ).all()
    order = [m.id for m in members.values() if m.kind == MemberKind.MUNICIPALITY]
    history = [host for host, _ in physical if host is not None]
    warnings = []
    for position in early_repeats(order, history):
        held_on = physical[position][1]
        if held_on.year == year:
            name = members[history[position]].name
            warnings.append(
                f"{name} er vært {short_date(held_on)} igen, før alle kommuner har været vært "
                "én gang."
            )
    return warnings


def set_attendance(db: Database, meeting_id: str, present: dict[str, bool]) -> None:
    """Record who was represented (member id -> present); members left out were absent."""
    with db.transaction() as s:
        meeting = get(s, WheelMeeting, meeting_id, "Mødet")
        member_ids = {m.id for m in _members(s, meeting.partnership_id)}
        if not set(present) <= member_ids:
            raise ValidationError.single(
                "attendance", "Fremmøde: kun partnerskabets medlemmer kan registreres."
            )
        existing = {a.member_id: a for a in meeting.attendance}
        for member_id in member_ids:
            flag = bool(present.get(member_id, False))
            if member_id in existing:
                existing[member_id].present = flag
            else:
                meeting.attendance.append(WheelAttendance(member_id=member_id, present=flag))


def absence_report(db: Database, partnership_id: str, year: int | None = None) -> list[AbsenceRow]:
    """Per member: meetings with recorded attendance, and how many they came to.

    Sorted with those who keep away the most first.
    """
    with db.read() as s:
        members = _members(s, partnership_id)
        query = (
            select(WheelMeeting)
            .where(WheelMeeting.partnership_id == partnership_id)
            .options(selectinload(WheelMeeting.attendance))
        )
        if year is not None:
            query = query.where(WheelMeeting.year == year)
        recorded = [m for m in s.scalars(query) if m.attendance]
    rows = []
    for member in members:
        came = sum(
            1 for m in recorded for a in m.attendance if a.member_id == member.id and a.present
        )
        rows.append(AbsenceRow(member.id, member.name, len(recorded), came))
    return sorted(rows, key=lambda r: (-r.absent, sort_key(r.name)))
