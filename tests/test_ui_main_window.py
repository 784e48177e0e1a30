"""The main window: opens on a real database, remembers its layout, deletes with undo."""

from __future__ import annotations

from desk_window import ViewOpener
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.models import Area
from kulturpunkt_desk.domain.services import overview
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import VIEWS
from kulturpunkt_desk.ui.undo import confirm_and_delete
from kulturpunkt_desk.ui.views.areas import AreasView


def test_main_window_shows_programme_and_areas(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window = open_view(demo_db)[0]
    assert "Kulturpunkt 2025-26" in window.windowTitle()
    view = window.show_view("areas")
    assert isinstance(view, AreasView)
    model = view.table.model()
    assert model.rowCount() == 11
    names = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert {"Fjordglimt", "Bakkekammen"} <= names
    statuses = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert "Afsluttet" in statuses


def test_window_remembers_size_and_last_view(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window = open_view(demo_db)[0]
    # The offscreen screen is 800x600; a larger window would be clamped on restore.
    last = next(s.key for s in VIEWS[1:] if s.key != VIEWS[0].key)
    window.show_view(last)
    window.resize(max(window.minimumSizeHint().width(), 700), 560)
    size = (window.width(), window.height())
    window.close()
    again = open_view(demo_db)[0]
    assert again.current_view_key() == last
    assert (again.width(), again.height()) == size


def test_delete_asks_first_and_ctrl_z_brings_it_back(
    qtbot: QtBot, demo_db: Database, monkeypatch: object, open_view: ViewOpener
) -> None:
    window = open_view(demo_db)[0]
    rows = overview.area_summaries(demo_db, window.ctx.programme_id)
    target = next(r for r in rows if r.name == "Fjordglimt")
    import pytest

    mp = pytest.MonkeyPatch()
    mp.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not confirm_and_delete(window.ctx, window, Area, target.id, "Fjordglimt")
    mp.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert confirm_and_delete(window.ctx, window, Area, target.id, "Fjordglimt")
    mp.undo()
    view = window.show_view("areas")
    assert view.table.model().rowCount() == 10
    window.undo_action.trigger()
    assert view.table.model().rowCount() == 11
    restored = next(
        r
        for r in overview.area_summaries(demo_db, window.ctx.programme_id)
        if r.name == "Fjordglimt"
    )
    assert restored.id == target.id and restored.status == target.status
    assert restored.sparring_sessions == target.sparring_sessions
