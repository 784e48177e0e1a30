"""The import dialog: preview, bad rows in red, import only when every row is good."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.import_dialog import ImportDialog

HEADER = "Navn;Kommune;Tilskudsmodtager;CVR;Kontaktperson;E-mail;Telefon\n"


def load(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    """Choose `path` and wait until the background reading has shown its preview."""
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.task is not None and not dialog.task.running, timeout=30_000)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)


def test_bad_rows_are_listed_and_import_is_disabled(
    qtbot: QtBot, db: Database, programme_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "områder.csv"
    path.write_text(HEADER + "Testrup;Rebild;;;;;\nFejlby;Thisted;;1234;;;\n", encoding="utf-8")
    dialog = ImportDialog(db, programme_id)
    qtbot.addWidget(dialog)
    load(qtbot, dialog, path)
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
    load(qtbot, dialog, path)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(dialog.imported), timeout=30_000)
    assert len(dialog.imported) == 2
    assert sorted(a.name for a in areas.list_areas(db, programme_id)) == ["Fiktivby", "Testrup"]


def test_a_cancelled_import_saves_nothing_and_says_so(
    qtbot: QtBot, db: Database, programme_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from kulturpunkt_desk.domain.services import import_areas as importer
    from kulturpunkt_desk.ui import background

    path = tmp_path / "områder.csv"
    path.write_text(HEADER + "".join(f"Sted {n};Rebild;;;;;\n" for n in range(1200)), "utf-8")
    dialog = ImportDialog(db, programme_id)
    qtbot.addWidget(dialog)
    dialog.show()
    load(qtbot, dialog, path)
    assert "1200 lokalområder kan importeres" in dialog.summary.text()
    assert dialog.table.rowCount() == 1000  # the first ones; the summary says so
    # Hold the import inside its transaction until the user has pressed Annullér.
    pressed = threading.Event()
    recheck = importer._recheck

    def held(*args: object) -> object:
        pressed.wait(30)
        return recheck(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "_recheck", held)
    dialog.import_button.click()
    task = dialog.task
    assert task is not None and task.dialog is not None
    cancel = task.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Annullér"
    cancel.click()
    pressed.set()
    qtbot.waitUntil(lambda: not background.running_tasks(), timeout=30_000)
    assert dialog.imported == []
    assert "annulleret; intet er gemt" in dialog.summary.text()
    assert areas.list_areas(db, programme_id) == []
    assert dialog.import_button.isEnabled()  # the user may try again
