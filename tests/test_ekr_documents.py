"""Europæisk Kulturregion's documents: the letter, the contributions table, the calendar
file and the status summary, made from the demo partnership."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest

from kulturpunkt_desk.domain.ekr_demo import DEMO_NOTE
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import MemberKind
from kulturpunkt_desk.domain.services import ekr_eu, ekr_funding, ekr_partnership, ekr_wheel
from kulturpunkt_desk.domain.services.ekr_partnership import MemberData
from kulturpunkt_desk.storage.engine import Database


def _pid(db: Database) -> int:
    partnership = ekr_partnership.current_partnership(db)
    assert partnership is not None
    return partnership.id


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    # Words only: a line break in the PDF is a space to the reader.
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_demo_holds_a_year_in_the_partnership_with_labelled_demo_figures(
    ekr_db: Database,
) -> None:
    pid = _pid(ekr_db)
    assert len(ekr_partnership.list_members(ekr_db, pid)) == 21
    table = ekr_funding.contributions_table(ekr_db, pid, 2026, today=date(2026, 6, 1))
    assert table.note == DEMO_NOTE and "DEMOTAL" in table.note
    assert table.total_ore == table.frame_ore and not table.missing_population
    assert [r.name for r in table.rows if r.overdue] == ["Lemvig Kommune", "Struer Kommune"]
    assert len(ekr_wheel.list_wheel(ekr_db, pid, 2026)) == 6
    assert len(ekr_eu.list_cases(ekr_db, pid)) >= 3
    for member in ekr_partnership.list_members(ekr_db, pid):
        for rep in member.representatives:
            assert rep.person.email.endswith("@example.com")
            assert rep.person.phone.startswith("10 ")


def test_the_contribution_letter_states_amount_due_date_and_key(
    ekr_db: Database, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from kulturpunkt_desk.documents.ekr_letters import render_contribution_letter

    pid = _pid(ekr_db)
    aarhus = next(
        m for m in ekr_partnership.municipalities(ekr_db, pid) if m.name == "Aarhus Kommune"
    )
    out = render_contribution_letter(ekr_db, pid, 2026, aarhus.id, tmp_path / "brev.pdf")
    text = _pdf_text(out)
    assert "Bidrag til Europæisk Kulturregion 2026" in text
    assert "Dato: 15. januar 2026" in text and "1. marts 2026" in text
    assert "338.775 kr." in text and "2.600.000 kr." in text and "1. oktober 2017" in text
    assert "DEMOTAL" in text
    reader = PdfReader(out)
    assert len(reader.pages) == 1  # key, closing and all fit one page
    fonts = {
        str(font["/BaseFont"])
        for font in reader.pages[0]["/Resources"]["/Font"].values()
        if "/FontDescriptor" in font.get_object() or "/DescendantFonts" in font.get_object()
    }
    assert any("DejaVuSans" in f for f in fonts)


def test_the_contributions_table_as_csv_is_danish_excel_friendly(
    ekr_db: Database, tmp_path: Path
) -> None:
    from kulturpunkt_desk.documents.ekr_contributions import export_contributions

    out = export_contributions(
        ekr_db, _pid(ekr_db), 2026, tmp_path / "bidrag.csv", today=date(2026, 5, 1)
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Kommune", "Indbyggere", "Bidrag (kr.)"]
    assert len(rows) == 1 + 19 + 3 + 1
    assert rows[-1][0].startswith("DEMOTAL")  # the demo's populations, marked in every year
    assert rows[1] == [
        "Aarhus Kommune",
        "340000",
        "338.775,00",
        "15.01.2026",
        "01.03.2026",
        "01.02.2026",
        "Betalt",
    ]
    lemvig = next(r for r in rows if r[0] == "Lemvig Kommune")
    assert lemvig[-1] == "Ikke betalt efter kvartalet"
    assert rows[-4][2] == "1.300.000,00" and rows[-3][2] == "1.300.000,00"
    assert rows[-2][2] == "2.600.000,00"


def test_the_contributions_table_as_xlsx_never_runs_a_formula(
    ekr_db: Database, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from kulturpunkt_desk.documents.ekr_contributions import export_contributions

    pid = _pid(ekr_db)
    evil = ekr_partnership.add_member(
        ekr_db, pid, MemberData('=HYPERLINK("http://x.example","klik")', MemberKind.MUNICIPALITY)
    )
    fy = ekr_funding.create_funding_year(ekr_db, pid, 2027)
    ekr_funding.set_populations(ekr_db, fy, {evil: 1000})
    out = export_contributions(ekr_db, pid, 2027, tmp_path / "bidrag.xlsx")
    sheet = load_workbook(out).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    evil_cell = next(c for c in cells if str(c.value).startswith("=HYPERLINK"))
    assert evil_cell.data_type == "s" and evil_cell.quotePrefix
    totals = [row[2].value for row in sheet.iter_rows(min_row=2) if row[2].value is not None]
    assert totals[-1] == 2_600_000  # a number, not text


def test_an_unknown_export_format_is_refused(ekr_db: Database, tmp_path: Path) -> None:
    from kulturpunkt_desk.documents.ekr_contributions import export_contributions

    with pytest.raises(ValidationError, match=r"\.pdf, \.csv eller \.xlsx"):
        export_contributions(ekr_db, _pid(ekr_db), 2026, tmp_path / "bidrag.docx")


def test_the_contributions_table_as_pdf_lists_late_payers(ekr_db: Database, tmp_path: Path) -> None:
    from kulturpunkt_desk.documents.ekr_contributions import export_contributions

    out = export_contributions(
        ekr_db, _pid(ekr_db), 2026, tmp_path / "bidrag.pdf", today=date(2026, 5, 1)
    )
    text = _pdf_text(out)
    assert "Ikke betalt efter første kvartal" in text and "Struer Kommune" in text
    assert "2.600.000 kr." in text


def test_the_year_wheel_calendar_reads_back_with_icalendar(
    ekr_db: Database, tmp_path: Path
) -> None:
    from icalendar import Calendar

    from kulturpunkt_desk.documents.ekr_calendar import write_wheel_calendar

    pid = _pid(ekr_db)
    out = write_wheel_calendar(ekr_db, pid, 2026, tmp_path / "aarshjul.ics")
    cal = Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    meetings = ekr_wheel.list_wheel(ekr_db, pid, 2026)
    assert len(events) == len(meetings) == 6
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    first = events[0]
    start = first.decoded("DTSTART")
    assert isinstance(start, datetime) and str(start.tzinfo) == "Europe/Copenhagen"
    assert start.date() == meetings[0].held_on and start.hour == 9
    assert str(first["UID"]) == f"{meetings[0].id}@kulturpunkt-desk"
    assert "Fællessekretariat, digitalt møde" in str(first["SUMMARY"])
    assert "Dagsorden" in str(first["DESCRIPTION"])
    physical = [e for e in events if "fysisk" in str(e["SUMMARY"])]
    assert [str(e["LOCATION"]) for e in physical] == ["Favrskov Kommune", "Hedensted Kommune"]


def test_the_status_summary_shows_money_absence_and_eu_figure(
    ekr_db: Database, tmp_path: Path
) -> None:
    from kulturpunkt_desk.documents.ekr_status import render_status_summary

    out = render_status_summary(
        ekr_db, _pid(ekr_db), 2026, tmp_path / "status.pdf", today=date(2026, 9, 15)
    )
    text = _pdf_text(out)
    assert "Til direktørmøde med Kulturforum 1. oktober 2026" in text
    assert "Ikke betalt efter første kvartal" in text
    assert "Holder sig væk" in text
    assert "Samsø Kommune har ingen fast repræsentant" in text
    assert "EU-midler hjemtaget mod eget budget" in text
