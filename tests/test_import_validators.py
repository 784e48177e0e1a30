"""Property-based tests of the field rules every imported cell goes through.

tests/test_validation.py holds the examples; here hypothesis tries many inputs against
what must always hold: CVR, phone, e-mail, money and dates clean to a canonical form that
is stable, refuse what is wrong with a Danish ValidationError (never another exception),
and the spreadsheet reader gives back exactly the cells that were written.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

from hypothesis import assume, given
from hypothesis import strategies as st

from kulturpunkt_desk.domain import validation as v
from kulturpunkt_desk.domain.dates import long_date, period, short_date
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.money import format_kr, format_number, parse_kr
from kulturpunkt_desk.domain.spreadsheet import cell_text, parse_cells, read_csv_cells


def with_check_digit(first7: int) -> str:
    """The CVR number whose eighth digit makes the modulus-11 sum come out right."""
    digits = str(first7)
    check = -sum(int(d) * w for d, w in zip(digits, v.CVR_WEIGHTS, strict=False)) % 11
    return digits + str(check) if check < 10 else ""


valid_cvrs = st.integers(1_000_000, 9_999_999).map(with_check_digit).filter(bool)
separators = st.sampled_from(["", " ", "-", " - ", "  "])


@given(valid_cvrs, separators, st.booleans())
def test_a_valid_cvr_written_any_way_cleans_to_its_eight_digits(
    cvr: str, sep: str, with_dk: bool
) -> None:
    written = ("DK " if with_dk else "") + sep.join([cvr[:2], cvr[2:4], cvr[4:6], cvr[6:]])
    assert v.cvr(written) == cvr
    assert v.cvr(v.cvr(written)) == cvr


@given(valid_cvrs, st.integers(0, 7), st.integers(1, 9))
def test_every_single_digit_typo_in_a_cvr_is_caught(cvr: str, position: int, delta: int) -> None:
    digits = list(cvr)
    digits[position] = str((int(digits[position]) + delta) % 10)
    typo = "".join(digits)
    try:
        v.cvr(typo)
    except ValidationError as err:
        assert err.errors["cvr"].startswith("CVR-nummer: ")
    else:
        raise AssertionError(f"{typo} (typo of {cvr}) was accepted")


@given(st.text(max_size=30))
def test_any_text_as_cvr_is_cleaned_or_refused_in_danish(text: str) -> None:
    try:
        cleaned = v.cvr(text)
    except ValidationError as err:
        assert "CVR-nummer" in err.errors["cvr"]
    else:
        assert cleaned == "" or v.cvr_is_valid(cleaned)


@given(
    st.text("0123456789", min_size=8, max_size=8),
    st.sampled_from(["", "+45", "+45 ", "0045", "0045 "]),
    st.lists(st.sampled_from(["", " ", "-", "."]), min_size=7, max_size=7),
)
def test_any_danish_phone_number_cleans_to_the_canonical_form(
    digits: str, prefix: str, seps: list[str]
) -> None:
    written = prefix + digits[0] + "".join(s + d for s, d in zip(seps, digits[1:], strict=True))
    cleaned = v.phone(written)
    pairs = " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    assert cleaned == (f"+45 {pairs}" if prefix else pairs)
    assert v.phone(cleaned) == cleaned


@given(st.text("0123456789 ", max_size=20))
def test_a_phone_number_without_exactly_eight_digits_is_refused(text: str) -> None:
    assume(len(re.sub(r"\D", "", text)) not in (0, 8))
    try:
        v.phone(text)
    except ValidationError as err:
        assert err.errors["phone"].startswith("Telefon: ")
    else:
        raise AssertionError(f"{text!r} was accepted as a phone number")


@given(st.text(max_size=60))
def test_any_text_as_email_is_cleaned_or_refused_in_danish(text: str) -> None:
    try:
        cleaned = v.email(text)
    except ValidationError as err:
        assert err.errors["email"].startswith("E-mail: ")
    else:
        assert cleaned == "" or (cleaned.count("@") == 1 and not re.search(r"\s", cleaned))
        assert v.email(cleaned) == cleaned


@given(st.integers(0, 10**13))
def test_amounts_in_table_form_parse_back_to_the_same_ore(ore: int) -> None:
    assert parse_kr(format_number(ore)) == ore
    assert parse_kr(format_kr(ore, decimals=True).replace(" kr.", " DKK")) == ore


@given(st.text(max_size=25))
def test_any_text_as_an_amount_is_parsed_or_refused_in_danish(text: str) -> None:
    try:
        ore = parse_kr(text, "amount_ore", "Beløb")
    except ValidationError as err:
        assert err.errors["amount_ore"].startswith("Beløb: ")
    else:
        assert isinstance(ore, int) and ore >= 0


@given(st.dates(date(1990, 1, 1), date(2100, 12, 31)))
def test_table_dates_read_back_and_letter_dates_name_the_month(day: date) -> None:
    assert datetime.strptime(short_date(day), "%d.%m.%Y").date() == day
    assert long_date(day).startswith(f"{day.day}. ") and long_date(day).endswith(str(day.year))


@given(st.dates(date(2000, 1, 1), date(2050, 12, 31)), st.integers(0, 800))
def test_any_period_can_be_written_out(start: date, days: int) -> None:
    end = date.fromordinal(start.toordinal() + days)
    text = period(start, end)
    assert str(end.year) in text


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers() | st.text())
def test_spreadsheet_cells_become_trimmed_text(value: object) -> None:
    text = cell_text(value)
    assert text == text.strip()
    if isinstance(value, float) and value.is_integer():
        assert "." not in text and "e" not in text.lower()


cell = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufeff"),
    max_size=15,
).map(str.strip)


@given(
    st.lists(st.lists(cell, min_size=7, max_size=7), min_size=1, max_size=6),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(["utf-8-sig", "utf-8", "cp1252"]),
)
def test_csv_reader_gives_back_the_cells_whatever_the_delimiter_and_encoding(
    rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    header = ["Navn", "Kommune", "Tilskudsmodtager", "CVR", "Kontaktperson", "E-mail", "Telefon"]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    try:
        raw = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        assume(False)
        return
    cells = read_csv_cells(raw)
    assert cells[0] == header
    sheet = parse_cells(cells)
    expected = [(n, r) for n, r in enumerate(rows, start=2) if any(r)]
    assert [row.number for row in sheet.rows] == [n for n, _ in expected]
    assert [list(row.values.values()) for row in sheet.rows] == [r for _, r in expected]
