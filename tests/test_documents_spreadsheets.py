"""Spreadsheets that behave in Excel (issue 20): dates are dates and amounts numbers, totals
outside the autofilter, columns as wide as their text, a print setup; CSV columns keep one
kind of value each."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from kulturpunkt_desk.documents.ekr_contributions import export_contributions
from kulturpunkt_desk.documents.status_summary import export_status
from kulturpunkt_desk.domain.services import ekr_partnership, programmes
from kulturpunkt_desk.domain.services.ekr_funding import DEMO_POPULATION_MARK
from kulturpunkt_desk.storage.engine import Database


def ekr_pid(db: Database) -> int:
    partnership = ekr_partnership.current_partnership(db)
    assert partnership is not None
    return partnership.id


def status_export(db: Database, out: Path) -> Path:
    programme = programmes.current_programme(db)
    assert programme is not None
    return export_status(db, programme.id, out, date(2026, 7, 1))


def assert_behaves_in_excel(sheet: object, total_rows: int) -> None:
    ws = sheet
    last_row = ws.max_row  # type: ignore[attr-defined]
    filter_ref = ws.auto_filter.ref  # type: ignore[attr-defined]
    assert filter_ref.startswith("A1:")
    assert int(re.sub(r"\D", "", filter_ref.split(":")[1])) == last_row - total_rows
    setup = ws.page_setup  # type: ignore[attr-defined]
    assert int(setup.paperSize) == 9 and int(setup.fitToWidth) == 1  # A4, fit to width
    assert int(setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage  # type: ignore[attr-defined]
    assert ws.print_title_rows == "$1:$1"  # the header row on every page  # type: ignore[attr-defined]
    for column in ws.iter_cols():  # type: ignore[attr-defined]
        width = ws.column_dimensions[column[0].column_letter].width  # type: ignore[attr-defined]
        for cell in column[1:]:
            if isinstance(cell.value, str) and not cell.alignment.wrap_text:
                assert len(cell.value) <= width, (cell.coordinate, cell.value, width)


def test_ekr_contributions_xlsx_has_date_cells_numbers_and_totals_outside_the_filter(
    ekr_db: Database, tmp_path: Path
) -> None:
    out = export_contributions(
        ekr_db, ekr_pid(ekr_db), 2026, tmp_path / "bidrag.xlsx", today=date(2026, 5, 1)
    )
    sheet = load_workbook(out)["Bidrag 2026"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    # The demo's population figures are marked in a last row, after the three total rows.
    assert rows[-1][0] == DEMO_POPULATION_MARK
    rows = rows[:-1]
    municipalities = rows[:-3]
    assert len(municipalities) == 19
    invoiced = header.index("Faktureret")
    for row in municipalities:
        assert isinstance(row[header.index("Indbyggere")], int)
        assert isinstance(row[header.index("Bidrag (kr.)")], (int, float, Decimal))
        assert row[invoiced] is None or isinstance(row[invoiced], datetime)
    assert any(isinstance(row[invoiced], datetime) for row in municipalities)
    assert sheet.cell(row=2, column=invoiced + 1).number_format == "DD.MM.YYYY"
    assert rows[-3][0] == "Kommunerne i alt" and sheet.cell(row=sheet.max_row, column=1).font.b
    assert_behaves_in_excel(sheet, total_rows=4)


def test_status_xlsx_keeps_the_total_row_out_of_the_filter_and_prints_on_a4(
    demo_db: Database, tmp_path: Path
) -> None:
    out = status_export(demo_db, tmp_path / "status.xlsx")
    book = load_workbook(out)
    areas = book["Lokalområder"]
    assert areas.cell(row=areas.max_row, column=1).value == "I alt"
    assert_behaves_in_excel(areas, total_rows=1)
    assert_behaves_in_excel(book["Overskredet"], total_rows=0)
    assert book["Overskredet"].page_setup.orientation in ("portrait", "landscape")
    header = [c.value for c in areas[1]]
    dates = header.index("Evaluering modtaget eller frist")
    for row in areas.iter_rows(min_row=2, values_only=True):
        assert row[dates] is None or isinstance(row[dates], datetime)


def test_status_csv_keeps_the_evaluation_state_and_its_date_in_separate_columns(
    demo_db: Database, tmp_path: Path
) -> None:
    out = status_export(demo_db, tmp_path / "status.csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    header = rows[0]
    state, day = header.index("Evaluering"), header.index("Evaluering modtaget eller frist")
    for row in rows[1:]:
        assert not re.search(r"\d", row[state]) or row[0] == "I alt", row
        assert row[day] == "" or re.fullmatch(r"\d\d\.\d\d\.\d{4}", row[day]), row
    assert any(row[day] for row in rows[1:])
