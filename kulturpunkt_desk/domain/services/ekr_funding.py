"""Europæisk Kulturregion's funding: one year's key, frame, contributions and payments.

Each funding year keeps its own copy of the key and the frame. While the year is not yet
invoiced the contributions follow every change of key or frame; once invoiced, the year is
locked, so a later change (to this year or any other) never alters what was invoiced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..errors import ValidationError
from ..models import (
    Contribution,
    FundingYear,
    MemberKind,
    PartnerMember,
    Partnership,
    PopulationFigure,
)
from ..money import check_ore
from .common import get
from .ekr_population_csv import PopulationImport, parse_population_csv
from .ekr_shareout import share_out

# Printed with every year whose key holds demo figures (window, documents, exports).
DEMO_POPULATION_MARK = "DEMOTAL: opdigtede, afrundede indbyggertal – ikke Danmarks Statistiks."


@dataclass(frozen=True)
class ContributionRow:
    member_id: int
    name: str
    population: int | None
    contribution_id: int | None
    amount_ore: int
    due_on: date | None
    invoiced_on: date | None
    paid_on: date | None
    overdue: bool


@dataclass
class ContributionTable:
    """One year's contributions, as the table, the letters and the exports show them."""

    partnership_name: str
    year: int
    funding_year_id: int
    frame_ore: int
    basis_date: date | None
    invoiced_on: date | None
    region_name: str
    note: str = ""
    rows: list[ContributionRow] = field(default_factory=list)
    population_demo: bool = False

    @property
    def region_match_ore(self) -> int:
        """The region matches the municipalities' frame krone for krone."""
        return self.frame_ore

    @property
    def budget_ore(self) -> int:
        return self.frame_ore + self.region_match_ore

    @property
    def total_ore(self) -> int:
        return sum(r.amount_ore for r in self.rows)

    @property
    def total_population(self) -> int:
        return sum(r.population or 0 for r in self.rows)

    @property
    def paid_ore(self) -> int:
        return sum(r.amount_ore for r in self.rows if r.paid_on is not None)

    @property
    def missing_population(self) -> list[str]:
        return [r.name for r in self.rows if r.population is None]

    @property
    def locked(self) -> bool:
        return self.invoiced_on is not None


def quarter_end(year: int) -> date:
    """Contributions are collected in the first quarter."""
    return date(year, 3, 31)


def create_funding_year(
    db: Database, partnership_id: int, year: int, basis_date: date | None = None
) -> int:
    """A new year with the partnership's default frame and the latest earlier year's key."""
    year = v.year(year, "year", "År")
    with db.transaction() as s:
        partnership = get(s, Partnership, partnership_id, "Partnerskabet")
        years = s.scalars(
            select(FundingYear)
            .where(FundingYear.partnership_id == partnership_id)
            .order_by(FundingYear.year)
        ).all()
        if any(fy.year == year for fy in years):
            raise ValidationError.single("year", f"År: {year} findes allerede.")
        earlier = [fy for fy in years if fy.year < year]
        source = earlier[-1] if earlier else None
        funding_year = FundingYear(
            partnership_id=partnership_id,
            year=year,
            frame_ore=partnership.default_frame_ore,
            basis_date=basis_date if basis_date or source is None else source.basis_date,
        )
        if source is not None:
            funding_year.populations = [
                PopulationFigure(member_id=p.member_id, population=p.population)
                for p in source.populations
            ]
            # Demo figures stay marked in every year copied from them.
            funding_year.population_demo = source.population_demo
        s.add(funding_year)
        s.flush()
        _redistribute(s, funding_year)
        return funding_year.id


def _unlocked(s: Session, funding_year_id: int) -> FundingYear:
    funding_year = get(s, FundingYear, funding_year_id, "Budgetåret")
    if funding_year.invoiced_on is not None:
        raise ValidationError.single(
            "year",
            f"År: {funding_year.year} er faktureret; fordelingsnøgle og ramme kan ikke "
            "længere ændres.",
        )
    return funding_year


def set_frame(db: Database, funding_year_id: int, frame_ore: int) -> None:
    frame_ore = check_ore(frame_ore, "frame_ore", "Ramme")
    if frame_ore % 100:
        raise ValidationError.single("frame_ore", "Ramme: skal være hele kroner.")
    with db.transaction() as s:
        funding_year = _unlocked(s, funding_year_id)
        funding_year.frame_ore = frame_ore
        _redistribute(s, funding_year)


def set_populations(
    db: Database,
    funding_year_id: int,
    populations: dict[int, int],
    basis_date: date | None = None,
    demo: bool | None = None,
) -> None:
    """Set the key's population for the given members (member id -> inhabitants).

    `demo` marks (True) or unmarks (False) the key as demo figures; None leaves the mark.
    """
    for population in populations.values():
        v.non_negative_int(population, "population", "Indbyggertal")
    with db.transaction() as s:
        funding_year = _unlocked(s, funding_year_id)
        members = _municipalities(s, funding_year.partnership_id)
        for member_id in populations:
            if member_id not in members:
                raise ValidationError.single(
                    "member_id", "Medlem: kun kommuner indgår i fordelingsnøglen."
                )
        existing = {p.member_id: p for p in funding_year.populations}
        for member_id, population in populations.items():
            if member_id in existing:
                existing[member_id].population = population
            else:
                funding_year.populations.append(
                    PopulationFigure(member_id=member_id, population=population)
                )
        if basis_date is not None:
            funding_year.basis_date = basis_date
        if demo is not None:
            funding_year.population_demo = demo
        s.flush()
        _redistribute(s, funding_year)


def import_populations(
    db: Database,
    funding_year_id: int,
    text: str,
    basis_date: date | None = None,
    period: str | None = None,
) -> PopulationImport:
    """Read a Danmarks Statistik file into the year's key; returns what was and wasn't known.

    Without `basis_date` the key is dated by the period read (2017K4: 1 October 2017). A
    file covering every municipality replaces demo figures, so the year is no longer marked.
    """
    with db.read() as s:
        funding_year = get(s, FundingYear, funding_year_id, "Budgetåret")
        members = _municipalities(s, funding_year.partnership_id)
    names = sorted(m.name for m in members.values())
    result = parse_population_csv(text, names, period)
    by_name = {m.name: m.id for m in members.values()}
    set_populations(
        db,
        funding_year_id,
        {by_name[name]: pop for name, pop in result.figures.items()},
        basis_date or result.basis_date,
        demo=None if result.missing_names else False,
    )
    return result


def _municipalities(s: Session, partnership_id: int) -> dict[int, PartnerMember]:
    return {
        m.id: m
        for m in s.scalars(
            select(PartnerMember).where(
                PartnerMember.partnership_id == partnership_id,
                PartnerMember.kind == MemberKind.MUNICIPALITY,
            )
        )
    }


def _redistribute(s: Session, funding_year: FundingYear) -> None:
    """Contributions follow the key and frame (only ever called on an unlocked year)."""
    key = {p.member_id: p.population for p in funding_year.populations}
    if not key or sum(key.values()) == 0:
        funding_year.contributions.clear()
        return
    shares = share_out(funding_year.frame_ore // 100, dict(sorted(key.items())))
    existing = {c.member_id: c for c in funding_year.contributions}
    for member_id, amount_kr in shares.items():
        if member_id in existing:
            existing[member_id].amount_ore = amount_kr * 100
        else:
            funding_year.contributions.append(
                Contribution(member_id=member_id, amount_ore=amount_kr * 100)
            )
    for member_id, contribution in existing.items():
        if member_id not in shares:
            funding_year.contributions.remove(contribution)


def set_note(db: Database, funding_year_id: int, note: str) -> None:
    """A remark printed with the year's key (e.g. where the figures come from)."""
    note = v.optional(note, "note", "Bemærkning", 2_000)
    with db.transaction() as s:
        get(s, FundingYear, funding_year_id, "Budgetåret").note = note


def invoice_year(
    db: Database, funding_year_id: int, invoiced_on: date, due_on: date | None = None
) -> None:
    """Invoice every contribution of the year; from now on its key and frame are locked."""
    due = due_on or quarter_end(invoiced_on.year)
    v.dates_in_order(invoiced_on, due, "due_on", "Faktureringsdato", "Forfaldsdato")
    with db.transaction() as s:
        funding_year = _unlocked(s, funding_year_id)
        if not funding_year.contributions:
            raise ValidationError.single(
                "population", "Fordelingsnøgle: indtast indbyggertal, før året faktureres."
            )
        total = sum(c.amount_ore for c in funding_year.contributions)
        if total != funding_year.frame_ore:  # pragma: no cover - share_out guarantees it
            raise ValidationError.single("frame_ore", "Ramme: bidragene summer ikke til rammen.")
        funding_year.invoiced_on = invoiced_on
        for contribution in funding_year.contributions:
            contribution.invoiced_on = invoiced_on
            contribution.due_on = due


def record_payment(db: Database, contribution_id: int, paid_on: date) -> None:
    with db.transaction() as s:
        contribution = get(s, Contribution, contribution_id, "Bidraget")
        if contribution.invoiced_on is None:
            raise ValidationError.single("paid_on", "Betalt: bidraget er ikke faktureret endnu.")
        v.dates_in_order(contribution.invoiced_on, paid_on, "paid_on", "Faktureret", "Betalt")
        contribution.paid_on = paid_on


def undo_payment(db: Database, contribution_id: int) -> None:
    with db.transaction() as s:
        get(s, Contribution, contribution_id, "Bidraget").paid_on = None


def list_funding_years(db: Database, partnership_id: int) -> list[FundingYear]:
    with db.read() as s:
        return list(
            s.scalars(
                select(FundingYear)
                .where(FundingYear.partnership_id == partnership_id)
                .order_by(FundingYear.year)
            )
        )


def funding_year_id(db: Database, partnership_id: int, year: int) -> int:
    with db.read() as s:
        found = s.scalar(
            select(FundingYear.id).where(
                FundingYear.partnership_id == partnership_id, FundingYear.year == year
            )
        )
    if found is None:
        raise ValidationError.single("year", f"År: der er intet budgetår {year}.")
    return found


def contributions_table(
    db: Database, partnership_id: int, year: int, today: date | None = None
) -> ContributionTable:
    """One row per municipality (also those still missing a population figure)."""
    today = today or date.today()
    fy_id = funding_year_id(db, partnership_id, year)
    with db.read() as s:
        funding_year = s.scalars(
            select(FundingYear)
            .where(FundingYear.id == fy_id)
            .options(selectinload(FundingYear.populations), selectinload(FundingYear.contributions))
        ).one()
        partnership = get(s, Partnership, partnership_id, "Partnerskabet")
        members = s.scalars(
            select(PartnerMember).where(PartnerMember.partnership_id == partnership_id)
        ).all()
    population = {p.member_id: p.population for p in funding_year.populations}
    contributions = {c.member_id: c for c in funding_year.contributions}
    region = next((m.name for m in members if m.kind == MemberKind.REGION), "Regionen")
    table = ContributionTable(
        partnership_name=partnership.name,
        year=year,
        funding_year_id=fy_id,
        frame_ore=funding_year.frame_ore,
        basis_date=funding_year.basis_date,
        invoiced_on=funding_year.invoiced_on,
        region_name=region,
        note=_note_with_demo_mark(funding_year),
        population_demo=funding_year.population_demo,
    )
    late = today > quarter_end(year)
    for member in sorted(
        (m for m in members if m.kind == MemberKind.MUNICIPALITY), key=lambda m: m.name
    ):
        c = contributions.get(member.id)
        table.rows.append(
            ContributionRow(
                member_id=member.id,
                name=member.name,
                population=population.get(member.id),
                contribution_id=c.id if c else None,
                amount_ore=c.amount_ore if c else 0,
                due_on=c.due_on if c else None,
                invoiced_on=c.invoiced_on if c else None,
                paid_on=c.paid_on if c else None,
                overdue=bool(c and c.invoiced_on and c.paid_on is None and late),
            )
        )
    return table


def _note_with_demo_mark(funding_year: FundingYear) -> str:
    """The year's note, led by the demo mark when its key holds demo figures."""
    note = funding_year.note.strip()
    if not funding_year.population_demo or DEMO_POPULATION_MARK in note:
        return note
    return f"{DEMO_POPULATION_MARK} {note}".strip()


def unpaid_after_quarter(
    db: Database, partnership_id: int, year: int, today: date | None = None
) -> list[ContributionRow]:
    """Invoiced contributions still unpaid once the first quarter is over."""
    return [r for r in contributions_table(db, partnership_id, year, today).rows if r.overdue]
