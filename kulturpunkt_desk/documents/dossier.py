"""The auditor's dossier for one area: one ZIP with everything the desk holds on its money.

Contents: an overview PDF (parties, agreement dates, payments, declared spending, the
evaluation, the list of attachments with their SHA-256), the agreement PDF, payments and
spending as CSV, and the attachments themselves under Bilag/ exactly as they were stored.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from kulturpunkt_desk.domain.dates import long_date, short_date
from kulturpunkt_desk.domain.models import Area
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import areas as area_service
from kulturpunkt_desk.domain.services import evaluations
from kulturpunkt_desk.storage.engine import Database

from .files import file_name, safe_name, unique_name, visible_text
from .spreadsheet import Money, write_csv

INSTALMENT_COLUMNS = ["Rate", "Forfalder", "Beløb (kr.)", "Udbetalt", "Bemærkning"]
SPENDING_COLUMNS = ["Dato", "Beskrivelse", "Beløb (kr.)"]


def build_dossier(db: Database, area_id: int, out_path: Path, today: date | None = None) -> Path:
    """Write the area's dossier ZIP to `out_path`; a half-written file never stays behind."""
    area = area_service.get_area(db, area_id)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.name + ".part")
    with tempfile.TemporaryDirectory(prefix="kulturpunkt-") as folder:
        try:
            _write_zip(db, area, partial, Path(folder), today or date.today())
            partial.replace(out_path)
        finally:
            partial.unlink(missing_ok=True)
    return out_path


def _write_zip(db: Database, area: Area, target: Path, work: Path, today: date) -> None:
    from .agreement import render_agreement

    agreement = render_agreement(db, area.id, work / "agreement.pdf")
    overview = io.BytesIO()
    _overview_pdf(db, area, overview, today)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Oversigt.pdf", overview.getvalue())
        z.write(agreement, file_name("Samarbejdsaftale", visible_text(area.name)))
        z.writestr("Udbetalinger.csv", _csv_bytes(work, INSTALMENT_COLUMNS, _instalments(area)))
        z.writestr("Forbrug.csv", _csv_bytes(work, SPENDING_COLUMNS, _spending(area)))
        used: set[str] = set()
        for attachment in area.attachments:
            # A missing, changed or refused (outside the store) file is marked in the
            # overview's list and never packed: only what the desk stored and can vouch for.
            if not evaluations.verify_attachment(db, attachment):
                continue
            source = evaluations.attachment_path(db, attachment)
            name = safe_name(visible_text(attachment.filename))
            z.write(source, "Bilag/" + unique_name(name, used))


def _csv_bytes(work: Path, header: list[str], rows: list[list[Any]]) -> bytes:
    path = write_csv(work / "table.csv", header, rows)
    return path.read_bytes()


def _instalments(area: Area) -> list[list[Any]]:
    if area.grant is None:
        return []
    return [
        [
            f"{n}. rate",
            short_date(i.due_on),
            Money(i.amount_ore),
            short_date(i.paid_on, "ikke udbetalt"),
            i.note,
        ]
        for n, i in enumerate(area.grant.instalments, start=1)
    ]


def _spending(area: Area) -> list[list[Any]]:
    items = sorted(area.spending, key=lambda s: (s.spent_on, s.id))
    return [[short_date(s.spent_on), s.description, Money(s.amount_ore)] for s in items]


def _overview_pdf(db: Database, area: Area, out: io.BytesIO, today: date) -> None:
    from reportlab.lib.units import mm

    from .evaluation_report import area_section
    from .layout import FRAME_WIDTH, PdfInfo, build_pdf, para, table

    programme = area.programme
    agreement = area.agreement
    grant = area.grant
    story: list[Any] = [
        para(f"Revisionsmappe – {area.name}", "title"),
        para(f"{programme.name} · {area.municipality} Kommune · {long_date(today)}", "subtitle"),
        para("Tilskudsmodtager og aftale", "h1"),
    ]
    facts = [
        ["Tilskudsmodtager", area.recipient_name],
        ["CVR-nr.", area.recipient_cvr],
        ["Adresse", area.recipient_address],
        ["Aftale sendt", short_date(agreement.sent_on) if agreement else ""],
        ["Underskrevet af området", short_date(agreement.signed_by_area_on) if agreement else ""],
        [
            "Underskrevet af regionen",
            short_date(agreement.signed_by_region_on) if agreement else "",
        ],
        ["Bevilget", format_kr(grant.amount_ore, decimals=True) if grant else ""],
        ["Bevilget den", short_date(grant.awarded_on) if grant else ""],
        ["Noter til aftalen", agreement.notes if agreement else ""],
    ]
    facts = [[label, value or "–"] for label, value in facts]  # an empty field shows as empty
    story.append(table(facts, [50 * mm, FRAME_WIDTH - 50 * mm], header=False))
    story.append(para("Udbetalinger", "h1"))
    story.append(
        _money_table(
            INSTALMENT_COLUMNS,
            _instalments(area),
            [20 * mm, 24 * mm, 28 * mm, 28 * mm, FRAME_WIDTH - 100 * mm],
        )
    )
    story.append(para("Anmeldt forbrug", "h1"))
    story.append(
        _money_table(SPENDING_COLUMNS, _spending(area), [24 * mm, FRAME_WIDTH - 56 * mm, 32 * mm])
    )
    story.append(para("Evaluering og aktiviteter", "h1"))
    story.extend(area_section(area)[2:])  # without the area's heading: it is the title here
    story.append(para("Bilag", "h1"))
    if not area.attachments:
        story.append(para("Ingen bilag."))
    else:
        rows = [["Fil", "Tilføjet", "Størrelse", "SHA-256", "Kontrol"]]
        for a in area.attachments:
            ok = evaluations.verify_attachment(db, a)
            rows.append(
                [
                    a.filename + (f"\n{a.description}" if a.description else ""),
                    short_date(a.added_on),
                    f"{a.size_bytes:,} B".replace(",", "."),
                    a.sha256,
                    "i orden" if ok else "MANGLER eller ændret",
                ]
            )
        widths = [45 * mm, 20 * mm, 20 * mm, 55 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        story.append(table(rows, widths, right=(2,)))
    build_pdf(
        out,
        story,
        PdfInfo(
            title=f"Revisionsmappe – {area.name}",
            author=programme.contact_organisation,
            subject=f"{programme.name}: tilskud, udbetalinger og evaluering for {area.name}",
            footer=f"Revisionsmappe · {area.name} · {programme.name}",
        ),
    )


def _money_table(header: list[str], rows: list[list[Any]], widths: list[float]) -> Any:
    """Rows with one Money cell (the column named "Beløb (kr.)") and a total line."""
    from .layout import para, table

    if not rows:
        return para("Ingen.")
    col = header.index("Beløb (kr.)")
    last: list[str] = ["I alt"] + [""] * (len(header) - 1)
    last[col] = str(Money(sum(r[col].ore for r in rows)))
    cells = [header, *[[str(c) for c in r] for r in rows], last]
    return table(cells, widths, right=(col,), total=True)
