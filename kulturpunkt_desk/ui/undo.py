"""Every write can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z) while the window is open;
deleting asks first.

The undo stack holds only what really happened: a write runs first, and only when its
transaction committed does the bus publish it and the context push its command
(QUndoStack.push would otherwise record a write that failed).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kulturpunkt_desk.domain.changes import ChangeSet
from kulturpunkt_desk.domain.models import Record
from kulturpunkt_desk.domain.services import change_journal, trash
from kulturpunkt_desk.domain.settings import TextSetting

from . import preferences
from .context import DeskContext
from .failure import attempt, in_box, told_on_failure


def tr(text: str) -> str:
    return QCoreApplication.translate("undo", text)


class JournalCommand(QUndoCommand):
    """A write a service has already made; undo and redo replay its journal (the rows as
    they were before and after), so every write is undone the same way, whatever it was.

    Pushed by the context for every local change the bus publishes. An undo or redo that
    fails (a colleague changed the record since) is told, and its command leaves the stack.
    """

    def __init__(self, ctx: DeskContext, change: ChangeSet, label: str = "") -> None:
        super().__init__(label or change_journal.describe(change))
        self.ctx, self.change = ctx, change
        self.done = True  # push() calls redo() at once; the write already ran

    def redo(self) -> None:
        if self.done:
            return
        self._replay(change_journal.redo, tr("Kan ikke gentages"))

    def undo(self) -> None:
        self._replay(change_journal.undo, tr("Kan ikke fortrydes"))

    def _replay(self, action: Callable[..., None], title: str) -> None:
        window = QApplication.activeWindow()
        with told_on_failure(in_box(window, title)) as outcome:
            action(self.ctx.db, self.change, self.text())
        self.done = False
        if outcome.failed:
            # The file did not change; the stack must not pretend it did.
            self.setObsolete(True)


def confirm_and_delete(
    ctx: DeskContext,
    parent: QWidget | None,
    model: type[Record],
    record_id: str,
    label: str,
    consequence: str = "",
) -> bool:
    """Ask, then delete through the undo stack. Returns True when deleted."""
    text = tr("Vil du slette {0}?").format(label)
    if consequence:
        text += "\n\n" + consequence
    text += "\n\n" + tr("Du kan fortryde med Ctrl+Z, så længe vinduet er åbent.")
    answer = QMessageBox.question(
        parent,
        tr("Slet"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    with ctx.undo_entry(tr("Slet {0}").format(label)):
        ok, _snapshot = attempt(
            lambda: trash.delete_record(ctx.db, model, record_id, label),
            in_box(parent, tr("Kan ikke slettes")),
        )
    return ok


class PreferenceCommand(QUndoCommand):
    """A laptop preference (not data, so not in the journal) set, and set back on undo."""

    def __init__(self, spec: TextSetting, value: str) -> None:
        super().__init__("Ret indstilling")
        self.spec, self.value = spec, value
        self.before = preferences.text(spec)

    def redo(self) -> None:
        preferences.set_text(self.spec, self.value)

    def undo(self) -> None:
        preferences.set_text(self.spec, self.before)
