"""The Konflikter view and Synkronisér in the window: see the count, decide, undo."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from accessibility_audit import audit
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sync_conflict_rows import closing_conflict, municipality_conflict

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.services import areas, sync_conflicts
from kulturpunkt_desk.domain.services.sync import SyncReport
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import sync_menu
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.views.conflicts import ConflictsView
from kulturpunkt_desk.ui.widgets.table_export import shown_rows


def _area(db: Database, programme_id: str) -> str:
    return areas.create_area(db, programme_id, areas.AreaData("Fjordglimt", "Viborg"))


def _shown_count(window: MainWindow) -> tuple[str, str]:
    controls: sync_menu.SyncControls = window.sync_controls  # type: ignore[attr-defined]
    status = controls.status.text() if controls.status.isVisibleTo(window) else ""
    return controls.nav_item().text(), status


def test_choosing_the_laptops_value_saves_it_and_undo_brings_the_conflict_back(
    db: Database, programme_id: str, open_view: Any, qtbot: QtBot
) -> None:
    area_id = _area(db, programme_id)
    municipality_conflict(db, area_id)
    window, view = open_view(db, "conflicts", ConflictsView)
    # One figure in three places: the navigation, the status bar and the list.
    assert _shown_count(window) == ("Konflikter (1)", "1 åben konflikt fra synkronisering")
    assert view.model.rowCount() == sync_conflicts.count_open(db) == 1
    panel = view.panel
    assert panel.heading.text() == "«Fjordglimt» (lokalområdet) – Kommune"
    assert [c.text() for c in panel.cells["server"]][:2] == ["Viborg", "ole"]
    assert [c.text() for c in panel.cells["laptop"]][:2] == ["Skive", "karen"]
    assert panel.cells["base"][0].text() == "Thisted"

    qtbot.mouseClick(panel.use_laptop, sync_menu.Qt.MouseButton.LeftButton)

    assert areas.get_area(db, area_id).municipality == "Skive"
    assert _shown_count(window) == ("Konflikter", "")
    assert view.model.rowCount() == 0
    assert view.summary.text().startswith("Ingen åbne konflikter")
    assert window.undo_action.text().startswith("&Fortryd Løs konflikt om «Fjordglimt»")

    window.undo_action.trigger()

    assert areas.get_area(db, area_id).municipality == "Viborg"
    assert _shown_count(window) == ("Konflikter (1)", "1 åben konflikt fra synkronisering")
    assert view.model.rowCount() == 1


def test_a_third_value_is_typed_and_a_wrong_one_told_beside_the_buttons(
    db: Database, programme_id: str, open_view: Any, qtbot: QtBot
) -> None:
    area_id = _area(db, programme_id)
    closing_conflict(db, area_id)
    _window, view = open_view(db, "conflicts", ConflictsView)
    panel = view.panel
    assert panel.value.isVisible() and panel.value.accessibleName() == "Ny værdi"
    qtbot.keyClicks(panel.value, "den 31.")
    qtbot.mouseClick(panel.use_value, sync_menu.Qt.MouseButton.LeftButton)
    assert panel.error.isVisible() and "Afsluttet" in panel.error.text()
    assert panel.value.text() == "den 31."  # the input stays
    assert sync_conflicts.count_open(db) == 1
    panel.value.setText("01.07.2026")
    qtbot.keyClick(panel.value, sync_menu.Qt.Key.Key_Return)
    assert str(areas.get_area(db, area_id).closed_on) == "2026-07-01"
    assert view.model.rowCount() == 0


def test_the_conflicts_table_is_named_sortable_and_leaves_on_tab(
    db: Database, programme_id: str, open_view: Any
) -> None:
    municipality_conflict(db, _area(db, programme_id))
    window, view = open_view(db, "conflicts", ConflictsView)
    assert view.table.accessibleName() == "Konflikter"
    assert view.table.isSortingEnabled() and not view.table.tabKeyNavigation()
    assert view.table.export_action.text() == "&Eksportér til Excel…"
    header, rows = shown_rows(view.table)  # what Eksportér til Excel writes
    assert header[:4] == ["Post", "Felt", "Serveren", "Den bærbare"]
    assert rows[0][:4] == ["«Fjordglimt» (lokalområdet)", "Kommune", "Viborg", "Skive"]
    for button in (view.panel.keep_server, view.panel.use_laptop, view.panel.use_value):
        assert button.text()  # said in words, never by colour alone
    # Every control named, Tab goes through, no Alt-letter twice (the menu bar's included).
    assert audit(view, window.menuBar()).problems() == []


# What the fake sync reports: 3 changes sent, 2 taken, 1 new conflict, 5 rows brought.
FAKE_REPORT = SyncReport(
    first_copy=False, sent=3, applied=2, conflicts=1, received=5, open_conflicts=1
)


def test_synkroniser_shows_progress_reloads_and_tells_the_result(
    db: Database, programme_id: str, open_view: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    area_id = _area(db, programme_id)
    monkeypatch.setattr(sync_menu, "laptop_server", lambda _db: "postgresql+psycopg://k@server/kp")
    steps: list[tuple[str, int]] = []
    said: list[str] = []
    checked = threading.Event()  # the sync waits while the test looks at the dialog

    def fake_sync(laptop: Path, progress: Any) -> SyncReport:
        assert laptop == db.path
        checked.wait(10)
        progress("Finder den bærbares ændringer…", 0.1)
        progress("Sender til serveren…", 0.5)
        municipality_conflict(db, area_id)  # what the sync brought, written around the window
        progress("Henter kollegernes ændringer…", 0.9)
        return FAKE_REPORT

    monkeypatch.setattr(sync_menu, "run_sync", fake_sync)
    monkeypatch.setattr(
        sync_menu.QMessageBox, "information", lambda _p, _t, text: said.append(text)
    )
    window, _view = open_view(db, "areas")
    controls: sync_menu.SyncControls = window.sync_controls  # type: ignore[attr-defined]
    controls.file_menu.aboutToShow.emit()
    assert controls.action.isEnabled()
    controls.action.trigger()
    dialog = controls.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.findChildren(QPushButton) == []  # no Annullér: a sync is not stopped halfway
    dialog.reject()  # Escape
    assert dialog.isVisible() and not controls.action.isEnabled()
    assert controls.task is not None
    controls.task.progress.connect(lambda done, _t, text: steps.append((text, done)))
    checked.set()
    qtbot.waitUntil(lambda: controls.task is None, timeout=10_000)
    assert steps[-1] == ("Henter kollegernes ændringer…", 900)
    assert said == [
        "Sendt til serveren: 3 ændringer, heraf 2 taget med.\n"
        "Hentet fra kollegerne: 5 ændringer.\n"
        "Nye konflikter: 1. Serverens udgave gælder, indtil du vælger; se Konflikter.\n"
        "Åbne konflikter i alt: 1."
    ]
    assert window.current_view_key() == "conflicts"  # new conflicts are shown at once
    assert _shown_count(window) == ("Konflikter (1)", "1 åben konflikt fra synkronisering")
    assert controls.action.isEnabled()


def test_a_failed_sync_is_told_in_danish_and_the_window_goes_on(
    db: Database, open_view: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync_menu, "laptop_server", lambda _db: "postgresql+psycopg://k@server/kp")

    def unreachable(_laptop: Path, _progress: Any) -> None:
        raise DeskError("Serveren svarer ikke. Prøv igen, når du har net.")

    warned: list[str] = []
    monkeypatch.setattr(sync_menu, "run_sync", unreachable)
    monkeypatch.setattr(sync_menu.QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    window, _view = open_view(db, "areas")
    controls: sync_menu.SyncControls = window.sync_controls  # type: ignore[attr-defined]
    controls.file_menu.aboutToShow.emit()
    controls.action.trigger()
    qtbot.waitUntil(lambda: controls.task is None, timeout=10_000)
    assert warned[0].startswith("Serveren svarer ikke. Prøv igen, når du har net.")
    assert "Intet er gået tabt" in warned[0]
    assert controls.action.isEnabled() and controls.dialog is None


def test_synkroniser_is_off_for_a_file_that_is_no_laptop_copy(db: Database, open_view: Any) -> None:
    window, _view = open_view(db)
    controls: sync_menu.SyncControls = window.sync_controls  # type: ignore[attr-defined]
    controls.file_menu.aboutToShow.emit()
    assert not controls.action.isEnabled()
    assert controls.action in controls.file_menu.actions()


@pytest.mark.postgresql_only
def test_two_sides_edit_one_field_offline_and_the_window_resolves_it(
    db: Database,
    programme_id: str,
    tmp_path: Path,
    open_view: Any,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The walkthrough: a laptop copy, the same field changed on the laptop and on the
    server, Synkronisér, the conflict shown, «Brug den bærbares», Synkronisér again."""
    from kulturpunkt_desk.domain.services.sync import sync
    from kulturpunkt_desk.storage.startup import start_desk

    area_id = _area(db, programme_id)
    laptop = tmp_path / "Min bærbare #1" / "Kulturpunkt.sqlite"
    laptop.parent.mkdir()
    sync(laptop, str(db.target))
    areas.update_area(db, area_id, areas.AreaData("Fjordglimt", "Hjørring"))  # a colleague
    said: list[str] = []
    monkeypatch.setattr(
        sync_menu.QMessageBox, "information", lambda _p, _t, text: said.append(text)
    )
    session = start_desk(laptop)
    try:
        window, _view = open_view(session.db, "areas")
        areas.update_area(window.ctx.db, area_id, areas.AreaData("Fjordglimt", "Skive"))
        controls: sync_menu.SyncControls = window.sync_controls  # type: ignore[attr-defined]

        def synchronise() -> None:
            controls.file_menu.aboutToShow.emit()
            assert controls.action.isEnabled()
            controls.action.trigger()
            qtbot.waitUntil(lambda: controls.task is None, timeout=60_000)

        synchronise()
        assert "Nye konflikter: 1." in said[-1]
        assert window.current_view_key() == "conflicts"
        assert _shown_count(window) == ("Konflikter (1)", "1 åben konflikt fra synkronisering")
        view = window.view("conflicts")
        assert isinstance(view, ConflictsView)
        assert (view.panel.cells["server"][0].text(), view.panel.cells["laptop"][0].text()) == (
            "Hjørring",
            "Skive",
        )
        assert areas.get_area(session.db, area_id).municipality == "Hjørring"  # server stands

        qtbot.mouseClick(view.panel.use_laptop, sync_menu.Qt.MouseButton.LeftButton)
        assert _shown_count(window) == ("Konflikter", "")
        synchronise()
        assert "Ingen nye konflikter." in said[-1]
    finally:
        session.close()
    assert areas.get_area(db, area_id).municipality == "Skive"
    assert sync_conflicts.count_open(db) == 0
