"""The funding rule of Europæisk Kulturregion as the strategy writes it, checked per year.

"Kommunerne bidrager med 1 kr. pr. år pr. indbygger ... Det samlede tal er højere end det
årlige beløb på i alt 1,3 mio. kr., derfor opkræves et afrundet beløb, svarende til
kommunernes folketal minus ca. 1%." The desk shows each year's rate per inhabitant and the
difference from the population total, and warns when the frame departs from the rule
(population minus 1 %) by more than the partnership's margin.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kulturpunkt_desk.storage.engine import Database

from ..models import FundingYear, Partnership
from ..money import format_kr
from .common import get

# 1 kr. per inhabitant, less about 1 %: 99 øre per inhabitant.
RULE_ORE_PER_INHABITANT = 99


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _tenths(part: int, whole: int) -> str:
    """part/whole as a Danish percentage with one decimal: '0,4 %'."""
    tenths = (abs(part) * 1000 + whole // 2) // whole if whole else 0
    return f"{tenths // 10},{tenths % 10} %"


@dataclass(frozen=True)
class FrameRule:
    """One year's frame held against the rule."""

    year: int
    population: int
    frame_ore: int
    margin_pct: int
    demo: bool

    @property
    def population_total_ore(self) -> int:
        """What 1 kr. per inhabitant would give."""
        return self.population * 100

    @property
    def rule_ore(self) -> int:
        """The population minus 1 %, rounded to whole kroner."""
        return (self.population * RULE_ORE_PER_INHABITANT + 50) // 100 * 100

    @property
    def difference_ore(self) -> int:
        """The frame less the population total (negative: under 1 kr. per inhabitant)."""
        return self.frame_ore - self.population_total_ore

    @property
    def rate_text(self) -> str:
        """Kroner per inhabitant with four decimals: '0,9964 kr.'."""
        if not self.population:
            return "-"
        units = (self.frame_ore * 100 + self.population // 2) // self.population
        return f"{units // 10_000},{units % 10_000:04d} kr."

    @property
    def departs(self) -> bool:
        """The frame is further from the rule than the margin allows."""
        return abs(self.frame_ore - self.rule_ore) * 100 > self.rule_ore * self.margin_pct

    @property
    def summary(self) -> str:
        """The sentence every place (window, status summary, command line) shows."""
        side = "under" if self.difference_ore <= 0 else "over"
        demo = " (demotal)" if self.demo else ""
        share = _tenths(self.difference_ore, self.population_total_ore)
        return (
            f"{self.year}: {self.rate_text} pr. indbygger; rammen {format_kr(self.frame_ore)} "
            f"er {format_kr(abs(self.difference_ore))} ({share}) {side} folketallet på "
            f"{_thousands(self.population)}{demo}."
        )

    @property
    def warning(self) -> str | None:
        if not self.departs:
            return None
        return (
            f"Rammen for {self.year} ({format_kr(self.frame_ore)}) afviger "
            f"{_tenths(self.frame_ore - self.rule_ore, self.rule_ore)} fra reglen om 1 kr. pr. "
            f"indbygger minus ca. 1 % ({format_kr(self.rule_ore)}); grænsen er "
            f"{self.margin_pct} %."
        )


def frame_rules(db: Database, partnership_id: str) -> list[FrameRule]:
    """Every funding year with a key, oldest first."""
    with db.read() as s:
        margin = get(s, Partnership, partnership_id, "Partnerskabet").frame_rule_margin_pct
        years = s.scalars(
            select(FundingYear)
            .where(FundingYear.partnership_id == partnership_id)
            .options(selectinload(FundingYear.populations))
            .order_by(FundingYear.year)
        ).all()
        return [
            FrameRule(
                fy.year,
                sum(p.population for p in fy.populations),
                fy.frame_ore,
                margin,
                fy.population_demo,
            )
            for fy in years
            if fy.populations
        ]


def frame_rule(db: Database, partnership_id: str, year: int) -> FrameRule | None:
    """The year's frame against the rule; None while the year has no key."""
    return next((r for r in frame_rules(db, partnership_id) if r.year == year), None)
