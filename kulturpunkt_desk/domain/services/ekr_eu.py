"""Europæisk Kulturregion's EU cases: joint applications, project advice, fundraising help;
and the figure of EU money brought home against the partnership's own budget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..errors import Collector, ValidationError
from ..models import EuCase, EuCaseKind, EuCaseStage, FundingYear, PartnerMember, Partnership
from ..money import check_ore
from .common import apply, get


@dataclass(frozen=True)
class EuCaseData:
    kind: EuCaseKind
    title: str
    stage: EuCaseStage = EuCaseStage.IDEA
    applicant: str = ""
    member_id: str | None = None
    eu_programme: str = ""
    call_deadline: date | None = None
    amount_sought_ore: int = 0
    amount_granted_ore: int | None = None
    decided_on: date | None = None
    notes: str = ""

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        stage = EuCaseStage(self.stage)
        granted = self.amount_granted_ore
        if granted is not None:
            granted = c.run(check_ore, granted, "amount_granted_ore", "Bevilget beløb")
        if stage == EuCaseStage.GRANTED and not granted:
            c.add("amount_granted_ore", "Bevilget beløb: skal udfyldes, når sagen er bevilget.")
        if stage != EuCaseStage.GRANTED and granted:
            c.add("amount_granted_ore", "Bevilget beløb: kun når sagen er bevilget.")
        values: dict[str, object] = {
            "kind": EuCaseKind(self.kind),
            "title": c.run(v.required, self.title, "title", "Titel"),
            "stage": stage,
            "applicant": c.run(v.optional, self.applicant, "applicant", "Ansøger"),
            "member_id": self.member_id,
            "eu_programme": c.run(v.optional, self.eu_programme, "eu_programme", "EU-program"),
            "call_deadline": self.call_deadline,
            "amount_sought_ore": c.run(
                check_ore, self.amount_sought_ore, "amount_sought_ore", "Ansøgt beløb"
            ),
            "amount_granted_ore": granted,
            "decided_on": self.decided_on,
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 10_000),
        }
        c.raise_if_any()
        return values


@dataclass(frozen=True)
class EuYearFigure:
    """EU money brought home in a year against the partnership's own budget that year."""

    year: int
    granted_ore: int
    own_budget_ore: int

    @property
    def per_krone(self) -> str:
        """EU kroner per own krone, e.g. '1,8' (Danish decimal comma)."""
        if not self.own_budget_ore:
            return "-"
        tenths = round(self.granted_ore * 10 / self.own_budget_ore)
        return f"{tenths // 10},{tenths % 10}"


def _check_member(s: Session, partnership_id: str, member_id: str | None) -> None:
    if member_id is not None:
        member = get(s, PartnerMember, member_id, "Kommunen")
        if member.partnership_id != partnership_id:
            raise ValidationError.single("member_id", "Kommune: hører til et andet partnerskab.")


def create_case(db: Database, partnership_id: str, data: EuCaseData) -> str:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Partnership, partnership_id, "Partnerskabet")
        _check_member(s, partnership_id, data.member_id)
        case = EuCase(partnership_id=partnership_id, **values)
        s.add(case)
        s.flush()
        return case.id


def update_case(db: Database, case_id: str, data: EuCaseData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        case = get(s, EuCase, case_id, "Sagen")
        _check_member(s, case.partnership_id, data.member_id)
        apply(case, values)


def delete_case(db: Database, case_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, EuCase, case_id, "Sagen"))


def list_cases(db: Database, partnership_id: str) -> list[EuCase]:
    with db.read() as s:
        return list(
            s.scalars(
                select(EuCase)
                .where(EuCase.partnership_id == partnership_id)
                .options(selectinload(EuCase.member))
                .order_by(EuCase.call_deadline.is_(None), EuCase.call_deadline, EuCase.title)
            )
        )


def eu_money_vs_budget(db: Database, partnership_id: str) -> list[EuYearFigure]:
    """Per funding year: EU grants decided that year against frame plus the region's match."""
    with db.read() as s:
        budgets = {
            fy.year: fy.frame_ore * 2
            for fy in s.scalars(
                select(FundingYear).where(FundingYear.partnership_id == partnership_id)
            )
        }
        granted: dict[int, int] = {}
        for case in s.scalars(
            select(EuCase).where(
                EuCase.partnership_id == partnership_id, EuCase.stage == EuCaseStage.GRANTED
            )
        ):
            when = case.decided_on or case.call_deadline
            if when is not None:
                granted[when.year] = granted.get(when.year, 0) + (case.amount_granted_ore or 0)
    years = sorted(set(budgets) | set(granted))
    return [EuYearFigure(y, granted.get(y, 0), budgets.get(y, 0)) for y in years]
