"""Where a laptop copy keeps its base and the sync under way, and which file is one.

Beside the laptop file `Kulturpunkt.sqlite` lies the folder `Kulturpunkt.synk/` with
`grundlag.sqlite` (the server's state at the last sync), `grundlag.ny.sqlite` (the next
base while a sync is being finished) and `afsendt.json` (the changes sent, until the
laptop has the server's answer). Paths are only ever handed to SQLite as paths or
through storage/sqlite_files, so spaces and `#` are safe.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, inspect, select

from kulturpunkt_desk.domain.models import Base
from kulturpunkt_desk.storage.engine import Database

BOOKKEEPING_ID = 1
_TABLE = Base.metadata.tables["laptop_sync"]


@dataclass(frozen=True)
class LaptopFiles:
    laptop: Path

    @property
    def folder(self) -> Path:
        return self.laptop.with_name(self.laptop.stem + ".synk")

    @property
    def base(self) -> Path:
        return self.folder / "grundlag.sqlite"

    @property
    def next_base(self) -> Path:
        return self.folder / "grundlag.ny.sqlite"

    @property
    def pending(self) -> Path:
        return self.folder / "afsendt.json"


@dataclass(frozen=True)
class Bookkeeping:
    server: str
    base_token: str
    schema_revision: str
    last_synced_at: datetime | None


def read_bookkeeping(conn: Connection) -> Bookkeeping | None:
    """The laptop_sync row of the database `conn` is on, or None (not a laptop copy)."""
    if conn.dialect.name != "sqlite" or not inspect(conn).has_table(_TABLE.name):
        return None
    row = conn.execute(select(_TABLE).where(_TABLE.c.id == BOOKKEEPING_ID)).mappings().first()
    if row is None:
        return None
    return Bookkeeping(
        row["server"], row["base_token"], row["schema_revision"], row["last_synced_at"]
    )


def write_bookkeeping(conn: Connection, book: Bookkeeping) -> None:
    values: dict[str, Any] = {
        "server": book.server,
        "base_token": book.base_token,
        "schema_revision": book.schema_revision,
        "last_synced_at": book.last_synced_at,
    }
    done = conn.execute(_TABLE.update().where(_TABLE.c.id == BOOKKEEPING_ID).values(values))
    if not done.rowcount:
        conn.execute(_TABLE.insert().values(id=BOOKKEEPING_ID, **values))


def laptop_server(db: Database) -> str | None:
    """The server (URL without password) the laptop copy `db` syncs with, or None."""
    with db.engine.connect() as conn:
        book = read_bookkeeping(conn)
    return book.server if book else None


def is_laptop_copy(db: Database) -> bool:
    return laptop_server(db) is not None


def write_json_durably(path: Path, content: dict[str, Any]) -> None:
    """Written whole and on the disk (fsync) before anything else happens, or not at all."""
    partial = path.with_name(path.name + ".part")
    with partial.open("w", encoding="utf-8") as fh:
        json.dump(content, fh)
        fh.flush()
        os.fsync(fh.fileno())
    partial.replace(path)
    fsync_folder(path.parent)


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        with path.open(encoding="utf-8") as fh:
            content = json.load(fh)
    except (OSError, ValueError):
        return None
    return content if isinstance(content, dict) else None


def fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def fsync_folder(folder: Path) -> None:
    """A rename survives a power cut only once its folder is on the disk (not on Windows,
    which cannot open a folder and has no need)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remembered_server(laptop: Path) -> str | None:
    """The server a laptop file syncs with, read without opening it as a database (the
    command line asks for the password before the sync starts); None if it is none."""
    from kulturpunkt_desk.storage.sqlite_files import connect

    if not laptop.is_file():
        return None
    try:
        conn = connect(laptop, "ro")
        try:
            row = conn.execute("SELECT server FROM laptop_sync WHERE id = 1").fetchone()
        finally:
            conn.close()
    except Exception:  # not SQLite, no such table: not a laptop copy, which sync will say
        return None
    return str(row[0]) if row else None
