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

# Excel's column width unit is about one character of the default font.
MAX_WIDTH = 60  # wider text wraps in its cell
WIDE_SHEET = 110  # a sheet wider than this many characters prints in landscape
A4 = 9  # openpyxl's paper size code


def write_xlsx(
    path: Path,
    sheets: Sequence[Sheet],
    *,
    title: str = "",
    author: str = "",
    widths: dict[str, Sequence[int]] | None = None,
    totals: dict[str, int] | None = None,
) -> Path:
    """One worksheet per (name, header, rows). Ints and amounts stay numbers, dates dates,
    text text. `totals`: how many rows at the end of a sheet are totals; they are bold and
    left out of the autofilter, so sorting or filtering never moves them among the rows.
    Columns are as wide as their text (at least `widths`), longer text wraps; each sheet
    prints on A4, fitted to the page width, with its header row on every page."""
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
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, bool) or value is None:
                    _set_text(cell, "" if value is None else ("Ja" if value else "Nej"))
                elif isinstance(value, int):
                    cell.value = value
                    cell.number_format = "#,##0"
                elif isinstance(value, date):
                    cell.value = value
                    cell.number_format = "DD.MM.YYYY"
                elif isinstance(value, Money):
                    cell.value = value.kroner
                    cell.number_format = "#,##0.00"
                else:
                    text = str(value)
                    _set_text(cell, text)
                    wrap = len(text) > MAX_WIDTH or "\n" in text
                    cell.alignment = Alignment(wrap_text=wrap, vertical="top")
        total_rows = (totals or {}).get(name, 0)
        for r in range(len(rows) - total_rows + 2, len(rows) + 2):
            for c in range(1, len(header) + 1):
                sheet.cell(row=r, column=c).font = Font(bold=True)
        sheet.freeze_panes = "A2"
        data_rows = len(rows) - total_rows
        if data_rows > 0:  # sort and filter from the header row, the data rows only
            last = _column_letter(len(header))
            sheet.auto_filter.ref = f"A1:{last}{data_rows + 1}"
        fitted = _fitted_widths(header, rows, (widths or {}).get(name, ()))
        for c, width in enumerate(fitted, start=1):
            sheet.column_dimensions[_column_letter(c)].width = width
        _print_setup(sheet, landscape=sum(fitted) > WIDE_SHEET)
    book.save(path)
    return path


def _fitted_widths(
    header: Sequence[str], rows: Sequence[Sequence[object]], minimum: Sequence[int]
) -> list[int]:
    """Each column as wide as its longest line of text (header words may wrap)."""
    fitted = []
    for c, title in enumerate(header):
        longest = max((len(word) for word in title.split()), default=0)
        for row in rows:
            if c < len(row) and row[c] is not None:
                text = cell_text(row[c])
                longest = max(longest, *(len(line) for line in text.splitlines() or [""]))
        least = minimum[c] if c < len(minimum) else 0
        fitted.append(max(least, min(longest + 2, MAX_WIDTH)))
    return fitted


def _print_setup(sheet: object, *, landscape: bool) -> None:
    setup = sheet.page_setup  # type: ignore[attr-defined]
    setup.paperSize = A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[attr-defined]
    sheet.print_title_rows = "1:1"  # type: ignore[attr-defined]


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
