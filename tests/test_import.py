"""Importing areas from the team's spreadsheet: a preview, then all rows or none."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.services import areas, people
from kulturpunkt_desk.domain.services.import_areas import (
    ImportRefused,
    import_areas,
    preview_import,
)
from kulturpunkt_desk.domain.spreadsheet import SpreadsheetError
from kulturpunkt_desk.storage.engine import Database

DANISH = ["Navn", "Kommune", "Tilskudsmodtager", "CVR", "Kontaktperson", "E-mail", "Telefon"]
ENGLISH = ["name", "municipality", "recipient", "cvr", "contact", "email", "phone"]
GOOD_ROWS = [
    ["Testrup By", "Rebild", "Testrup Borgerforening", "30007921", "Anna Testesen",
     "anna@example.com", "10 20 30 40"],
    ["Øvre Prøvested", "Læsø", "", "", "", "", ""],
    ["Fiktivby Havn", "Thisted", "Fiktivby Havneforening", "DK 30 00 79 21", "Bo Prøvesen",
     "", "+45 10203041"],
]  # fmt: skip


def write_csv(
    path: Path, rows: list[list[str]], *, delimiter: str = ";", encoding: str = "utf-8-sig"
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def counts(db: Database, programme_id: int) -> tuple[int, int]:
    return len(areas.list_areas(db, programme_id)), len(people.list_people(db))


def test_danish_semicolon_csv_with_bom_imports_areas_with_primary_contacts(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "områder.csv", [DANISH, *GOOD_ROWS])
    preview = preview_import(db, programme_id, path)
    assert preview.ok and [p.row for p in preview.areas] == [2, 3, 4]
    assert counts(db, programme_id) == (0, 0)  # the preview writes nothing
    ids = import_areas(db, programme_id, path)
    assert len(ids) == 3
    area = areas.find_area(db, programme_id, "Testrup By")
    assert (area.recipient_cvr, area.recipient_name) == ("30007921", "Testrup Borgerforening")
    members = areas.area_people(db, area.id)
    assert [(m.person.name, m.is_primary_contact) for m in members] == [("Anna Testesen", True)]
    plain = next(a for a in areas.list_areas(db, programme_id) if a.name == "Øvre Prøvested")
    assert areas.area_people(db, plain.id) == []
    assert members[0].person.phone == "10 20 30 40"


def test_english_comma_csv_in_windows_1252_is_read(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    headers = ["  NAME ", "Municipality", "Recipient", "CVR", "Contact", "Email", "Phone"]
    path = write_csv(
        tmp_path / "areas.csv", [headers, *GOOD_ROWS], delimiter=",", encoding="cp1252"
    )
    preview = preview_import(db, programme_id, path)
    assert preview.ok
    assert [p.area.name for p in preview.areas] == ["Testrup By", "Øvre Prøvested", "Fiktivby Havn"]


def test_xlsx_row_numbers_are_the_ones_excel_shows(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kulturpunkt 2025-26: områder"])  # a title above the header
    sheet.append([*ENGLISH, "Kommentar"])
    sheet.append(["Testrup By", "Rebild", "Testrup Borgerforening", 30007921, "Anna Testesen",
                  "anna@example.com", 10203040])  # fmt: skip
    sheet.append([None] * 7)  # a blank line is not a row of data
    sheet.append(["Fiktivby", "Thisted", "", 12345678, "", "", ""])
    book.save(tmp_path / "områder.xlsx")
    preview = preview_import(db, programme_id, tmp_path / "områder.xlsx")
    assert [p.row for p in preview.areas] == [3]
    assert [(p.row, p.column) for p in preview.problems] == [(5, "cvr")]
    assert preview.ignored_columns == ["Kommentar"]


def test_every_bad_row_is_named_by_row_column_and_reason_and_nothing_is_written(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    areas.create_area(db, programme_id, areas.AreaData(name="Øvre Findes", municipality="Morsø"))
    rows = [
        DANISH,
        GOOD_ROWS[0],
        ["Dårligt CVR", "Rebild", "Forening", "12345678", "", "", ""],  # row 3
        ["ØVRE findes", "Morsø", "", "", "", "", ""],  # row 4: clash with the database
        ["Dårlig Mail", "Rebild", "", "", "Cam Testsen", "cam@", "1234"],  # row 5
        ["Testrup By", "Rebild", "", "", "", "", ""],  # row 6: twice in the file
        ["Uden Kommune", "", "", "", "", "", ""],  # row 7
        ["Mail Uden Navn", "Læsø", "", "", "", "x@example.com", ""],  # row 8
    ]
    path = write_csv(tmp_path / "fejl.csv", rows)
    before = counts(db, programme_id)
    preview = preview_import(db, programme_id, path)
    found = [(p.row, p.column) for p in preview.problems]
    assert found == [
        (3, "CVR"),
        (4, "Navn"),
        (5, "E-mail"),
        (5, "Telefon"),
        (6, "Navn"),
        (7, "Kommune"),
        (8, "Kontaktperson"),
    ]
    messages = {(p.row, p.column): p.message for p in preview.problems}
    assert "kontrolcifferet" in messages[(3, "CVR")]
    assert "findes allerede" in messages[(4, "Navn")]
    assert "række 2" in messages[(6, "Navn")]
    assert messages[(7, "Kommune")] == "Kommune: skal udfyldes."
    assert str(preview.problems[0]).startswith("Række 3, kolonne «CVR»: ")
    with pytest.raises(ImportRefused) as err:
        import_areas(db, programme_id, path)
    assert len(err.value.problems) == 7 and "Intet er importeret" in str(err.value)
    assert counts(db, programme_id) == before


def test_a_missing_required_column_is_reported_on_row_1(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "x.csv", [["Navn", "CVR"], ["Testrup", "30007921"]])
    preview = preview_import(db, programme_id, path)
    assert [(p.row, p.column, p.message) for p in preview.problems] == [
        (1, "kommune", "Kolonnen mangler i arket.")
    ]


def test_a_file_that_is_no_spreadsheet_gets_a_danish_error(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    fake = tmp_path / "områder.xlsx"
    fake.write_bytes(b"not a zip file")
    with pytest.raises(SpreadsheetError, match="kan ikke læses som et Excel-ark"):
        preview_import(db, programme_id, fake)
    with pytest.raises(SpreadsheetError, match="navn"):
        preview_import(db, programme_id, write_csv(tmp_path / "y.csv", [["a", "b"], ["1", "2"]]))


def test_import_checks_again_inside_its_transaction(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "områder.csv", [DANISH, *GOOD_ROWS])
    assert preview_import(db, programme_id, path).ok
    # A colleague adds one of the areas between the preview and the import.
    areas.create_area(
        db, programme_id, areas.AreaData(name="Fiktivby Havn", municipality="Thisted")
    )
    with pytest.raises(ImportRefused, match="Række 4"):
        import_areas(db, programme_id, path)
    assert counts(db, programme_id) == (1, 0)


# --- the command line ---------------------------------------------------------------


def test_cli_dry_run_previews_and_writes_nothing(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "områder.csv", [DANISH, *GOOD_ROWS])
    demo_db.dispose()
    before = len(people.list_people(demo_db))
    assert main(["import", "areas", str(path), "--db", str(demo_db.target), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "række 2: Testrup By (Rebild), kontakt: Anna Testesen" in out
    assert "intet er gemt" in out
    assert len(people.list_people(demo_db)) == before


def test_cli_refuses_bad_input_with_exit_1_and_writes_nothing(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [DANISH, GOOD_ROWS[0], ["Dårligt CVR", "Rebild", "", "1234", "", "", ""]]
    path = write_csv(tmp_path / "fejl.csv", rows)
    before = len(people.list_people(demo_db))
    demo_db.dispose()
    assert main(["import", "areas", str(path), "--db", str(demo_db.target)]) == 1
    err = capsys.readouterr().err
    assert "Række 3, kolonne «CVR»: Tilskudsmodtagers CVR-nummer: skal være 8 cifre." in err
    assert len(people.list_people(demo_db)) == before


def test_cli_imports_good_input(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "områder.csv", [DANISH, *GOOD_ROWS])
    demo_db.dispose()
    assert main(["import", "areas", str(path), "--db", str(demo_db.target)]) == 0
    assert "Importeret: 3 lokalområde(r)" in capsys.readouterr().out


@pytest.mark.sqlite_only
def test_cli_backup_writes_a_consistent_copy(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kopi" / "demo-kopi.sqlite"
    assert main(["backup", "--db", str(demo_db.target), "--out", str(out)]) == 0
    assert main(["check", "--db", str(out)]) == 0
    assert main(["backup", "--db", str(demo_db.target)]) == 0
    assert "Sikkerhedskopi gemt" in capsys.readouterr().out
    assert main(["backup", "--db", str(tmp_path / "findes-ikke.sqlite")]) == 1


# --- property: random sheets never half-import ---------------------------------------

NAMES = ["Testrup", "Fiktivby", "Øvre Prøvested", "Nedre Prøvested", "Havnebyen", "", "x" * 201]
CVRS = ["", "30007921", "DK30007921", "12345678", "abc"]
CONTACTS = ["", "Anna Testesen", "Bo Prøvesen"]
EMAILS = ["", "a@example.com", "ikke-en-mail"]
PHONES = ["", "10 20 30 40", "+45 10203040", "123"]

any_row = st.tuples(
    st.sampled_from(NAMES),
    st.sampled_from(["Rebild", "Thisted", "Læsø", ""]),
    st.sampled_from(["", "Forening"]),
    st.sampled_from(CVRS),
    st.sampled_from(CONTACTS),
    st.sampled_from(EMAILS),
    st.sampled_from(PHONES),
).map(list)
# Mostly good rows (fresh names, valid values), so that whole sheets do get imported too.
good_row = st.tuples(
    st.sampled_from(NAMES[:5]).map(lambda base: f"{base} #"),  # numbered in the test
    st.sampled_from(["Rebild", "Thisted", "Læsø"]),
    st.sampled_from(["", "Forening"]),
    st.sampled_from(["", "30007921"]),
    st.sampled_from([("", "", ""), ("Anna Testesen", "a@example.com", "10 20 30 40")]),
).map(lambda r: [r[0], r[1], r[2], r[3], *r[4]])
FRESH = itertools.count(1)
rows_strategy = st.lists(
    st.one_of(good_row, good_row, good_row, good_row, any_row), min_size=1, max_size=6
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows=rows_strategy)
def test_random_sheets_import_all_rows_or_none(
    db: Database, programme_id: int, tmp_path: Path, rows: list[list[str]]
) -> None:
    # One database across examples on purpose: earlier imports make later names clash;
    # "#" names get a number never used before, so good sheets can import.
    rows = [[r[0].replace("#", str(next(FRESH))), *r[1:]] for r in rows]
    path = write_csv(tmp_path / "tilfældig.csv", [ENGLISH, *rows])
    before = counts(db, programme_id)
    preview = preview_import(db, programme_id, path)
    try:
        ids = import_areas(db, programme_id, path)
    except ImportRefused as exc:
        assert not preview.ok and exc.problems == preview.problems
        assert counts(db, programme_id) == before
        assert {p.row for p in exc.problems} <= set(range(1, len(rows) + 2))
    else:
        assert preview.ok and len(ids) == len(rows)
        contacts = sum(1 for r in rows if any(r[4:]))
        assert counts(db, programme_id) == (before[0] + len(rows), before[1] + contacts)


@pytest.mark.sqlite_only
def test_cli_import_is_refused_while_a_desk_has_the_file_open(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kulturpunkt_desk.storage.startup import start_desk

    path = write_csv(tmp_path / "områder.csv", [DANISH, *GOOD_ROWS])
    demo_db.dispose()
    desk = start_desk(demo_db.path, user="kollega")
    try:
        assert main(["import", "areas", str(path), "--db", str(demo_db.target)]) == 1
        assert "allerede åben hos kollega" in capsys.readouterr().err
        # A dry run only reads, so it may look while the desk is open.
        assert main(["import", "areas", str(path), "--db", str(demo_db.target), "--dry-run"]) == 0
    finally:
        desk.close()
