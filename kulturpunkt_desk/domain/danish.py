"""Danish grammar for texts built from parts: counts and pronouns that agree with their noun.

One helper for every count, so "1 gruppe" and "2 grupper" are never written by hand, and
one rule for the pronoun after a definite noun ("Lokalområdet ... Det", "Raten ... Den"),
so a message shared by many nouns stays grammatical with each of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from operator import attrgetter
from typing import TypeVar

T = TypeVar("T")

# Singular -> plural of the nouns the desk counts. A count of a noun not listed here fails
# loudly in the tests rather than printing "1 grupper".
PLURALS: dict[str, str] = {
    "aktivitet": "aktiviteter",
    "åben konflikt": "åbne konflikter",
    "anden post": "andre poster",
    "dag": "dage",
    "evaluering": "evalueringer",
    "gruppe": "grupper",
    "kommune": "kommuner",
    "konflikt": "konflikter",
    "linje": "linjer",
    "lokalområde": "lokalområder",
    "møde": "møder",
    "organisation": "organisationer",
    "person": "personer",
    "post": "poster",
    "punkt": "punkter",
    "repræsentant": "repræsentanter",
    "ændring": "ændringer",
}


def count(n: int, noun: str) -> str:
    """ "1 gruppe", "2 grupper", "0 grupper": the number and the noun in the right form."""
    return f"{n} {noun if n == 1 else PLURALS[noun]}"


def pronoun(definite_noun: str) -> str:
    """ "Det" after a neuter noun in its definite form (Lokalområdet), "Den" after a common
    one (Raten). Definite singular forms end in -t for neuter and -n for common gender."""
    last = definite_noun.strip()[-1:].lower()
    if last == "t":
        return "Det"
    if last == "n":
        return "Den"
    raise ValueError(f"not a definite singular noun: {definite_noun!r}")


# Danish alphabetical order: ... x y z æ ø å, with the old spelling "aa" as "å" (Aabenraa
# after Ørsted, as in the phone book and Danske Stednavne). Other accents sort with their
# base letter (é as e), ä/ö with æ/ø and ü with y, as Dansk Sprognævn's rules say.
_LAST_LETTERS = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}", "ü": "y"})


@lru_cache(maxsize=8192)  # a list sorts the same few thousand names at every refresh
def sort_key(text: str) -> str:
    """A key that sorts names the Danish way (Ærø, Østerø, Åby; Aalborg after Åby), for
    Python's sorted() and for Qt's sort role alike (a plain string: no locale needed)."""
    folded = text.casefold().replace("aa", "å")
    kept = folded.translate(_LAST_LETTERS)
    if kept.isascii():  # most names once æ, ø and å are placed: no accents to strip
        return kept
    import unicodedata  # here, not at the top: the start-up shell imports this module

    plain = unicodedata.normalize("NFKD", kept)
    return "".join(c for c in plain if not unicodedata.combining(c))


def by_name(items: Iterable[T], name: Callable[[T], str] = attrgetter("name")) -> list[T]:
    """`items` in Danish alphabetical order of their name (SQL's ORDER BY puts Å before Æ)."""
    return sorted(items, key=lambda item: sort_key(name(item)))
