"""Europæisk Kulturregion's yearly action plan (handleplan).

The strategy: "Fællessekretariatet er den drivende kraft i partnerskabet og ansvarlig for
udmøntning af strategien i handleplan" and "På direktørmøderne drøftes rammerne for
fællessekretariatets arbejde, herunder strategi, handleplan og budget." Each effort sits
under one of the three focus areas or the cross-cutting communication ("Kommunikation
varetages som en tværgående indsats"), with the members taking part, one responsible
member, a status and a deadline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..danish import sort_key
from ..dates import short_date
from ..errors import Collector, ValidationError
from ..models import (
    ACTION_STATUS_LABELS,
    ActionStatus,
    FocusArea,
    PartnerMember,
    Partnership,
    PlanAction,
    PlanActionMember,
)
from .common import apply, get

COMMUNICATION = "Kommunikation (tværgående indsats)"
_OPEN = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


@dataclass(frozen=True)
class PlanActionData:
    title: str
    responsible_id: str | None
    focus_area_id: str | None = None  # None: the cross-cutting communication
    status: ActionStatus = ActionStatus.PLANNED
    deadline: date | None = None
    member_ids: tuple[str, ...] = ()
    description: str = ""

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        if self.responsible_id is None:
            c.add("responsible_id", "Ansvarlig: vælg det medlem, der har ansvaret.")
        values: dict[str, object] = {
            "title": c.run(v.required, self.title, "title", "Indsats"),
            "responsible_id": self.responsible_id,
            "focus_area_id": self.focus_area_id,
            "status": ActionStatus(self.status),
            "deadline": self.deadline,
            "description": c.run(v.optional, self.description, "description", "Beskrivelse", 5_000),
        }
        c.raise_if_any()
        return values


@dataclass(frozen=True)
class PlanActionRow:
    action_id: str
    year: int
    heading: str  # the focus area ("1. Styrkelse af ...") or the communication
    title: str
    responsible: str
    members: tuple[str, ...]
    status: ActionStatus
    deadline: date | None
    description: str

    @property
    def status_label(self) -> str:
        return ACTION_STATUS_LABELS[self.status]

    def overdue(self, today: date) -> bool:
        return self.status in _OPEN and self.deadline is not None and self.deadline < today


@dataclass
class ActionPlan:
    year: int
    headings: list[str]  # every focus area and the communication, in the strategy's order
    rows: list[PlanActionRow] = field(default_factory=list)

    def under(self, heading: str) -> list[PlanActionRow]:
        return [r for r in self.rows if r.heading == heading]

    def warnings(self, today: date) -> list[str]:
        found = [
            f"«{r.title}» ({r.responsible}) skulle være gennemført {short_date(r.deadline)}."
            for r in self.rows
            if r.overdue(today)
        ]
        found += [
            f"Handleplanen {self.year} har ingen indsats under «{h}»."
            for h in self.headings
            if not self.under(h)
        ]
        return found


def _check(s: Session, partnership_id: str, data: PlanActionData) -> None:
    members = set(
        s.scalars(select(PartnerMember.id).where(PartnerMember.partnership_id == partnership_id))
    )
    if data.responsible_id is not None and data.responsible_id not in members:
        raise ValidationError.single("responsible_id", "Ansvarlig: skal være medlem.")
    if not set(data.member_ids) <= members:
        raise ValidationError.single("member_ids", "Deltagere: kun partnerskabets medlemmer.")
    if data.focus_area_id is not None:
        area = get(s, FocusArea, data.focus_area_id, "Indsatsområdet")
        if area.partnership_id != partnership_id:
            raise ValidationError.single("focus_area_id", "Indsatsområde: hører ikke til her.")


def _set_members(action: PlanAction, data: PlanActionData) -> None:
    # The responsible member takes part too.
    wanted = set(data.member_ids) | ({data.responsible_id} if data.responsible_id else set())
    action.participants = [p for p in action.participants if p.member_id in wanted]
    have = {p.member_id for p in action.participants}
    for member_id in sorted(wanted - have):
        action.participants.append(PlanActionMember(member_id=member_id))


def create_action(db: Database, partnership_id: str, year: int, data: PlanActionData) -> str:
    values = data.cleaned()
    year = v.year(year, "year", "År")
    with db.transaction() as s:
        get(s, Partnership, partnership_id, "Partnerskabet")
        _check(s, partnership_id, data)
        action = PlanAction(partnership_id=partnership_id, year=year, **values)
        _set_members(action, data)
        s.add(action)
        s.flush()
        return action.id


def update_action(db: Database, action_id: str, data: PlanActionData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        action = get(s, PlanAction, action_id, "Indsatsen")
        _check(s, action.partnership_id, data)
        apply(action, values)
        _set_members(action, data)


def action_data(db: Database, action_id: str) -> PlanActionData:
    """An effort's values, to change and save with update_action."""
    with db.read() as s:
        a = get(s, PlanAction, action_id, "Indsatsen")
        return PlanActionData(
            a.title,
            a.responsible_id,
            a.focus_area_id,
            a.status,
            a.deadline,
            tuple(sorted(p.member_id for p in a.participants)),
            a.description,
        )


def action_plan(db: Database, partnership_id: str, year: int) -> ActionPlan:
    """The year's efforts under each focus area, then the communication."""
    with db.read() as s:
        areas = s.scalars(
            select(FocusArea)
            .where(FocusArea.partnership_id == partnership_id)
            .order_by(FocusArea.number)
        ).all()
        names = {a.id: f"{a.number}. {a.name}" for a in areas}
        actions = s.scalars(
            select(PlanAction)
            .where(PlanAction.partnership_id == partnership_id, PlanAction.year == year)
            .options(
                selectinload(PlanAction.participants).joinedload(PlanActionMember.member),
                selectinload(PlanAction.responsible),
            )
        ).all()
        plan = ActionPlan(year, [*names.values(), COMMUNICATION])
        order = {h: i for i, h in enumerate(plan.headings)}
        for a in actions:
            heading = names.get(a.focus_area_id or "", COMMUNICATION)
            plan.rows.append(
                PlanActionRow(
                    a.id,
                    a.year,
                    heading,
                    a.title,
                    a.responsible.name if a.responsible else "",
                    tuple(sorted((p.member.name for p in a.participants), key=sort_key)),
                    a.status,
                    a.deadline,
                    a.description,
                )
            )
    plan.rows.sort(key=lambda r: (order[r.heading], r.deadline or date.max, r.title))
    return plan


def plan_years(db: Database, partnership_id: str) -> list[int]:
    with db.read() as s:
        return list(
            s.scalars(
                select(PlanAction.year)
                .where(PlanAction.partnership_id == partnership_id)
                .distinct()
                .order_by(PlanAction.year)
            )
        )
