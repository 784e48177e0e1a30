"""The status summary for management: a PDF of one to three pages, or the same as CSV/XLSX.

`export_status` picks the format from the file's extension (.pdf, .csv or .xlsx).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.dates import long_date
from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.storage.engine import Database

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
from .spreadsheet import Money, cell_text, write_csv, write_xlsx
from .status_data import AREA_COLUMNS, StatusData, status_data
from .svg_chart import money_per_area_alt, money_per_area_svg

OVERDUE_COLUMNS = ["Lokalområde", "Hvad", "Frist", "Dage over", "Beskrivelse"]
# Beyond this many overdue items the PDF says "and N more" to stay within three pages.
PDF_OVERDUE_LIMIT = 25


def export_status(
    db: Database, programme_id: str, out_path: Path, today: date | None = None
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
                *(
                    [("Advarsler", ["Advarsel"], [[w] for w in data.money_warnings])]
                    if data.money_warnings
                    else []
                ),
            ],
            title=_title(data),
            author=data.region,
            widths={"Lokalområder": [14, 12, 14, 14, 14, 12, 12, 14, 14]},
            totals={"Lokalområder": 1},
        )
    from .tagged_pdf import render_tagged_pdf

    return render_tagged_pdf(status_document(data), out_path)


def _title(data: StatusData) -> str:
    return f"Statusoverblik – {data.programme_name}"


def status_document(data: StatusData) -> TaggedDocument:
    """The status summary's content, in reading order, for the tagged PDF."""
    title = _title(data)
    return TaggedDocument(
        title=title,
        author=data.region,
        subject=f"Status for {data.programme_name} til ledelsen, {long_date(data.made_on)}",
        footer=f"{title} · {long_date(data.made_on)}",
        heading=title,
        keywords=("Kulturpunkt", "statusoverblik", data.programme_name),
        blocks=[
            Text(f"{data.region} · opgjort {long_date(data.made_on)}", "subtitle"),
            Heading("Nøgletal"),
            DataTable(
                [["Nøgletal", "Værdi"], *[[label, str(v)] for label, v in data.key_figures()]],
                [0.7, 0.3],
                right=(1,),
            ),
            *[WarningNote(f"Advarsel: {warning}") for warning in data.money_warnings],
            Heading("Bevilget og udbetalt pr. lokalområde"),
            SideBySide([[_chart(data)], [_status_counts(data)]], [0.64, 0.36]),
            Heading("Lokalområderne"),
            _area_table(data),
            Text(
                "Sparring: antal lokale sparringsmøder. Netværk: antal netværks- og "
                "inspirationsmøder, lokalområdet har deltaget i. Beløb i kr.",
                "small",
            ),
            Heading("Overskredne punkter"),
            *_overdue(data),
        ],
    )


def _chart(data: StatusData) -> Figure:
    names = [r.name for r in data.rows]
    awarded = [r.awarded_ore for r in data.rows]
    paid = [r.paid_ore for r in data.rows]
    from .layout import drawable

    # The chart's labels are drawn, so they follow the fonts' rule; its text is read aloud.
    drawn = [drawable(name)[0] for name in names]
    return Figure(
        money_per_area_svg(drawn, awarded, paid), money_per_area_alt(names, awarded, paid)
    )


def _status_counts(data: StatusData) -> DataTable:
    rows = [["Status", "Antal"], *[[label, str(n)] for label, n in data.status_counts]]
    return DataTable(rows, [0.78, 0.22], right=(1,))


def _area_table(data: StatusData) -> DataTable:
    header = ["Lokalområde", "Status", "Bevilget", "Udbetalt", "Sparring", "Netværk", "Evaluering"]
    rows: list[list[str]] = [header]
    for r in data.rows:
        rows.append(
            [
                f"{r.name}\n{r.municipality}",
                r.status_label,
                str(Money(r.awarded_ore)),
                str(Money(r.paid_ore)),
                str(r.sessions),
                str(r.meetings_attended),
                r.evaluation,
            ]
        )
    total = data.totals_row()
    rows.append(["I alt", "", str(total[3]), str(total[4]), str(total[5]), str(total[6]), ""])
    return DataTable(rows, [0.18, 0.19, 0.13, 0.13, 0.1, 0.1, 0.17], right=(2, 3, 4, 5), total=True)


def _overdue(data: StatusData) -> list[Block]:
    if not data.overdue:
        return [Text("Intet er overskredet.")]
    shown = data.overdue_table()[:PDF_OVERDUE_LIMIT]
    cells = [["Lokalområde", "Hvad", "Frist", "Dage", "Beskrivelse"]]
    cells += [[cell_text(c) for c in row] for row in shown]
    blocks: list[Block] = [DataTable(cells, [0.18, 0.18, 0.13, 0.07, 0.44], right=(3,))]
    hidden = len(data.overdue) - len(shown)
    if hidden:
        blocks.append(
            Text(f"… og {count(hidden, 'punkt')} mere; se regnearket for den fulde liste.", "small")
        )
    return blocks
