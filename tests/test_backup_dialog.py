"""The backup dialog and the start-up flow the window uses (lock, damaged file, warnings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import backups, people
from kulturpunkt_desk.storage.backup import list_backups, make_backup
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database
from kulturpunkt_desk.storage.startup import start_desk
from kulturpunkt_desk.ui.backup_dialog import BackupDialog, open_desk


def answer(monkeypatch: pytest.MonkeyPatch, reply: QMessageBox.StandardButton) -> list[str]:
    """Answer every question box with `reply`; collect the texts shown."""
    shown: list[str] = []

    def box(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return reply

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, box)
    return shown


def test_backup_now_and_restore_from_the_dialog(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    people.create_person(db, people.PersonData(name="Før"))
    dialog = BackupDialog(db)
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "Taget manuelt"
    people.create_person(db, people.PersonData(name="Efter"))
    with qtbot.waitSignal(dialog.restored):
        dialog.restore_button.click()
    assert [p.name for p in people.list_people(db)] == ["Før"]  # same Database object
    assert dialog.table.rowCount() == 2  # the replaced file is a backup too
    assert "Gendannet" in dialog.status.text()


def test_keep_setting_is_saved_and_prunes(qtbot: QtBot, db: Database) -> None:
    for _ in range(4):
        make_backup(db.path, "manuel")
    dialog = BackupDialog(db)
    qtbot.addWidget(dialog)
    dialog.keep.setValue(2)
    dialog.save_keep()
    assert backups.backup_keep(db) == 2 and len(list_backups(db.path)) == 2


def test_open_desk_offers_read_only_when_another_desk_has_the_file(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path, create=True).dispose()
    first = start_desk(db_path, user="kollega")
    try:
        shown = answer(monkeypatch, QMessageBox.StandardButton.Yes)
        second = open_desk(db_path)
        assert second is not None and second.read_only
        assert "kollega" in shown[0] and "skrivebeskyttet" in shown[0]
        second.close()
        answer(monkeypatch, QMessageBox.StandardButton.No)
        assert open_desk(db_path) is None
    finally:
        first.close()


def test_open_desk_offers_the_newest_backup_for_a_damaged_file(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(db_path, create=True)
    people.create_person(db, people.PersonData(name="Reddet"))
    db.dispose()
    make_backup(db_path, "manuel")
    db_path.write_bytes(db_path.read_bytes()[:3000])  # truncated
    shown = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    session = open_desk(db_path)
    assert session is not None
    try:
        assert "gendanne den nyeste sikkerhedskopi" in shown[0]
        assert [p.name for p in people.list_people(session.db)] == ["Reddet"]
    finally:
        session.close()
