"""Danish built from parts reads right: counts inflect, pronouns agree, times and ranges
are written one way."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from test_glossary import visible_strings

from kulturpunkt_desk.domain.danish import PLURALS, count, pronoun
from kulturpunkt_desk.domain.dates import date_time
from kulturpunkt_desk.domain.services.common import not_found_message

PACKAGE = Path(__file__).resolve().parent.parent / "kulturpunkt_desk"


@pytest.mark.parametrize("noun", sorted(PLURALS))
def test_a_count_takes_the_singular_for_one_and_the_plural_otherwise(noun: str) -> None:
    assert count(1, noun) == f"1 {noun}"
    assert count(0, noun) == f"0 {PLURALS[noun]}"
    assert count(2, noun) == f"2 {PLURALS[noun]}"


def test_one_group_is_a_group() -> None:
    assert count(1, "gruppe") == "1 gruppe"
    assert count(6, "gruppe") == "6 grupper"


def test_no_text_counts_a_noun_by_hand() -> None:
    """ "{0} grupper" reads "1 grupper" for one: such texts must use count()."""
    plurals = "|".join(sorted(PLURALS.values(), key=len, reverse=True))
    by_hand = re.compile(rf"\{{[^{{}}]*\}} (?:{plurals})\b")
    offenders = [f"{where}: {text!r}" for where, text in visible_strings() if by_hand.search(text)]
    assert offenders == []


# Each noun's gender, from a dictionary, not from the rule under test.
GENDER = {
    "Lokalområdet": "Det",
    "Mødet": "Det",
    "Partnerskabet": "Det",
    "Programmet": "Det",
    "Bidraget": "Det",
    "Budgetåret": "Det",
    "Temaet": "Det",
    "Forbruget": "Det",
    "Bilaget": "Det",
    "Medlemmet": "Det",
    "Sparringsmødet": "Det",
    "Indsatsområdet": "Det",
    "Kulturforummet": "Det",
    "Raten": "Den",
    "Personen": "Den",
    "Organisationen": "Den",
    "Aktiviteten": "Den",
    "Evalueringen": "Den",
    "Milepælen": "Den",
    "Kommunen": "Den",
    "Sagen": "Den",
    "Opfølgningen": "Den",
    "Partneren": "Den",
    "Repræsentanten": "Den",
    "Tilknytningen": "Den",
    "Skabelonen": "Den",
    "Deltageren": "Den",
    "Indsatsen": "Den",
    "Budgetposten": "Den",
    "Kontaktpersonen": "Den",
}


def nouns_given_to_get() -> set[str]:
    """Every label a service passes to common.get(), which builds the not-found message."""
    found = set()
    for path in (PACKAGE / "domain").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "get"
                and len(node.args) == 4
                and isinstance(node.args[3], ast.Constant)
            ):
                found.add(str(node.args[3].value))
    return found


def test_every_noun_of_the_not_found_message_is_known() -> None:
    nouns = nouns_given_to_get()
    assert "Lokalområdet" in nouns
    assert nouns <= set(GENDER), "add the new noun and its gender to GENDER"


@pytest.mark.parametrize("noun", sorted(GENDER))
def test_the_not_found_message_agrees_with_its_noun(noun: str) -> None:
    assert pronoun(noun) == GENDER[noun]
    assert not_found_message(noun) == (
        f"{noun} findes ikke (længere). {GENDER[noun]} kan være slettet af en kollega."
    )


def test_a_noun_not_in_its_definite_form_is_refused() -> None:
    with pytest.raises(ValueError):
        pronoun("Lokalområde")


def test_a_time_is_written_kl_hours_dot_minutes() -> None:
    from datetime import datetime

    assert date_time(datetime(2026, 1, 20, 9, 33)) == "20.01.2026 kl. 09.33"


def test_every_time_of_day_is_written_the_same_way() -> None:
    """ "kl. 09.33": never 09:33, never without "kl." (file names' stamps are not read)."""
    shown_time = re.compile(r"%H[:.]%M|HH:mm")
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "dates.py":
            continue  # date_time() itself
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if shown_time.search(text.replace("kl. %H.%M", "")):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {text!r}")
    assert offenders == []


def test_ranges_are_written_with_an_en_dash() -> None:
    """ "1.–3. juni", "{0} – {1}"; a season's name such as "2025-26" is a name, not a range."""
    hyphen_range = re.compile(r"(?:\}|\b\d{1,2}\.?) ?- ?(?:\{|\d{1,2}\.?\b)(?!\d)")
    offenders = [
        f"{where}: {text!r}"
        for where, text in visible_strings()
        if hyphen_range.search(re.sub(r"\b\d{4}-\d{2}(-\d{2})?\b", "", text))
    ]
    assert offenders == []


def test_an_amount_in_kroner_never_ends_a_sentence_with_a_second_full_stop() -> None:
    """format_kr() ends in "kr.", so "{format_kr(x)}." reads "50.000 kr.." on the page."""
    doubled = re.compile(r"format_kr\([^{}]*\)\}\.")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in PACKAGE.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if doubled.search(line)
    ]
    assert offenders == []
