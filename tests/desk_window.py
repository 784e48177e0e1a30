"""The one way a test opens the desk's window on a database and shows a view.

`open_view` (a fixture in conftest.py) hands out a `ViewOpener`; a test asks for the view it
drives and gets it typed, so no test file keeps its own copy of this helper.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from pytestqt.qtbot import QtBot

from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.views.base import View

V = TypeVar("V", bound=View)


class ViewOpener(Protocol):
    def __call__(
        self, db: Database, key: str | None = None, kind: type[V] = ..., *, active: bool = False
    ) -> tuple[MainWindow, V]: ...


def view_opener(qtbot: QtBot) -> ViewOpener:
    def opener(
        db: Database, key: str | None = None, kind: type[V] = View, *, active: bool = False
    ) -> tuple[MainWindow, V]:
        """The window shown on `db`; with `key`, that view shown; `active` when the test
        presses shortcuts (they only reach the active window)."""
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        if active:
            with qtbot.waitActive(window):
                window.activateWindow()
        view = window.show_view(key) if key else window.view(window.current_view_key())
        assert isinstance(view, kind)
        return window, view

    return opener  # type: ignore[return-value]
