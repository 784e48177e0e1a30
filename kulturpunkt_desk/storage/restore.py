"""Putting a backup back in place of the database file, without losing the file it replaces.

The caller must have closed every connection to the file (and hold the desk lock): the
old file's -wal and -shm are removed, because a journal left beside a different database
would be replayed into it.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from kulturpunkt_desk.domain.errors import DeskError

from .backup import backup_keep, copy_database, keep_raw_copy, list_backups, make_backup
from .check import CheckReport, check_file
from .desk_lock import is_stale, read_holder
from .migrate import looks_like_sqlite

log = logging.getLogger(__name__)


class RestoreError(DeskError):
    """The chosen backup cannot be restored; the database file was not touched."""


def newest_sound_backup(db_path: Path) -> Path | None:
    """The newest backup of `db_path` that passes the integrity check, or None."""
    for candidate in list_backups(db_path):
        if check_file(candidate).sound:
            return candidate
    return None


def backup_taken_at(backup: Path) -> datetime | None:
    """When a backup was made, read from its name (stem-YYYYmmdd-HHMMSS-ffffff-reason)."""
    parts = backup.stem.split("-")
    for i in range(len(parts) - 1):
        try:
            return datetime.strptime(f"{parts[i]}-{parts[i + 1]}", "%Y%m%d-%H%M%S")
        except ValueError:
            continue
    return None


def _current_is_readable(db_path: Path) -> bool:
    if not looks_like_sqlite(db_path):
        return False
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def restore_backup(db_path: Path, backup: Path) -> Path | None:
    """Replace `db_path` by `backup`; return where the replaced file was kept (None if none).

    The current file is always kept: as a normal backup when it is sound (so it can be
    restored again from the same list), byte for byte in backups/…/beskadigede otherwise.
    """
    db_path, backup = Path(db_path), Path(backup)
    report = check_file(backup)
    if not report.sound:
        raise RestoreError(
            f"Sikkerhedskopien {backup.name} kan ikke bruges: "
            + " ".join(line for line in report.lines if line.startswith("FEJL"))
        )
    # Copy the chosen backup first: keeping the current file below prunes the oldest
    # backups, and the chosen one may be among them.
    staged = db_path.with_name(db_path.name + ".gendannes")
    copy_database(backup, staged)
    kept: Path | None = None
    try:
        if db_path.exists() and db_path.stat().st_size > 0:
            if _current_is_readable(db_path):
                kept = make_backup(db_path, "foer-gendannelse", keep=backup_keep(db_path))
            else:
                kept = keep_raw_copy(db_path, "foer-gendannelse")
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    staged.replace(db_path)
    log.info("Gendannet %s fra %s; den tidligere fil er gemt som %s", db_path, backup, kept)
    return kept


def check_and_offer(db_path: Path) -> CheckReport:
    """`check_file`, and when the file is not sound, which backup could replace it."""
    report = check_file(db_path)
    holder = read_holder(db_path)
    if holder is not None and not is_stale(holder, db_path):
        report.lines.append(f"Åben lige nu hos {holder.describe()}.")
    if not report.sound:
        newest = newest_sound_backup(db_path)
        if newest is None:
            report.lines.append("Der findes ingen brugbar sikkerhedskopi af filen.")
        else:
            report.lines.append(f"Nyeste brugbare sikkerhedskopi: {newest}")
    return report
