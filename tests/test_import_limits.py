"""Imports that cannot lie: an XLSX is read by its real rows, hostile files are refused before
anything is written, and text no export can hold is named by row and column."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kulturpunkt_desk.domain import spreadsheet
from kulturpunkt_desk.domain.services import areas, audit
from kulturpunkt_desk.domain.services.import_areas import import_areas, preview_import
from kulturpunkt_desk.domain.spreadsheet import SpreadsheetError
from kulturpunkt_desk.storage.engine import Database

NAMES = [f"Område {n}" for n in range(1, 7)]


def six_areas_xlsx(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Navn", "Kommune"])
    for name in NAMES:
        sheet.append([name, "Aalborg"])
    workbook.save(path)
    return path


def with_xml(
    path: Path, change: re.Pattern[bytes], to: bytes, part: str = "xl/worksheets/sheet1.xml"
) -> Path:
    """A copy of the workbook with `change` replaced in one part, as another program wrote it."""
    target = path.with_name("ændret.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == part:
                data = change.sub(to, data)
            out.writestr(item, data)
    return target


def test_an_xlsx_with_a_stale_dimension_imports_every_row(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    stale = with_xml(
        six_areas_xlsx(tmp_path / "a.xlsx"),
        re.compile(rb'<dimension ref="[^"]*"\s*/>'),
        b'<dimension ref="A1:B2"/>',
    )
    preview = preview_import(db, programme_id, stale)
    assert [p.area.name for p in preview.areas] == NAMES
    assert len(import_areas(db, programme_id, stale, preview=preview)) == 6
    first = areas.find_area(db, programme_id, NAMES[0])
    (entry,) = audit.history(db, first.uuid)  # written in bulk, read back as the hook's own
    assert entry.action == "create" and entry.changes["name"] == NAMES[0]
    assert first.created_at is not None and first.created_at.year >= 2026


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    bomb = tmp_path / "bombe.xlsx"
    source = six_areas_xlsx(tmp_path / "a.xlsx")
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        out.writestr("xl/media/fyld.bin", b"\0" * (8 * 1024 * 1024))  # packs 1000:1
    with pytest.raises(SpreadsheetError, match=r"pakket usædvanligt hårdt.*Intet er importeret"):
        preview_import(db, programme_id, bomb)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_cell_longer_than_excel_allows_is_refused_by_row_and_column(
    db: Database, programme_id: int, tmp_path: Path, suffix: str
) -> None:
    huge = "ø" * (spreadsheet.MAX_CELL_CHARS + 10)
    path = tmp_path / f"stor{suffix}"
    if suffix == ".csv":
        path.write_text(f"Navn;Kommune;Tilskudsmodtager\nFjordglimt;Aalborg;{huge}\n", "utf-8")
    else:  # openpyxl cuts a cell at Excel's limit; another program need not
        workbook = openpyxl.Workbook()
        workbook.active.append(["Navn", "Kommune", "Tilskudsmodtager"])
        workbook.active.append(["Fjordglimt", "Aalborg", "ø"])
        workbook.save(path)
        path = with_xml(path, re.compile("<t>ø</t>".encode()), f"<t>{huge}</t>".encode())
    with pytest.raises(SpreadsheetError, match=r"Række 2.*32\.767 tegn"):
        preview_import(db, programme_id, path)
    assert areas.list_areas(db, programme_id) == []


def test_too_many_rows_are_refused(
    db: Database, programme_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 50)  # a million rows, scaled down
    path = tmp_path / "mange.csv"
    path.write_text("Navn;Kommune\n" + "".join(f"O{n};A\n" for n in range(200)), "utf-8")
    with pytest.raises(SpreadsheetError, match="over 50 rækker"):
        preview_import(db, programme_id, path)


def test_a_file_over_the_size_limit_is_refused_unread(
    db: Database, programme_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "stor.csv"
    path.write_text("Navn;Kommune\n" + "Fjordglimt;Aalborg\n" * 100, "utf-8")
    with pytest.raises(SpreadsheetError, match="kan højst fylde"):
        preview_import(db, programme_id, path)


def test_control_characters_are_refused_and_named_by_row_and_column(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "styretegn.csv"
    path.write_text(
        "Navn;Kommune;Tilskudsmodtager\nFjord\x07glimt;Aalborg;\nHavbakken;Hjørring;Foren\x1bing\n",
        "utf-8",
    )
    preview = preview_import(db, programme_id, path)
    found = [(p.row, p.column) for p in preview.problems]
    assert found == [(2, "Navn"), (3, "Tilskudsmodtager")]
    assert "U+0007" in preview.problems[0].message
    assert not preview.ok


def test_an_import_cancelled_halfway_writes_nothing(
    db: Database, programme_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kulturpunkt_desk.domain.services import import_areas as importer

    monkeypatch.setattr(importer, "SAVE_CHUNK", 500)
    path = tmp_path / "mange.csv"
    path.write_text("Navn;Kommune\n" + "".join(f"Sted {n};Rebild\n" for n in range(1500)), "utf-8")
    preview = preview_import(db, programme_id, path)

    class Stop(Exception):
        pass

    def progress(done: int, total: int, _text: str) -> None:
        if done >= 1000:  # after two chunks were inserted
            raise Stop

    with pytest.raises(Stop):
        import_areas(db, programme_id, path, preview=preview, progress=progress)
    assert areas.list_areas(db, programme_id) == []
