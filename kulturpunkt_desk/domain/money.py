"""Money is integer øre. This module is the one place kroner are parsed and formatted."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .errors import ValidationError

ORE_PER_KRONE = 100

_KR_SUFFIX = re.compile(r"\s*(kr\.?|dkk)\s*$", re.IGNORECASE)


def kr(amount: int | str | Decimal) -> int:
    """Whole or decimal kroner as øre: kr(50000) == 5_000_000."""
    return int((Decimal(amount) * ORE_PER_KRONE).to_integral_exact())


def parse_kr(text: str, field: str = "amount", label: str = "Beløb") -> int:
    """Parse a Danish amount ("50.000", "50.000,50 kr.", "1234,5") into øre.

    Refuses negative amounts, more than two decimals and anything that is not a number.
    """
    cleaned = _KR_SUFFIX.sub("", text.strip()).replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        raise ValidationError.single(field, f"{label}: skal udfyldes.")
    if "," in cleaned:
        whole, _, frac = cleaned.rpartition(",")
        cleaned = whole.replace(".", "") + "." + frac
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")  # "50.000" is fifty thousand, not fifty
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError.single(
            field, f"{label}: «{text}» er ikke et beløb. Skriv fx 50.000 eller 12.500,50."
        ) from None
    if not value.is_finite():
        raise ValidationError.single(field, f"{label}: «{text}» er ikke et beløb.")
    return to_ore(value, field, label)


def to_ore(value: int | Decimal, field: str = "amount", label: str = "Beløb") -> int:
    """Øre from an amount in kroner (int or Decimal), validated."""
    if isinstance(value, float):  # pragma: no cover - guarded by the type checker too
        raise TypeError("money is never a float")
    ore = Decimal(value) * ORE_PER_KRONE
    if ore != ore.to_integral_value():
        raise ValidationError.single(field, f"{label}: højst to decimaler (hele øre).")
    if ore < 0:
        raise ValidationError.single(field, f"{label}: må ikke være negativt.")
    return int(ore)


def check_ore(value: object, field: str = "amount", label: str = "Beløb") -> int:
    """Validate a stored amount: an int of øre, never negative, never a float."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError.single(field, f"{label}: skal være et helt antal øre.")
    if value < 0:
        raise ValidationError.single(field, f"{label}: må ikke være negativt.")
    return value


def format_kr(ore: int, *, decimals: bool = False) -> str:
    """50.000 kr. or 50.000,00 kr. (Danish separators)."""
    sign = "-" if ore < 0 else ""
    kroner, rest = divmod(abs(ore), ORE_PER_KRONE)
    whole = f"{kroner:,}".replace(",", ".")
    if decimals or rest:
        return f"{sign}{whole},{rest:02d} kr."
    return f"{sign}{whole} kr."


def format_number(ore: int) -> str:
    """50.000,00 without the currency, for tables and spreadsheets."""
    sign = "-" if ore < 0 else ""
    kroner, rest = divmod(abs(ore), ORE_PER_KRONE)
    return f"{sign}{kroner:,}".replace(",", ".") + f",{rest:02d}"
