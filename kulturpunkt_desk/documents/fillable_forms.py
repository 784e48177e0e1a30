"""The expression of interest and the evaluation as fillable PDF forms (AcroForm), for an
area to fill in with any PDF reader and send back.

The form is pre-filled with what the desk knows; grey fields are fixed. Hidden, read-only
fields carry the form's kind and version and the area's and programme's UUID, so the
import (services/returned_forms.py) refuses a form for another area or programme.
"""

from __future__ import annotations

from pathlib import Path

from kulturpunkt_desk.domain.dates import long_date
from kulturpunkt_desk.domain.form_fields import FORM_FIELDS, KEY_FIELDS, FieldType, FormKind
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.domain.services.form_prefill import FormPrefill, prefill
from kulturpunkt_desk.storage.engine import Database

from .form_font import embed_field_font
from .layout import ACCENT, FONT, FONT_BOLD, MARGIN_X, MUTED, register_fonts

# reportlab's AcroForm fields take only PDF's standard fonts; form_font swaps in DejaVu.
FIELD_FONT = "Helvetica"
HEIGHTS = {FieldType.LONG_TEXT: 64.0}
LINE = 20.0  # a one-line field
MM = 72 / 25.4  # points per millimetre
HINTS = {
    FieldType.AMOUNT: "fx 48.250,00",
    FieldType.DATE: "DD.MM.ÅÅÅÅ",
    FieldType.COUNT: "et helt tal",
}


def render_form(db: Database, area_id: int, kind: FormKind, out: Path) -> Path:
    """Write the pre-filled form for the area to `out` (.pdf) and return the path."""
    data = prefill(db, area_id, kind)
    programme = programmes.current_programme(db)
    reply_to = programme.contact_email if programme else ""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _draw(data, reply_to, out)
    embed_field_font(out)
    return out


def _draw(data: FormPrefill, reply_to: str, out: Path) -> None:
    from datetime import date

    from reportlab.lib.colors import HexColor, white
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    width, height = float(A4[0]), float(A4[1])
    frame = width - 2 * MARGIN_X
    canvas = Canvas(str(out), pagesize=A4, lang="da-DK", initialFontName=FONT)
    canvas.setTitle(f"{data.title} – {data.area_name}")
    canvas.setAuthor(data.programme_name)
    canvas.setSubject(f"Skema til udfyldning: {data.title}")
    canvas.setViewerPreference("DisplayDocTitle", "true")  # the title, not the file name
    form = canvas.acroForm
    page = [1]

    def footer() -> None:
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, 12 * MM, f"{data.title} – {data.area_name}")
        canvas.drawRightString(width - MARGIN_X, 12 * MM, f"Side {page[0]}")

    def new_page() -> float:
        footer()
        canvas.showPage()
        page[0] += 1
        return height - 25 * MM

    y = height - 25 * MM
    canvas.setFont(FONT_BOLD, 16)
    canvas.setFillColor(ACCENT)
    canvas.drawString(MARGIN_X, y, f"{data.title}: {data.area_name}")
    y -= 18
    canvas.setFont(FONT, 9)
    canvas.setFillColor(MUTED)
    intro = [
        f"{data.programme_name}. Udfyld felterne i en PDF-læser, gem filen og send den tilbage"
        + (f" til {reply_to}." if reply_to else "."),
        f"Grå felter kender vi allerede. Skemaet er lavet {long_date(date.today())}.",
    ]
    for line in intro:
        canvas.drawString(MARGIN_X, y, line)
        y -= 12
    y -= 6
    # The keys: hidden, read-only, first on the page so a reader keeps them.
    for name in KEY_FIELDS:
        form.textfield(
            name=name,
            value=str(data.values[name]),
            x=MARGIN_X,
            y=4,
            width=10,
            height=4,
            fontName=FIELD_FONT,
            fontSize=1,
            borderWidth=0,
            fieldFlags="readOnly",
            annotationFlags="hidden",
        )
    section = ""
    checks_in_row = 0
    for field in FORM_FIELDS[data.kind]:
        if field.section and field.section != section:
            section = field.section
            if checks_in_row:
                y -= 18
                checks_in_row = 0
            if y < 40 * MM:
                y = new_page()
            y -= 10
            canvas.setFont(FONT_BOLD, 11)
            canvas.setFillColor(ACCENT)
            canvas.drawString(MARGIN_X, y, section)
            y -= 16
        value = data.values.get(field.name, "")
        if field.type == FieldType.CHECK:
            column = checks_in_row % 2
            if column == 0 and checks_in_row:
                y -= 18
            if y < 25 * MM:
                y = new_page()
            x = MARGIN_X + column * frame / 2
            form.checkbox(
                name=field.name,
                tooltip=field.label,
                x=x,
                y=y - 3,
                size=12,
                checked=value is True,
                buttonStyle="check",
                borderColor=ACCENT,
                fillColor=white,
                textColor=ACCENT,
                forceBorder=True,
            )
            canvas.setFont(FONT, 10)
            canvas.setFillColor(HexColor("#000000"))
            canvas.drawString(x + 18, y, field.label)
            checks_in_row += 1
            continue
        if checks_in_row:
            y -= 22
            checks_in_row = 0
        box = HEIGHTS.get(field.type, LINE)
        if y - box - 14 < 25 * MM:
            y = new_page()
        canvas.setFont(FONT, 9)
        canvas.setFillColor(HexColor("#000000"))
        hint = HINTS.get(field.type)
        canvas.drawString(MARGIN_X, y, field.label + (f" ({hint})" if hint else ""))
        y -= box + 3
        fixed = field.type == FieldType.FIXED
        form.textfield(
            name=field.name,
            tooltip=field.label,
            value=str(value),
            x=MARGIN_X,
            y=y,
            width=frame,
            height=box,
            fontName=FIELD_FONT,
            fontSize=10,
            borderColor=ACCENT,
            fillColor=HexColor("#E8EDF2") if fixed else white,
            textColor=HexColor("#000000"),
            borderWidth=0.6,
            fieldFlags="readOnly" if fixed else ("multiline" if box > LINE else ""),
            maxlen=100_000,
        )
        y -= 12
    footer()
    canvas.save()
