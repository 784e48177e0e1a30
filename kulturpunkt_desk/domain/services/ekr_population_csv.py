"""Reading a population table as Danmarks Statistik exports it (the distribution key).

Two layouts are common: a plain two-column file ("kommune;befolkning") and the StatBank
export of e.g. FOLK1A, where a title row or two precede a header like
"Region/kommune;2017K4" and names may carry a code ("751 Aarhus"). Both are read; rows that
are not a municipality of the partnership (the whole country, regions, blank lines) are
skipped, and names that look like a municipality but are not a member are reported.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from ..errors import ValidationError

# Rows that are totals or regions, never a municipality: skipped without a word.
_AGGREGATES = re.compile(r"^(hele landet|i alt|total|region |landsdel )", re.IGNORECASE)
_CODE_PREFIX = re.compile(r"^\d{3}\s+")
_NAME_SUFFIX = re.compile(r"\s+kommune$", re.IGNORECASE)


@dataclass
class PopulationImport:
    """What a file said: population by member name, and names that matched no member."""

    figures: dict[str, int] = field(default_factory=dict)
    unknown_names: list[str] = field(default_factory=list)
    column: str = ""


def _normalise(name: str) -> str:
    name = _CODE_PREFIX.sub("", name.strip().strip('"'))
    return _NAME_SUFFIX.sub("", name).strip().casefold()


def _number(text: str) -> int | None:
    digits = text.strip().replace(".", "").replace(" ", "").replace("\u00a0", "")
    return int(digits) if digits.isdigit() else None


def decode(raw: bytes) -> str:
    """StatBank exports are UTF-8 (often with a BOM) or, from older versions, Windows-1252."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def parse_population_csv(text: str, member_names: list[str]) -> PopulationImport:
    """Population per member from the file's text; the last numeric column is the figure."""
    dialect_delimiter = ";" if text.count(";") >= text.count(",") else ","
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=dialect_delimiter) if row]
    by_key = {_normalise(name): name for name in member_names}
    result = PopulationImport()
    for row in rows:
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) < 2:
            continue  # title lines such as "Befolkningen den 1. i kvartalet"
        value = _number(cells[-1])
        if value is None:
            result.column = result.column or cells[-1]  # the header, e.g. "2017K4"
            continue
        name = cells[-2]
        if _AGGREGATES.match(name) or _number(name) is not None:
            continue
        member = by_key.get(_normalise(name))
        if member is None:
            result.unknown_names.append(name)
        else:
            result.figures[member] = value
    if not result.figures:
        raise ValidationError.single(
            "file",
            "Fil: fandt ingen indbyggertal for partnerskabets kommuner. Forventet fx "
            "«kommune;befolkning» eller Danmarks Statistiks «Region/kommune;2017K4».",
        )
    return result
