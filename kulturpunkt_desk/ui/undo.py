"""Deleting asks first and can be undone (Ctrl+Z) while the window is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from kulturpunkt_desk.domain.models import Record
from kulturpunkt_desk.domain.services import trash

from .context import DeskContext


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
    def __init__(self, ctx: DeskContext, model: type[Record], record_id: int, label: str) -> None:
        super().__init__(tr("Slet {0}").format(label))
        self.ctx = ctx
        self.model = model
        self.record_id = record_id
        self.label = label
        self.snapshot: trash.Snapshot | None = None

    def redo(self) -> None:
        self.snapshot = trash.delete_record(self.ctx.db, self.model, self.record_id, self.label)
        self.ctx.changed()

    def undo(self) -> None:
        if self.snapshot is not None:
            trash.restore(self.ctx.db, self.snapshot)
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
    ctx.undo_stack.push(DeleteCommand(ctx, model, record_id, label))
    return True
