"""A database in one SQLite file on the laptop (or a network drive)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from ..location import journal_mode_for
from ..sqlite_files import connect, connect_to_read
from .backend import Backend

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def make_engine(path: Path, read_only: bool = False, create: bool = False) -> Engine:
    """An engine whose connections open `path` itself, whatever characters it holds.

    The connections come from sqlite_files.connect rather than from a URL with the path
    pasted in; "rw" never creates a file, so only `create` can make a new database.
    """

    def open_connection() -> Any:
        if read_only:
            return connect_to_read(path)
        # Once made, the file is never made again: a file gone missing is an error.
        return connect(path, "rwc" if create and not path.exists() else "rw")

    engine = create_engine("sqlite://", creator=open_connection, poolclass=QueuePool)
    # WAL needs shared memory between the processes using the file, which a network
    # drive does not give; there a rollback journal is what SQLite supports.
    journal_mode = journal_mode_for(path)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:  # a read-only connection cannot change the journal mode
            try:
                cursor.execute(f"PRAGMA journal_mode = {journal_mode}")
            except sqlite3.OperationalError:
                # Changing the mode needs the file alone; another desk has it open in its
                # mode, so this connection keeps that mode rather than failing to open.
                log.warning("Journaltilstanden for %s kunne ikke sættes til %s", path, journal_mode)
        # FULL: a save the user saw confirmed survives a power cut too, not only a crash.
        cursor.execute("PRAGMA synchronous = FULL")
        if read_only:
            # Defence in depth: even a write that slips past Database.transaction fails.
            cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock up front: two desks on one file queue instead of
        # one failing halfway through a save.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

    return engine


class SqliteBackend(Backend):
    kind: ClassVar[str] = "sqlite"
    file_lock: ClassVar[bool] = True
    is_file: ClassVar[bool] = True

    def __init__(self, path: Path) -> None:
        self.target = self.path = Path(path)
        self.name = self.path.name
        self.shown = str(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    def make_engine(self, *, read_only: bool, create: bool) -> Engine:
        return make_engine(self.path, read_only=read_only, create=create)

    def integrity_report(self, engine: Engine) -> list[str]:
        problems: list[str] = []
        try:
            with engine.connect() as conn:
                rows = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                problems += [str(r) for r in rows if r != "ok"]
                fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                problems += [
                    f"Fremmednøgle brudt: tabel {r[0]}, række {r[1]} -> {r[2]}" for r in fk
                ]
        except sqlite3.DatabaseError as exc:
            problems.append(str(exc))
        return problems

    @contextmanager
    def migration_lock(self, conn: Connection) -> Iterator[None]:
        # The desk lock file (storage/desk_lock.py) is taken before any file is migrated.
        yield

    def backup(self, out: Path) -> Path:
        from ..backup import copy_database

        return copy_database(self.path, out)

    def purge_free_pages(self, engine: Engine) -> bool:
        """VACUUM, then empty the -wal. A desk reading the file holds the -wal: the
        checkpoint then waits for it (the busy timeout) and otherwise says not yet."""
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("VACUUM")  # rewrites every page: no free page keeps old bytes
            busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            cursor.close()
        finally:
            raw.close()
        return bool(busy == 0)

    def erase_on_delete(self, conn: Connection) -> None:
        # Freed cells and pages are overwritten with zeros instead of left as they were.
        conn.exec_driver_sql("PRAGMA secure_delete = ON")

    def stored_files(self) -> list[Path]:
        return [self.path, self.path.with_name(self.path.name + "-wal")]

    def describe(self) -> list[str]:
        lines = []
        if self.path.is_file():
            size = f"{self.path.stat().st_size:,}".replace(",", ".")
            lines.append(f"Fil: {self.path} ({size} byte)")
            lines.append(f"SQLite-version: {sqlite3.sqlite_version}")
        return lines
