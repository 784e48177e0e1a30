"""Every raw connection to a SQLite file, by its path, whatever characters the path holds.

SQLite reads its options from a "file:" URI, where `#` starts a fragment, `?` the options
and `%` an escape. A path pasted into such a string opens another file than the one the
user chose: a database in "Nr. #2" gave an empty backup that reported success. So the
URI is built in one place, with the path percent-encoded, and opening never creates a
file unless the caller says so (`mode="rwc"`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PurePath
from typing import Literal
from urllib.parse import quote

Mode = Literal["ro", "rw", "rwc"]

# Bytes 18 and 19 of the header are the read and write versions: 2 means WAL.
_WAL_HEADER_OFFSET = 18


def sqlite_uri(path: PurePath, **options: str) -> str:
    """A SQLite "file:" URI for `path` (absolute, or made absolute against the cwd)."""
    if not path.is_absolute():
        path = Path(path).absolute()
    text = path.as_posix()  # C:/x, /home/x or //server/share/x
    if not text.startswith("/"):
        text = "/" + text  # file:///C:/x, as SQLite wants a drive letter
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in options.items())
    return "file://" + quote(text, safe="/:") + (f"?{query}" if query else "")


def connect(path: Path, mode: Mode = "rw", **options: str) -> sqlite3.Connection:
    """A connection to `path`. "ro" reads only, "rw" never creates, "rwc" may create.

    check_same_thread is off: SQLAlchemy's pool hands a connection to whichever thread
    asks next (a background document), one at a time.
    """
    return sqlite3.connect(
        sqlite_uri(path, mode=mode, **options), uri=True, check_same_thread=False
    )


def is_wal_file(path: Path) -> bool:
    with Path(path).open("rb") as fh:
        fh.seek(_WAL_HEADER_OFFSET)
        return fh.read(2) == b"\x02\x02"


def _can_make_neighbours(path: Path) -> bool:
    return os.access(path.parent, os.W_OK)


def connect_to_read(path: Path) -> sqlite3.Connection:
    """A read-only connection that sees what other desks save.

    SQLite needs a -shm beside a WAL-mode file even to read it; in a write-protected
    folder without one, the file is read as immutable (nobody can be writing there).
    """
    path = Path(path)
    neighbours = path.with_name(path.name + "-shm"), path.with_name(path.name + "-wal")
    unshared = not _can_make_neighbours(path) and not any(n.exists() for n in neighbours)
    if unshared and is_wal_file(path):
        return connect(path, "ro", immutable="1")
    return connect(path, "ro")


def connect_to_copy(path: Path) -> sqlite3.Connection:
    """A connection to copy from: read-write where allowed, so that closing it removes the
    -wal and -shm a read-only connection would leave beside the file."""
    path = Path(path)
    if os.access(path, os.W_OK) and _can_make_neighbours(path):
        return connect(path, "rw")
    return connect_to_read(path)


def copy_pages(source: sqlite3.Connection, target: Path) -> None:
    """Everything `source` sees into the new file `target`, through SQLite's backup API,
    as one file with a rollback journal (a copy to move or mail, no -wal beside it)."""
    out = connect(target, "rwc")
    try:
        source.backup(out)
        out.execute("PRAGMA journal_mode = DELETE")
    finally:
        out.close()


def connect_to_inspect(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves the file and everything beside it as it was.

    A read-only connection to a WAL-mode file creates -wal and -shm beside it and cannot
    remove them again. Without a -wal there is nothing outside the file to read, so such
    a file is read as immutable, which creates nothing.
    """
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    if is_wal_file(path) and not wal.exists():
        return connect(path, "ro", immutable="1")
    return connect(path, "ro")
