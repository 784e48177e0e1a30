"""Published documents as tagged PDF (PDF/UA-1), laid out by Typst.

The status summary and the evaluation report go out with political meeting papers, so they
must be accessible: headings, tables with header cells, charts with alternative text, the
reading order, the language and the title. reportlab cannot write a PDF structure tree;
Typst can, and checks PDF/UA-1's rules while it writes. The agreements, letters and forms
stay on reportlab (see README, "Dokumenterne").

The layout is `resources/typst/offentlig.typ`; the content goes in as JSON, never as markup.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from kulturpunkt_desk.resources import resource

from .blocks import (
    Block,
    DataTable,
    Figure,
    Heading,
    SideBySide,
    TaggedDocument,
    Text,
    WarningNote,
)
from .files import write_whole

TEMPLATE = ("typst", "offentlig.typ")


def render_tagged_pdf(document: TaggedDocument, out_path: Path) -> Path:
    """Write `document` as a PDF/UA-1 file; the file appears whole or not at all."""
    import typst  # imported here: the window's start-up never pays for it

    payload = json.dumps(document_json(drawable_document(document)), ensure_ascii=False)
    pdf = typst.compile(
        str(resource(*TEMPLATE)),
        font_paths=[str(resource("fonts"))],
        ignore_system_fonts=True,  # the same fonts, and so the same pages, on every laptop
        sys_inputs={"data": payload},
        pdf_standards=["ua-1"],
    )
    return write_whole(Path(out_path), lambda handle: handle.write(pdf))


def drawable_document(document: TaggedDocument) -> TaggedDocument:
    """The document with every character the fonts cannot draw shown as its plain form or a
    visible [U+XXXX] (layout.drawable, the rule every PDF follows), and a closing note
    saying how many when there were any, so it never looks complete when it is not."""
    from .layout import drawable, missing_text

    missing: list[str] = []

    def shown(text: str) -> str:
        text, lost = drawable(text)
        missing.extend(lost)
        return text

    def block(b: Block) -> Block:
        if isinstance(b, Heading | Text | WarningNote):
            return replace(b, text=shown(b.text))
        if isinstance(b, DataTable):
            return replace(b, rows=[[shown(str(c)) for c in row] for row in b.rows])
        if isinstance(b, Figure):
            return b  # read aloud, not drawn: a screen reader says every character
        return replace(b, columns=[[block(x) for x in column] for column in b.columns])

    blocks = [block(b) for b in document.blocks]
    heading, footer = shown(document.heading), shown(document.footer)
    if missing:
        blocks.append(Text(missing_text(len(missing)), "small"))
    return replace(document, blocks=blocks, heading=heading, footer=footer)


def document_json(document: TaggedDocument) -> dict[str, Any]:
    return {
        "title": document.title,
        "author": document.author,
        "subject": document.subject,
        "keywords": list(document.keywords),
        "footer": document.footer,
        "heading": document.heading,
        "blocks": [_block_json(b) for b in document.blocks],
    }


def _block_json(block: Block) -> dict[str, Any]:
    if isinstance(block, Heading):
        return {"kind": "heading", "text": block.text, "level": block.level}
    if isinstance(block, Text):
        return {"kind": "text", "text": block.text, "style": block.style, "empty": block.empty}
    if isinstance(block, WarningNote):
        return {"kind": "warning", "text": block.text}
    if isinstance(block, DataTable):
        return {
            "kind": "table",
            "rows": [[str(c) for c in row] for row in block.rows],
            "widths": list(block.widths),
            "header": block.header,
            "right": list(block.right),
            "total": block.total,
        }
    if isinstance(block, Figure):
        return {"kind": "figure", "svg": block.svg, "alt": block.alt, "width": block.width}
    assert isinstance(block, SideBySide)
    return {
        "kind": "columns",
        "widths": list(block.widths),
        "columns": [[_block_json(b) for b in column] for column in block.columns],
    }
