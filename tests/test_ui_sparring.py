"""Sparring in the window: a session logged from the keyboard, edited, deleted and undone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from desk_window import ViewOpener
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.models import CoreElement, SessionForm
from kulturpunkt_desk.domain.services import areas, sparring
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.dialogs.sparring_session import SessionDialog
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.mnemonics import letter_of
from kulturpunkt_desk.ui.views.sparring import SparringView

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def patient_type_ahead(qapp: QApplication) -> Iterator[None]:
    """A combo box's type-ahead forgets what was typed after a pause between two keys (0.4 s);
    on a busy test machine two synthetic key presses can be that far apart, and "Vesterh"
    then finds "Engholm" from its "e". Users type faster than a loaded CI; give it time."""
    interval = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(60_000)
    yield
    QApplication.setKeyboardInputInterval(interval)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab(qtbot: QtBot) -> QWidget:
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    return focused()


def start_new_session(qtbot: QtBot, window: MainWindow, view: SparringView) -> SessionDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, CTRL)  # Rediger ▸ Ny… in the current view
    dialog = view.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.area)
    return dialog


def test_a_session_is_logged_from_the_keyboard_and_shown_in_the_log(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "sparring", SparringView)
    before = view.model.rowCount()
    dialog = start_new_session(qtbot, window, view)

    qtbot.keyClicks(dialog.area, "Vesterh")  # type-ahead in the area list
    assert dialog.area.currentText() == "Vesterhede"
    assert dialog.participants.count() == 4  # the area's people, loaded on the change
    assert tab(qtbot) is dialog.held_on
    assert dialog.held_on.value() == date.today()
    qtbot.keyClicks(dialog.held_on, "20012026")  # digits move day → month → year
    assert tab(qtbot) in dialog.form_choice.buttons
    qtbot.keyClick(focused(), Qt.Key.Key_3)
    assert dialog.form_choice.value() == SessionForm.PHONE
    assert tab(qtbot) is dialog.participants
    qtbot.keyClick(dialog.participants, Qt.Key.Key_Space)  # ticks the first person
    qtbot.keyClick(dialog.participants, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.participants, Qt.Key.Key_Space)
    boxes = dialog.element_boxes
    for element in (CoreElement.ANCHORING, CoreElement.COMMUNITY):  # each by its Alt-letter
        qtbot.keyClick(focused(), str(letter_of(boxes[element].text())), ALT)
    # A mnemonic clicks its box the way a mouse would: pressed, then released a moment later.
    qtbot.waitUntil(lambda: boxes[CoreElement.COMMUNITY].isChecked())
    assert boxes[CoreElement.ANCHORING].isChecked()
    qtbot.keyClick(focused(), str(letter_of(dialog.field_labels["notes"].text())), ALT)
    assert focused() is dialog.notes
    qtbot.keyClicks(dialog.notes, "Skolen vil gerne med; ideen er klar.")
    assert tab(qtbot) is dialog.follow_ups.add_button  # Tab leaves the notes
    qtbot.keyClick(dialog.follow_ups.add_button, Qt.Key.Key_Space)
    row = dialog.follow_ups.rows[0]
    assert focused() is row.description
    qtbot.keyClicks(row.description, "Send invitation til skolen")
    tab(qtbot)
    assert tab(qtbot) is row.responsible
    qtbot.keyClicks(row.responsible, "Styregruppen")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)

    assert dialog.result() == dialog.DialogCode.Accepted
    saved = next(
        s
        for s in sparring.list_sessions(demo_db, window.ctx.programme_id)
        if s.id == dialog.saved_id
    )
    assert saved.area.name == "Vesterhede"
    assert saved.held_on == date(2026, 1, 20)
    assert saved.form == SessionForm.PHONE
    assert len(saved.participants) == 2
    assert set(saved.core_elements) == {CoreElement.ANCHORING, CoreElement.COMMUNITY}
    assert saved.notes.startswith("Skolen vil gerne med")
    assert [(a.description, a.responsible) for a in saved.follow_ups] == [
        ("Send invitation til skolen", "Styregruppen")
    ]
    # On screen: one more row, selected, with the open follow-up.
    assert view.model.rowCount() == before + 1
    shown = view.table.current_record()
    assert shown.id == saved.id
    row_no = view.model.row_of_id(saved.id)
    assert view.model.index(row_no, 1).data() == "Vesterhede"
    assert view.model.index(row_no, 2).data() == "Telefon"
    assert "Send invitation" in view.model.index(row_no, 6).data()


def test_a_session_without_area_is_refused_and_nothing_saved(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "sparring", SparringView)
    before = len(sparring.list_sessions(demo_db, window.ctx.programme_id))
    dialog = start_new_session(qtbot, window, view)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.error_labels["area_id"].isVisibleTo(dialog)
    assert "vælg et lokalområde" in dialog.error_labels["area_id"].text()
    assert len(sparring.list_sessions(demo_db, window.ctx.programme_id)) == before


def test_participants_follow_the_chosen_area(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "sparring", SparringView)
    dialog = start_new_session(qtbot, window, view)
    pid = window.ctx.programme_id
    for name in ("Fjordglimt", "Bakkekammen"):
        area = areas.find_area(demo_db, pid, name)
        dialog.area.setCurrentIndex(dialog.area.findData(area.id))
        people = {m.person.name for m in areas.area_people(demo_db, area.id)}
        shown = {
            dialog.participants.item(n).text().split(" (")[0]
            for n in range(dialog.participants.count())
        }
        assert shown == people


def test_follow_up_is_marked_done_and_session_deleted_then_undone(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "sparring", SparringView)
    pid = window.ctx.programme_id
    session = next(
        s
        for s in sparring.list_sessions(demo_db, pid)
        if any(a.done_on is None for a in s.follow_ups)
    )
    action = next(a for a in session.follow_ups if a.done_on is None)
    window.open_record("follow_up", action.id)
    assert view.table.current_id() == session.id
    assert view.follow_table.current_id() == action.id
    view.done_button.click()
    done = next(s for s in sparring.list_sessions(demo_db, pid) if s.id == session.id)
    assert done.follow_ups[0].done_on == date.today()
    assert view.model.index(view.model.row_of_id(session.id), 6).data() == "–"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    count = view.model.rowCount()
    view.delete_button.click()
    assert view.model.rowCount() == count - 1
    assert all(s.id != session.id for s in sparring.list_sessions(demo_db, pid))
    window.undo_action.trigger()
    assert view.model.rowCount() == count
    back = next(s for s in sparring.list_sessions(demo_db, pid) if s.id == session.id)
    assert back.follow_ups[0].done_on == date.today()


def test_filters_by_area_and_round_and_data_survives_a_new_window(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "sparring", SparringView)
    pid = window.ctx.programme_id
    area = areas.find_area(demo_db, pid, "Fjordglimt")
    view.area_filter.setCurrentIndex(view.area_filter.findData(area.id))
    assert {view.model.index(r, 1).data() for r in range(view.model.rowCount())} == {"Fjordglimt"}
    view.round_filter.setCurrentIndex(view.round_filter.findData(2))
    assert [view.model.index(r, 3).data() for r in range(view.model.rowCount())] == ["2. runde"]
    # Editing keeps the area and saves the change; a new window sees it.
    view.table.selectRow(0)
    view.edit_selected()
    dialog = view.dialog
    assert dialog is not None and not dialog.area.isEnabled()
    dialog.notes.setPlainText("Rettet efter mødet.")
    dialog.try_save()
    window.close()
    again, view2 = open_view(demo_db, "sparring", SparringView)
    notes = {s.notes for s in sparring.list_sessions(demo_db, pid) if s.area_id == area.id}
    assert "Rettet efter mødet." in notes
    assert again.open_record("sparring_session", view.model.rows[0].id) is None
    assert view2.notes.toPlainText() == "Rettet efter mødet."  # read for the chosen row


def test_the_consultant_is_remembered_for_the_next_session(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    _, view = open_view(demo_db, "sparring", SparringView)
    view.new_record()
    dialog = view.dialog
    assert dialog is not None and dialog.consultant.text() == ""
    dialog.area.setCurrentIndex(0)
    dialog.consultant.setText("Konsulent Nord")
    dialog.try_save()
    assert not dialog.isVisible()
    view.new_record()
    assert view.dialog is not None and view.dialog.consultant.text() == "Konsulent Nord"
