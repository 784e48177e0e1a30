"""Bring the laptop and its base to the server's state, reading only what changed.

In one repeatable-read snapshot of the server, each record's (key, row_version) is
compared with the base (a save raises the version, so an unchanged version is an
unchanged row); audit entries and stored files never change, so their keys suffice; the
few settings are compared whole. Rows to bring are those changed on the server since the
base and those the laptop's changes touched (its refused changes are undone by them).
They are written with UPDATE/INSERT/DELETE, never delete-and-insert, which would take the
children along through ON DELETE CASCADE.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select

from kulturpunkt_desk.domain.models import Base
from kulturpunkt_desk.storage.sqlite_files import connect

from .local_changes import Key, key_where, stored_types, synced_tables, typed_row
from .merge import INSERT_ONLY
from .values import comparable

CHUNK = 500
Touched = set[tuple[str, Key]]


@dataclass
class Refresh:
    """What to write into the laptop and the next base, table by table."""

    upserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    deletes: dict[str, list[Key]] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(map(len, self.upserts.values())) + sum(map(len, self.deletes.values()))


def _is_record(table: Table) -> bool:
    return "row_version" in table.c


def _key_columns(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def _fingerprints_on_server(conn: Connection, table: Table, whole: bool) -> dict[Key, Any]:
    keys = _key_columns(table)
    if _is_record(table):
        query = select(*keys, table.c.row_version)
    elif table.name in INSERT_ONLY and not whole:
        query = select(*keys)
    else:
        query = select(table)
    width = len(keys)
    result = conn.execute(query)
    if _is_record(table):  # the bulk of the rows: plain tuples, no mapping per row
        return {tuple(row[:width]): row[width] for row in result}
    return {tuple(row[:width]): _fingerprint(table, row._asdict(), whole) for row in result}


def _fingerprints_in_base(base: Path, table: Table, whole: bool) -> dict[Key, Any]:
    keys = [c.name for c in _key_columns(table)]
    if _is_record(table):
        names = [*keys, "row_version"]
    elif table.name in INSERT_ONLY and not whole:
        names = keys
    else:
        names = [c.name for c in table.columns]
    columns = ", ".join(f'"{n}"' for n in names)
    conn = connect(base, "ro")
    try:
        rows = conn.execute(f'SELECT {columns} FROM "{table.name}"').fetchall()
    finally:
        conn.close()
    width = len(keys)
    if _is_record(table) and not any(stored_types(table, keys)):  # text keys: as stored
        return {tuple(values[:width]): values[width] for values in rows}
    found: dict[Key, Any] = {}
    for values in rows:
        row = typed_row(table, dict(zip(names, values, strict=True)))
        found[tuple(row[k] for k in keys)] = _fingerprint(table, row, whole)
    return found


def _fingerprint(table: Table, row: dict[str, Any], whole: bool) -> Any:
    if _is_record(table):
        return row["row_version"]
    if table.name in INSERT_ONLY and not whole:
        return None
    return tuple(sorted((k, repr(comparable(v))) for k, v in row.items()))


def plan_refresh(
    server: Connection,
    base: Path,
    touched: Iterable[tuple[str, Key]],
    laptop: Path | None = None,
) -> Refresh:
    """The rows that make `base` (and the laptop, `touched` by its changes; `laptop` is a
    snapshot of it) the server's state as `server`'s snapshot sees it."""
    by_table: dict[str, set[Key]] = {}
    for table_name, key in touched:
        by_table.setdefault(table_name, set()).add(key)
    plan = Refresh()
    found: dict[str, tuple[set[Key], dict[Key, Any]]] = {}
    for table in synced_tables():
        bring, on_server, in_base = _changed(server, base, table, whole=False)
        if table.name == "audit_entry" and _erased(server, table, bring):
            # An anonymisation rewrote old entries in place: this once, compare them whole.
            bring, on_server, in_base = _changed(server, base, table, whole=True)
        mine = by_table.get(table.name, set())
        bring |= {k for k in mine if k in on_server}
        gone = {k for k in in_base if k not in on_server} | {k for k in mine if k not in on_server}
        found[table.name] = bring, on_server
        if gone:
            plan.deletes[table.name] = sorted(gone)
    # A deletion also takes (ON DELETE CASCADE) or changes (SET NULL) the rows pointing to
    # it in each file, rows that may still be on the server: a laptop's refused move of a
    # session to an area deleted on the server meanwhile. Those rows are brought back.
    for path in (base, laptop):
        for table_name, key in _reached_by_deletes(path, plan.deletes) if path else ():
            bring, on_server = found[table_name]
            if key in on_server:
                bring.add(key)
    for table in synced_tables():
        bring = found[table.name][0]
        if bring:
            plan.upserts[table.name] = _fetch(server, table, sorted(bring))
    return plan


def _reached_by_deletes(path: Path, deletes: dict[str, list[Key]]) -> set[tuple[str, Key]]:
    """The rows of the SQLite file `path` that deleting `deletes` would delete or change
    through their foreign keys (followed on through the deleted ones)."""
    reached: set[tuple[str, Key]] = set()
    doomed = {(name, key) for name, keys in deletes.items() for key in keys}
    todo = [(name, list(keys)) for name, keys in deletes.items()]
    conn = connect(path, "ro")
    try:
        while todo:
            name, keys = todo.pop()
            parent = Base.metadata.tables[name]
            for child, fk in _links_to(parent):
                found = _pointing(conn, child, fk.parent.name, [k[0] for k in keys])
                new = [
                    k
                    for k in found
                    if (child.name, k) not in doomed and (child.name, k) not in reached
                ]
                reached |= {(child.name, k) for k in new}
                if new and (fk.ondelete or "").upper() != "SET NULL":
                    todo.append((child.name, new))
    finally:
        conn.close()
    return reached


def _links_to(parent: Table) -> list[tuple[Table, Any]]:
    """Foreign keys pointing to `parent`'s one-column key, with their tables."""
    keys = _key_columns(parent)
    return [
        (child, fk)
        for child in synced_tables()
        for fk in child.foreign_keys
        if len(keys) == 1 and fk.column is keys[0]
    ]


def _pointing(conn: Any, child: Table, column: str, values: list[Any]) -> list[Key]:
    names = [c.name for c in _key_columns(child)]
    columns = ", ".join(f'"{n}"' for n in names)
    found: list[Key] = []
    for start in range(0, len(values), CHUNK):
        chunk = values[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        query = f'SELECT {columns} FROM "{child.name}" WHERE "{column}" IN ({marks})'
        for stored in conn.execute(query, chunk).fetchall():
            row = typed_row(child, dict(zip(names, stored, strict=True)))
            found.append(tuple(row[n] for n in names))
    return found


_MISSING = object()


def _changed(
    server: Connection, base: Path, table: Table, *, whole: bool
) -> tuple[set[Key], dict[Key, Any], dict[Key, Any]]:
    on_server = _fingerprints_on_server(server, table, whole)
    in_base = _fingerprints_in_base(base, table, whole)
    bring = {k for k, v in on_server.items() if in_base.get(k, _MISSING) != v}
    return bring, on_server, in_base


def _erased(server: Connection, table: Table, new_keys: set[Key]) -> bool:
    """Whether the audit entries new since the base include an anonymisation."""
    ids = [k[0] for k in new_keys]
    for start in range(0, len(ids), CHUNK):
        query = select(table.c.id).where(
            table.c.id.in_(ids[start : start + CHUNK]), table.c.action == "anonymise"
        )
        if server.execute(query.limit(1)).first():
            return True
    return False


def _fetch(conn: Connection, table: Table, keys: list[Key]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    columns = _key_columns(table)
    if len(columns) != 1:
        return [r for k in keys for r in _fetch_one(conn, table, k)]
    for start in range(0, len(keys), CHUNK):
        chunk = [k[0] for k in keys[start : start + CHUNK]]
        result = conn.execute(select(table).where(columns[0].in_(chunk)))
        rows.extend(dict(r) for r in result.mappings())
    return rows


def _fetch_one(conn: Connection, table: Table, key: Key) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(table).where(key_where(table, key))).mappings()]


def apply_refresh(conn: Connection, plan: Refresh) -> None:
    """Write `plan` into the SQLite database of `conn` (inside the caller's transaction)."""
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    tables = synced_tables()
    for table in reversed(tables):  # children first
        for key in plan.deletes.get(table.name, []):
            conn.execute(table.delete().where(key_where(table, key)))
    for table in tables:  # parents first
        rows = plan.upserts.get(table.name, [])
        if rows:
            _upsert(conn, table, rows)


def _upsert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """UPDATE the rows the file has, INSERT the others: one statement each (executemany)."""
    keys = _key_columns(table)
    if len(keys) != 1:
        for row in rows:
            key = tuple(row[c.name] for c in keys)
            done = conn.execute(table.update().where(key_where(table, key)).values(row))
            if not done.rowcount:
                conn.execute(table.insert().values(row))
        return
    column = keys[0]
    ids = [row[column.name] for row in rows]
    there: set[Any] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        there.update(conn.execute(select(column).where(column.in_(chunk))).scalars())
    old = [{**row, "_key": row[column.name]} for row in rows if row[column.name] in there]
    new = [row for row in rows if row[column.name] not in there]
    if old:
        conn.execute(table.update().where(column == bindparam("_key")), old)
    if new:
        conn.execute(table.insert(), new)
