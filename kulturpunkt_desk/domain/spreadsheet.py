"""Reading the team's spreadsheet (CSV or XLSX) into rows numbered as the spreadsheet shows.

Only reading and recognising columns happens here; what a row means (an area, its
recipient, its primary contact) and whether it is valid is services/import_areas.py.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .errors import DeskError

# Our column key -> the header texts the team writes (lower case, trimmed), Danish first.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("navn", "name", "lokalområde", "lokalomrade", "område", "area", "area name"),
    "municipality": ("kommune", "municipality"),
    "recipient": ("tilskudsmodtager", "recipient", "modtager", "grant recipient"),
    "cvr": ("cvr", "cvr-nummer", "cvr-nr", "cvr nr", "cvr-nr.", "cvr nummer", "cvr number"),
    "contact": (
        "kontaktperson",
        "contact",
        "contact person",
        "primær kontaktperson",
        "kontakt",
    ),
    "email": ("email", "e-mail", "mail", "e-mailadresse", "email address"),
    "phone": ("telefon", "phone", "tlf", "tlf.", "telefonnummer", "mobil", "telephone"),
}
REQUIRED_COLUMNS = ("name", "municipality")
# Danish names of our columns, for messages about a column the file lacks.
COLUMN_LABELS = {
    "name": "navn",
    "municipality": "kommune",
    "recipient": "tilskudsmodtager",
    "cvr": "cvr",
    "contact": "kontaktperson",
    "email": "email",
    "phone": "telefon",
}
# A title or blank lines may come above the header; look this far down for it.
HEADER_SEARCH_ROWS = 10


class SpreadsheetError(DeskError):
    """The file cannot be read as a spreadsheet of areas at all."""


@dataclass
class SheetRow:
    number: int  # as the spreadsheet shows it: the header is row 1
    values: dict[str, str]  # our column key -> the cell's text, trimmed


@dataclass
class Sheet:
    header_row: int
    headers: dict[str, str]  # our column key -> the header text as written in the file
    rows: list[SheetRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def normalise_header(text: str) -> str:
    return " ".join(text.strip().lower().replace("_", " ").split()).rstrip(":")


_ALIAS_TO_KEY = {alias: key for key, aliases in COLUMN_ALIASES.items() for alias in aliases}


def cell_text(value: object) -> str:
    """A cell as text: 30007921.0 from a spreadsheet number is "30007921"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return str(value).strip()


def decode_csv(raw: bytes) -> str:
    """UTF-8 with or without BOM; Excel's Windows-1252 when it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """; (Danish Excel) or , or tab, judged by the first lines."""
    sample = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t"}
        return max(counts, key=lambda d: counts[d])


def read_csv_cells(raw: bytes) -> list[list[str]]:
    text = decode_csv(raw)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    return [[cell_text(c) for c in row] for row in reader]


def read_xlsx_cells(path: Path) -> list[list[str]]:
    import openpyxl  # heavy; only an import needs it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException...
        raise SpreadsheetError(f"Filen {path.name} kan ikke læses som et Excel-ark: {exc}") from exc
    try:
        sheet = workbook.worksheets[0]
        # min_row=1 keeps row numbers as Excel shows them even when the top rows are empty.
        return [
            [cell_text(c) for c in row]
            for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, values_only=True)
        ]
    finally:
        workbook.close()


def read_cells(path: Path) -> list[list[str]]:
    path = Path(path)
    try:
        if path.suffix.lower() in {".xlsx", ".xlsm"}:
            return read_xlsx_cells(path)
        if path.suffix.lower() in {".csv", ".txt"}:
            return read_csv_cells(path.read_bytes())
    except OSError as exc:
        raise SpreadsheetError(f"Filen {path} kan ikke læses: {exc}") from exc
    raise SpreadsheetError(
        f"Filen {path.name} er hverken CSV eller XLSX. Gem regnearket som .xlsx eller .csv."
    )


def _header_keys(cells: list[str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for index, text in enumerate(cells):
        key = _ALIAS_TO_KEY.get(normalise_header(text))
        if key is not None and key not in found.values():
            found[index] = key
    return found


def parse_cells(cells: list[list[str]]) -> Sheet:
    """Find the header row, map its columns, and number the data rows as the sheet does."""
    found = [
        (i, keys)
        for i, keys in ((i, _header_keys(row)) for i, row in enumerate(cells[:HEADER_SEARCH_ROWS]))
        if "name" in keys.values()
    ]
    if not found:
        raise SpreadsheetError(
            "Arket har ingen kolonne med overskriften «navn» (eller «name») i de første "
            f"{HEADER_SEARCH_ROWS} rækker. Første række skal være kolonneoverskrifterne."
        )
    index, columns = found[0]
    header = cells[index]
    sheet = Sheet(
        header_row=index + 1,
        headers={key: header[i].strip() for i, key in columns.items()},
        ignored_columns=[
            text.strip() for i, text in enumerate(header) if i not in columns and text.strip()
        ],
    )
    for number, row in enumerate(cells[index + 1 :], start=index + 2):
        values = {key: (row[i].strip() if i < len(row) else "") for i, key in columns.items()}
        if any(values.values()):  # blank lines between blocks are not rows of data
            sheet.rows.append(SheetRow(number=number, values=values))
    return sheet


def read_sheet(path: Path) -> Sheet:
    return parse_cells(read_cells(path))
