"""One word for one thing: no text a user reads uses a word the glossary has replaced.

The glossary is resources/ordliste.toml. Every string literal in the package is read (the
window, the documents, the command line, the services' messages, the demo data), and the
agreement template; docstrings, key-like values ("kickoff" as an enum value) and
{placeholders} are left out, as no user reads them.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kulturpunkt_desk"
GLOSSARY = ROOT / "resources" / "ordliste.toml"
# Danish endings, so "området", "desken" and "udgifterne" are caught with their stems.
ENDINGS = "(?:e|en|ens|et|ets|er|erne|ernes|s|t|ts|r|rne|rnes|ne|n|ns|de)?"
# A lower-case word without spaces is a key or a value in code ("kickoff", "område" as a
# JSON key or an accepted spreadsheet header), not a text shown to anyone.
IDENTIFIER = re.compile(r"[a-zæøå0-9_.\-]*")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def glossary() -> list[dict[str, object]]:
    return list(tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))["begreb"])


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def visible_strings() -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user may read."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue  # frozen history: old enum values, never shown
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
                and not IDENTIFIER.fullmatch(node.value)
            ):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value
    for path in sorted((ROOT / "resources" / "templates").glob("*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            yield f"{path.relative_to(ROOT)}:{n}", line


def rejected_in(text: str, entry: dict[str, object]) -> list[str]:
    # Without Alt-letter markers: "Redigér omr&åde…" reads "Redigér område…".
    text = PLACEHOLDER.sub(" ", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    for allowed in entry.get("undtagen", []):  # type: ignore[attr-defined]
        text = re.sub(re.escape(str(allowed)), " ", text, flags=re.IGNORECASE)
    found = []
    for word in entry["erstatter"]:  # type: ignore[attr-defined]
        pattern = rf"(?<!\w){re.escape(str(word))}{ENDINGS}(?!\w)"
        found += [m.group(0) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return found


def test_the_glossary_names_a_word_and_what_it_replaces() -> None:
    entries = glossary()
    assert len(entries) >= 9
    for entry in entries:
        assert entry["ord"] and entry["betyder"] and entry["erstatter"], entry


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Området findes ikke", ["Området"]),
        ("Redigér omr&åde…", ["område"]),
        ("Lokalområdet og fokusområderne", []),
        ("registreret i desken", ["desken"]),
        ("Kulturpunkt Desk 1.0", []),
        ("Hjælp til fundraising", ["fundraising"]),
        ("datoen for {kickoff}", []),
        ("Regionen matcher beløbet", ["matcher"]),
        ("primær kontaktperson", []),
    ],
)
def test_the_check_catches_inflected_words_and_spares_compounds(
    text: str, found: list[str]
) -> None:
    assert [w for entry in glossary() for w in rejected_in(text, entry)] == found


def test_no_visible_text_uses_a_replaced_word() -> None:
    entries = glossary()
    offenders = [
        f"{where}: «{word}» (brug «{entry['ord']}») i {text!r}"
        for where, text in visible_strings()
        for entry in entries
        for word in rejected_in(text, entry)
    ]
    assert offenders == []
