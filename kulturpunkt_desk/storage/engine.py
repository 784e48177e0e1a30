"""The SQLAlchemy engine over one SQLite file, and the transaction every service runs in."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a save the user saw confirmed survives a power cut too, not only a crash.
        cursor.execute("PRAGMA synchronous = FULL")
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

    def __init__(self, path: Path, user: str | None = None) -> None:
        self.path = Path(path)
        self.engine = make_engine(self.path)
        self.user = user or current_user()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls everything back on any error."""
        with self.engine.connect() as conn:
            conn.info["write"] = True  # read by the begin hook: BEGIN IMMEDIATE
            try:
                with self._sessions(bind=conn) as session:
                    session.info["user"] = self.user
                    try:
                        yield session
                        session.commit()
                    except BaseException:
                        session.rollback()
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
        self.engine.dispose()
