"""Helpers of the sync tests: a laptop's rows compared with the server's, table by table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from kulturpunkt_desk.domain.services.sync.local_changes import synced_tables
from kulturpunkt_desk.domain.services.sync.values import comparable
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database


def every_row(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table's rows in one comparable form, sorted by key."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    for table in synced_tables():
        rows = conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()
        found[table.name] = [
            tuple((k, repr(comparable(v))) for k, v in sorted(row.items())) for row in rows
        ]
    return found


def rows_of(target: Database | Path | str) -> dict[str, list[tuple[Any, ...]]]:
    db = target if isinstance(target, Database) else open_database(target)
    try:
        with db.engine.connect() as conn:
            return every_row(conn)
    finally:
        if db is not target:
            db.dispose()


def differences(a: Database | Path | str, b: Database | Path | str) -> list[str]:
    """The tables whose rows differ (empty: the same data)."""
    left, right = rows_of(a), rows_of(b)
    return [name for name in left if left[name] != right[name]]
