"""News of changed records: a service transaction publishes what it changed after commit.

Whoever shows data subscribes to the bus of its database and reloads what a change
touched. The bus does not care where a change came from: this program's own services
publish `local` changes (with the rows, so that they can be undone), and a listener on
another desk's writes (PostgreSQL LISTEN/NOTIFY) can publish the same `ChangeSet` with
only the kinds and `local=False`. Subscribers treat both alike, apart from undo.

No SQLAlchemy and no Qt here: the session hooks that fill a ChangeSet live in
`services/change_journal.py`.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RowChange:
    """One row as it was before and after a transaction (None: it did not exist)."""

    table: str
    key: tuple[Any, ...]
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None

    @property
    def action(self) -> str:
        if self.before is None:
            return "create"
        return "delete" if self.after is None else "update"


@dataclass(frozen=True)
class ChangeSet:
    """What one committed transaction changed.

    `kinds` are the table names of every record written. `rows` is the journal that lets
    the change be undone; it is empty when no journal was kept (remote news, undo itself,
    writes too large or made around the ORM), and then the change cannot be undone.
    """

    kinds: frozenset[str]
    rows: tuple[RowChange, ...] = ()
    local: bool = True
    # Set on the change an undo or redo made, so that it is not itself put on the stack.
    replay: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def undoable(self) -> bool:
        return self.local and not self.replay and bool(self.rows)

    def touches(self, *kinds: str) -> bool:
        return not kinds or bool(self.kinds.intersection(kinds))


def merged(changes: Sequence[ChangeSet]) -> ChangeSet:
    """Several committed changes as one (one undo entry for "save and then choose"): each
    row as it was before the first and after the last. Undoable only if each part was."""
    rows: dict[tuple[str, tuple[Any, ...]], RowChange] = {}
    for change in changes:
        for row in change.rows:
            earlier = rows.get((row.table, row.key))
            before = earlier.before if earlier else row.before
            rows[(row.table, row.key)] = RowChange(row.table, row.key, before, row.after)
    kept = tuple(r for r in rows.values() if r.before != r.after)
    whole = bool(changes) and all(c.undoable for c in changes)
    return ChangeSet(
        kinds=frozenset().union(*(c.kinds for c in changes)), rows=kept if whole else ()
    )


Subscriber = Callable[[ChangeSet], None]


class ChangeBus:
    """Subscribers of one database's changes. Publishing never fails the publisher:
    the transaction is already committed, so a subscriber's error is only logged."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()
        # Keeping row images costs a query per written row; only worth it when someone
        # offers undo (the window does, the command line does not).
        self.keep_journal = False

    def subscribe(self, callback: Subscriber, *, journal: bool = False) -> Callable[[], None]:
        """Call `callback` with every ChangeSet; returns the function that unsubscribes."""
        with self._lock:
            self._subscribers.append(callback)
            self.keep_journal = self.keep_journal or journal

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, change: ChangeSet) -> None:
        if not change.kinds:
            return
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(change)
            except Exception:  # the data is saved; a failed refresh must not say otherwise
                log.exception("En modtager af ændringer fejlede")


_buses: weakref.WeakKeyDictionary[object, ChangeBus] = weakref.WeakKeyDictionary()
_buses_lock = threading.Lock()


def bus_for(owner: object) -> ChangeBus:
    """The bus of one database, keyed by its engine (what a session's connection knows)."""
    with _buses_lock:
        found = _buses.get(owner)
        if found is None:
            found = _buses[owner] = ChangeBus()
        return found


def share_bus(owner: object, bus: ChangeBus) -> None:
    """Let another engine on the same database (a worker thread's) publish to `bus`."""
    with _buses_lock:
        _buses[owner] = bus
