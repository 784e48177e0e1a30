"""Consistent copies of a live database through SQLite's online backup API."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from .paths import backup_dir

log = logging.getLogger(__name__)

DEFAULT_KEEP = 20
# The Setting row (in the database itself) that says how many backups to keep.
KEEP_SETTING = "backup.keep"
MAX_KEEP = 1000


def copy_database(source: Path, target: Path) -> Path:
    """Copy `source` to `target` page by page while others may be writing to it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    # Renamed only when complete, so a half-written backup never looks like a good one.
    partial.replace(target)
    return target


def make_backup(db_path: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """Back up `db_path` into its backup folder and prune to the newest `keep` copies."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    copy_database(db_path, target)
    prune_backups(db_path, keep)
    log.info("Sikkerhedskopi (%s): %s", reason, target)
    return target


def list_backups(db_path: Path) -> list[Path]:
    """Backups of `db_path`, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.sqlite"), reverse=True)


def prune_backups(db_path: Path, keep: int) -> None:
    for old in list_backups(db_path)[max(keep, 1) :]:
        old.unlink(missing_ok=True)


def backup_keep(db_path: Path) -> int:
    """How many backups to keep: the file's `backup.keep` setting, else DEFAULT_KEEP."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM setting WHERE key = ?", (KEEP_SETTING,)
            ).fetchone()
        finally:
            conn.close()
        # The JSON column has NUMERIC affinity, so SQLite hands a number back as a number.
        raw = row[0] if row else DEFAULT_KEEP
        value = json.loads(raw) if isinstance(raw, str) else raw
    except (sqlite3.Error, ValueError, TypeError):
        return DEFAULT_KEEP
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_KEEP:
        return DEFAULT_KEEP
    return value


def keep_raw_copy(db_path: Path, reason: str) -> Path:
    """Copy a (possibly damaged) file byte for byte, with its -wal, out of the way.

    The backup API cannot read a damaged file, and a damaged file must never be lost
    either: someone may still rescue data from it. Kept apart from the rotation.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = backup_dir(db_path) / "beskadigede"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    shutil.copy2(db_path, target)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    log.info("Rå kopi (%s): %s", reason, target)
    return target
