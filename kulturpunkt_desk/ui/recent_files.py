"""Filer ▸ Seneste databaser and Filer ▸ Indstillinger.

The files opened on this laptop are remembered in its preferences (`RECENT_DATABASES` in
the settings registry, newest first); a file that no longer exists is not offered.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from . import preferences
from .safety_menu import file_menu

if TYPE_CHECKING:
    from .main_window import MainWindow


def fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    current = window.ctx.db.path.resolve()
    paths = [p for p in preferences.recent_databases() if p.resolve() != current]
    for n, path in enumerate(paths, start=1):
        mark = f"&{n} " if n <= 9 else ""
        action = menu.addAction(f"{mark}{path.name} – {path.parent}")
        action.triggered.connect(lambda _=False, p=path: window.switch_database(p, create=False))
    if not paths:
        menu.addAction("Ingen andre databaser endnu").setEnabled(False)


def install_recent_files(window: MainWindow) -> None:
    """Seneste databaser after Ny database; Indstillinger before the safety actions."""
    menu = file_menu(window)
    actions = menu.actions()
    recent = QMenu("Seneste &databaser", window)
    recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    settings_action = QAction("Indstillin&ger…", window)
    settings_action.triggered.connect(window.open_settings)
    # After the two "open" actions (Åbn, Ny): the first separator.
    separator = next((a for a in actions if a.isSeparator()), None)
    menu.insertMenu(separator, recent)  # type: ignore[arg-type]
    menu.insertAction(separator, settings_action)  # type: ignore[arg-type]
    window.recent_menu, window.settings_action = recent, settings_action  # type: ignore[attr-defined]
    remember(window.ctx.db.path)
    window.ctx.database_replaced.connect(lambda: remember(window.ctx.db.path))


def remember(path: Path) -> None:
    preferences.remember_database(path)
