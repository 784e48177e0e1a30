"""Consistent copies of a live database through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from .paths import backup_dir

DEFAULT_KEEP = 20


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
