"""Unsaved input is never dropped without asking: Gem, Kassér or Bliv.

Used by every form (Escape, Annullér, the window's ×), the template editor, the meetings'
attendance ticks and the main window (closing, switching view, F5).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TITLE = "Ændringer er ikke gemt"


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


def ask(parent: QWidget | None, title: str, text: str) -> Choice:
    """Gem (default), Kassér or Bliv; Escape stays, as nothing should be lost by a key."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    save = box.addButton("&Gem", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("&Kassér", QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton("&Bliv", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(stay)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Choice.SAVE
    return Choice.DISCARD if clicked is discard else Choice.STAY


def settle(
    parent: QWidget | None,
    what: str,
    save: Callable[[], bool],
    discard: Callable[[], None] | None = None,
) -> bool:
    """Ask about `what` ("Fremmødet til Netværksmøde 1"); True when the caller may go on:
    the input was saved, or the user chose to discard it."""
    choice = ask(parent, TITLE, f"{what} er ændret, men ikke gemt.\n\nVil du gemme det?")
    if choice is Choice.SAVE:
        return save()
    if choice is Choice.DISCARD:
        if discard is not None:
            discard()
        return True
    return False


def input_state(root: QWidget) -> list[object]:
    """What the user can have typed or chosen in `root`, to compare with an earlier state."""
    state: list[object] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit) and not widget.isReadOnly():
            state.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
            state.append(widget.toPlainText())
        elif isinstance(widget, QAbstractSpinBox):
            state.append(widget.text())
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            state.append(widget.currentIndex())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            state.append(widget.isChecked())
    return state
