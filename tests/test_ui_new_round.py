"""Ny runde in the window: the dialog proposes the next name and start, creates the round,
shows it, and Ctrl+Z takes it away again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas, programmes
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.new_round_dialog import NewRoundDialog


def test_new_round_is_created_shown_and_undone(qtbot: QtBot, demo_db: Database) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    old_id = window.ctx.programme_id
    dialog = NewRoundDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Kulturpunkt 2027-28"
    assert dialog.start.text() == "01.03.2027"
    dialog.start.setText("31.02.2027")
    assert not dialog.create() and "Start" in dialog.error.text()
    dialog.start.setText("01.03.2027")
    assert dialog.create()
    new_id = window.ctx.programme_id
    assert new_id != old_id and len(areas.list_areas(demo_db, new_id)) == 11
    current = programmes.current_programme(demo_db)
    assert current is not None and current.name == "Kulturpunkt 2027-28"
    window.ctx.undo_stack.undo()
    assert window.ctx.programme_id == old_id
    assert [p.name for p in programmes.list_programmes(demo_db)] == ["Kulturpunkt 2025-26"]
    window.ctx.undo_stack.redo()
    assert window.ctx.programme_id == new_id
    assert len(areas.list_areas(demo_db, new_id)) == 11
