"""A brand-new programme without areas: every list view opens, says little, and Ctrl+N works."""

from __future__ import annotations

import pytest
from desk_window import ViewOpener
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.storage.engine import Database

VIEWS = ["sparring", "meetings", "grants", "evaluation", "timeline", "people"]


@pytest.mark.parametrize("key", VIEWS)
def test_view_opens_on_an_empty_programme_and_new_record_does_not_fail(
    qtbot: QtBot, db: Database, programme_id: str, key: str, open_view: ViewOpener
) -> None:
    window, view = open_view(db, key)
    view.refresh()
    view.new_record()
    dialog = getattr(view, "dialog", None)
    if dialog is not None:
        dialog.reject()
    assert window.open_record("person", 999_999) is None  # nothing to show, nothing fails
