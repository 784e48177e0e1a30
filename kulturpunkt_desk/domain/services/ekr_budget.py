"""What Europæisk Kulturregion's budget pays for: budget lines per year, planned and spent,
and the EU money brought home set against the budget.

The strategy: "Budgettet bliver således 2,6 mio. kr. pr. år. Derved fastholdes den
økonomiske ramme, fordelingsnøgle og regional finansiering af Genvej til Europa og ekstra
finansiering af Midtjysk Kulturakademi." The budget is the year's frame plus the region's
match (`ContributionTable.budget_ore`); the lines share it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..errors import Collector, ValidationError
from ..models import BudgetLine, FundingYear, Partnership
from ..money import check_ore, format_kr
from .common import apply, get, same_name_ids
from .ekr_eu import EuYearFigure, eu_money_vs_budget

# The lines the strategy names, plus the secretariat's meetings and the communication the
# region takes care of; a new year starts from these (or from the year before).
DEFAULT_LINES = (
    "Regional finansiering af Genvej til Europa",
    "Ekstra finansiering af Midtjysk Kulturakademi",
    "Kulturforum",
    "Fællessekretariatets møder",
    "Kommunikation",
)


@dataclass(frozen=True)
class BudgetLineData:
    name: str
    planned_ore: int = 0
    spent_ore: int = 0
    note: str = ""
    position: int = 0

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        values: dict[str, object] = {
            "name": c.run(v.required, self.name, "name", "Budgetpost"),
            "planned_ore": c.run(check_ore, self.planned_ore, "planned_ore", "Planlagt"),
            "spent_ore": c.run(check_ore, self.spent_ore, "spent_ore", "Forbrugt"),
            "note": c.run(v.optional, self.note, "note", "Bemærkning", 2_000),
            "position": c.run(v.non_negative_int, self.position, "position", "Rækkefølge"),
        }
        c.raise_if_any()
        return values


@dataclass(frozen=True)
class BudgetLineRow:
    line_id: int
    name: str
    planned_ore: int
    spent_ore: int
    note: str

    @property
    def left_ore(self) -> int:
        return self.planned_ore - self.spent_ore

    @property
    def overspent(self) -> bool:
        return self.spent_ore > self.planned_ore


@dataclass
class BudgetOverview:
    """One year's budget lines against the budget, and the EU money brought home."""

    year: int
    budget_ore: int | None  # None: no funding year yet
    eu: EuYearFigure
    lines: list[BudgetLineRow] = field(default_factory=list)

    @property
    def planned_ore(self) -> int:
        return sum(line.planned_ore for line in self.lines)

    @property
    def spent_ore(self) -> int:
        return sum(line.spent_ore for line in self.lines)

    @property
    def unplanned_ore(self) -> int | None:
        """Budget not yet given to a line (negative: planned beyond the budget)."""
        return None if self.budget_ore is None else self.budget_ore - self.planned_ore

    @property
    def warnings(self) -> list[str]:
        found = []
        if self.unplanned_ore is not None and self.unplanned_ore < 0:
            found.append(
                f"Budgetposterne for {self.year} er planlagt til {format_kr(self.planned_ore)}, "
                f"{format_kr(-self.unplanned_ore)} mere end budgettet på "
                f"{format_kr(self.budget_ore or 0)}"
            )
        for line in self.lines:
            if line.overspent:
                found.append(
                    f"«{line.name}» har brugt {format_kr(line.spent_ore)} af de planlagte "
                    f"{format_kr(line.planned_ore)}"
                )
        return found

    @property
    def eu_summary(self) -> str:
        """EU money brought home in the year, set against the budget (one sentence)."""
        if not self.eu.granted_ore:
            return f"Ingen EU-midler hjemtaget i {self.year} endnu."
        return (
            f"EU-midler hjemtaget i {self.year}: {format_kr(self.eu.granted_ore)}, "
            f"{self.eu.per_krone} kr. pr. krone af budgettet."
        )


def create_line(db: Database, partnership_id: int, year: int, data: BudgetLineData) -> int:
    values = data.cleaned()
    year = v.year(year, "year", "År")
    with db.transaction() as s:
        get(s, Partnership, partnership_id, "Partnerskabet")
        _check_unique(s, partnership_id, year, str(values["name"]), None)
        if not data.position:
            highest = s.scalar(
                select(func.max(BudgetLine.position)).where(
                    BudgetLine.partnership_id == partnership_id, BudgetLine.year == year
                )
            )
            values["position"] = (highest or 0) + 1
        line = BudgetLine(partnership_id=partnership_id, year=year, **values)
        s.add(line)
        s.flush()
        return line.id


def update_line(db: Database, line_id: int, data: BudgetLineData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        line = get(s, BudgetLine, line_id, "Budgetposten")
        _check_unique(s, line.partnership_id, line.year, str(values["name"]), line_id)
        if not data.position:
            values["position"] = line.position
        apply(line, values)


def _check_unique(s: Session, partnership_id: int, year: int, name: str, own: int | None) -> None:
    scope = (BudgetLine.partnership_id == partnership_id, BudgetLine.year == year)
    if same_name_ids(s, BudgetLine.id, BudgetLine.name, name, *scope) - {own}:
        raise ValidationError.single("name", f"Budgetpost: «{name}» findes allerede i {year}.")


def start_year(db: Database, partnership_id: int, year: int) -> list[int]:
    """Give a year without lines the lines of the latest earlier year (planned amounts too),
    or the strategy's lines; returns the new lines' ids."""
    year = v.year(year, "year", "År")
    with db.transaction() as s:
        get(s, Partnership, partnership_id, "Partnerskabet")
        mine = select(BudgetLine).where(BudgetLine.partnership_id == partnership_id)
        if s.scalar(mine.where(BudgetLine.year == year)) is not None:
            raise ValidationError.single("year", f"År: {year} har allerede budgetposter.")
        earlier = s.scalar(
            select(func.max(BudgetLine.year)).where(
                BudgetLine.partnership_id == partnership_id, BudgetLine.year < year
            )
        )
        if earlier is None:
            source = [(name, 0) for name in DEFAULT_LINES]
        else:
            source = [
                (line.name, line.planned_ore)
                for line in s.scalars(
                    mine.where(BudgetLine.year == earlier).order_by(BudgetLine.position)
                )
            ]
        made = [
            BudgetLine(
                partnership_id=partnership_id,
                year=year,
                name=name,
                planned_ore=planned,
                spent_ore=0,
                position=position,
            )
            for position, (name, planned) in enumerate(source, start=1)
        ]
        s.add_all(made)
        s.flush()
        return [line.id for line in made]


def budget_overview(db: Database, partnership_id: int, year: int) -> BudgetOverview:
    """The year's lines, the budget (frame plus the region's match) and the EU money."""
    with db.read() as s:
        frame = s.scalar(
            select(FundingYear.frame_ore).where(
                FundingYear.partnership_id == partnership_id, FundingYear.year == year
            )
        )
        lines = s.scalars(
            select(BudgetLine)
            .where(BudgetLine.partnership_id == partnership_id, BudgetLine.year == year)
            .order_by(BudgetLine.position, BudgetLine.name)
        ).all()
        rows = [BudgetLineRow(b.id, b.name, b.planned_ore, b.spent_ore, b.note) for b in lines]
    budget = None if frame is None else frame * 2
    eu = next(
        (f for f in eu_money_vs_budget(db, partnership_id) if f.year == year),
        EuYearFigure(year, 0, budget or 0),
    )
    return BudgetOverview(year, budget, eu, rows)


def line_years(db: Database, partnership_id: int) -> list[int]:
    with db.read() as s:
        return list(
            s.scalars(
                select(BudgetLine.year)
                .where(BudgetLine.partnership_id == partnership_id)
                .distinct()
                .order_by(BudgetLine.year)
            )
        )
