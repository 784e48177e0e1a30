"""The SQLAlchemy engine over one SQLite file, and the transaction every service runs in."""

from __future__ import annotations

import getpass
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

# Re-exported: callers have always caught the busy error from here.
from .failures import DatabaseBusyError as DatabaseBusyError
from .failures import user_error
from .location import journal_mode_for
from .sqlite_files import connect, connect_to_read

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


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
        # SQLite's lower() folds only ASCII; names like «Øster Hede» need Python's casefold.
        dbapi_conn.create_function("casefold", 1, _casefold, deterministic=True)
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


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises on odd platforms without a login name
        return "ukendt"


class Database:
    """One open database file. Services get their sessions from here."""

    def __init__(
        self, path: Path, user: str | None = None, read_only: bool = False, create: bool = False
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.engine = make_engine(self.path, read_only=read_only, create=create)
        self.user = user or current_user()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Called before every write transaction; the desk lock sets it so that a desk
        # which has lost its lock (or opened the file read-only) cannot write.
        self.write_guard: Callable[[], None] | None = None
        # Run by close(): the desk lock registers its release here.
        self.on_close: list[Callable[[], None]] = []

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls everything back on any error."""
        if self.write_guard is not None:
            self.write_guard()
        with self.engine.connect() as conn:
            conn.info["write"] = True  # read by the begin hook: BEGIN IMMEDIATE
            try:
                with self._sessions(bind=conn) as session:
                    session.info["user"] = self.user
                    try:
                        yield session
                        session.commit()
                    except BaseException as exc:
                        session.rollback()
                        # Disk full, read-only, busy, damaged: a Danish error by SQLite's code.
                        known = user_error(exc) if isinstance(exc, DBAPIError) else None
                        if known is not None and known is not exc:
                            raise known from exc
                        raise
            finally:
                conn.info.pop("write", None)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading. Objects stay usable after it closes (closing does not
        expire them); nothing is ever committed from here."""
        with self._sessions(autoflush=False) as session:
            yield session

    def dispose(self) -> None:
        """Close the connections (they reopen on the next query); the desk keeps its lock."""
        self.engine.dispose()

    def close(self) -> None:
        """Done with this file: close the connections and let go of the desk lock."""
        self.engine.dispose()
        callbacks, self.on_close = self.on_close, []
        for callback in callbacks:
            callback()
