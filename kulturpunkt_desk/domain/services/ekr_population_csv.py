"""Reading population figures as Danmarks Statistik delivers them (the distribution key).

Three layouts are read:
- the StatBank API's CSV: a header of variable names (`OMRÅDE;KØN;ALDER;TID;INDHOLD`), one
  row per municipality and period, semicolons, UTF-8 with a BOM;
- the table downloaded from the StatBank site: title rows, then a header with the periods
  as columns ("Region/kommune;2017K4;2018K1") and names that may carry a code ("751 Aarhus");
- a plain two-column file ("kommune;befolkning").
Rows that are not a municipality of the partnership (the whole country, regions, breakdowns
by sex or age) are skipped; names that look like a municipality but are not a member are
reported, and so are the members the file lacks. A file with several periods is read only
for the period asked for.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from ..errors import ValidationError

# Rows that are totals or regions, never a municipality: skipped without a word.
_AGGREGATES = re.compile(r"^(hele landet|i alt|total|region |landsdel )", re.IGNORECASE)
_CODE_PREFIX = re.compile(r"^\d{3}\s+")
_NAME_SUFFIX = re.compile(r"\s+kommune$", re.IGNORECASE)
# StatBank periods: 2017, 2017K4 (quarter), 2017M10 (month), 2017H2 (half year).
_PERIOD = re.compile(r"^((?:19|20)\d{2})(?:([KQ])([1-4])|M(\d{2})|H([12]))?$")
# The value of a breakdown that means "everyone": Køn i alt, Alder i alt, TOT, IALT.
_TOTAL = re.compile(r"(i alt|total|^tot$|^ialt$)", re.IGNORECASE)
_AREA_VARIABLES = ("OMRÅDE", "KOMK", "KOMMUNE", "REGION")


@dataclass
class PopulationImport:
    """What a file said for one period: population by member name, and what did not fit."""

    figures: dict[str, int] = field(default_factory=dict)
    unknown_names: list[str] = field(default_factory=list)
    # Members of the partnership the file has no figure for.
    missing_names: list[str] = field(default_factory=list)
    column: str = ""  # the period read, e.g. "2017K4" (or the plain file's column name)
    periods: list[str] = field(default_factory=list)

    @property
    def basis_date(self) -> date | None:
        return period_start(self.column)


@dataclass
class _Observation:
    name: str
    value: int
    breakdown: list[str]  # the row's other labels (sex, age, ...); all totals to be used


def _normalise(name: str) -> str:
    name = _CODE_PREFIX.sub("", name.strip().strip('"'))
    return _NAME_SUFFIX.sub("", name).strip().casefold()


def _number(text: str) -> int | None:
    digits = text.strip().replace(".", "").replace(" ", "").replace("\u00a0", "")
    return int(digits) if digits.isdigit() else None


def period_start(period: str) -> date | None:
    """The first day of a StatBank period: FOLK1A counts "den 1. i kvartalet"."""
    found = _PERIOD.match(period.strip())
    if found is None:
        return None
    year, _, quarter, month, half = found.groups()
    if quarter:
        return date(int(year), 3 * int(quarter) - 2, 1)
    if month and 1 <= int(month) <= 12:
        return date(int(year), int(month), 1)
    if half:
        return date(int(year), 1 if half == "1" else 7, 1)
    return date(int(year), 1, 1)


def decode(raw: bytes) -> str:
    """StatBank exports are UTF-8 (often with a BOM) or, from older versions, Windows-1252."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _rows(text: str) -> list[list[str]]:
    text = text.lstrip("\ufeff")
    delimiter = ";" if text.count(";") >= text.count(",") else ","
    rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return [row for row in rows if any(row)]


def _api_observations(rows: list[list[str]], header_at: int) -> dict[str, list[_Observation]]:
    """The API's layout: one row per municipality and period, a column per variable."""
    header = [c.upper() for c in rows[header_at]]
    area = next((header.index(v) for v in _AREA_VARIABLES if v in header), 0)
    when, value = header.index("TID"), header.index("INDHOLD")
    others = [i for i in range(len(header)) if i not in (area, when, value)]
    by_period: dict[str, list[_Observation]] = {}
    for row in rows[header_at + 1 :]:
        if len(row) <= max(area, when, value):
            continue
        figure = _number(row[value])
        if figure is None:
            continue  # ".." (not published) or a stray line
        breakdown = [row[i] for i in others if i < len(row)]
        by_period.setdefault(row[when], []).append(_Observation(row[area], figure, breakdown))
    return by_period


def _table_observations(rows: list[list[str]]) -> dict[str, list[_Observation]]:
    """The site's table (periods as columns) or the plain two-column file."""
    header_at, columns = next(
        (
            (i, {j: c for j, c in enumerate(row) if _PERIOD.match(c)})
            for i, row in enumerate(rows)
            if any(_PERIOD.match(c) for c in row)
        ),
        (-1, {}),
    )
    by_period: dict[str, list[_Observation]] = {}
    if not columns:
        # A plain file: the last numeric cell is the figure; the header names the column.
        label = ""
        for row in rows:
            cells = [c for c in row if c]
            if len(cells) < 2:
                continue  # title lines such as "Befolkningen den 1. i kvartalet"
            figure = _number(cells[-1])
            if figure is None:
                label = label or cells[-1]
                continue
            by_period.setdefault(label, []).append(_Observation(cells[-2], figure, []))
        return by_period
    first = min(columns)
    above = [""] * first
    for row in rows[header_at + 1 :]:
        # The site leaves a label blank where it repeats the row above ("", "Mænd").
        above = [c or above[k] for k, c in enumerate((row + [""] * first)[:first])]
        labels = [c for c in above if c and _number(c) is None]
        if not labels:
            continue
        for j, period in columns.items():
            figure = _number(row[j]) if j < len(row) else None
            if figure is not None:
                obs = _Observation(labels[0], figure, labels[1:])
                by_period.setdefault(period, []).append(obs)
    return by_period


def file_periods(text: str) -> list[str]:
    """The periods a file holds, in the file's order (one or none for a plain file)."""
    return [p for p in _observations(text) if p]


def _observations(text: str) -> dict[str, list[_Observation]]:
    rows = _rows(text)
    api_header = next(
        (i for i, row in enumerate(rows[:5]) if {"TID", "INDHOLD"} <= {c.upper() for c in row}),
        None,
    )
    if api_header is not None:
        return _api_observations(rows, api_header)
    return _table_observations(rows)


def parse_population_csv(
    text: str, member_names: list[str], period: str | None = None
) -> PopulationImport:
    """Population per member for one period of the file.

    A file with several periods needs `period`; without it the Danish message lists them.
    """
    by_period = _observations(text)
    periods = [p for p in by_period if p]
    if period is not None and period not in by_period:
        raise ValidationError.single(
            "period",
            f"Periode: filen har ingen tal for «{period}»; den har "
            f"{', '.join(periods) or 'ingen perioder'}.",
        )
    if period is None and len(periods) > 1:
        raise ValidationError.single(
            "period",
            f"Periode: filen har tal for flere perioder ({', '.join(periods)}); vælg én.",
        )
    chosen = period if period is not None else next(iter(by_period), "")
    by_key = {_normalise(name): name for name in member_names}
    result = PopulationImport(column=chosen, periods=periods)
    for obs in by_period.get(chosen, []):
        if _AGGREGATES.match(obs.name) or _number(obs.name) is not None:
            continue
        if any(not _TOTAL.search(label) for label in obs.breakdown):
            continue  # a breakdown row (men, women, an age group): only totals count
        member = by_key.get(_normalise(obs.name))
        if member is None:
            result.unknown_names.append(obs.name)
        else:
            result.figures[member] = obs.value
    if not result.figures:
        raise ValidationError.single(
            "file",
            "Fil: fandt ingen indbyggertal for partnerskabets kommuner. Forventet fx "
            "Statistikbankens «OMRÅDE;TID;INDHOLD», tabellen «Region/kommune;2017K4» eller "
            "«kommune;befolkning».",
        )
    result.missing_names = [name for name in member_names if name not in result.figures]
    return result
