"""Hjælp: a short Danish guide (F1) and the keyboard shortcuts.

The shortcuts are read from the window's own menus when the list is shown, so the list
never tells of a key that no longer does what it says; the keys that are not menu actions
(Enter, Delete, Esc in a form ...) are listed in EXTRA_KEYS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.resources import resource

from .accessibility import name_list

if TYPE_CHECKING:
    from .main_window import MainWindow

GUIDE = ("hjaelp", "vejledning.md")

# Keys that work without a menu entry: (key, what it does).
EXTRA_KEYS: list[tuple[str, str]] = [
    ("Enter / dobbeltklik", "Åbn den valgte post"),
    ("Delete", "Slet den valgte post (spørger først)"),
    ("Ctrl+Enter", "Gem den åbne formular"),
    ("Esc", "Luk formularen uden at gemme / fra et lokalområdes side tilbage til listen"),
    ("Tab / Shift+Tab", "Næste / forrige felt"),
    ("Alt+bogstav", "Spring til feltet eller knappen med det understregede bogstav"),
    ("Ctrl+E", "Eksportér den viste liste til Excel"),
]


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def menu_shortcuts(menus: list[QMenu]) -> list[tuple[str, str]]:
    """(key, "Menu ▸ Action") for every action with a shortcut, menu by menu."""
    found: list[tuple[str, str]] = []
    for menu in menus:
        for action in menu.actions():
            if action.menu() is not None:
                found += menu_shortcuts([action.menu()])  # type: ignore[list-item]
                continue
            keys = action.shortcut()
            if keys.isEmpty() or not action.text():
                continue
            key = keys.toString(QKeySequence.SequenceFormat.NativeText)
            found.append((key, f"{plain(menu.title())} ▸ {plain(action.text())}"))
    return found


def window_menus(window: QMainWindow) -> list[QMenu]:
    return [a.menu() for a in window.menuBar().actions() if a.menu() is not None]  # type: ignore[misc]


def reading_layout(dialog: QDialog, title: str, body: QWidget, size: QSize) -> None:
    """A window to read: one widget above a Luk button."""
    dialog.setWindowTitle(title)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body)
    layout.addWidget(buttons)
    dialog.resize(size)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        """`parent`: the main window, whose menus are listed."""
        super().__init__(parent)
        menus = window_menus(parent) if isinstance(parent, QMainWindow) else []
        rows = menu_shortcuts(menus) + EXTRA_KEYS
        self.table = QTableWidget(len(rows), 2)
        name_list(self.table, "Tastaturgenveje")
        self.table.setHorizontalHeaderLabels(["Tast", "Gør"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for n, (key, does) in enumerate(rows):
            self.table.setItem(n, 0, QTableWidgetItem(key))
            self.table.setItem(n, 1, QTableWidgetItem(does))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        reading_layout(self, "Tastaturgenveje", self.table, QSize(640, 520))


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Vejledning")
        self.text.setTabChangesFocus(True)  # Tab leaves the text for the Luk button
        self.text.setMarkdown(resource(*GUIDE).read_text(encoding="utf-8"))
        reading_layout(self, "Vejledning", self.text, QSize(680, 600))


def install_help_menu(window: MainWindow, menu: QMenu) -> None:
    """Vejledning (F1) and Tastaturgenveje first in Hjælp, before Om."""
    first = menu.actions()[0] if menu.actions() else None
    guide = QAction("&Vejledning", window)
    guide.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
    guide.triggered.connect(lambda: GuideDialog(window).exec())
    keys = QAction("&Tastaturgenveje", window)
    keys.triggered.connect(lambda: ShortcutsDialog(window).exec())
    menu.insertActions(first, [guide, keys])  # type: ignore[arg-type]
    if first is not None:
        menu.insertSeparator(first)
    window.guide_action, window.shortcuts_action = guide, keys  # type: ignore[attr-defined]
