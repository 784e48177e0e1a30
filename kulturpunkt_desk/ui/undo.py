"""Deleting asks first and can be undone (Ctrl+Z) while the window is open.

The undo stack holds only what really happened: the deletion runs first, and only when it
succeeded is its command pushed (QUndoStack.push would otherwise record a deletion that
failed). An undo or redo that fails is told, and its command leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from kulturpunkt_desk.domain.models import Record
from kulturpunkt_desk.domain.services import trash

from .context import DeskContext
from .failure import attempt, in_box, told_on_failure


def tr(text: str) -> str:
    return QCoreApplication.translate("undo", text)


class SaveSettingsCommand(QUndoCommand):
    """Saves a record's settings with `save(data)`; undo saves the earlier ones again."""

    def __init__(
        self,
        ctx: DeskContext,
        label: str,
        save: Callable[[Any], None],
        before: object,
        after: object,
    ) -> None:
        super().__init__(label)
        self.ctx, self.save = ctx, save
        self.before, self.after = before, after

    def redo(self) -> None:
        self.save(self.after)
        self.ctx.changed()

    def undo(self) -> None:
        self.save(self.before)
        self.ctx.changed()


class DeleteCommand(QUndoCommand):
    """A deletion that has already happened (`snapshot` holds what it removed)."""

    def __init__(
        self,
        ctx: DeskContext,
        model: type[Record],
        record_id: int,
        label: str,
        snapshot: trash.Snapshot,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Slet {0}").format(label))
        self.ctx = ctx
        self.model = model
        self.record_id = record_id
        self.label = label
        self.snapshot = snapshot
        self.window = parent
        self.done = True  # push() calls redo() at once; the deletion already ran

    def redo(self) -> None:
        if self.done:
            return
        with told_on_failure(in_box(self.window, tr("Kan ikke gentages"))) as outcome:
            self.snapshot = trash.delete_record(self.ctx.db, self.model, self.record_id, self.label)
        self._after(outcome.failed)

    def undo(self) -> None:
        with told_on_failure(in_box(self.window, tr("Kan ikke fortrydes"))) as outcome:
            trash.restore(self.ctx.db, self.snapshot)
        self._after(outcome.failed)

    def _after(self, failed: bool) -> None:
        self.done = False
        if failed:
            # The file did not change; the stack must not pretend it did.
            self.setObsolete(True)
        self.ctx.changed()


def confirm_and_delete(
    ctx: DeskContext,
    parent: QWidget | None,
    model: type[Record],
    record_id: int,
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
    ok, snapshot = attempt(
        lambda: trash.delete_record(ctx.db, model, record_id, label),
        in_box(parent, tr("Kan ikke slettes")),
    )
    if not ok or snapshot is None:
        return False
    ctx.undo_stack.push(DeleteCommand(ctx, model, record_id, label, snapshot, parent))
    ctx.changed()
    return True
