"""A document's content as plain blocks, independent of the engine that lays it out.

The published documents (status summary, evaluation report) are composed once as blocks and
rendered as tagged PDF (`tagged_pdf.py`); the dossier reuses the evaluation's blocks in a
reportlab story (`layout.story_from_blocks`). Blocks hold only text and numbers, so what a
document says can be tested without reading a PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

TextStyle = Literal["body", "small", "subtitle"]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Text:
    """User or desk text, shown exactly as written (never read as markup)."""

    text: str
    style: TextStyle = "body"
    empty: str = "–"


@dataclass(frozen=True)
class WarningNote:
    """A warning the reader must not miss: drawn in the documents' warning colour, and said
    in words too ("Advarsel: …"), as colour alone tells nothing to many readers."""

    text: str


@dataclass(frozen=True)
class DataTable:
    """A table; `widths` are fractions of the text width, `right` the right-aligned columns.

    With `header`, the first row is the header (tagged as header cells); with `total`, the
    last row is a total row.
    """

    rows: Sequence[Sequence[str]]
    widths: Sequence[float]
    header: bool = True
    right: Sequence[int] = ()
    total: bool = False


@dataclass(frozen=True)
class Figure:
    """A chart as SVG, with the alternative text a screen reader reads instead."""

    svg: str
    alt: str
    width: float = 1.0


@dataclass(frozen=True)
class SideBySide:
    """Blocks in columns on wide paper; the reading order is left column, then right."""

    columns: Sequence[Sequence[Block]]
    widths: Sequence[float]


Block = Heading | Text | WarningNote | DataTable | Figure | SideBySide


@dataclass(frozen=True)
class TaggedDocument:
    """A whole document: metadata, the visible title and the blocks under it."""

    title: str
    author: str
    subject: str
    footer: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    keywords: Sequence[str] = ()


def plain_text(blocks: Sequence[Block]) -> str:
    """Everything a reader can read in the blocks, in reading order (for tests and search)."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Text | WarningNote):
            parts.append(block.text)
        elif isinstance(block, DataTable):
            parts.extend(" ".join(row) for row in block.rows)
        elif isinstance(block, Figure):
            parts.append(block.alt)
        else:
            for column in block.columns:
                parts.append(plain_text(column))
    return "\n".join(parts)
