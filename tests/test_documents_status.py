"""The status summary as PDF, CSV and XLSX, and the overdue items behind it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from documents_support import NASTY, make_area, pdf_text
from pypdf import PdfReader

from kulturpunkt_desk.documents.spreadsheet import csv_cell, write_xlsx
from kulturpunkt_desk.documents.status_summary import export_status
from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.services import areas, grants
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.domain.services.attention import AttentionKind, overdue_items
from kulturpunkt_desk.storage.engine import Database

SUMMER_2026 = date(2026, 7, 15)


def test_overdue_items_name_unsigned_agreements_unpaid_instalments_and_missing_evaluations(
    db: Database, programme_id: int
) -> None:
    make_area(db, programme_id, "Fjordglimt", signed=False)
    kinds = {(i.area_name, i.kind) for i in overdue_items(db, programme_id, SUMMER_2026)}
    assert kinds == {
        ("Fjordglimt", AttentionKind.AGREEMENT_UNSIGNED),
        ("Fjordglimt", AttentionKind.INSTALMENT_UNPAID),  # due 30.06.2025
        ("Fjordglimt", AttentionKind.EVALUATION_MISSING),  # collection ended 30.06.2026
        # the same rule as Overblik: no session in the 2nd sparring round (Jan.–Feb. 2026)
        ("Fjordglimt", AttentionKind.SPARRING_MISSING),
        # designated (make_area records an accepted interest), at no meeting of a round
        ("Fjordglimt", AttentionKind.NETWORK_MISSING),
    }


def test_nothing_is_overdue_before_the_deadlines(db: Database, programme_id: int) -> None:
    make_area(db, programme_id, "Fjordglimt", signed=False)
    assert overdue_items(db, programme_id, date(2025, 4, 20)) == []


def test_a_paid_instalment_is_no_longer_overdue(db: Database, programme_id: int) -> None:
    area_id = make_area(db, programme_id)
    first = grants.area_instalments(db, area_id)[0]
    grants.mark_paid(db, first.id, date(2025, 6, 28))
    unpaid = [
        i
        for i in overdue_items(db, programme_id, date(2025, 8, 1))
        if i.kind == AttentionKind.INSTALMENT_UNPAID
    ]
    assert unpaid == []


def test_csv_has_bom_semicolons_and_danish_amounts(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    make_area(db, programme_id)
    raw = export_status(db, programme_id, tmp_path / "status.csv", SUMMER_2026).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    header, first, total = text.splitlines()
    assert header.split(";")[:4] == ["Lokalområde", "Kommune", "Status", "Bevilget (kr.)"]
    assert first.split(";")[:5] == [
        "Fjordglimt",
        "Aalborg",
        "Aftale underskrevet",
        "50.000,00",
        "0,00",
    ]
    assert total.startswith("I alt;")


@pytest.mark.parametrize("text", ["=1+1", "+45 10203040", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_look_like_formulas_get_an_apostrophe(text: str) -> None:
    assert csv_cell(text) == "'" + text
    assert csv_cell("Fjord=glimt") == "Fjord=glimt"


def test_area_named_like_a_formula_is_plain_text_in_csv_and_xlsx(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    areas.create_area(db, programme_id, AreaData(name='=HYPERLINK("x")', municipality="@Læsø"))
    csv_text = export_status(db, programme_id, tmp_path / "s.csv", SUMMER_2026).read_text(
        encoding="utf-8-sig"
    )
    assert '\'=HYPERLINK(""x"")' in csv_text and ";'@Læsø;" in csv_text
    book = load_workbook(export_status(db, programme_id, tmp_path / "s.xlsx", SUMMER_2026))
    cell = book["Lokalområder"]["A2"]
    assert cell.value == '=HYPERLINK("x")'
    assert cell.data_type == "s"  # a string, never a formula
    assert cell.quotePrefix
    assert book["Lokalområder"]["B2"].data_type == "s"


def test_xlsx_holds_areas_figures_and_overdue_items(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    from decimal import Decimal

    from openpyxl import load_workbook

    make_area(db, programme_id, name=f"Fjord {NASTY}", signed=False)
    path = export_status(db, programme_id, tmp_path / "status.xlsx", SUMMER_2026)
    book = load_workbook(path)
    assert book.sheetnames == ["Lokalområder", "Nøgletal", "Overskredet"]
    sheet = book["Lokalområder"]
    assert [c.value for c in sheet[2]][:3] == [f"Fjord {NASTY}", "Aalborg", "Aftale sendt"]
    assert Decimal(str(sheet["D2"].value)) == Decimal("50000")
    assert sheet["D2"].number_format == "#,##0.00"
    assert sheet["A3"].value == "I alt"
    figures = {row[0].value: row[1].value for row in book["Nøgletal"].iter_rows(min_row=2)}
    assert figures["Lokalområder"] == 1
    assert len(list(book["Overskredet"].iter_rows(min_row=2))) == 5  # as Overblik counts
    assert book.properties.creator == "Region Nordjylland"


def test_status_pdf_has_figures_area_table_overdue_items_and_chart(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    make_area(db, programme_id, "Fjordglimt", signed=False)
    make_area(db, programme_id, "Østerø Havn")
    out = export_status(db, programme_id, tmp_path / "status.pdf", SUMMER_2026)
    reader = PdfReader(str(out))
    assert 1 <= len(reader.pages) <= 3
    text = pdf_text(out)
    for expected in [
        "Statusoverblik – Kulturpunkt 2025-26",
        "opgjort 15. juli 2026",
        "Budget (kr.) 550.000,00",
        "Bevilget (kr.) 100.000,00",
        "Bevilget og udbetalt pr. lokalområde",
        "Fjordglimt",
        "Østerø Havn",
        "Aftale sendt",
        "Mangler (frist",
        "Overskredne punkter",
        "Rate ikke udbetalt",
        "Side 1 af",
    ]:
        assert expected in text, expected
    meta = reader.metadata
    assert meta is not None and meta.author == "Region Nordjylland"
    assert meta.title == "Statusoverblik – Kulturpunkt 2025-26"
    assert "Status for Kulturpunkt 2025-26" in (meta.subject or "")


def test_status_pdf_stays_within_three_pages_with_many_overdue_items(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    for n in range(11):
        make_area(db, programme_id, f"Område {n:02d}", signed=False)
    out = export_status(db, programme_id, tmp_path / "status.pdf", SUMMER_2026)
    assert len(PdfReader(str(out)).pages) <= 3
    assert "punkter mere; se regnearket" in pdf_text(out)


def test_unknown_export_format_is_refused_in_danish(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    with pytest.raises(DeskError, match=r"\.pdf, \.csv eller \.xlsx"):
        export_status(db, programme_id, tmp_path / "status.docx")


def test_xlsx_writer_keeps_numbers_as_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "t.xlsx", [("Ark", ["Navn", "Antal"], [["-minus", 3]])])
    sheet = load_workbook(path)["Ark"]
    assert sheet["A2"].value == "-minus" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == 3 and sheet["B2"].data_type == "n"


def test_status_pdf_shows_nasty_and_very_long_names_as_typed(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    from documents_support import LONG_WORD, squeezed

    make_area(db, programme_id, name=f"Fjord {NASTY}")
    make_area(db, programme_id, name=LONG_WORD[:200])
    out = export_status(db, programme_id, tmp_path / "status.pdf", SUMMER_2026)
    text = pdf_text(out)
    assert f"Fjord {NASTY}" in text
    assert LONG_WORD[:200] in squeezed(text)
    assert len(PdfReader(str(out)).pages) <= 3


def test_xlsx_dates_are_real_dates_shown_the_danish_way(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    from datetime import datetime

    from openpyxl import load_workbook

    make_area(db, programme_id, signed=False)
    book = load_workbook(export_status(db, programme_id, tmp_path / "s.xlsx", SUMMER_2026))
    due = book["Overskredet"]["C2"]
    assert isinstance(due.value, datetime) and due.number_format == "DD.MM.YYYY"


def test_an_xlsx_export_never_fails_on_a_control_character_stored_before_it_was_refused(
    tmp_path: Path,
) -> None:
    import openpyxl

    path = write_xlsx(tmp_path / "t.xlsx", [("Ark", ["Navn"], [["Fjord\x07glimt"]])])
    assert openpyxl.load_workbook(path).active["A2"].value == "Fjord[U+0007]glimt"
