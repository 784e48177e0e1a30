"""CSV and XLSX writers that Danish Excel opens right and that never run a formula.

CSV: UTF-8 with BOM (so Excel reads æøå), semicolons (the Danish list separator), amounts
as 50.000,00. Any text starting with = + - @ tab or CR is written so a spreadsheet reads it
as text: an apostrophe in front in CSV, an explicit string cell with a quote prefix in XLSX.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def cell_text(value: object) -> str:
    """A cell as Danish text: dates 18.06.2025, amounts 50.000,00, nothing as empty."""
    from datetime import date

    from kulturpunkt_desk.domain.dates import short_date

    if value is None:
        return ""
    if isinstance(value, date):
        return short_date(value)
    return str(value)


def csv_cell(value: object) -> str:
    text = cell_text(value)
    return "'" + text if is_formula_like(text) else text


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


Sheet = tuple[str, Sequence[str], Sequence[Sequence[object]]]


def write_xlsx(
    path: Path,
    sheets: Sequence[Sheet],
    *,
    title: str = "",
    author: str = "",
    widths: dict[str, Sequence[int]] | None = None,
) -> Path:
    """One worksheet per (name, header, rows). Ints stay numbers; text stays text."""
    from datetime import date

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    book.remove(book.active)
    book.properties.title = title
    book.properties.creator = author
    header_fill = PatternFill("solid", fgColor="E8EDF2")
    for name, header, rows in sheets:
        sheet = book.create_sheet(name[:31])
        for c, text in enumerate(header, start=1):
            cell = sheet.cell(row=1, column=c)
            _set_text(cell, text)
            cell.font = Font(bold=True)
            cell.fill = header_fill
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, bool) or value is None:
                    _set_text(cell, "" if value is None else ("Ja" if value else "Nej"))
                elif isinstance(value, int):
                    cell.value = value
                elif isinstance(value, date):
                    cell.value = value
                    cell.number_format = "DD.MM.YYYY"
                elif isinstance(value, Money):
                    cell.value = value.kroner
                    cell.number_format = "#,##0.00"
                else:
                    _set_text(cell, str(value))
                    cell.alignment = Alignment(wrap_text=False, vertical="top")
        sheet.freeze_panes = "A2"
        if rows:
            sheet.auto_filter.ref = sheet.dimensions  # sort and filter from the header row
        for c, width in enumerate((widths or {}).get(name, ()), start=1):
            sheet.column_dimensions[_column_letter(c)].width = width
    book.save(path)
    return path


class Money:
    """An amount for a spreadsheet number cell (øre in, kroner shown with two decimals)."""

    def __init__(self, ore: int) -> None:
        self.ore = ore

    @property
    def kroner(self) -> object:
        from decimal import Decimal

        # Decimal keeps the øre exact; openpyxl writes it as a number.
        return Decimal(self.ore) / 100

    def __str__(self) -> str:
        from kulturpunkt_desk.domain.money import format_number

        return format_number(self.ore)


def _set_text(cell: object, text: str) -> None:
    """A text cell that can never become a formula, whatever it starts with.

    XLSX (XML 1.0) cannot hold control characters, and openpyxl refuses them with an
    exception. The desk refuses them on input, but a file made before that may hold some:
    they are written as a visible [U+0007] instead of failing the whole export."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
    cell.value = text  # type: ignore[attr-defined]
    cell.data_type = "s"  # type: ignore[attr-defined]
    if is_formula_like(text):
        cell.quotePrefix = True  # type: ignore[attr-defined]


def _column_letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(n))
