"""What the Europæisk Kulturregion tabs share: the tab base, a one-line message and an
undoable creation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from kulturpunkt_desk.domain.models import Record
from kulturpunkt_desk.domain.services import trash

from .. import palette
from ..context import DeskContext


class MessageLine(QLabel):
    """Feedback under a tab's buttons: red for errors, plain for confirmations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def error(self, text: str) -> None:
        self.setStyleSheet(palette.style(palette.WARNING))
        self.setText(text)
        self.show()

    def info(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)
        self.show()


class EkrTab(QWidget):
    """A tab of the EKR view; `load` (re)reads everything for the partnership."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.partnership_id = 0
        self.message = MessageLine()

    def load(self, partnership_id: int) -> None:
        self.partnership_id = partnership_id
        self.reload()

    def reload(self) -> None:
        """Re-read from the services."""


class CreatedCommand(QUndoCommand):
    """A record the tab has just created: undo takes it away (through the trash, so redo
    puts the very same record back)."""

    def __init__(self, ctx: DeskContext, model: type[Record], record_id: int, label: str) -> None:
        super().__init__(QCoreApplication.translate("ekr", "Opret {0}").format(label))
        self.ctx, self.model, self.record_id, self.label = ctx, model, record_id, label
        self.snapshot: trash.Snapshot | None = None

    def redo(self) -> None:
        if self.snapshot is not None:  # not on the first push: the record exists already
            trash.restore(self.ctx.db, self.snapshot)
            self.ctx.changed()

    def undo(self) -> None:
        self.snapshot = trash.delete_record(self.ctx.db, self.model, self.record_id, self.label)
        self.ctx.changed()


def push_created(ctx: DeskContext, model: type[Record], record_id: int, label: str) -> None:
    """Make a creation undoable with Ctrl+Z."""
    ctx.undo_stack.push(CreatedCommand(ctx, model, record_id, label))


class YearBox(QComboBox):
    """The year a tab shows: the years that have data, this year and the next."""

    def set_years(self, years: list[int]) -> None:
        chosen = self.currentData()
        today = date.today().year
        shown = sorted(set(years) | {today, today + 1})
        self.blockSignals(True)
        self.clear()
        for year in shown:
            self.addItem(str(year), year)
        self.setCurrentIndex(self.findData(chosen if chosen in shown else today))
        self.blockSignals(False)

    def year(self) -> int:
        return int(self.currentData() or date.today().year)


class EditedCommand(QUndoCommand):
    """A change the tab has just saved: undo saves the values from before, redo the new ones
    (both through the same service call, so its rules hold either way)."""

    def __init__(
        self, ctx: DeskContext, label: str, before: Callable[[], None], after: Callable[[], None]
    ) -> None:
        super().__init__(QCoreApplication.translate("ekr", "Ret {0}").format(label))
        self.ctx, self.before, self.after = ctx, before, after
        self.first = True

    def redo(self) -> None:
        if self.first:  # the change is saved already
            self.first = False
            return
        self.after()
        self.ctx.changed()

    def undo(self) -> None:
        self.before()
        self.ctx.changed()
