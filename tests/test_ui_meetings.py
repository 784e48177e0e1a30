"""Network meetings in the window: create a meeting, record attendance, see who was missing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas, meetings
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.views.meetings import MeetingsView


def open_view(qtbot: QtBot, db: Database) -> tuple[MainWindow, MeetingsView]:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("meetings")
    assert isinstance(view, MeetingsView)
    return window, view


def test_new_meeting_attendance_shows_the_areas_not_represented(
    qtbot: QtBot, demo_db: Database
) -> None:
    window, view = open_view(qtbot, demo_db)
    pid = window.ctx.programme_id
    view.new_record()
    dialog = view.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.title, "Inspirationsdag om frivillighed")
    qtbot.keyClicks(dialog.place, "Kulturhuset")
    qtbot.keyClick(dialog.place, Qt.Key.Key_Return)  # Enter saves the form
    assert dialog.saved_id is not None
    meeting_id = dialog.saved_id
    assert view.table.current_id() == meeting_id
    assert view.heading.text() == "Inspirationsdag om frivillighed"
    row = view.model.row_of_id(meeting_id)
    assert view.model.index(row, 1).data() == "0/11"
    assert view.absent_label.text().startswith("11 af 11 lokalområder ikke repræsenteret")

    fjord = areas.find_area(demo_db, pid, "Fjordglimt")
    lyng = areas.find_area(demo_db, pid, "Lyngbakken")
    fjord_people = areas.area_people(demo_db, fjord.id)
    lyng_people = areas.area_people(demo_db, lyng.id)
    view.grid.tick(fjord.id, fjord_people[0].person_id)
    view.grid.tick(fjord.id, fjord_people[1].person_id)
    # The keyboard works too: select Lyngbakken's first person and press Space.
    lyng_item = next(i for i in view.grid.areas if i.text(0) == "Lyngbakken")
    view.grid.setCurrentItem(lyng_item.child(0))
    qtbot.keyClick(view.grid, Qt.Key.Key_Space)
    assert lyng_item.child(0).checkState(0) == Qt.CheckState.Checked
    assert view.absent_label.text().startswith("9 af 11 lokalområder ikke repræsenteret")
    assert "Fjordglimt" not in view.absent_label.text()
    assert "Bakkekammen" in view.absent_label.text()
    fjord_item = next(i for i in view.grid.areas if i.text(0) == "Fjordglimt")
    assert fjord_item.text(1) == "2 deltog"
    bakke_item = next(i for i in view.grid.areas if i.text(0) == "Bakkekammen")
    assert bakke_item.text(1) == "Ikke repræsenteret"
    assert view.save_button.isEnabled()
    view.save_button.click()

    missing = {a.name for a in meetings.areas_not_represented(demo_db, meeting_id)}
    assert len(missing) == 9 and "Fjordglimt" not in missing and "Lyngbakken" not in missing
    assert view.model.index(view.model.row_of_id(meeting_id), 1).data() == "2/11"
    assert not view.save_button.isEnabled()

    window.close()
    again, view2 = open_view(qtbot, demo_db)
    again.open_record("network_meeting", meeting_id)
    assert view2.table.current_id() == meeting_id
    assert set(view2.grid.attendees()) == {
        (fjord.id, fjord_people[0].person_id),
        (fjord.id, fjord_people[1].person_id),
        (lyng.id, lyng_people[0].person_id),
    }


def test_a_meeting_without_title_is_refused_beside_the_field(
    qtbot: QtBot, demo_db: Database
) -> None:
    window, view = open_view(qtbot, demo_db)
    before = len(meetings.list_meetings(demo_db, window.ctx.programme_id))
    view.new_record()
    dialog = view.dialog
    assert dialog is not None
    dialog.try_save()
    assert dialog.isVisible()
    assert "Titel: skal udfyldes" in dialog.error_labels["title"].text()
    assert len(meetings.list_meetings(demo_db, window.ctx.programme_id)) == before


def test_deleting_a_meeting_takes_its_attendance_and_ctrl_z_brings_both_back(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view = open_view(qtbot, demo_db)
    pid = window.ctx.programme_id
    first = min(meetings.list_meetings(demo_db, pid), key=lambda m: m.held_on)
    attended = len(first.attendance)
    assert attended > 0
    window.open_record("network_meeting", first.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_button.click()
    assert view.model.row_of_id(first.id) == -1
    window.undo_action.trigger()
    back = next(m for m in meetings.list_meetings(demo_db, pid) if m.id == first.id)
    assert len(back.attendance) == attended
    assert view.model.row_of_id(first.id) >= 0
