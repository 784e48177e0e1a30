"""What documents reuse from one another, so that making many is quick: paragraphs with the
same text share their parsing and line breaks (documents/paragraph_reuse), documents that
draw the same characters share their fonts' subsets (documents/font_subsets). What one
document holds must never show in another."""

from __future__ import annotations

from pathlib import Path

import pytest
from documents_support import pdf_text
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from kulturpunkt_desk.documents.layout import PdfInfo, build_pdf, markup, para, styles

TEXT = " ".join(f"Sætning {n} om fjorden, festen og fællesskabet." for n in range(40))
# Several fragments (reportlab's other kind of lines) and words a soft hyphen may break:
# splitting such a paragraph rewrites the fragment at the split.
HYPHENATED = "<b>Fed indledning:</b> " + "Kultur\u00adpunkt\u00adaftale og fjord " * 40


def lines_of(paragraph: Paragraph) -> list[str]:
    if paragraph.blPara.kind == 0:
        return [" ".join(words) for _, words in paragraph.blPara.lines]
    return [
        "|".join(w.text for w in line.words) + type(line.words[-1]).__name__
        for line in paragraph.blPara.lines
    ]


def split_lines(paragraph: Paragraph, height: float) -> list[list[str]]:
    """The lines of each part when `paragraph` is split with `height` left on the page."""
    parts = paragraph.split(300, height)
    for part in parts:
        part.wrap(300, 800)
    return [lines_of(part) for part in parts]


def test_paragraphs_with_the_same_text_and_width_share_their_lines() -> None:
    first, second = para(TEXT), para(TEXT)
    assert first.wrap(400, 800) == second.wrap(400, 800)
    assert second.blPara is first.blPara
    narrower = para(TEXT)
    narrower.wrap(200, 800)
    assert len(lines_of(narrower)) > len(lines_of(first))  # another width, its own lines


@pytest.mark.parametrize("text", [TEXT, HYPHENATED])
def test_a_paragraph_split_across_pages_leaves_the_shared_lines_as_they_were(text: str) -> None:
    for first_room, second_room in ((44, 86), (86, 44), (58, 58)):
        alone = Paragraph(text, styles()["body"])  # reportlab's own, shares nothing
        alone.wrap(300, 800)
        first, second = markup(text), markup(text)
        first.wrap(300, 800)
        second.wrap(300, 800)
        shared = lines_of(second)
        split_lines(first, first_room)
        assert lines_of(second) == shared == lines_of(alone)
        assert split_lines(second, second_room) == split_lines(alone, second_room)


def test_a_paragraph_with_other_text_is_never_given_another_ones_lines() -> None:
    one, other = para(TEXT), para(TEXT.replace("festen", "scenen"))
    one.wrap(400, 800)
    other.wrap(400, 800)
    assert "scenen" in " ".join(lines_of(other)) and "festen" not in " ".join(lines_of(other))


def embedded_fonts(path: Path) -> dict[str, bytes]:
    """Each embedded font subset's program, by its name ("AAAAAA+DejaVuSans")."""
    found: dict[str, bytes] = {}
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            program = font["/FontDescriptor"]["/FontFile2"].get_object()
            found[str(font["/BaseFont"])] = program.get_data()
    return found


def test_documents_drawing_other_characters_embed_their_own_font_subset(tmp_path: Path) -> None:
    plain = "Fjordglimt og Bakkekammen: fællesskab på tværs."
    other = plain + " Ærøskøbing, Ünïcødé, ŝĉ."
    for name, text in (("a", plain), ("b", plain), ("c", other)):
        build_pdf(tmp_path / f"{name}.pdf", [para(text)], PdfInfo("Prøve", "Desk", "Prøve"))
    a, b, c = (embedded_fonts(tmp_path / f"{name}.pdf") for name in "abc")
    assert a == b  # the same characters: the subset made once, the same bytes
    assert a.keys() == c.keys()
    assert all(c[font] != a[font] for font in a)  # more characters: a subset of its own
    assert "Ærøskøbing, Ünïcødé, ŝĉ." in pdf_text(tmp_path / "c.pdf")
