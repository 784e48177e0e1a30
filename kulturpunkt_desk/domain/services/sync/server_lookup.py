"""Which keys the server holds, asked in bulk.

The merge checks every new row's key (already there?) and every parent it points to
(still there?). A week's work is hundreds of new rows: one query per table and column,
not one per row. Only what the merge itself inserts changes the answers, until it starts
deleting, when everything asked is forgotten.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Column, Connection, select

from kulturpunkt_desk.domain.models import Base

from .local_changes import RowChange

CHUNK = 500
_Where = tuple[str, str]


def _where(column: Column[Any]) -> _Where:
    return column.table.name, column.name


class ServerLookup:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._asked: dict[_Where, set[Any]] = {}
        self._held: dict[_Where, set[Any]] = {}

    def ask(self, column: Column[Any], values: Iterable[Any]) -> None:
        """Find out at once which of `values` the server's `column` holds."""
        where = _where(column)
        asked = self._asked.setdefault(where, set())
        held = self._held.setdefault(where, set())
        todo = sorted({v for v in values if v is not None} - asked, key=str)
        for start in range(0, len(todo), CHUNK):
            chunk = todo[start : start + CHUNK]
            held.update(self.conn.execute(select(column).where(column.in_(chunk))).scalars())
        asked.update(todo)

    def holds(self, column: Column[Any], value: Any) -> bool:
        where = _where(column)
        if value in self._asked.get(where, ()):
            return value in self._held[where]
        return self.conn.execute(select(column).where(column == value).limit(1)).first() is not None

    def added(self, column: Column[Any], value: Any) -> None:
        where = _where(column)
        self._asked.setdefault(where, set()).add(value)
        self._held.setdefault(where, set()).add(value)

    def forget(self) -> None:
        self._asked.clear()
        self._held.clear()


def keys_and_parents(rows: list[RowChange]) -> dict[Any, set[Any]]:
    """Per column, the values the insert checks ask the server about."""
    asked: dict[Any, set[Any]] = {}
    for change in rows:
        table = Base.metadata.tables[change.table]
        if len(change.key) == 1:
            asked.setdefault(table.primary_key.columns[0], set()).add(change.key[0])
        for fk in table.foreign_keys:
            asked.setdefault(fk.column, set()).add(change.new.get(fk.parent.name))
    return asked
