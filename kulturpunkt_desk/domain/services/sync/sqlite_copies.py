"""The sync's own SQLite files (the base, its next state, snapshots): opened by path
(storage/sqlite_files), one file each with a rollback journal, foreign keys on as in the
desk, so a deletion cascades in the base exactly as in the laptop file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from kulturpunkt_desk.storage.sqlite_files import connect, copy_pages

from .laptop_files import fsync_file


def file_engine(path: Path) -> Engine:
    """An engine on the existing file `path`: each write transaction BEGIN IMMEDIATE."""
    engine = create_engine("sqlite://", creator=lambda: connect(path, "rw"), poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys = ON")
        dbapi_conn.execute("PRAGMA journal_mode = DELETE")
        dbapi_conn.execute("PRAGMA synchronous = FULL")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def copy_file(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite file `source` (a laptop file its desk has open, or
    the sync's own), on the disk before this returns."""
    target.unlink(missing_ok=True)
    conn = connect(source, "ro")
    try:
        copy_pages(conn, target)
    finally:
        conn.close()
    fsync_file(target)
