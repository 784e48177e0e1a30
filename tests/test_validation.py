"""Field rules: CVR, e-mail, phone, dates, money. Property-based where the space is large."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kulturpunkt_desk.domain import validation as v
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.money import check_ore, format_kr, kr, parse_kr, to_ore


@pytest.mark.parametrize("good", ["30007921", "DK 30 00 79 21", "30-00-79-21", ""])
def test_valid_cvr_is_accepted(good: str) -> None:
    assert v.cvr(good) in {"30007921", ""}


@pytest.mark.parametrize("bad", ["30007920", "1234567", "abcdefgh", "123456789", "00000000"])
def test_invalid_cvr_is_refused_naming_the_field(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.cvr(bad, "recipient_cvr", "Tilskudsmodtagers CVR-nummer")
    assert "recipient_cvr" in err.value.errors
    assert err.value.errors["recipient_cvr"].startswith("Tilskudsmodtagers CVR-nummer")


@given(st.integers(min_value=10_000_000, max_value=99_999_999))
def test_cvr_accepts_exactly_the_modulus_11_numbers(n: int) -> None:
    digits = str(n)
    weighted = sum(int(d) * w for d, w in zip(digits, v.CVR_WEIGHTS, strict=True))
    assert v.cvr_is_valid(digits) == (weighted % 11 == 0)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("12345678", "12 34 56 78"),
        ("12 34 56 78", "12 34 56 78"),
        ("+45 12345678", "+45 12 34 56 78"),
        ("0045-12-34-56-78", "+45 12 34 56 78"),
        ("", ""),
    ],
)
def test_danish_phone_numbers_are_normalised(raw: str, stored: str) -> None:
    assert v.phone(raw) == stored


@pytest.mark.parametrize("bad", ["1234567", "123456789", "+46 12345678", "tlf 12345678"])
def test_foreign_or_short_phone_numbers_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="Telefon"):
        v.phone(bad)


@pytest.mark.parametrize("bad", ["mette", "mette@", "@example.com", "a b@example.com", "a@b"])
def test_bad_email_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="E-mail"):
        v.email(bad)


def test_dates_out_of_order_are_refused_on_the_later_field() -> None:
    with pytest.raises(ValidationError) as err:
        v.dates_in_order(date(2025, 5, 2), date(2025, 5, 1), "signed_on", "Sendt", "Underskrevet")
    assert list(err.value.errors) == ["signed_on"]


@pytest.mark.parametrize(
    ("text", "ore"),
    [
        ("50.000", 5_000_000),
        ("50.000 kr.", 5_000_000),
        ("50000", 5_000_000),
        ("12.500,50", 1_250_050),
        ("0,05", 5),
        ("1.234.567,89 kr", 123_456_789),
    ],
)
def test_danish_amounts_parse_to_ore(text: str, ore: int) -> None:
    assert parse_kr(text) == ore


@pytest.mark.parametrize("bad", ["-5", "abc", "1,234", "", "NaN", "Infinity"])
def test_bad_amounts_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        parse_kr(bad, "amount_ore", "Beløb")


def test_money_is_never_a_float() -> None:
    with pytest.raises(ValidationError):
        check_ore(50000.0)
    with pytest.raises(ValidationError):
        check_ore(-1)
    assert to_ore(Decimal("12.34")) == 1234
    assert kr(50_000) == 5_000_000


@given(st.integers(min_value=0, max_value=10**12))
def test_formatted_amount_parses_back_to_the_same_ore(ore: int) -> None:
    assert parse_kr(format_kr(ore, decimals=True)) == ore
    if ore % 100 == 0:
        assert parse_kr(format_kr(ore)) == ore


def test_amounts_are_formatted_the_danish_way() -> None:
    assert format_kr(5_000_000) == "50.000 kr."
    assert format_kr(5_000_000, decimals=True) == "50.000,00 kr."
    assert format_kr(123_456_789) == "1.234.567,89 kr."
