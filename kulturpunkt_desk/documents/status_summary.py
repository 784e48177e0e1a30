"""The status summary for management: a PDF of one to three pages, or the same as CSV/XLSX.

`export_status` picks the format from the file's extension (.pdf, .csv or .xlsx).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from kulturpunkt_desk.domain.dates import long_date
from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.storage.engine import Database

from .spreadsheet import Money, cell_text, write_csv, write_xlsx
from .status_data import AREA_COLUMNS, StatusData, status_data

OVERDUE_COLUMNS = ["Lokalområde", "Hvad", "Frist", "Dage over", "Beskrivelse"]
# Beyond this many overdue items the PDF says "and N more" to stay within three pages.
PDF_OVERDUE_LIMIT = 25


def export_status(
    db: Database, programme_id: int, out_path: Path, today: date | None = None
) -> Path:
    """Write the status summary as .pdf, .csv or .xlsx (by the extension)."""
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix not in {".pdf", ".csv", ".xlsx"}:
        raise DeskError(
            f"Statusoverblikket kan gemmes som .pdf, .csv eller .xlsx, ikke «{out_path.suffix}»."
        )
    data = status_data(db, programme_id, today)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        return write_csv(out_path, AREA_COLUMNS, [*data.area_table(), data.totals_row()])
    if suffix == ".xlsx":
        return write_xlsx(
            out_path,
            [
                ("Lokalområder", AREA_COLUMNS, [*data.area_table(), data.totals_row()]),
                ("Nøgletal", ["Nøgletal", "Værdi"], data.key_figures()),
                ("Overskredet", OVERDUE_COLUMNS, data.overdue_table()),
            ],
            title=_title(data),
            author=data.region,
            widths={"Lokalområder": [14, 12, 14, 14, 14, 12, 12, 14, 14]},
            totals={"Lokalområder": 1},
        )
    from .layout import PdfInfo, build_pdf

    build_pdf(
        out_path,
        status_story(data),
        PdfInfo(
            title=_title(data),
            author=data.region,
            subject=f"Status for {data.programme_name} til ledelsen, {long_date(data.made_on)}",
            footer=f"{_title(data)} · {long_date(data.made_on)}",
        ),
    )
    return out_path


def _title(data: StatusData) -> str:
    return f"Statusoverblik – {data.programme_name}"


def status_story(data: StatusData) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from .charts import money_per_area_chart
    from .layout import FRAME_WIDTH, layout_grid, markup, para, table

    story: list[Any] = [
        para(_title(data), "title"),
        para(f"{data.region} · opgjort {long_date(data.made_on)}", "subtitle"),
        para("Nøgletal", "h1"),
    ]
    figures = [(label, str(value)) for label, value in data.key_figures()]
    half = (len(figures) + 1) // 2
    left, right = figures[:half], figures[half:]
    grid = [[*left[i], *(right[i] if i < len(right) else ("", ""))] for i in range(len(left))]
    w = FRAME_WIDTH / 2
    story.append(
        table(grid, [w - 28 * mm, 26 * mm, w - 28 * mm, 26 * mm], header=False, right=(1, 3))
    )
    story.append(para("Bevilget og udbetalt pr. lokalområde", "h1"))
    chart = money_per_area_chart(
        [r.name for r in data.rows],
        [r.awarded_ore for r in data.rows],
        [r.paid_ore for r in data.rows],
        FRAME_WIDTH * 0.64,
    )
    counts = [["Status", "Antal"], *[[label, str(n)] for label, n in data.status_counts]]
    side = table(counts, [FRAME_WIDTH * 0.28, 12 * mm], right=(1,))
    story.append(layout_grid([[chart, side]], [FRAME_WIDTH * 0.66, FRAME_WIDTH * 0.34]))
    story.append(para("Lokalområderne", "h1"))
    header = ["Lokalområde", "Status", "Bevilget", "Udbetalt", "Sparring", "Netværk", "Evaluering"]
    rows: list[list[str]] = [header]
    for r in data.rows:
        rows.append(
            [
                f"{r.name}\n{r.municipality}",
                r.status_label.replace("interessetilk", "interesse\u00adtilk"),
                str(Money(r.awarded_ore)),
                str(Money(r.paid_ore)),
                str(r.sessions),
                str(r.meetings_attended),
                r.evaluation,
            ]
        )
    total = data.totals_row()
    rows.append(["I alt", "", str(total[3]), str(total[4]), str(total[5]), str(total[6]), ""])
    widths = [30 * mm, 31 * mm, 22 * mm, 22 * mm, 17 * mm, 17 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    story.append(table(rows, widths, right=(2, 3, 4, 5), total=True))
    story.append(
        markup(
            "Sparring: antal lokale sparringsmøder. Netværk: antal netværks- og "
            "inspirationsmøder, området har deltaget i. Beløb i kr.",
            "small",
        )
    )
    story.append(Spacer(1, 4))
    story.append(para("Overskredne punkter", "h1"))
    if not data.overdue:
        story.append(para("Intet er overskredet."))
    else:
        shown = data.overdue_table()[:PDF_OVERDUE_LIMIT]
        cells = [["Lokalområde", "Hvad", "Frist", "Dage", "Beskrivelse"]]
        cells += [[cell_text(c) for c in row] for row in shown]
        widths = [30 * mm, 30 * mm, 21 * mm, 12 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        story.append(table(cells, widths, right=(3,)))
        hidden = len(data.overdue) - len(shown)
        if hidden:
            story.append(
                para(f"… og {hidden} punkter mere; se regnearket for den fulde liste.", "small")
            )
    return story
