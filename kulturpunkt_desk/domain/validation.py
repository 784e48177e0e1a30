"""Field validators. Each returns the cleaned value or raises ValidationError in Danish."""

from __future__ import annotations

import re
from datetime import date

from .errors import ValidationError

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
# Deliberately plain: one @, a dotted domain, no spaces. Deliverability is the mail server's job.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


# Characters no document can hold: controls other than tab and line breaks, lone surrogates
# and the non-characters U+FFFE/U+FFFF. XLSX (XML 1.0) refuses most of them outright, and
# none of them can be seen: text the desk accepts must be text every export can write.
_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def holdable(value: str, field: str, label: str) -> str:
    """`value`, unless it holds a character no export can write (named by its code)."""
    bad = _UNHOLDABLE.search(value)
    if bad is not None:
        raise ValidationError.single(
            field,
            f"{label}: indeholder det usynlige styretegn U+{ord(bad.group()):04X}, som ikke "
            "kan gemmes i dokumenter; fjern det.",
        )
    return value


def required(value: str, field: str, label: str, max_length: int = 200) -> str:
    cleaned = holdable(value, field, label).strip()
    if not cleaned:
        raise ValidationError.single(field, f"{label}: skal udfyldes.")
    if len(cleaned) > max_length:
        raise ValidationError.single(field, f"{label}: højst {max_length} tegn.")
    return cleaned


def optional(value: str, field: str, label: str, max_length: int = 200) -> str:
    cleaned = holdable(value, field, label).strip()
    if len(cleaned) > max_length:
        raise ValidationError.single(field, f"{label}: højst {max_length} tegn.")
    return cleaned


def cvr_is_valid(digits: str) -> bool:
    if not re.fullmatch(r"\d{8}", digits) or digits[0] == "0":
        return False
    return sum(int(d) * w for d, w in zip(digits, CVR_WEIGHTS, strict=True)) % 11 == 0


def cvr(value: str, field: str = "cvr", label: str = "CVR-nummer") -> str:
    """An 8-digit CVR number with a valid modulus-11 check; blank is allowed (not yet known)."""
    digits = re.sub(r"[\s-]", "", value)
    if digits.upper().startswith("DK"):
        digits = digits[2:]
    if not digits:
        return ""
    if not re.fullmatch(r"\d{8}", digits):
        raise ValidationError.single(field, f"{label}: skal være 8 cifre.")
    if not cvr_is_valid(digits):
        raise ValidationError.single(
            field, f"{label}: {digits} er ikke et gyldigt CVR-nummer (kontrolcifferet passer ikke)."
        )
    return digits


def email(value: str, field: str = "email", label: str = "E-mail") -> str:
    cleaned = holdable(value, field, label).strip()
    if not cleaned:
        return ""
    if len(cleaned) > 200 or not _EMAIL.match(cleaned):
        raise ValidationError.single(
            field, f"{label}: «{cleaned}» er ikke en gyldig e-mailadresse."
        )
    return cleaned


def phone(value: str, field: str = "phone", label: str = "Telefon") -> str:
    """A Danish number, stored as '12 34 56 78' or '+45 12 34 56 78'."""
    raw = holdable(value, field, label).strip()
    if not raw:
        return ""
    digits = re.sub(r"[\s\-.()]", "", raw)
    prefix = ""
    if digits.startswith("+45"):
        prefix, digits = "+45 ", digits[3:]
    elif digits.startswith("0045"):
        prefix, digits = "+45 ", digits[4:]
    if not re.fullmatch(r"\d{8}", digits):
        raise ValidationError.single(
            field, f"{label}: «{raw}» er ikke et dansk telefonnummer (8 cifre, evt. +45)."
        )
    return prefix + " ".join(digits[i : i + 2] for i in range(0, 8, 2))


def dates_in_order(
    first: date | None,
    second: date | None,
    field: str,
    first_label: str,
    second_label: str,
) -> None:
    """`second` may not come before `first`; the error is put on `second`'s field."""
    if first is not None and second is not None and second < first:
        raise ValidationError.single(
            field, f"{second_label}: kan ikke ligge før {first_label.lower()}."
        )


def non_negative_int(value: int, field: str, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError.single(field, f"{label}: skal være et helt tal.")
    if value < 0:
        raise ValidationError.single(field, f"{label}: må ikke være negativt.")
    return value


def year(value: int, field: str, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        raise ValidationError.single(field, f"{label}: skal være et årstal mellem 2000 og 2100.")
    return value
