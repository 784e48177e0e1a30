"""Danish grammar for texts built from parts: counts and pronouns that agree with their noun.

One helper for every count, so "1 gruppe" and "2 grupper" are never written by hand, and
one rule for the pronoun after a definite noun ("Lokalområdet ... Det", "Raten ... Den"),
so a message shared by many nouns stays grammatical with each of them.
"""

from __future__ import annotations

# Singular -> plural of the nouns the desk counts. A count of a noun not listed here fails
# loudly in the tests rather than printing "1 grupper".
PLURALS: dict[str, str] = {
    "aktivitet": "aktiviteter",
    "anden post": "andre poster",
    "dag": "dage",
    "evaluering": "evalueringer",
    "gruppe": "grupper",
    "kommune": "kommuner",
    "linje": "linjer",
    "lokalområde": "lokalområder",
    "møde": "møder",
    "organisation": "organisationer",
    "person": "personer",
    "punkt": "punkter",
    "repræsentant": "repræsentanter",
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
