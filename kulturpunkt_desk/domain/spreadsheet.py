"""Reading the team's spreadsheet (CSV or XLSX) into rows numbered as the spreadsheet shows.

Only reading and recognising columns happens here; what a row means (an area, its
recipient, its primary contact) and whether it is valid is services/import_areas.py.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
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

# What a spreadsheet of areas can ever be, with a lot of room to spare (a real round has 11
# rows). Checked before a byte is parsed where possible, so a hostile file (a zip bomb, a
# 50 MB cell, a million rows) is refused in bounded memory and time, before anything is
# written.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024  # all parts of an XLSX together, unpacked
MAX_PACK_RATIO = 200  # unpacked / packed for a part over 1 MB; real sheets pack 5-30 times
MAX_ROWS = 100_000  # rows with data
MAX_ROWS_READ = 1_100_000  # rows at all, blank ones included (Excel stops at 1,048,576)
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell


class SpreadsheetError(DeskError):
    """The file cannot be read as a spreadsheet of areas at all."""


@dataclass(slots=True)  # one per row: 100,000 of them in a large import
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
    if type(value) is str:  # nearly every cell; checked first for 100,000-row sheets
        return value.strip()
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
    # The first lines only: splitting a 50 MB file into all its lines costs its size again.
    sample = "\n".join(text[:65_536].splitlines()[:HEADER_SEARCH_ROWS])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t"}
        return max(counts, key=lambda d: counts[d])


def _count(n: int) -> str:
    """100.000, as Danish writes thousands."""
    return f"{n:,}".replace(",", ".")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


class _RowCounter:
    """Refuses the sheet once it holds more rows than any spreadsheet of areas can."""

    def __init__(self) -> None:
        self.read = 0
        self.with_data = 0

    def take(self, row: list[str]) -> list[str]:
        self.read += 1
        if any(row):
            self.with_data += 1
        # Data rows, plus the header and a title above it.
        if self.with_data > MAX_ROWS + HEADER_SEARCH_ROWS or self.read > MAX_ROWS_READ:
            raise SpreadsheetError(
                f"Arket har over {_count(MAX_ROWS)} rækker; så mange lokalområder kan ikke "
                "importeres. Intet er importeret."
            )
        for column, text in enumerate(row, start=1):
            if len(text) > MAX_CELL_CHARS:
                raise SpreadsheetError(
                    f"Række {self.read}, kolonne {column}: cellen har over "
                    f"{MAX_CELL_CHARS:,} tegn (Excels grænse). Intet er importeret.".replace(
                        ",", "."
                    )
                )
        return row


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` one at a time, with their ends (csv needs them for quoted line
    breaks); unlike StringIO, no second copy of a 50 MB file in memory."""
    for match in re.finditer(r"[^\n]*\n|[^\n]+\Z", text):
        yield match.group()


def read_csv_cells(raw: bytes) -> list[list[str]]:
    text = decode_csv(raw)
    del raw  # the bytes are not needed once decoded (the caller holds no other reference)
    reader = csv.reader(_lines(text), delimiter=sniff_delimiter(text))
    counter = _RowCounter()
    limit = csv.field_size_limit(MAX_CELL_CHARS + 1)  # the module's limit is process-wide
    try:
        return [counter.take([cell_text(c) for c in row]) for row in reader]
    except csv.Error as exc:  # "field larger than field limit" and broken quoting
        raise SpreadsheetError(
            f"Række {reader.line_num}: CSV-filen kan ikke læses, fordi en celle har over "
            f"{_count(MAX_CELL_CHARS)} tegn (Excels grænse) eller et citationstegn mangler. "
            "Intet er importeret."
        ) from exc
    finally:
        csv.field_size_limit(limit)


def check_xlsx_size(path: Path) -> None:
    """Refuse a zip bomb or an outsize workbook from its directory, before unpacking."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise SpreadsheetError(f"Filen {path.name} kan ikke læses som et Excel-ark: {exc}") from exc
    unpacked = sum(p.file_size for p in parts)
    bomb = any(
        p.file_size > 1024 * 1024 and p.file_size > MAX_PACK_RATIO * max(p.compress_size, 1)
        for p in parts
    )
    if bomb or unpacked > MAX_UNPACKED_BYTES:
        raise SpreadsheetError(
            f"Filen {path.name} fylder {_count(unpacked // (1024 * 1024))} MB, når den pakkes ud"
            f"{' (og er pakket usædvanligt hårdt)' if bomb else ''}; det er langt mere, end et "
            "regneark med lokalområder kan fylde. Intet er importeret."
        )


def read_xlsx_cells(path: Path) -> list[list[str]]:
    """The first sheet's rows as text, numbered as Excel shows them.

    calamine reads the cells that are really there (a stale <dimension> does not hide rows)
    and is some 50 times faster than openpyxl, which writes the desk's own XLSX files.
    """
    from python_calamine import CalamineWorkbook

    check_xlsx_size(path)
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        # The range starts at the first used cell; blank rows and columns above and to the
        # left are put back, so row and column numbers are Excel's.
        first_row, first_column = sheet.start or (0, 0)
        counter = _RowCounter()
        cells = [counter.take([]) for _ in range(first_row)]
        pad = [""] * first_column
        for row in sheet.iter_rows():
            cells.append(counter.take([*pad, *(cell_text(c) for c in row)]))
        return cells
    except SpreadsheetError:
        raise
    except Exception as exc:  # calamine's CalamineError, zip and XML errors
        raise SpreadsheetError(f"Filen {path.name} kan ikke læses som et Excel-ark: {exc}") from exc


def read_cells(path: Path) -> list[list[str]]:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SpreadsheetError(
                f"Filen {path.name} fylder {_megabytes(size)}; et regneark med "
                f"lokalområder kan højst fylde {_megabytes(MAX_FILE_BYTES)}. "
                "Intet er importeret."
            )
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
