"""Backups as the desk shows them: list, take one now, restore one, how many to keep.

The copying itself is storage/backup.py (SQLite's online backup API); this module is the
Qt-free API the backup dialog calls, and the one place the keep-N setting is validated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kulturpunkt_desk.storage import backup as storage_backup
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.restore import backup_taken_at
from kulturpunkt_desk.storage.startup import restore_in_place

from .. import settings

# What the file-name reasons mean, for the list in the dialog.
REASON_LABELS = {
    "opstart": "Ved opstart",
    "manuel": "Taget manuelt",
    "foer-opgradering": "Før opgradering",
    "foer-gendannelse": "Før gendannelse",
}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime | None
    reason: str  # Danish, e.g. "Ved opstart"
    size_bytes: int


def _reason(path: Path) -> str:
    for key, label in REASON_LABELS.items():
        if path.stem.endswith("-" + key):
            return label
    return ""


def list_backup_files(db: Database) -> list[BackupInfo]:
    """The database's backups, newest first."""
    return [
        BackupInfo(p, backup_taken_at(p), _reason(p), p.stat().st_size)
        for p in storage_backup.list_backups(db.path)
        if p.exists()
    ]


def backup_keep(db: Database) -> int:
    return storage_backup.backup_keep(db.path)


def set_backup_keep(db: Database, keep: int) -> None:
    settings.write(db, settings.BACKUP_KEEP, keep)
    storage_backup.prune_backups(db.path, keep)


def backup_now(db: Database) -> Path:
    if not db.backend.is_file:  # the team's server: a checked SQLite copy of it
        from .team_backup import backup_into_folder

        return backup_into_folder(db, "manuel")
    return storage_backup.make_backup(db.path, "manuel", keep=backup_keep(db))


def restore(db: Database, backup: Path) -> Path | None:
    """Put `backup` in place of the open file; the replaced file becomes a backup too.
    On the team's server every row is replaced in one transaction, after a backup."""
    if not db.backend.file_lock:
        from .team_backup import restore_into_server

        return restore_into_server(db, backup).safety_backup
    return restore_in_place(db, backup)
