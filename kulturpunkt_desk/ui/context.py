"""What every view shares: the open database, the current programme, undo, and change news."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.storage.engine import Database


class DeskContext(QObject):
    """Passed to every view. Views call services with `ctx.db` and then `ctx.changed()`."""

    # Emitted after any save, delete or undo, so every visible view can reload.
    data_changed = Signal()
    # Emitted to ask the main window to show a record: (kind, id), e.g. ("area", 3).
    open_requested = Signal(str, int)
    # Emitted when another database file was opened.
    database_replaced = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.programme_id = self._current_programme_id()

    def _current_programme_id(self) -> int:
        # Read once per file: the window's title uses the name (no second fetch at start).
        programme = programmes.current_programme(self.db)
        self.programme_name = programme.name if programme else ""
        return programme.id if programme else 0

    def changed(self) -> None:
        self.data_changed.emit()

    def open_record(self, kind: str, record_id: int) -> None:
        self.open_requested.emit(kind, record_id)

    def replace_database(self, db: Database) -> None:
        old = self.db
        self.db = db
        self.undo_stack.clear()  # undo entries belong to the old file
        self.programme_id = self._current_programme_id()
        old.close()  # lets go of the old file's desk lock too
        self.database_replaced.emit()
        self.data_changed.emit()
