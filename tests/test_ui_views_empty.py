"""A brand-new programme without areas: every list view opens, says little, and Ctrl+N works."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import MainWindow

VIEWS = ["sparring", "meetings", "grants", "evaluation", "timeline", "people"]


@pytest.mark.parametrize("key", VIEWS)
def test_view_opens_on_an_empty_programme_and_new_record_does_not_fail(
    qtbot: QtBot, db: Database, programme_id: int, key: str
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view(key)
    view.refresh()
    view.new_record()
    dialog = getattr(view, "dialog", None)
    if dialog is not None:
        dialog.reject()
    assert window.open_record("person", 999_999) is None  # nothing to show, nothing fails
