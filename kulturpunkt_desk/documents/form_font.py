"""Give a fillable form's text fields an embedded font instead of PDF's standard Helvetica.

reportlab's AcroForm fields accept only PDF's standard 14 fonts, which a PDF names without
embedding. A field's font must draw whatever an area types later, so a subset will not do:
the whole DejaVu Sans (WinAnsi: Danish letters, €, dashes) goes in once, about 380 kB, and
every text field's appearance is redrawn with it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, cast

from kulturpunkt_desk.resources import resource

FIELD_FONT_KEY = "/DejaVu"
FIRST_CODE, LAST_CODE = 32, 255


def embed_field_font(path: Path) -> None:
    """Rewrite the form at `path` so its fields use the embedded font; whole or not at all."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=str(path))
    font = _font(writer)
    acro_form = cast(DictionaryObject, writer.root_object["/AcroForm"].get_object())
    acro_form[NameObject("/DR")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject(FIELD_FONT_KEY): font})}
    )
    acro_form[NameObject("/DA")] = TextStringObject(f"{FIELD_FONT_KEY} 10 Tf 0 g")
    for page in writer.pages:
        values: dict[str, Any] = {}
        for annotation in page.get("/Annots", []):
            field = annotation.get_object()
            if field.get("/FT") != "/Tx":
                continue
            size = _font_size(str(field.get("/DA", "")))
            field[NameObject("/DA")] = TextStringObject(f"{FIELD_FONT_KEY} {size} Tf 0 g")
            values[str(field["/T"])] = str(field.get("/V", ""))
        if values:  # redraws each field's appearance with the font of its /DA
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
    # The replaced appearances and their Helvetica stay behind as orphans: drop them.
    writer.compress_identical_objects()
    fd, staged = tempfile.mkstemp(prefix=".", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            writer.write(handle)
        os.replace(staged, path)
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise


def _font_size(appearance: str) -> str:
    """The size in a field's /DA ("/Helv 10 Tf 0 g" gives "10"); 10 when there is none."""
    words = appearance.split()
    if "Tf" in words and words.index("Tf") >= 1:
        return words[words.index("Tf") - 1]
    return "10"


def _font(writer: Any) -> Any:
    """DejaVu Sans, whole, as a simple TrueType font with WinAnsi encoding."""
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
    )
    from reportlab.pdfbase.ttfonts import TTFont

    ttf = resource("fonts", "DejaVuSans.ttf")
    data = ttf.read_bytes()
    face = TTFont("DejaVuSans-whole", str(ttf)).face
    program = DecodedStreamObject()
    program.set_data(data)
    program[NameObject("/Length1")] = NumberObject(len(data))

    def number(value: float) -> NumberObject:
        return NumberObject(round(value))

    descriptor = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/FontDescriptor"),
            NameObject("/FontName"): NameObject("/DejaVuSans"),
            NameObject("/Flags"): NumberObject(32),  # non-symbolic: WinAnsi applies
            NameObject("/FontBBox"): ArrayObject([number(v) for v in face.bbox]),
            NameObject("/ItalicAngle"): NumberObject(0),
            NameObject("/Ascent"): number(face.ascent),
            NameObject("/Descent"): number(face.descent),
            NameObject("/CapHeight"): number(face.capHeight),
            NameObject("/StemV"): number(face.stemV),
            NameObject("/FontFile2"): writer._add_object(program.flate_encode()),
        }
    )
    widths = ArrayObject([number(_width(face, code)) for code in range(FIRST_CODE, LAST_CODE + 1)])
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/TrueType"),
            NameObject("/BaseFont"): NameObject("/DejaVuSans"),
            NameObject("/FirstChar"): NumberObject(FIRST_CODE),
            NameObject("/LastChar"): NumberObject(LAST_CODE),
            NameObject("/Widths"): widths,
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            NameObject("/FontDescriptor"): writer._add_object(descriptor),
        }
    )
    return writer._add_object(font)


def _width(face: Any, code: int) -> float:
    try:
        char = bytes([code]).decode("cp1252")
    except UnicodeDecodeError:  # the five codes WinAnsi leaves undefined
        return 0
    return float(face.getCharWidth(ord(char)))
