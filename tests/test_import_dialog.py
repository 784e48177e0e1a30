"""The import dialog: preview, bad rows in red, import only when every row is good."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.import_dialog import ImportDialog

HEADER = "Navn;Kommune;Tilskudsmodtager;CVR;Kontaktperson;E-mail;Telefon\n"


def test_bad_rows_are_listed_and_import_is_disabled(
    qtbot: QtBot, db: Database, programme_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "områder.csv"
    path.write_text(HEADER + "Testrup;Rebild;;;;;\nFejlby;Thisted;;1234;;;\n", encoding="utf-8")
    dialog = ImportDialog(db, programme_id)
    qtbot.addWidget(dialog)
    dialog.load(path)
    assert dialog.table.rowCount() == 1
    assert [dialog.problems.item(0, c).text() for c in range(2)] == ["3", "CVR"]
    assert not dialog.import_button.isEnabled()
    assert areas.list_areas(db, programme_id) == []


def test_good_file_is_imported_in_one_go(
    qtbot: QtBot, db: Database, programme_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "områder.csv"
    path.write_text(
        HEADER + "Testrup;Rebild;;;Anna Testesen;;10 20 30 40\nFiktivby;Thisted;;;;;\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(db, programme_id)
    qtbot.addWidget(dialog)
    dialog.load(path)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert len(dialog.imported) == 2
    assert sorted(a.name for a in areas.list_areas(db, programme_id)) == ["Fiktivby", "Testrup"]
