"""No work dropped without asking: a form's Escape, switching view, F5 and closing the
window with unsaved input ask Gem, Kassér or Bliv."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from desk_window import ViewOpener
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain import settings
from kulturpunkt_desk.domain.models import WheelMeeting
from kulturpunkt_desk.domain.services import (
    areas,
    ekr_partnership,
    ekr_wheel,
    meetings,
    team_settings,
)
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import unsaved
from kulturpunkt_desk.ui.dialogs.area_dialogs import AreaDialog
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.settings_dialog import SettingsDialog
from kulturpunkt_desk.ui.views.ekr import EkrView
from kulturpunkt_desk.ui.views.ekr_settings import PartnershipSettingsDialog
from kulturpunkt_desk.ui.views.ekr_wheel import WheelTab
from kulturpunkt_desk.ui.views.meetings import MeetingsView

Answers = list[unsaved.Choice]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Answers, list[str]]]:
    """Answer the question with the choices the test queues; record what was asked."""
    queued: Answers = []
    asked: list[str] = []

    def ask(_parent: object, _title: str, text: str) -> unsaved.Choice:
        asked.append(text)
        return queued.pop(0)

    monkeypatch.setattr(unsaved, "ask", ask)
    yield queued, asked
    assert queued == [], "a question the test expected was not asked"


def test_escape_in_a_form_with_input_asks_and_bliv_keeps_it(
    qtbot: QtBot, demo_db: Database, answers: tuple[Answers, list[str]]
) -> None:
    queued, asked = answers
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = AreaDialog(window.ctx, window)
    dialog.show()
    name = dialog.fields["name"]
    assert isinstance(name, QLineEdit)
    qtbot.keyClicks(name, "Nyby Strand")
    queued.append(unsaved.Choice.STAY)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and name.text() == "Nyby Strand"
    assert "Nyt lokalområde" in asked[-1]
    queued.append(unsaved.Choice.SAVE)  # Gem: the form's own rules apply (no municipality)
    dialog.reject()
    assert dialog.isVisible() and dialog.error_labels["municipality"].isVisible()
    queued.append(unsaved.Choice.DISCARD)
    dialog.reject()
    assert not dialog.isVisible()
    assert not any(
        a.name == "Nyby Strand" for a in areas.list_areas(demo_db, window.ctx.programme_id)
    )


def test_a_form_without_input_closes_without_a_question(
    qtbot: QtBot, demo_db: Database, answers: tuple[Answers, list[str]]
) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = AreaDialog(window.ctx, window)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert answers[1] == []


def _ticked_meeting(qtbot: QtBot, db: Database) -> tuple[MainWindow, MeetingsView, int]:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("meetings")
    assert isinstance(view, MeetingsView)
    meeting_id = view.shown_id
    assert meeting_id is not None
    member = view.members[0]
    present = (member.area_id, member.person_id) in meetings.attendees(db, meeting_id)
    view.grid.tick(member.area_id, member.person_id, not present)
    assert view.dirty
    return window, view, meeting_id


def test_switching_view_or_f5_with_attendance_ticks_asks(
    qtbot: QtBot, demo_db: Database, answers: tuple[Answers, list[str]]
) -> None:
    queued, asked = answers
    window, view, meeting_id = _ticked_meeting(qtbot, demo_db)
    before = meetings.attendees(demo_db, meeting_id)
    queued.append(unsaved.Choice.STAY)
    window.show_view("areas")
    assert window.current_view_key() == "meetings" and view.dirty
    assert "Fremmødet til" in asked[-1]
    queued.append(unsaved.Choice.DISCARD)
    window.reload()  # F5
    assert not view.dirty
    assert meetings.attendees(demo_db, meeting_id) == before


def test_closing_the_window_with_ticks_asks_and_gem_saves(
    qtbot: QtBot, demo_db: Database, answers: tuple[Answers, list[str]]
) -> None:
    queued, _asked = answers
    window, view, meeting_id = _ticked_meeting(qtbot, demo_db)
    ticked = set(view.grid.attendees())
    queued.append(unsaved.Choice.STAY)
    window.close()
    assert window.isVisible()
    queued.append(unsaved.Choice.SAVE)
    window.close()
    assert not window.isVisible()
    assert meetings.attendees(demo_db, meeting_id) == ticked


def wheel_tab_on_first_meeting(
    ekr_db: Database, open_view: ViewOpener
) -> tuple[MainWindow, WheelTab, WheelMeeting, WheelMeeting]:
    """The year wheel's tab shown, its first meeting of 2026 chosen; and the second."""
    window, view = open_view(ekr_db, "ekr", EkrView)
    tab = view.wheel
    view.tabs.setCurrentWidget(tab)
    first, second = ekr_wheel.list_wheel(ekr_db, view.partnership_id, 2026)[:2]
    assert tab.table.select_id(first.id)
    return window, tab, first, second


def test_the_year_wheels_attendance_ticks_ask_before_another_meeting_a_view_or_f5(
    qtbot: QtBot, ekr_db: Database, answers: tuple[Answers, list[str]], open_view: ViewOpener
) -> None:
    queued, asked = answers
    window, tab, first, second = wheel_tab_on_first_meeting(ekr_db, open_view)
    pid = tab.partnership_id
    member = ekr_partnership.list_members(ekr_db, pid)[0].id
    was_present = tab.ticks()[member]
    tab.set_present(member, not was_present)

    queued.append(unsaved.Choice.STAY)  # another meeting: Bliv keeps meeting and tick
    tab.table.select_id(second.id)
    assert f"Fremmødet til «{first.title}»" in asked[-1]
    assert tab.shown_id == first.id and tab.ticks()[member] is not was_present
    queued.append(unsaved.Choice.STAY)  # another view
    window.show_view("areas")
    assert window.current_view_key() == "ekr"
    queued.append(unsaved.Choice.SAVE)  # F5: Gem saves the tick
    window.reload()
    saved = next(m for m in ekr_wheel.list_wheel(ekr_db, pid, 2026) if m.id == first.id)
    assert {a.member_id: a.present for a in saved.attendance}.get(member, False) is not (
        was_present
    )
    assert tab.unsaved_input() == ""

    tab.set_present(member, was_present)
    queued.append(unsaved.Choice.DISCARD)  # Kassér: the saved tick is shown again
    tab.table.select_id(second.id)
    assert tab.shown_id == second.id
    saved = next(m for m in ekr_wheel.list_wheel(ekr_db, pid, 2026) if m.id == first.id)
    assert {a.member_id: a.present for a in saved.attendance}.get(member, False) is not (
        was_present
    )


def test_the_year_wheels_meeting_fields_ask_before_another_meeting_a_year_or_closing(
    qtbot: QtBot, ekr_db: Database, answers: tuple[Answers, list[str]], open_view: ViewOpener
) -> None:
    queued, asked = answers
    window, tab, first, second = wheel_tab_on_first_meeting(ekr_db, open_view)
    pid = tab.partnership_id
    tab.agenda.setFocus()
    qtbot.keyClicks(tab.agenda, "Punkt om kulturnatten")

    queued.append(unsaved.Choice.STAY)  # another meeting: Bliv keeps meeting and agenda
    tab.table.select_id(second.id)
    assert f"Mødet «{first.title}»" in asked[-1]
    assert tab.shown_id == first.id and "kulturnatten" in tab.agenda.toPlainText()
    queued.append(unsaved.Choice.STAY)  # another year
    if tab.year.findData(2027) < 0:
        tab.year.addItem("2027", 2027)  # as when next year's wheel is proposed
    tab.year.setCurrentIndex(tab.year.findData(2027))
    assert tab.year.currentData() == 2026 and tab.shown_id == first.id
    queued.append(unsaved.Choice.STAY)  # F5
    window.reload()
    assert "kulturnatten" in tab.agenda.toPlainText()
    queued.append(unsaved.Choice.SAVE)  # closing: Gem saves the agenda
    window.close()
    saved = next(m for m in ekr_wheel.list_wheel(ekr_db, pid, 2026) if m.id == first.id)
    assert "kulturnatten" in saved.agenda
    assert tab.unsaved_input() == ""

    tab.minutes.setPlainText("Udkast")
    queued.append(unsaved.Choice.DISCARD)  # Kassér: the next meeting, nothing saved
    tab.table.select_id(second.id)
    assert tab.shown_id == second.id
    saved = next(m for m in ekr_wheel.list_wheel(ekr_db, pid, 2026) if m.id == first.id)
    assert saved.minutes != "Udkast"
    assert tab.unsaved_input() == ""


def test_the_settings_dialog_asks_before_dropping_a_changed_setting(
    qtbot: QtBot, demo_db: Database, answers: tuple[Answers, list[str]]
) -> None:
    queued, asked = answers
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = SettingsDialog(window.ctx, window)
    dialog.show()
    days = dialog.numbers[settings.COMING_DAYS.key]
    days.setValue(days.value() + 7)
    queued.append(unsaved.Choice.STAY)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "Indstillinger" in asked[-1]
    queued.append(unsaved.Choice.SAVE)
    dialog.reject()
    assert not dialog.isVisible()
    saved = team_settings.team_settings(demo_db, window.ctx.programme_id)
    assert saved.values[settings.COMING_DAYS.key] == days.value()


def test_the_partnerships_settings_ask_before_dropping_a_changed_name(
    qtbot: QtBot, ekr_db: Database, answers: tuple[Answers, list[str]], open_view: ViewOpener
) -> None:
    queued, asked = answers
    view = open_view(ekr_db, "ekr", EkrView)[1]
    dialog = PartnershipSettingsDialog(view.ctx, view.partnership_id, view)
    dialog.show()
    name = dialog.fields["name"]
    assert isinstance(name, QLineEdit)
    before = name.text()
    qtbot.keyClicks(name, " (ny)")
    queued.append(unsaved.Choice.DISCARD)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and "Partnerskabets indstillinger" in asked[-1]
    assert ekr_partnership.get_partnership(ekr_db, view.partnership_id).name == before
