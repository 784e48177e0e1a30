"""The auditor's dossier for one area: one ZIP with everything the desk holds on its money.

Contents: an overview PDF (the letter block with the case number; parties, agreement
dates; awarded, planned, paid and outstanding amounts; declared spending beside the spending
the evaluation states; payments, the evaluation, the list of attachments with their
SHA-256), the agreement PDF (a draft if the area cannot have one yet), payments and spending
as CSV, and the attachments themselves under Bilag/ exactly as they were stored.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from kulturpunkt_desk.domain.dates import long_date, short_date
from kulturpunkt_desk.domain.models import Area
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import areas as area_service
from kulturpunkt_desk.domain.services import evaluations
from kulturpunkt_desk.domain.services.area_money import AreaMoney, area_money
from kulturpunkt_desk.domain.services.case_file import case_number_for
from kulturpunkt_desk.domain.services.templates import agreement_content
from kulturpunkt_desk.storage.engine import Database

from .files import file_name, safe_name, unique_name, visible_text, with_case_number
from .spreadsheet import Money, cell_text, write_csv

# One kind of value per column: the payment date in its own column, the state beside it.
INSTALMENT_COLUMNS = ["Rate", "Forfalder", "Beløb (kr.)", "Udbetalt den", "Status", "Bemærkning"]
SPENDING_COLUMNS = ["Dato", "Beskrivelse", "Beløb (kr.)"]


def build_dossier(db: Database, area_id: int, out_path: Path, today: date | None = None) -> Path:
    """Write the area's dossier ZIP to `out_path`; a half-written file never stays behind."""
    area = area_service.get_area(db, area_id)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.name + ".part")
    folder = Path(tempfile.mkdtemp(prefix="kulturpunkt-"))
    try:
        _write_zip(db, area, partial, folder, today or date.today())
        partial.replace(out_path)
    finally:
        partial.unlink(missing_ok=True)
        # On Windows a file antivirus still scans cannot be deleted: a leftover temporary
        # folder must not fail a dossier already written (TemporaryDirectory's clean-up
        # raises, or in Python 3.11 recurses without end, on WinError 32).
        shutil.rmtree(folder, ignore_errors=True)
    return out_path


def dossier_file_name(area: Area) -> str:
    """ "<sagsnummer> Revisionsmappe - <område>.zip", the case number first for filing."""
    number = case_number_for(area.case_number, area.programme.case_number)
    return with_case_number(number, file_name("Revisionsmappe", area.name, suffix=".zip"))


def _write_zip(db: Database, area: Area, target: Path, work: Path, today: date) -> None:
    from .agreement import agreement_file_name, render_agreement

    # An area the rule gives no agreement yet (services.agreement_rule) gets the draft.
    content = agreement_content(db, area.id)
    draft = content.refusal is not None
    agreement = render_agreement(db, area.id, work / "agreement.pdf", draft=draft)
    overview = io.BytesIO()
    _overview_pdf(db, area, overview, today)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Oversigt.pdf", overview.getvalue())
        z.write(agreement, visible_text(agreement_file_name(replace(content, draft=draft))))
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
            i.due_on,
            Money(i.amount_ore),
            i.paid_on,
            "Udbetalt" if i.paid_on else "Ikke udbetalt",
            i.note,
        ]
        for n, i in enumerate(area.grant.instalments, start=1)
    ]


def _spending(area: Area) -> list[list[Any]]:
    items = sorted(area.spending, key=lambda s: (s.spent_on, s.id))
    return [[s.spent_on, s.description, Money(s.amount_ore)] for s in items]


def _overview_pdf(db: Database, area: Area, out: io.BytesIO, today: date) -> None:
    from reportlab.lib.units import mm

    from .agreement import region_lines
    from .evaluation_report import area_blocks
    from .layout import (
        FRAME_WIDTH,
        PdfInfo,
        build_pdf,
        letter_block,
        para,
        story_from_blocks,
        table,
    )

    programme = area.programme
    agreement = area.agreement
    grant = area.grant
    case_number = case_number_for(area.case_number, programme.case_number)
    story: list[Any] = [
        letter_block(
            programme.name.upper(),
            region_lines(programme),
            letter_date=today,
            case_number=case_number,
            handler=programme,
        ),
        para(f"Revisionsmappe – {area.name}", "title"),
        para(f"{programme.name} · {area.municipality} Kommune · {long_date(today)}", "subtitle"),
        para("Tilskudsmodtager og aftale", "h1"),
    ]
    facts = [
        ["Tilskudsmodtager", area.recipient_name],
        ["CVR-nr.", area.recipient_cvr],
        ["Adresse", area.recipient_address],
        ["Aftale sendt", short_date(agreement.sent_on) if agreement else ""],
        [
            "Underskrevet af lokalområdet",
            short_date(agreement.signed_by_area_on) if agreement else "",
        ],
        [
            "Underskrevet af regionen",
            short_date(agreement.signed_by_region_on) if agreement else "",
        ],
        ["Bevilget den", short_date(grant.awarded_on) if grant else ""],
        ["Noter til aftalen", agreement.notes if agreement else ""],
    ]
    facts = [[label, value or "–"] for label, value in facts]  # an empty field shows as empty
    story.append(table(facts, [50 * mm, FRAME_WIDTH - 50 * mm], header=False))
    story.extend(_money_section(area_money(area)))
    story.append(para("Udbetalinger", "h1"))
    story.append(
        _money_table(
            INSTALMENT_COLUMNS,
            _instalments(area),
            [16 * mm, 21 * mm, 29 * mm, 24 * mm, 23 * mm, FRAME_WIDTH - 113 * mm],
        )
    )
    story.append(para("Erklæret forbrug", "h1"))
    story.append(
        _money_table(SPENDING_COLUMNS, _spending(area), [24 * mm, FRAME_WIDTH - 56 * mm, 32 * mm])
    )
    story.append(para("Evaluering og aktiviteter", "h1"))
    # Without the area's heading: the area is the dossier's title.
    story.extend(story_from_blocks(area_blocks(area)[1:]))
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
                    # In groups of eight, so the hash wraps between groups, never inside one.
                    " ".join(a.sha256[i : i + 8] for i in range(0, len(a.sha256), 8)),
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
        aligned=True,
    )


def _money_section(money: AreaMoney) -> list[Any]:
    """Paid, planned and outstanding each on its own line; then the spending the area
    declared item by item beside the spending its evaluation states, and the difference."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether

    from .layout import FRAME_WIDTH, para, table

    def kr(ore: int) -> str:
        return format_kr(ore, decimals=True)

    grant_rows = [
        ["Tilskud", "Beløb"],
        ["Bevilget", kr(money.awarded_ore)],
        ["Planlagt i rater", kr(money.planned_ore)],
        ["Udbetalt", kr(money.paid_ore)],
        ["Planlagt, ikke udbetalt", kr(money.planned_unpaid_ore)],
        ["Ikke planlagt i rater", kr(money.unplanned_ore)],
        ["Udestående (bevilget, ikke udbetalt)", kr(money.left_to_pay_ore)],
    ]
    difference = money.spending_difference_ore
    if difference == 0:
        named = "Ingen forskel: evalueringen oplyser det samme som de anmeldte poster."
    else:
        more = "mere" if difference > 0 else "mindre"
        named = f"Evalueringen oplyser {kr(abs(difference))} {more} end de anmeldte poster."
    spending_rows = [
        ["Forbrug", "Beløb"],
        ["Anmeldt forbrug (posterne nedenfor)", kr(money.declared_ore)],
        ["Forbrug oplyst i evalueringen", kr(money.evaluated_ore)],
        ["Forskel (evaluering minus anmeldt)", kr(difference)],
    ]
    widths = [FRAME_WIDTH - 45 * mm, 45 * mm]
    return [
        KeepTogether([para("Økonomi", "h1"), table(grant_rows, widths, right=(1,))]),
        KeepTogether(
            [
                para("Anmeldt forbrug og evalueringen", "h2"),
                table(spending_rows, widths, right=(1,)),
                para(named, "small"),
            ]
        ),
    ]


def _money_table(header: list[str], rows: list[list[Any]], widths: list[float]) -> Any:
    """Rows with one Money cell (the column named "Beløb (kr.)") and a total line; amounts
    written as everywhere else in the overview (50.000,00 kr.)."""
    from .layout import para, table

    if not rows:
        return para("Ingen.")
    col = header.index("Beløb (kr.)")

    def shown(value: Any) -> str:
        return format_kr(value.ore, decimals=True) if isinstance(value, Money) else cell_text(value)

    last: list[str] = ["I alt"] + [""] * (len(header) - 1)
    last[col] = format_kr(sum(r[col].ore for r in rows), decimals=True)
    titles = [h.replace("Beløb (kr.)", "Beløb") for h in header]
    cells = [titles, *[[shown(c) for c in r] for r in rows], last]
    return table(cells, widths, right=(col,), total=True)
