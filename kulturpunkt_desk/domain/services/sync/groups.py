"""How the rows of a change set hang together, on the laptop and on the server.

- `ChangeGroups`: rows joined to the rows of the same change set they point to (a new
  area with its new sessions; a deleted area with the rows deleted with it), so a group
  is taken or refused whole; the root is the group's topmost row.
- `referencing`: the links that make a deletion take rows along (or stop it).
- `touch_nulled_children`: ON DELETE SET NULL changes children without a save; their
  versions are raised, so every laptop's refresh brings the lost link.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Table

from kulturpunkt_desk.domain.models import Base

from .local_changes import Key, RowChange, synced_tables


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


class ChangeGroups:
    """Rows joined to the row of this change set they point to (union-find)."""

    def __init__(self, changes: Iterable[RowChange]) -> None:
        self.rows = {(c.table, c.key): c for c in changes}
        self.parent = {k: k for k in self.rows}
        for (table_name, key), change in self.rows.items():
            for fk in _table(table_name).foreign_keys:
                target = (fk.column.table.name, (change.row.get(fk.parent.name),))
                if target in self.rows:
                    self._join((table_name, key), target)

    def _find(self, k: tuple[str, Key]) -> tuple[str, Key]:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def _join(self, child: tuple[str, Key], parent: tuple[str, Key]) -> None:
        a, b = self._find(child), self._find(parent)
        if a != b:
            order = {t.name: i for i, t in enumerate(synced_tables())}
            # The topmost table's row is the group's root (ties: the first seen).
            if order[a[0]] < order[b[0]]:
                a, b = b, a
            self.parent[a] = b

    def groups(self) -> dict[tuple[str, Key], list[RowChange]]:
        order = {t.name: i for i, t in enumerate(synced_tables())}
        found: dict[tuple[str, Key], list[RowChange]] = {}
        for k, change in self.rows.items():
            found.setdefault(self._find(k), []).append(change)
        for members in found.values():
            members.sort(key=lambda c: order[c.table])
        return found


def referencing(table: Table) -> list[tuple[Table, Any]]:
    """Columns pointing to `table` whose rows go with (or block) a deletion; SET NULL
    ones only lose the link, which the laptop's own change set shows."""
    found = []
    for child in synced_tables():
        for fk in child.foreign_keys:
            if fk.column.table is table and (fk.ondelete or "").upper() != "SET NULL":
                found.append((child, fk.parent))
    return found


def touch_nulled_children(conn: Connection, table: Table, key: Any) -> None:
    """Raise the versions of the rows whose link to (table, key) a deletion clears."""
    for child in synced_tables():
        for fk in child.foreign_keys:
            nulled = fk.column.table is table and (fk.ondelete or "").upper() == "SET NULL"
            if nulled and "row_version" in child.c:
                conn.execute(
                    child.update()
                    .where(fk.parent == key)
                    .values(row_version=child.c.row_version + 1)
                )
