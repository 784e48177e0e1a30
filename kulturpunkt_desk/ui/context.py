"""What every view shares: the open database, the current programme, undo, and change news."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from kulturpunkt_desk.domain.models.base import NO_RECORD
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.storage.engine import Database


class DeskContext(QObject):
    """Passed to every view. Views call services with `ctx.db` and then `ctx.changed()`."""

    # Emitted after any save, delete or undo, so every visible view can reload.
    data_changed = Signal()
    # Emitted to ask the main window to show a record: (kind, id), e.g. ("area", 3).
    open_requested = Signal(str, str)
    # Emitted when another database file was opened.
    database_replaced = Signal()
    # Emitted (in the GUI thread) when a colleague on the same server saved something:
    # the kinds of records they changed, and their login.
    colleague_saved = Signal(object, str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.colleague_saved.connect(self.colleague_changed)
        self.programme_id = self._current_programme_id()
        self._listen()

    def _listen(self) -> None:
        # The listener's thread emits; Qt delivers the signal in this object's thread.
        self.db.listen(lambda kinds, who: self.colleague_saved.emit(kinds, who))

    def _current_programme_id(self) -> str:
        # Read once per database: the window's title uses the name (no second fetch at start).
        programme = programmes.current_programme(self.db)
        self.programme_name = programme.name if programme else ""
        return programme.id if programme else NO_RECORD

    def changed(self) -> None:
        self.data_changed.emit()

    def colleague_changed(self, _kinds: frozenset[str], _who: str) -> None:
        """A colleague's save: the views reload as after one of ours."""
        self.data_changed.emit()

    def open_record(self, kind: str, record_id: str) -> None:
        self.open_requested.emit(kind, record_id)

    def replace_database(self, db: Database) -> None:
        old = self.db
        self.db = db
        self.undo_stack.clear()  # undo entries belong to the old file
        self.programme_id = self._current_programme_id()
        old.close()  # lets go of the old file's desk lock (and stops hearing its server)
        self._listen()
        self.database_replaced.emit()
        self.data_changed.emit()
