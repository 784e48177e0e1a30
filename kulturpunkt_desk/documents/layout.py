"""The house style every PDF shares: embedded DejaVu fonts, paragraph styles, tables,
safe text, "Side X af Y" footers and metadata.

Import this module only when a document is made: it pulls in reportlab, which the window's
start-up should not pay for.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import ActionFlowable, BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from kulturpunkt_desk.resources import resource

from .blocks import Block, DataTable, Heading, Text, WarningNote
from .font_subsets import SubsetKeepingFont
from .paragraph_reuse import WrapOnce

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#9AA5B1")
SHADE = colors.HexColor("#E8EDF2")
MUTED = colors.HexColor("#555F6B")
EMPTY = "–"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 24 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # with aligned=True (no padding)


@cache
def register_fonts() -> None:
    """Register the shipped DejaVu faces once per process; every PDF embeds a subset."""
    faces = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
    faces[FONT_ITALIC] = "DejaVuSans-Oblique.ttf"
    for name, filename in faces.items():
        pdfmetrics.registerFont(SubsetKeepingFont(name, str(resource("fonts", filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    # embeddedHyphenation: a soft hyphen (U+00AD) in the desk's own labels may break a line.
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        bulletFontName=FONT,
        fontSize=10,
        leading=14,
        spaceAfter=5,
        embeddedHyphenation=1,
    )
    named = {
        "body": body,
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=19, leading=24, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=11.5, leading=15, textColor=MUTED, spaceAfter=10
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=2,
        ),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=3),
        "small": ParagraphStyle(
            "small", parent=body, fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=2
        ),
        "contact": ParagraphStyle(
            "contact", parent=body, fontSize=8.5, leading=11.5, alignment=TA_RIGHT, spaceAfter=0
        ),
        "draft_note": ParagraphStyle(
            "draft_note",
            parent=body,
            fontName=FONT_BOLD,
            textColor=colors.HexColor("#C0392B"),
            spaceAfter=8,
        ),
        "signature_name": ParagraphStyle("signature_name", parent=body, spaceAfter=0),
    }
    # Table cells: plain, bold (header and total rows), each left or right aligned.
    for bold in (False, True):
        for right in (False, True):
            name = "cell" + ("_bold" if bold else "") + ("_right" if right else "")
            named[name] = ParagraphStyle(
                name,
                parent=body,
                fontName=FONT_BOLD if bold else FONT,
                fontSize=8.5,
                leading=11,
                spaceAfter=0,
                alignment=TA_RIGHT if right else 0,
            )
    return named


# --- text the fonts cannot draw ----------------------------------------------------------
# A character outside DejaVu Sans (mathematical letters, many emoji, rare scripts) would be
# drawn as nothing at all. Each one is shown instead by its compatibility form when DejaVu
# has that (𝐁𝐨𝐥𝐝 → Bold, ＡＢＣ → ABC), else as a visible, marked [U+1F9D1]; the document
# then ends with a note saying how many characters it could not show.
MISSING_COLOUR = "#8A1C1C"
_ENTITIES = {'"': "&quot;", "'": "&#39;"}
_MISSING_OPEN = f'<font color="{MISSING_COLOUR}">'  # user text is escaped: never this tag


@cache
def _drawable_codes() -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFont

    face = TTFont("DejaVuSans-cmap", str(resource("fonts", "DejaVuSans.ttf"))).face
    return frozenset(face.charToGlyph)


@cache
def _drawable_chars() -> frozenset[str]:
    """The same set as characters, with the line breaks and tabs kept as they are."""
    return frozenset(map(chr, _drawable_codes())) | frozenset("\n\r\t")


def _stand_in(ch: str) -> str | None:
    """What to draw for `ch`: itself, its compatibility form, or None when neither draws."""
    codes = _drawable_codes()
    if ord(ch) in codes or ch in "\n\r\t":
        return ch
    plain = unicodedata.normalize("NFKC", ch)
    if plain and all(ord(c) in codes for c in plain):
        return plain
    return None


def drawable(text: str) -> tuple[str, list[str]]:
    """`text` with every character the fonts can draw (see above); and those it could not."""
    out: list[str] = []
    missing: list[str] = []
    for ch in text:
        shown = _stand_in(ch)
        if shown is None:
            missing.append(ch)
            out.append(f"[U+{ord(ch):04X}]")
        else:
            out.append(shown)
    return "".join(out), missing


def safe(text: str | None, empty: str = EMPTY) -> str:
    """User text as Paragraph markup: shown exactly as typed, never read as tags.

    Line breaks are kept; an empty field shows as a dash so the reader sees it was empty.
    A character no font can draw is shown as a marked [U+XXXX], never dropped.
    """
    if text is None or not text.strip():
        return escape(empty)
    text = text.strip()
    if _drawable_chars().issuperset(text):  # the usual case: escaped at once, not by letter
        return escape(text, _ENTITIES).replace("\r\n", "\n").replace("\n", "<br/>")
    parts: list[str] = []
    for ch in text:
        shown = _stand_in(ch)
        if shown is None:
            parts.append(f"{_MISSING_OPEN}[U+{ord(ch):04X}]</font>")
        else:
            parts.append(escape(shown, _ENTITIES))
    return "".join(parts).replace("\r\n", "\n").replace("\n", "<br/>")


def count_missing(story: Sequence[Any]) -> int:
    """How many characters in the story's paragraphs (also inside tables) were not drawable."""
    found = 0
    for item in story:
        if isinstance(item, Paragraph):
            found += getattr(item, "text", "").count(_MISSING_OPEN)
        elif isinstance(item, Table):
            found += sum(count_missing(row) for row in item._cellvalues)
        elif isinstance(item, list | tuple):
            found += count_missing(item)
        elif hasattr(item, "_content"):  # KeepTogether and friends
            found += count_missing(item._content)
    return found


def missing_text(count: int) -> str:
    """The note a document ends with when `count` characters could not be drawn."""
    return (
        f"Bemærk: {count} tegn kunne ikke vises med dokumentets skrifttype (fx emoji) og står "
        "som [U+…] med deres Unicode-nummer."
    )


def missing_note(count: int) -> Paragraph:
    marked = f'<font color="{MISSING_COLOUR}">[U+…]</font>'
    return markup(escape(missing_text(count)).replace("[U+…]", marked), "small")


def para(text: str | None, style: str = "body", empty: str = EMPTY) -> Paragraph:
    """A paragraph of user text (escaped); long words are split by the style, not cut."""
    return WrapOnce(safe(text, empty), styles()[style])


def markup(text: str, style: str = "body") -> Paragraph:
    """A paragraph of the desk's own markup (bold labels and the like); never user text."""
    return WrapOnce(text, styles()[style])


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    right: Sequence[int] = (),
    total: bool = False,
    zebra: bool = True,
) -> Table:
    """A table in the house style. Strings become wrapping cells; `right` aligns columns."""
    cells = []
    for r, row in enumerate(rows):
        line = []
        for c, value in enumerate(row):
            if isinstance(value, str):
                bold = (header and r == 0) or (total and r == len(rows) - 1)
                if c in right and not (header and r == 0):
                    value = value.replace(" ", "\u00a0")  # an amount never wraps
                name = ("cell_bold" if bold else "cell") + ("_right" if c in right else "")
                line.append(WrapOnce(safe(value, ""), styles()[name]))
            else:
                line.append(value)
        cells.append(line)
    t = Table(cells, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # else Table sets Helvetica, unembedded
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ]
    if zebra:
        first = 2 if header else 1
        for r in range(first, len(rows), 2):
            commands.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F6F8FA")))
    if total:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT))
    t.setStyle(TableStyle(commands))
    return t


CELL_PADDING = 3  # left and right, as table() sets them


def fitted_widths(
    rows: Sequence[Sequence[str]], total_width: float, *, nowrap: Sequence[int] = ()
) -> list[float]:
    """Column widths for a table of long text that fill `total_width` without breaking a
    word: columns in `nowrap` (amounts, dates) get their widest cell, the others at least
    their longest word, and what is left goes to the columns whose text would wrap, by how
    much wider each would like to be. Measured in bold, which header and total rows use.
    """
    size = styles()["cell"].fontSize

    def width(text: str) -> float:
        return float(pdfmetrics.stringWidth(text, FONT_BOLD, size)) + 2 * CELL_PADDING + 1

    least: list[float] = []
    wanted: list[float] = []
    for c in range(max(len(r) for r in rows)):
        lines = [
            line for r in rows if c < len(r) for line in r[c].replace("\u00a0", " ").split("\n")
        ]
        widest = max((width(line) for line in lines), default=0.0)
        word = max((width(w) for line in lines for w in line.split()), default=0.0)
        least.append(widest if c in nowrap else word)
        wanted.append(widest)
    spare = total_width - sum(least)
    if spare <= 0:  # too much for the page: shrink evenly (the caller should go landscape)
        return [w * total_width / sum(least) for w in least]
    room = [w - m for w, m in zip(wanted, least, strict=True)]
    if sum(room) <= spare:  # everything fits on one line: share the rest evenly
        return [w + (spare - sum(room)) / len(wanted) for w in wanted]
    return [m + spare * r / sum(room) for m, r in zip(least, room, strict=True)]


def layout_grid(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], *commands: tuple[Any, ...]
) -> Table:
    """An invisible grid for placing flowables side by side (no lines, no padding)."""
    t = Table([list(r) for r in rows], colWidths=list(widths))
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                *commands,
            ]
        )
    )
    return t


def letter_block(
    title: str,
    sender: Sequence[str],
    *,
    letter_date: date | None,
    case_number: str,
    handler: Any,
) -> Table:
    """The head of a letter from Danish public administration: the document's name on the
    left; on the right the sender, then date, case number and the case handler's name,
    direct phone and e-mail (`handler`: a record with the models.case_file columns)."""
    from kulturpunkt_desk.domain.dates import long_date

    facts = [
        ("Dato", long_date(letter_date, "")),
        ("Sagsnr.", case_number),
        ("Sagsbehandler", handler.case_handler_name),
        ("Direkte tlf.", handler.case_handler_phone),
        ("E-mail", handler.case_handler_email),
    ]
    lines = [*sender, ""]
    lines += [f"{label}: {safe(value).replace(' ', '&nbsp;')}" for label, value in facts if value]
    block = WrapOnce("<br/>".join(lines), styles()["contact"])
    return layout_grid([[para(title, "small"), block]], [FRAME_WIDTH * 0.45, FRAME_WIDTH * 0.55])


@dataclass(frozen=True)
class PdfInfo:
    """Metadata every PDF carries, and the footer's left-hand text."""

    title: str
    author: str
    subject: str
    footer: str = ""
    draft: bool = False  # "UDKAST" across every page


class DocumentStart(Flowable):  # type: ignore[misc]
    """Marks where a new document begins in a combined PDF, so pages count from 1 again.

    With a `bookmark` the part gets an entry in the PDF's outline; with `draft` each of its
    pages says "UDKAST" across it.
    """

    def __init__(self, footer: str, bookmark: str = "", draft: bool = False) -> None:
        super().__init__()
        self.footer = footer
        self.bookmark = bookmark
        self.draft = draft
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.begin_section(self.footer, self.draft, self.bookmark)


class OddPageStart(ActionFlowable):  # type: ignore[misc]
    """After a page break: leave the new page blank when it is even, so the next part
    starts on a right-hand page when printed on both sides."""

    def apply(self, doc: Any) -> None:
        if doc.page % 2 == 0:
            doc.canv.leave_blank()
            doc.handle_pageBreak()


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Writes "Side X af Y" once the page count is known (pages are kept until save)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Start every page in DejaVu, so not even an unused Helvetica is referenced.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._section = 0
        self._footer = ""
        self._draft = False
        self._blank = False
        self._bookmark = ""
        self._sections: list[int] = []

    def begin_section(self, footer: str, draft: bool = False, bookmark: str = "") -> None:
        # Called on the section's first page, before that page is shown.
        if self._pages or self._sections:
            self._section += 1
        self._footer = footer
        self._draft = draft
        self._bookmark = bookmark

    def leave_blank(self) -> None:
        """The current page is a filler for duplex printing: no footer, not counted."""
        self._blank = True

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._sections.append(-1 if self._blank else self._section)
        self._blank = False
        self._bookmark = ""
        self._startPage()

    def save(self) -> None:
        totals: dict[int, int] = {}
        for section in self._sections:
            totals[section] = totals.get(section, 0) + 1
        seen: dict[int, int] = {}
        for state, section in zip(self._pages, self._sections, strict=True):
            self.__dict__.update(state)
            if state["_bookmark"]:
                # Only now is the page's number in the file known, so the outline entry
                # is added here, not when the part began.
                key = f"part{len(self._sections)}-{section}"
                self.bookmarkPage(key)
                self.addOutlineEntry(state["_bookmark"], key, level=0)
                self.showOutline()
            if section >= 0:
                seen[section] = seen.get(section, 0) + 1
                if state["_draft"]:
                    self._draw_draft_mark()
                self._draw_footer(seen[section], totals[section], state["_footer"])
            super().showPage()
        super().save()

    def _draw_draft_mark(self) -> None:
        """ "UDKAST" diagonally across the page, light enough to read the text through."""
        self.saveState()
        self.setFont(FONT_BOLD, 96)
        self.setFillColor(colors.HexColor("#C0392B"))
        self.setFillAlpha(0.16)
        self.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        self.rotate(52)
        self.drawCentredString(0, -34, "UDKAST")
        self.restoreState()

    def _draw_footer(self, page: int, pages: int, footer: str) -> None:
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        y = 14 * mm
        self.line(MARGIN_X, y + 4 * mm, PAGE_WIDTH - MARGIN_X, y + 4 * mm)
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        self.drawString(MARGIN_X, y, _fit(drawable(footer)[0], FRAME_WIDTH - 30 * mm))
        self.drawRightString(PAGE_WIDTH - MARGIN_X, y, f"Side {page} af {pages}")
        self.restoreState()


def _fit(text: str, width: float) -> str:
    """Shorten a footer line that would run into the page number."""
    if pdfmetrics.stringWidth(text, FONT, 8) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", FONT, 8) > width:
        text = text[:-1]
    return text + "…"


def build_pdf(
    out: Path | Any, story: list[Flowable], info: PdfInfo, *, aligned: bool = False
) -> None:
    """Write `story` to `out` (a path or a binary file) with metadata and page numbers.

    aligned=True puts text, headings, tables, letter block and footer on one left edge,
    MARGIN_X: reportlab's frame otherwise indents text 6 pt while a FRAME_WIDTH table
    reaches 6 pt into the margin. (False keeps the status summary and evaluation report
    as they are until their own rework.)
    """
    register_fonts()
    template = BaseDocTemplate if aligned else SimpleDocTemplate
    doc = template(
        out if not isinstance(out, Path) else str(out),
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator="Kulturpunkt Desk",
        lang="da-DK",
        # Viewers show the title, not the file name, in their title bar (PDF/UA asks so).
        displayDocTitle=1,
    )
    if aligned:
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, 0, 0, 0, 0, id="normal")
        doc.addPageTemplates([PageTemplate(id="aligned", frames=[frame])])
    if not story or not isinstance(story[0], DocumentStart):
        story = [DocumentStart(info.footer, draft=info.draft), *story]
    missing = count_missing(story)
    if missing:  # the reader is told, so a document never looks complete when it is not
        story = [*story, missing_note(missing)]
    doc.build(_headings_with_room(story), canvasmaker=NumberedCanvas)


# Room a heading needs below it; with less left, it starts a new page. Unlike keepWithNext
# this never drags a long paragraph or table along and leaves half a page empty.
HEADING_ROOM = {"h1": 32 * mm, "h2": 18 * mm}


def _headings_with_room(story: list[Flowable]) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak

    out: list[Flowable] = []
    for flowable in story:
        room = HEADING_ROOM.get(getattr(getattr(flowable, "style", None), "name", ""))
        if isinstance(flowable, Paragraph) and room:
            out.append(CondPageBreak(room))
        out.append(flowable)
    return out


def story_from_blocks(blocks: Sequence[Block]) -> list[Flowable]:
    """Engine-neutral blocks (documents/blocks.py) as a reportlab story in the house style.

    Used where a reportlab document shows what a published document shows too (the dossier
    repeats the evaluation report's part about the area), so both say it the same way.
    """
    story: list[Flowable] = []
    for block in blocks:
        if isinstance(block, Heading):
            story.append(para(block.text, "h1" if block.level == 1 else "h2"))
        elif isinstance(block, Text):
            story.append(para(block.text, block.style, empty=block.empty))
        elif isinstance(block, WarningNote):
            story.append(para(block.text, "body"))  # the words say it; no colour needed
        elif isinstance(block, DataTable):
            widths = [FRAME_WIDTH * w for w in block.widths]
            story.append(
                table(block.rows, widths, header=block.header, right=block.right, total=block.total)
            )
        else:
            raise TypeError(f"{type(block).__name__} has no reportlab form")
    return story
