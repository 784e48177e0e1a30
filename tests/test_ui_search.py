"""Search (Ctrl+F) and the main window's keys and file menu, through the widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_window import ViewOpener
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import activities, areas, people
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.search_dialog import SearchDialog
from kulturpunkt_desk.ui.views.areas import AreasView


def search_for(qtbot: QtBot, window: MainWindow, words: str) -> SearchDialog:
    dialog = SearchDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.query, words)
    qtbot.waitUntil(lambda: not dialog.timer.isActive())
    return dialog


def test_search_finds_a_person_and_opens_them(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window = open_view(demo_db, active=True)[0]
    dialog = search_for(qtbot, window, "søren fogh")
    model = dialog.results.model()
    assert [
        (model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())
    ] == [("Person", "Søren Fogh")]
    person = people.list_people(demo_db, "Søren Fogh")[0]
    with qtbot.waitSignal(window.ctx.open_requested) as opened:
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert opened.args == ["person", person.id]
    assert not dialog.isVisible()
    assert window.current_view_key() == "people"  # Personer og organisationer shows them


def test_search_hit_on_an_activity_opens_its_area_page_from_the_keyboard(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window = open_view(demo_db, active=True)[0]
    dialog = search_for(qtbot, window, "koncert")
    kinds = [dialog.model.rows[r].kind for r in range(len(dialog.model.rows))]
    assert "activity" in kinds
    row = kinds.index("activity")
    hit = dialog.model.rows[row]
    dialog.results.selectRow(dialog.results.model().mapFromSource(dialog.model.index(row, 0)).row())
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    view = window.view("areas")
    assert isinstance(view, AreasView)
    area_id = activities.activity_area_id(demo_db, hit.open_id)
    assert window.current_view_key() == "areas" and view.page.area_id == area_id


def test_ctrl_f_opens_the_search(qtbot: QtBot, demo_db: Database, open_view: ViewOpener) -> None:
    window = open_view(demo_db, active=True)[0]
    seen: list[object] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        if dialog is not None:
            dialog.close()

    QTimer.singleShot(50, close_it)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1 and isinstance(seen[0], SearchDialog)


def test_new_database_from_the_file_menu_holds_the_programme_and_no_areas(
    qtbot: QtBot,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    open_view: ViewOpener,
) -> None:
    window = open_view(demo_db, active=True)[0]
    shown = window.show_view("areas")
    assert isinstance(shown, AreasView)
    shown.show_area(areas.find_area(demo_db, window.ctx.programme_id, "Fjordglimt").id)
    target = tmp_path / "ny.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.new_database()
    assert target.exists() and "ny.sqlite" in window.windowTitle()
    assert "Kulturpunkt 2025-26" in window.windowTitle()
    view = window.show_view("areas")
    assert isinstance(view, AreasView)
    assert view.pages.currentIndex() == 0 and view.page.area_id is None  # no stale page
    assert view.table.model().rowCount() == 0

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(demo_db.path), ""))
    window.choose_database()
    assert demo_db.path.name in window.windowTitle()
    assert view.table.model().rowCount() == 11
    assert areas.list_areas(window.ctx.db, window.ctx.programme_id)


def test_ctrl_n_in_lokalomraader_opens_the_new_area_form(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window = open_view(demo_db, active=True)[0]
    window.show_view("areas")
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.windowTitle() if dialog else "")
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(50, close_it)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["Nyt lokalområde"]


def test_search_hit_on_an_activity_selects_the_activity_on_its_area_page(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window = open_view(demo_db, active=True)[0]
    dialog = search_for(qtbot, window, "koncert")
    hit = next(h for h in dialog.model.rows if h.kind == "activity")
    dialog.open_hit(hit)
    view = window.view("areas")
    assert isinstance(view, AreasView)
    page = view.page
    assert page.tabs.currentWidget() is page.sparring
    chosen = page.sparring.activity_table.current_record()
    assert chosen is not None and chosen.id == hit.id and chosen.title == "Koncert"


@pytest.mark.parametrize(
    ("words", "kind", "tab"),
    [
        ("aarhus", "ekr_member", "members"),
        ("ane bakkegaard kulturchef", "ekr_representative", "members"),
        ("børn og unge", "ekr_theme", "themes"),
        ("genvej turn", "ekr_eu_case", "eu"),
    ],
)
def test_search_finds_europaeisk_kulturregion_and_opens_the_record(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener, words: str, kind: str, tab: str
) -> None:
    from kulturpunkt_desk.ui.views.ekr import EkrView

    window = open_view(ekr_db, active=True)[0]
    dialog = search_for(qtbot, window, words)
    hit = next(h for h in dialog.model.rows if h.kind == kind)
    dialog.open_hit(hit)
    assert window.current_view_key() == "ekr"
    view = window.view("ekr")
    assert isinstance(view, EkrView)
    assert view.tabs.currentWidget() is getattr(view, tab)
    if tab == "members":
        member = view.members.table.current_record()
        assert member is not None and member.id == hit.open_id
    elif tab == "eu":
        case = view.eu.table.current_record()
        assert case is not None and case.id == hit.open_id
    else:
        column = view.themes.view.currentIndex().column()
        assert view.themes.model.grid.themes[column].theme_id == hit.open_id
