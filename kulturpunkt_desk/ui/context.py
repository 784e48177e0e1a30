"""What every view shares: the open database, the current programme, undo, and change news."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from kulturpunkt_desk.domain.changes import ChangeSet, bus_for, merged
from kulturpunkt_desk.domain.models.base import NO_RECORD
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.domain.settings import TextSetting
from kulturpunkt_desk.storage.engine import Database


class DeskContext(QObject):
    """Passed to every view. Views call services with `ctx.db`; the services tell the
    database's change bus what they wrote, and the context passes it on: views reload, and
    every local write goes on the one undo stack (see undo.JournalCommand)."""

    # Emitted after any change (a save here, an undo, news from elsewhere, F5).
    data_changed = Signal()
    # The same, with what changed (a ChangeSet); views that watch some kinds listen here.
    records_changed = Signal(object)
    # Emitted to ask the main window to show a record: (kind, id), e.g. ("area", 3).
    open_requested = Signal(str, str)
    # Emitted when another database file was opened.
    database_replaced = Signal()
    # The bus may publish from a worker thread; this signal brings the news to this one.
    _arrived = Signal(object)
    # Emitted (in the GUI thread) when a colleague on the same server saved something:
    # the kinds of records they changed, and their login (the status bar says so).
    colleague_saved = Signal(object, str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.programme_id = self._current_programme_id()
        self._group: list[ChangeSet] | None = None
        self._arrived.connect(self._on_change)
        self._unsubscribe = self._subscribe(db)
        self._listen()

    def _subscribe(self, db: Database) -> Callable[[], None]:
        # The bus outlives windows (it belongs to the file): it holds the context weakly.
        me = weakref.ref(self)

        def tell(change: ChangeSet) -> None:
            ctx = me()
            if ctx is not None:
                with suppress(RuntimeError):  # its Qt object is already gone
                    ctx._arrived.emit(change)

        return bus_for(db.engine).subscribe(tell, journal=True)

    def _listen(self) -> None:
        """On a server: a colleague's save is news on this database's bus, as a local
        change is (not undoable here), so the views reload the same way."""
        bus = bus_for(self.db.engine)
        me = weakref.ref(self)

        def heard(kinds: frozenset[str], who: str) -> None:  # the listener's thread
            bus.publish(ChangeSet(kinds=kinds or frozenset({"*"}), local=False))
            ctx = me()
            if ctx is not None:
                with suppress(RuntimeError):
                    ctx.colleague_saved.emit(kinds, who)

        self.db.listen(heard)

    def _current_programme_id(self) -> str:
        # Read once per database: the window's title uses the name (no second fetch at start).
        programme = programmes.current_programme(self.db)
        self.programme_name = programme.name if programme else ""
        return programme.id if programme else NO_RECORD

    @contextmanager
    def undo_entry(self, label: str) -> Iterator[None]:
        """Every write inside the block becomes ONE undo entry named `label` ("Slet Øster
        Hede"). Outside such a block each write is an entry of its own, named from what it
        changed ("ændring af tilskuddet")."""
        outermost = self._group is None
        if outermost:
            self._group = []
        try:
            yield
        finally:
            if outermost:
                group, self._group = self._group or [], None
                self._push(merged(group), label)

    def with_preference(
        self, label: str, save: Callable[[], object], spec: TextSetting, value: str
    ) -> None:
        """`save` (journaled service writes) and a laptop preference as ONE undo entry."""
        from .undo import PreferenceCommand

        self.undo_stack.beginMacro(label)
        try:
            with self.undo_entry(label):
                save()
            self.undo_stack.push(PreferenceCommand(spec, value))
        finally:
            self.undo_stack.endMacro()

    def _push(self, change: ChangeSet, label: str = "") -> None:
        from .undo import JournalCommand  # undo.py shows message boxes; imported late

        if change.undoable:
            self.undo_stack.push(JournalCommand(self, change, label))

    def _on_change(self, change: ChangeSet) -> None:
        if change.undoable and self._group is not None:
            self._group.append(change)
        else:
            self._push(change)
        if change.touches("programme", "setting"):
            self.programme_id = self._current_programme_id()  # the current one may be another
        self.records_changed.emit(change)
        self.data_changed.emit()

    def changed(self) -> None:
        """Reload every view: only for what no service published (F5, another file)."""
        self.records_changed.emit(ChangeSet(kinds=frozenset(), local=False))
        self.data_changed.emit()

    def close(self) -> None:
        """Stop hearing the file's news (the window is closing)."""
        self._unsubscribe()
        self.undo_stack.clear()

    def open_record(self, kind: str, record_id: str) -> None:
        self.open_requested.emit(kind, record_id)

    def replace_database(self, db: Database) -> None:
        old = self.db
        self._unsubscribe()
        self.db = db
        self._unsubscribe = self._subscribe(db)
        self.undo_stack.clear()  # undo entries belong to the old file
        self.programme_id = self._current_programme_id()
        old.close()  # lets go of the old file's desk lock (and stops hearing its server)
        self._listen()
        self.database_replaced.emit()
        self.changed()
