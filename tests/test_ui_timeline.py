"""Tidsplan in the window: milestones added, edited, refused, deleted and undone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from desk_window import ViewOpener
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.models import Milestone, MilestoneKind
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.dialogs.milestone import MilestoneDialog
from kulturpunkt_desk.ui.views.timeline import TimelineView


def milestones(db: Database) -> list[Milestone]:
    programme = programmes.current_programme(db)
    assert programme is not None
    return list(programme.milestones)


def test_a_milestone_around_today_is_added_and_highlighted(
    qtbot: QtBot, db: Database, programme_id: str, open_view: ViewOpener
) -> None:
    _window, view = open_view(db, "timeline", TimelineView)
    before = view.model.rowCount()
    view.new_record()
    dialog = view.dialog
    assert isinstance(dialog, MilestoneDialog)
    qtbot.keyClicks(dialog.title, "Ekstra sparringsrunde")
    dialog.kind.setCurrentIndex(dialog.kind.findData(MilestoneKind.SPARRING_ROUND))
    today = date.today()
    dialog.starts_on.field.set_value(today - timedelta(days=3))
    dialog.ends_on.field.set_value(today + timedelta(days=10))
    dialog.round.setValue(3)
    assert dialog.starts_on.week.text() == f"uge {(today - timedelta(days=3)).isocalendar().week}"
    dialog.try_save()
    assert not dialog.isVisible()

    saved = next(m for m in milestones(db) if m.title == "Ekstra sparringsrunde")
    assert saved.round == 3 and saved.kind == MilestoneKind.SPARRING_ROUND
    assert view.model.rowCount() == before + 1
    row = view.model.row_of_id(saved.id)
    start = today - timedelta(days=3)
    assert view.model.index(row, 1).data() == (
        f"{start:%d.%m.%Y}  (uge {start.isocalendar().week})"
    )
    assert view.model.index(row, 3).data() == "3. runde"
    assert view.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "I gang: Ekstra sparringsrunde" in view.today_label.text()
    assert view.table.current_id() == saved.id


def test_end_before_start_is_refused_beside_the_field(
    qtbot: QtBot, db: Database, programme_id: str, open_view: ViewOpener
) -> None:
    _window, view = open_view(db, "timeline", TimelineView)
    count = len(milestones(db))
    view.new_record()
    dialog = view.dialog
    assert dialog is not None
    dialog.title.setText("Baglæns")
    dialog.starts_on.field.set_value(date(2026, 3, 10))
    dialog.ends_on.field.set_value(date(2026, 3, 1))
    dialog.try_save()
    assert dialog.isVisible()
    assert "kan ikke ligge før start" in dialog.error_labels["ends_on"].text()
    assert len(milestones(db)) == count


def test_edit_delete_and_undo_a_milestone_and_reopen(
    qtbot: QtBot,
    db: Database,
    programme_id: str,
    monkeypatch: pytest.MonkeyPatch,
    open_view: ViewOpener,
) -> None:
    window, view = open_view(db, "timeline", TimelineView)
    kickoff = next(m for m in milestones(db) if m.kind == MilestoneKind.KICKOFF)
    window.open_record("milestone", kickoff.id)
    view.edit_selected()
    dialog = view.dialog
    assert dialog is not None
    dialog.starts_on.field.set_value(date(2025, 6, 19))
    dialog.ends_on.field.set_value(date(2025, 6, 19))
    dialog.try_save()
    moved = next(m for m in milestones(db) if m.id == kickoff.id)
    assert moved.starts_on == date(2025, 6, 19)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    count = view.model.rowCount()
    view.delete_button.click()
    assert view.model.rowCount() == count - 1
    window.undo_action.trigger()
    assert view.model.rowCount() == count
    window.close()
    again, view2 = open_view(db, "timeline", TimelineView)
    again.open_record("milestone", kickoff.id)
    assert view2.table.current_record().starts_on == date(2025, 6, 19)
