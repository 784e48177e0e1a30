"""The property tests' own view of a database: every synced table as plain Python values,
what a laptop changed since its last sync (a diff of two such views), and the checks.

Written apart from the sync's code on purpose (no import from services/sync): the tests
judge the merge with a model of their own, so a mistake in the merge cannot hide itself.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select

from kulturpunkt_desk.domain.models import Base
from kulturpunkt_desk.storage.engine import Database

# Bookkeeping of the sync itself: on the laptop only, or written by the merge, not by edits.
LAPTOP_ONLY = frozenset({"laptop_sync"})
SYNC_TABLES = frozenset({"sync_conflict", "sync_receipt"})
# Insert-only history; never a conflict, and the merge may add entries of its own.
HISTORY = frozenset({"audit_entry"})
# Raised or stamped by every save on either side; not what a user edited.
META = frozenset({"row_version", "created_at", "updated_at"})

TABLES: list[Table] = [t for t in Base.metadata.sorted_tables if t.name not in LAPTOP_ONLY]
# The tables whose every change must be a user's edit: the properties' subject.
EDITED = [t for t in TABLES if t.name not in SYNC_TABLES | HISTORY]

Key = tuple[str, tuple[Any, ...]]  # (table, primary key values)
Row = dict[str, Any]
State = dict[Key, Row]


def plain(value: Any) -> Any:
    """One form for a value read from SQLite or from PostgreSQL."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def same(a: Any, b: Any) -> bool:
    return json.dumps(plain(a), sort_keys=True) == json.dumps(plain(b), sort_keys=True)


def read_state(db: Database, tables: list[Table] = TABLES) -> State:
    """Every row of `tables`, keyed by (table, primary key), values in plain form."""
    state: State = {}
    with db.engine.connect() as conn:
        for table in tables:
            pk = [c.name for c in table.primary_key.columns]
            for row in conn.execute(select(table)).mappings():
                values = {k: plain(v) for k, v in row.items()}
                state[(table.name, tuple(values[c] for c in pk))] = values
    return state


def only(state: State, tables: list[Table]) -> State:
    names = {t.name for t in tables}
    return {k: v for k, v in state.items() if k[0] in names}


def fields(row: Row) -> Row:
    return {k: v for k, v in row.items() if k not in META}


@dataclass
class Changes:
    """What one side changed between two states of the edited tables."""

    inserted: dict[Key, Row] = field(default_factory=dict)
    deleted: dict[Key, Row] = field(default_factory=dict)  # the rows as they were
    updated: dict[Key, dict[str, tuple[Any, Any]]] = field(default_factory=dict)  # (old, new)

    def __len__(self) -> int:
        return len(self.inserted) + len(self.deleted) + len(self.updated)


def changes(before: State, after: State) -> Changes:
    before, after = only(before, EDITED), only(after, EDITED)
    out = Changes()
    for key in after.keys() - before.keys():
        out.inserted[key] = fields(after[key])
    for key in before.keys() - after.keys():
        out.deleted[key] = fields(before[key])
    for key in before.keys() & after.keys():
        old, new = fields(before[key]), fields(after[key])
        diff = {f: (old[f], new[f]) for f in new if not same(old[f], new[f])}
        if diff:
            out.updated[key] = diff
    return out


# --- what an open conflict keeps -------------------------------------------------------


@dataclass
class Kept:
    """The laptop values the server's open conflicts keep, by record and field."""

    records: set[tuple[str, str]] = field(default_factory=set)  # (table, id) named at all
    values: list[tuple[str, str, str | None, Any]] = field(default_factory=list)
    rows: dict[tuple[str, str], Row] = field(default_factory=dict)  # laptop_rows

    def names(self, table: str, record_id: Any) -> bool:
        return (table, str(record_id)) in self.records

    def keeps(self, table: str, record_id: Any, name: str, value: Any) -> bool:
        row = self.rows.get((table, str(record_id)))
        if row is not None and name in row and same(row[name], value):
            return True
        return any(
            (t, i, f) == (table, str(record_id), name) and same(v, value)
            for t, i, f, v in self.values
        )


def open_conflicts(server: State) -> Kept:
    kept = Kept()
    for (table, _), row in server.items():
        if table != "sync_conflict" or row["resolved_at"] is not None:
            continue
        kept.records.add((row["table_name"], str(row["record_id"])))
        kept.values.append(
            (row["table_name"], str(row["record_id"]), row["field"], row["laptop_value"])
        )
        for entry in row["laptop_rows"] or []:
            laptop_row = entry["row"]
            kept.records.add((entry["table"], str(laptop_row["id"])))
            kept.rows[(entry["table"], str(laptop_row["id"]))] = laptop_row
    return kept


def ancestors(key: Key, state: State) -> list[Key]:
    """The records `key`'s row points to through its foreign keys, transitively."""
    table = Base.metadata.tables[key[0]]
    row = state.get(key)
    if row is None:
        return []
    found: list[Key] = []
    for fk in table.foreign_keys:
        value = row.get(fk.parent.name)
        if value is not None and fk.column.table.name != key[0]:
            parent = (fk.column.table.name, (value,))
            found += [parent, *ancestors(parent, state)]
    return found


# --- the properties ---------------------------------------------------------------------


def check_every_edit_kept(sent: Changes, base: State, server: State, who: str) -> None:
    """Every change the laptop sent is on the server, or an open conflict keeps it."""
    kept = open_conflicts(server)
    for key, row in sent.inserted.items():
        there = server.get(key)
        if there is not None and same(fields(there), row):
            continue
        assert kept.names(key[0], key[1][0]), f"{who}: new {key} neither on the server nor kept"
    for key, diff in sent.updated.items():
        there = server.get(key)
        for name, (_, new) in diff.items():
            if there is not None and same(there[name], new):
                continue
            if there is None and kept.names(key[0], key[1][0]):
                continue  # edited here, deleted there: the laptop's whole row is kept
            assert kept.keeps(key[0], key[1][0], name, new), (
                f"{who}: {key}.{name} = {new!r} neither on the server "
                f"({None if there is None else there[name]!r}) nor in an open conflict"
            )
    for key in sent.deleted:
        if key not in server:
            continue
        group = [key, *(a for a in ancestors(key, base) if a in sent.deleted)]
        assert any(kept.names(t, k[0]) for t, k in group), (
            f"{who}: deleted {key} still on the server and no open conflict says why"
        )


def check_nothing_else(sent: Changes, before: State, after: State, who: str) -> None:
    """The sync changed the server only where the laptop changed its base, to the laptop's
    values, and only where the server still held what the laptop had seen (no lost edit)."""
    done = changes(before, after)
    for key, row in done.inserted.items():
        assert key in sent.inserted, f"{who}: {key} appeared on the server, not sent"
        assert same(row, sent.inserted[key]), f"{who}: {key} arrived other than sent"
    for key, row in done.deleted.items():
        assert key in sent.deleted, f"{who}: {key} vanished from the server, not deleted"
        assert same(row, sent.deleted[key]), (
            f"{who}: {key} deleted although the server's row was not what the laptop saw"
        )
    for key, diff in done.updated.items():
        for name, (old, new) in diff.items():
            edit = sent.updated.get(key, {}).get(name)
            assert edit is not None, f"{who}: {key}.{name} changed on the server, not sent"
            assert same(new, edit[1]), f"{who}: {key}.{name} became {new!r}, sent {edit[1]!r}"
            assert same(old, edit[0]), (
                f"{who}: {key}.{name} overwrote {old!r}, which the laptop never saw "
                f"(its base held {edit[0]!r}): a colleague's edit lost"
            )


def check_no_needless_conflict(base: State, before: State, after: State, who: str) -> None:
    """A sync against a server nobody changed since the laptop's base records no conflict:
    the laptop's edits were made on the server's very state."""
    if len(changes(base, before)):
        return

    def conflicts(state: State) -> list[Row]:
        return [row for key, row in state.items() if key[0] == "sync_conflict"]

    new = [row for row in conflicts(after) if row not in conflicts(before)]
    assert not new, f"{who}: conflicts although nobody else had changed the server: " + "; ".join(
        f"{c['kind']} {c['table_name']}.{c['field']} {c['record_id']}" for c in new
    )


def check_equal(laptop: State, server: State, who: str, skip: frozenset[str] = frozenset()) -> None:
    """Table by table, row by row, the laptop holds what the server holds."""
    for table in TABLES:
        if table.name in skip:
            continue
        mine = {k: v for k, v in laptop.items() if k[0] == table.name}
        theirs = {k: v for k, v in server.items() if k[0] == table.name}
        assert mine.keys() == theirs.keys(), (
            f"{who}: table {table.name}: only on the laptop {sorted(mine.keys() - theirs.keys())}"
            f", only on the server {sorted(theirs.keys() - mine.keys())}"
        )
        for key, row in mine.items():
            assert same(row, theirs[key]), f"{who}: {key} differs: {row} != {theirs[key]}"


def check_sqlite_file(path: Path) -> None:
    """SQLite's own checks: the file is sound and every foreign key finds its row."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], path
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], path
    finally:
        conn.close()


def check_server_keys(server: State) -> None:
    """Every foreign key on the server finds its row (also if the merge had switched the
    server's own checks off)."""
    for table in TABLES:
        for fk in table.foreign_keys:
            target = fk.column.table.name
            present = {k[1][0] for k in server if k[0] == target}
            for key, row in server.items():
                value = row.get(fk.parent.name) if key[0] == table.name else None
                assert value is None or value in present, (
                    f"server: {key}.{fk.parent.name} points to a missing {target} {value}"
                )
