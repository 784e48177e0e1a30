"""Danish date formatting for letters, tables and file names: the one place dates become text.

"18. juni 2025" in running text (agreements, letters), "18.06.2025" in tables. A small
month table is enough: the desk only ever writes Danish, so a locale library would not earn
its place.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def long_date(day: date | None, empty: str = "") -> str:
    """18. juni 2025 (for letters and agreements)."""
    if day is None:
        return empty
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | None, empty: str = "") -> str:
    """18.06.2025 (for tables)."""
    if day is None:
        return empty
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def month_year(day: date) -> str:
    """juni 2025."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def period(start: date, end: date) -> str:
    """A timeline phase in words: "18. juni 2025", "juni–august 2025", "januar 2026"...

    Whole months are written as months, because that is how the programme announces them.
    Ranges take an en dash, closed up between single words and spaced between phrases
    ("juni 2025 – maj 2026"), as Danish typesetting has it.
    """
    if start == end:
        return long_date(start)
    whole_months = start.day == 1 and _is_month_end(end)
    if not whole_months:
        return f"{long_date(start)} – {long_date(end)}"
    if (start.year, start.month) == (end.year, end.month):
        return month_year(start)
    if start.year == end.year:
        return f"{MONTHS[start.month - 1]}–{month_year(end)}"
    return f"{month_year(start)} – {month_year(end)}"


def _is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def parse_short_date(text: str, field: str = "date", label: str = "Dato") -> date:
    """18.06.2025 (also 18-06-2025, 18/6 2025 or 18062025) as a date, else a Danish error
    naming the field."""
    import re

    from .errors import ValidationError

    cleaned = text.strip()
    found = re.fullmatch(r"(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})", cleaned) or re.fullmatch(
        r"(\d{2})(\d{2})(\d{4})", cleaned
    )
    try:
        if found is None:
            raise ValueError
        day, month, year = (int(g) for g in found.groups())
        return date(year, month, day)
    except ValueError:
        raise ValidationError.single(
            field, f"{label}: «{text}» er ikke en dato; skriv fx 18.06.2025."
        ) from None


def date_time(moment: datetime) -> str:
    """20.01.2026 kl. 09.33 (the one way the desk writes a time of day)."""
    return f"{short_date(moment.date())} kl. {moment:%H.%M}"
