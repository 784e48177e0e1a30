"""Europæisk Kulturregion's contributions table for a year, as PDF, CSV or XLSX.

One row per municipality: population, amount, invoiced, due, paid and a plain-words state;
then the municipalities' total, the region's matching amount and the year's budget.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from kulturpunkt_desk.domain.dates import long_date
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import ekr_funding
from kulturpunkt_desk.domain.services.ekr_funding import ContributionRow, ContributionTable
from kulturpunkt_desk.storage.engine import Database

HEADER = ("Kommune", "Indbyggere", "Bidrag (kr.)", "Faktureret", "Forfald", "Betalt", "Status")
SUFFIXES = (".pdf", ".csv", ".xlsx")


def payment_state(row: ContributionRow) -> str:
    if row.contribution_id is None:
        return "Mangler indbyggertal"
    if row.paid_on is not None:
        return "Betalt"
    if row.overdue:
        return "Ikke betalt efter kvartalet"
    if row.invoiced_on is not None:
        return "Faktureret, ikke betalt"
    return "Ikke faktureret"


# The rows after the municipalities: their total, the region's match and the budget.
TOTAL_ROWS = 3


def table_rows(table: ContributionTable) -> list[list[Any]]:
    """The rows shared by every format: amounts as øre wrapped for the writer, dates as
    dates (the spreadsheet gets date cells, the PDF and CSV 18.06.2025)."""
    from .spreadsheet import Money

    rows: list[list[Any]] = [
        [
            r.name,
            r.population,
            Money(r.amount_ore),
            r.invoiced_on,
            r.due_on,
            r.paid_on,
            payment_state(r),
        ]
        for r in table.rows
    ]
    rows.append(["Kommunerne i alt", table.total_population, Money(table.total_ore)] + [""] * 4)
    rows.append(
        [f"{table.region_name} (medfinansiering)", None, Money(table.region_match_ore)] + [""] * 4
    )
    rows.append([f"Budget {table.year} i alt", None, Money(table.budget_ore)] + [""] * 4)
    return rows


def spreadsheet_rows(table: ContributionTable) -> list[list[Any]]:
    """The rows of the CSV and XLSX: the table, then the demo mark when the key is demo."""
    rows = table_rows(table)
    if table.population_demo:
        rows.append([ekr_funding.DEMO_POPULATION_MARK, None, ""] + [""] * 4)
    return rows


def export_contributions(
    db: Database, partnership_id: int, year: int, out: Path, today: date | None = None
) -> Path:
    """Write the year's table to `out`; the suffix (.pdf, .csv, .xlsx) chooses the format."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError.single(
            "out", f"Fil: «{out.name}» skal ende på .pdf, .csv eller .xlsx."
        )
    table = ekr_funding.contributions_table(db, partnership_id, year, today)
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        from .spreadsheet import write_csv

        return write_csv(out, HEADER, spreadsheet_rows(table))
    if suffix == ".xlsx":
        from .spreadsheet import write_xlsx

        sheet = f"Bidrag {year}"
        return write_xlsx(
            out,
            [(sheet, HEADER, spreadsheet_rows(table))],
            title=f"{table.partnership_name}: bidrag {year}",
            author=table.region_name,
            widths={sheet: (16, 12, 14, 12, 12, 12, 12)},
            # The demo mark follows the totals: kept out of the filter like them.
            totals={sheet: TOTAL_ROWS + int(table.population_demo)},
        )
    return _write_pdf(table, out, today or date.today())


def _write_pdf(table: ContributionTable, out: Path, today: date) -> Path:

    from .layout import FRAME_WIDTH, PdfInfo, build_pdf, fitted_widths, markup, para, safe
    from .layout import table as house_table
    from .spreadsheet import cell_text

    title = f"Bidrag til {table.partnership_name} {table.year}"
    basis = f", indbyggertal pr. {long_date(table.basis_date)}" if table.basis_date else ""
    story: list[Any] = [
        para(title, "title"),
        para(f"Opgjort {long_date(today)}{basis}", "subtitle"),
    ]
    rows: list[list[Any]] = [["Kommune", "Indbyggertal", "Bidrag", "Faktura", *HEADER[4:]]]
    for row in table_rows(table):
        rows.append(
            [
                row[0],
                "" if row[1] is None else f"{row[1]:,}".replace(",", "."),
                format_kr(row[2].ore),
                *(cell_text(c) for c in row[3:]),
            ]
        )
    story.append(
        house_table(
            rows,
            fitted_widths(rows, FRAME_WIDTH, nowrap=(1, 2, 3, 4, 5)),
            right=(1, 2),
            total=True,
        )
    )
    late = [r.name for r in table.rows if r.overdue]
    if late:
        story.append(para("Ikke betalt efter første kvartal", "h1"))
        story.append(markup(safe(", ".join(late)) + "."))
    if table.missing_population:
        story.append(para("Mangler indbyggertal", "h1"))
        story.append(markup(safe(", ".join(table.missing_population)) + "."))
    if table.note.strip():
        story.append(para(table.note, "small"))
    build_pdf(
        out,
        story,
        PdfInfo(
            title=title,
            author=table.region_name,
            subject=f"{table.partnership_name}: kommunernes bidrag {table.year}",
            footer=title,
        ),
        aligned=True,
    )
    return out
