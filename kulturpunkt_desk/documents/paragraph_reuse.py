"""Paragraphs that reuse the work another paragraph with the same text already did.

Parsing a paragraph's markup and breaking it into lines are most of reportlab's work on a
text, and both depend only on the text, its style, its bullet and the width. The agreements
of a programme share most of their paragraphs (the template's sentences, headings, table
headers, the timeline), and a document made again shares all of them; so each text is
parsed once and broken into lines once per width, and the next paragraph with the same
text takes the result. Nothing else is kept: a changed text is another key.

The shared fragments and lines are only read (drawing does not change them). Splitting a
paragraph across two pages rewrites them, so a paragraph that is split first breaks its
own lines again from the parsed fragments.
"""

from __future__ import annotations

from copy import copy
from typing import Any

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _FUZZ

# What Paragraph.wrap leaves on a paragraph: all that drawing and measuring read later.
_LINE_STATE = ("frags", "blPara", "width", "height", "_wrapWidths", "_width_max")
# Texts kept (some 5 kB each with their lines): all agreements of a programme take ~200.
_KNOWN_MAX = 1024


class _Known:
    """One text in one style: its parsed fragments, and its lines for each width."""

    __slots__ = ("bullet", "frags", "lines", "style")

    def __init__(self, style: Any, bullet: Any, frags: list[Any]) -> None:
        self.style = style
        self.bullet = bullet
        self.frags = frags  # never laid out themselves: each breaking of lines copies them
        self.lines: dict[float, dict[str, Any]] = {}


_KNOWN: dict[tuple[str, Any, Any], _Known] = {}


class WrapOnce(Paragraph):  # type: ignore[misc]
    """A Paragraph that parses its text once per text and style, and breaks it into lines
    once per text, style and width, in this and every later document. Within one
    document this matters too: a table asks each cell for its size up to three times with
    the same width."""

    _known: _Known | None = None
    _wrapped: tuple[float, float, float] | None = None  # (available width, width, height)

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        if frags is not None or not isinstance(text, str):
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        key = (text, style, bulletText)
        known = _KNOWN.get(key)
        if known is None:
            super()._setup(text, style, bulletText, None, cleaner)
            if len(_KNOWN) >= _KNOWN_MAX:
                _KNOWN.clear()
            known = _KNOWN[key] = _Known(self.style, self.bulletText, self.frags)
        else:
            super()._setup(text, known.style, known.bullet, known.frags, cleaner)
        self._known = known

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        kept = self._wrapped
        if kept is not None and kept[0] == availWidth and "blPara" in self.__dict__:
            return kept[1], kept[2]
        known = self._known
        if known is None or availWidth < _FUZZ:  # (no room: reportlab breaks no lines)
            width, height = super().wrap(availWidth, availHeight)
        elif (lines := known.lines.get(availWidth)) is not None:
            self.__dict__.update(lines)
            width, height = self.width, self.height
        else:
            self.frags = [copy(f) for f in known.frags]  # breaking lines rewrites them
            width, height = super().wrap(availWidth, availHeight)
            known.lines[availWidth] = {k: self.__dict__[k] for k in _LINE_STATE}
        self._wrapped = (availWidth, width, height)
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if self._known is not None:  # its lines are shared: split a copy of its own
            self.frags = [copy(f) for f in self._known.frags]
            self._known = self._wrapped = None
            self.__dict__.pop("blPara", None)
        return list(super().split(availWidth, availHeight))
