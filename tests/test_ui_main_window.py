"""The window opens on a real database and shows the programme and its areas."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import MainWindow


def test_main_window_shows_programme_and_areas(qtbot: QtBot, demo_db: Database) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    assert "Kulturpunkt 2025-26" in window.windowTitle()
    model = window.areas.model()
    assert model.rowCount() == 11
    names = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert {"Fjordglimt", "Bakkekammen"} <= names
    statuses = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert "Afsluttet" in statuses
