"""The laptop's own changes since its base: SQLite's session extension, through APSW.

`find_changes` diffs a snapshot of the laptop file against the base (sqlite3session_diff:
no hook inside SQLAlchemy, nothing to forget to record), and `read_changes` turns the
changeset into rows of Python values, typed through the models' own columns, so the
merge compares a date with a date on either engine.

APSW brings its own SQLite: it only ever opens the base and temporary files, never the
laptop file the desk has open (two SQLite libraries on one file break each other's locks).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import apsw
from sqlalchemy import ColumnElement, Table, and_
from sqlalchemy.dialects import sqlite

from kulturpunkt_desk.domain.models import Base

Op = Literal["insert", "update", "delete"]
Key = tuple[Any, ...]

# Not part of any changeset: the laptop's own bookkeeping, and the schema's version.
NOT_SYNCED = frozenset({"laptop_sync", "alembic_version"})
_OPS: dict[str, Op] = {"INSERT": "insert", "UPDATE": "update", "DELETE": "delete"}
_DIALECT = sqlite.dialect()


@cache
def synced_tables() -> tuple[Table, ...]:
    """Every table a sync carries, each after the tables it points to (sorted once: the
    models do not change while the desk runs)."""
    return tuple(t for t in Base.metadata.sorted_tables if t.name not in NOT_SYNCED)


@dataclass(frozen=True)
class RowChange:
    """One row's change. `old` holds the key and, for an update, the changed columns'
    values before (for a delete: every column); `new` the values after (an update: the
    changed columns and the key; an insert: every column)."""

    table: str
    op: Op
    key: Key
    old: dict[str, Any] = field(default_factory=dict)
    new: dict[str, Any] = field(default_factory=dict)

    @property
    def row(self) -> dict[str, Any]:
        """The row as the laptop has it now (an insert) or had it (a delete)."""
        return self.new if self.op == "insert" else self.old


def key_where(table: Table, key: Key) -> ColumnElement[bool]:
    return and_(*(c == v for c, v in zip(table.primary_key.columns, key, strict=True)))


def find_changes(laptop_snapshot: Path, base: Path) -> bytes:
    """The changeset that turns `base` into `laptop_snapshot` (both closed SQLite files)."""
    conn = apsw.Connection(str(laptop_snapshot))
    try:
        conn.execute("ATTACH DATABASE ? AS base", (str(base),))
        session = apsw.Session(conn, "main")
        try:
            for table in synced_tables():
                session.attach(table.name)
                session.diff("base", table.name)
            return bytes(session.changeset())
        finally:
            session.close()
    finally:
        conn.close()


def apply_changeset(changeset: bytes, target: Path) -> None:
    """Play `changeset` onto the SQLite file `target` (a temporary copy of the base)."""
    conn = apsw.Connection(str(target))
    try:
        with conn:
            apsw.Changeset.apply(
                changeset,
                conn,
                conflict=lambda _why, _change: apsw.SQLITE_CHANGESET_REPLACE,
            )
    finally:
        conn.close()


def column_names(path: Path) -> dict[str, list[str]]:
    """Each synced table's columns in the file's own order (a column added by a migration
    stands last in the file, wherever the model declares it)."""
    conn = apsw.Connection(str(path), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        return {
            table.name: [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table.name}")')]
            for table in synced_tables()
        }
    finally:
        conn.close()


def read_changes(
    changeset: bytes, columns: Mapping[str, Sequence[str]] | None = None
) -> list[RowChange]:
    """The changeset's rows as Python values; `columns` names each table's columns in the
    files' order (default: the models' order, which is a new copy's)."""
    tables = Base.metadata.tables
    found: list[RowChange] = []
    for change in apsw.Changeset.iter(changeset):
        table = tables[change.name]
        names = list(columns[change.name]) if columns else [c.name for c in table.columns]
        op = _OPS[change.op]
        old = _values(table, names, change.old)
        new = _values(table, names, change.new)
        key_names = [c.name for c in table.primary_key.columns]
        source = new if op == "insert" else old
        key = tuple(source[name] for name in key_names)
        if op == "update":
            new.update({name: source[name] for name in key_names})
        found.append(RowChange(table.name, op, key, old, new))
    return found


def typed_row(table: Table, stored: Mapping[str, Any]) -> dict[str, Any]:
    """A row as SQLite stores it, in Python values (the SQLite dialect's result types)."""
    return {name: _typed(table, name, value) for name, value in stored.items()}


def _values(table: Table, names: Sequence[str], stored: Iterable[Any] | None) -> dict[str, Any]:
    if stored is None:
        return {}
    return {
        name: _typed(table, name, value)
        for name, value in zip(names, stored, strict=True)
        if value is not apsw.no_change
    }


_PROCESSORS: dict[tuple[str, str], Any] = {}


def stored_types(table: Table, names: Sequence[str]) -> list[Any]:
    """Per column, the function turning SQLite's stored value into Python's (None: the
    stored value already is); for reading many rows without a dict per row."""
    return [_processor(table, name) for name in names]


def _processor(table: Table, name: str) -> Any:
    key = (table.name, name)
    if key not in _PROCESSORS:
        column_type = table.c[name].type.dialect_impl(_DIALECT)
        _PROCESSORS[key] = column_type.result_processor(_DIALECT, None)
    return _PROCESSORS[key]


def _typed(table: Table, name: str, value: Any) -> Any:
    if value is None:
        return None
    processor = _processor(table, name)
    return processor(value) if processor else value
