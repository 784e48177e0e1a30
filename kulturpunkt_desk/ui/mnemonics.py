"""Alt-letters for a form's fields: one per field, unique in the form, none of the menu bar's.

A label written with its own `&` keeps that letter while it can; otherwise the first free
letter of a word (then any of its letters) is taken. When a later label has no free letter
left, an earlier one moves to another of its letters (a matching, as in Kuhn's algorithm),
so a form added later needs no hand-picked letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# The main window's menus: &Filer, &Redigér, &Vis, &Hjælp, &Dokumenter, &Planlægning.
# tests/test_ui_forms_fit.py compares this with the real menu bar.
MENU_BAR_LETTERS = frozenset("frvhdp")

_MARK = re.compile(r"(?<!&)&(?=[^&])")


def letter_of(text: str) -> str | None:
    match = re.search(r"(?<!&)&([^&\s])", text)
    return match.group(1).casefold() if match else None


@dataclass
class _Caption:
    plain: str
    show: Callable[[str], None]
    choices: list[tuple[str, int]]  # (letter, index in plain), best first
    required: bool
    letter: str | None = None

    def text(self) -> str:
        if self.letter is None:
            return self.plain
        index = next(i for letter, i in self.choices if letter == self.letter)
        return self.plain[:index] + "&" + self.plain[index:]


def _choices(text: str) -> tuple[str, list[tuple[str, int]]]:
    match = _MARK.search(text)
    plain = _MARK.sub("", text)
    own = [match.start()] if match else []
    starts = [
        i for i, c in enumerate(plain) if c.isalnum() and (i == 0 or not plain[i - 1].isalnum())
    ]
    rest = [i for i, c in enumerate(plain) if c.isalnum()]
    choices: list[tuple[str, int]] = []
    for index in own + starts + rest:
        letter = plain[index].casefold()
        if letter not in {c for c, _ in choices}:
            choices.append((letter, index))
    return plain, choices


class Letters:
    """The Alt-letters of one form."""

    def __init__(self, taken: frozenset[str] = MENU_BAR_LETTERS) -> None:
        self.taken = taken
        self.owner: dict[str, _Caption] = {}
        self.captions: list[_Caption] = []

    def add(self, text: str, show: Callable[[str], None], required: bool = True) -> None:
        """Show `text` with a free letter (through `show`, again whenever it moves).

        One of several boxes in a field (reached by the field's own letter) is not
        `required`: it gives its letter up to a field that finds none left.
        """
        if not text.strip():
            return
        plain, choices = _choices(text)
        caption = _Caption(plain, show, choices, required)
        self.captions.append(caption)
        if not self._place(caption, set()) and required:
            self._take_from_optional(caption)
        for each in self.captions:
            each.show(each.text())

    def _take_from_optional(self, caption: _Caption) -> None:
        for letter, _ in caption.choices:
            holder = self.owner.get(letter)
            if holder is not None and not holder.required:
                holder.letter = None
                self.owner[letter] = caption
                caption.letter = letter
                return

    def _place(self, caption: _Caption, visited: set[str]) -> bool:
        for letter, _ in caption.choices:
            if letter in self.taken or letter in visited:
                continue
            visited.add(letter)
            holder = self.owner.get(letter)
            if holder is None or self._place(holder, visited):
                self.owner[letter] = caption
                caption.letter = letter
                return True
        return False
