"""The personal data dialogs: export, anonymise, and the list of people due for deletion."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas, people, programmes
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.person_data_dialog import PersonDataDialog, RetentionDialog


@pytest.fixture
def person_id(db: Database, programme_id: str) -> int:
    area_id = areas.create_area(db, programme_id, areas.AreaData("Testrup", "Rebild"))
    return areas.add_new_person(
        db,
        area_id,
        people.PersonData(name="Zacharias Testmand", email="z@example.com", phone="10 11 12 13"),
        areas.MemberData(is_primary_contact=True),
    )


def test_export_and_anonymise_from_the_dialog(
    qtbot: QtBot, db: Database, person_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PersonDataDialog(db, person_id)
    qtbot.addWidget(dialog)
    assert "Zacharias Testmand" in dialog.details.text() and "Testrup" in dialog.details.text()
    target = tmp_path / "indsigt.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.save_json()
    assert "z@example.com" in target.read_text(encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.anonymise_button.click()
    assert "anonymiseret" in dialog.status.text()
    assert people.get_person(db, person_id).email == ""
    assert not dialog.anonymise_button.isEnabled()


def test_retention_dialog_lists_who_is_due(
    qtbot: QtBot, db: Database, programme_id: str, person_id: str
) -> None:
    current = programmes.list_programmes(db)[0]
    programmes.update_programme(
        db,
        programme_id,
        programmes.ProgrammeData(
            name=current.name,
            start_year=current.start_year,
            end_year=current.end_year,
            default_grant_ore=current.default_grant_ore,
            total_budget_ore=current.total_budget_ore,
            retention_years=5,
            closed_on=date(2026, 8, 31),
        ),
    )
    dialog = RetentionDialog(db, today=date(2032, 1, 1))
    qtbot.addWidget(dialog)
    assert "opbevares til 31.08.2031" in dialog.programmes.text()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Zacharias Testmand"


def test_purge_button_appears_when_another_reader_kept_the_wal(
    qtbot: QtBot, db: Database, person_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    dialog = PersonDataDialog(db, person_id)
    qtbot.addWidget(dialog)
    assert dialog.purge_button.isHidden()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Yes)
    reader = sqlite3.connect(db.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM person").fetchone()
    dialog.anonymise_button.click()
    reader.rollback()
    reader.close()
    assert not dialog.purge_button.isHidden()
    dialog.purge_button.click()
    assert dialog.status.text() == "Databasefilen er renset."
    assert dialog.purge_button.isHidden()
