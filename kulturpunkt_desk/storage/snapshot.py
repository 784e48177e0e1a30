"""The start-up snapshot: what the Overblik showed, kept beside nothing the user sees.

The services that compute the Overblik write it (domain/services/overblik.py); the start-up
shell reads it before SQLAlchemy is imported (ui/shell.py). So this module imports only the
standard library and storage.paths: no SQLAlchemy, no Alembic, no Qt.

A snapshot is used only when it belongs to this file and nothing has changed since it was
written: the file's resolved path, the size and modification time of the file and of its
-wal, today's date, and the schema revision (the newest migration, read from the file names
in migrations/versions, so no Alembic is needed to know it). Anything else: no snapshot.

    write_snapshot(db_path, content, today)   # by the services, after computing the figures
    read_snapshot(db_path, today)             # by the shell: the content, or None
    restamp_after_close(db_path, stamp)       # after the last connection closed
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

from .paths import data_dir

FORMAT = 1
VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")

FileStamp = dict[str, Any]


def newest_revision(versions: Path = VERSIONS_DIR) -> str:
    """The newest migration's revision, from its file name (`0006_....py` -> "0006").

    Every revision here is named by its number (tests/test_snapshot.py checks this against
    Alembic's head)."""
    numbers = [m.group(1) for p in versions.iterdir() if (m := _REVISION_FILE.match(p.name))]
    return max(numbers, default="")


def snapshot_path(db_path: Path) -> Path:
    """In the data folder's cache, one file per database, keyed by its resolved path."""
    key = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:24]
    return data_dir() / "cache" / "overblik" / f"{key}.json"


def file_stamp(db_path: Path) -> FileStamp:
    """Path, size and modification time of the file and its -wal (None when absent)."""
    path = Path(db_path).resolve()

    def stat(p: Path) -> list[int] | None:
        try:
            st = p.stat()
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns]

    return {
        "path": str(path),
        "file": stat(path),
        "wal": stat(path.with_name(path.name + "-wal")),
    }


def write_snapshot(
    db_path: Path, content: dict[str, Any], today: date, *, stamp: FileStamp | None = None
) -> None:
    """Keep `content` (plain JSON data) as what the file shows today. Never raises on I/O:
    a missing snapshot only means a loading state at the next start."""
    record = {
        "format": FORMAT,
        "stamp": stamp if stamp is not None else file_stamp(db_path),
        "day": today.isoformat(),
        "revision": newest_revision(),
        "content": content,
    }
    target = snapshot_path(db_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".tmp")
        partial.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        pass


def _record(db_path: Path) -> dict[str, Any] | None:
    try:
        record = json.loads(snapshot_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def read_snapshot(db_path: Path, today: date) -> dict[str, Any] | None:
    """The content written for this very file, unchanged since, today, at today's schema."""
    record = _record(db_path)
    if record is None or record.get("format") != FORMAT:
        return None
    if record.get("stamp") != file_stamp(db_path) or record.get("day") != today.isoformat():
        return None
    if record.get("revision") != newest_revision():
        return None
    content = record.get("content")
    return content if isinstance(content, dict) else None


def snapshot_stamp(db_path: Path) -> FileStamp | None:
    """The file stamp the snapshot was written at (None: no snapshot)."""
    record = _record(db_path)
    return record.get("stamp") if record else None


def restamp_after_close(db_path: Path, before_close: FileStamp) -> None:
    """Closing the last connection folds the -wal into the file, which changes the stamp
    without changing the data. If the snapshot matched the file just before closing
    (`before_close`), it is still true: give it the file's new stamp."""
    record = _record(db_path)
    if record is None or record.get("stamp") != before_close:
        return
    write_snapshot(
        db_path, record["content"], date.fromisoformat(record["day"]), stamp=file_stamp(db_path)
    )
