"""The next round of a programme ("Ny runde"): the same settings and agreement text, the
timeline moved by the distance between the rounds, and optionally the areas as candidates
with their people; nothing of the old round's money, sessions or evaluations.

Dates move with dateutil's relativedelta, so whole months stay whole months (a phase from
1 March to 30 April stays so), and a single day keeps its weekday (a Monday deadline stays
a Monday: the nearest Monday to the moved date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from ..errors import Collector, DeskError
from ..models import AgreementTemplate, Area, AreaMember, Milestone, PartnershipMember, Programme
from .common import check_unique_name, get
from .programmes import ProgrammeData, _remember_current

WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)


def _month_start(day: date) -> bool:
    return day.day == 1


def _month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def move_date(day: date, shift: relativedelta) -> date:
    """`day` moved by `shift`: a month's first or last day stays one; any other day keeps
    its weekday (the nearest such day to the moved date, at most three days off)."""
    moved: date = day + shift
    if _month_start(day):
        return moved + relativedelta(day=1)
    if _month_end(day):
        return moved + relativedelta(day=31)
    offset = (day.weekday() - moved.weekday()) % 7  # 0..6 days forward to the same weekday
    return moved + timedelta(days=offset if offset <= 3 else offset - 7)


def move_phase(starts_on: date, ends_on: date, shift: relativedelta) -> tuple[date, date]:
    """A phase moved; a one-day phase stays one day, and the end never falls before the
    start."""
    start = move_date(starts_on, shift)
    if starts_on == ends_on:
        return start, start
    return start, max(start, move_date(ends_on, shift))


def round_start(db: Database, programme_id: int) -> date:
    """Where a round begins: its first milestone, else 1 January of its start year."""
    with db.read() as s:
        programme = get(s, Programme, programme_id, "Programmet")
        first = s.scalar(
            select(func.min(Milestone.starts_on)).where(Milestone.programme_id == programme_id)
        )
        return first or date(programme.start_year, 1, 1)


@dataclass
class NewRoundData:
    name: str
    starts_on: date
    carry_areas: bool = True


def new_round(db: Database, from_programme_id: int, data: NewRoundData) -> int:
    """Create the next round from `from_programme_id`; return the new programme's id."""
    old_start = round_start(db, from_programme_id)
    c = Collector()
    if not isinstance(data.starts_on, date):
        c.add("starts_on", "Start: skal udfyldes.")
    elif data.starts_on <= old_start:
        c.add(
            "starts_on",
            f"Start: den nye runde skal begynde efter den gamle ({old_start:%d.%m.%Y}).",
        )
    c.raise_if_any()
    shift = relativedelta(data.starts_on, old_start)
    with db.read() as s:
        old = s.scalar(
            select(Programme)
            .where(Programme.id == from_programme_id)
            .options(selectinload(Programme.milestones), selectinload(Programme.templates))
        )
        if old is None:
            raise DeskError("Programmet findes ikke (længere).")
        years = old.end_year - old.start_year
        settings = ProgrammeData(
            name=data.name,
            start_year=data.starts_on.year,
            end_year=data.starts_on.year + years,
            default_grant_ore=old.default_grant_ore,
            total_budget_ore=old.total_budget_ore,
            contact_organisation=old.contact_organisation,
            contact_department=old.contact_department,
            contact_street=old.contact_street,
            contact_postcode_city=old.contact_postcode_city,
            contact_email=old.contact_email,
            contact_phone=old.contact_phone,
            retention_years=old.retention_years,
        )
        milestones = [
            (m.kind, m.title, *move_phase(m.starts_on, m.ends_on, shift), m.round)
            for m in old.milestones
        ]
        template = old.templates[-1] if old.templates else None
    values = settings.cleaned()
    with db.transaction() as s:
        check_unique_name(s, Programme.id, Programme.name, str(values["name"]), None, "et program")
        programme = Programme(**values)
        programme.milestones = [
            Milestone(kind=k, title=t, starts_on=a, ends_on=b, round=r)
            for k, t, a, b, r in milestones
        ]
        if template is not None:
            programme.templates = [
                AgreementTemplate(
                    version=1,
                    title=template.title,
                    body=template.body,
                    note=f"Overtaget fra {old.name}, version {template.version}.",
                )
            ]
        s.add(programme)
        s.flush()
        if data.carry_areas:
            _carry_areas(s, from_programme_id, programme.id)
        _remember_current(s, programme)
        return programme.id


def _carry_areas(s: Session, from_id: int, to_id: int) -> None:
    """The old round's areas (closed or declined ones too: they may apply again) as
    candidates: who they are and who is in them, no more."""
    for area in s.scalars(
        select(Area)
        .where(Area.programme_id == from_id)
        .options(selectinload(Area.members), selectinload(Area.partners))
    ):
        copy = Area(
            programme_id=to_id,
            name=area.name,
            municipality=area.municipality,
            recipient_name=area.recipient_name,
            recipient_cvr=area.recipient_cvr,
            recipient_address=area.recipient_address,
        )
        copy.members = [
            AreaMember(
                person_id=m.person_id,
                role=m.role,
                in_steering_group=m.in_steering_group,
                is_primary_contact=m.is_primary_contact,
            )
            for m in area.members
        ]
        copy.partners = [
            PartnershipMember(organisation_id=p.organisation_id, contribution="")
            for p in area.partners
        ]
        s.add(copy)
