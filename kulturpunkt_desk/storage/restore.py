"""Putting a backup back in place of the database file, without losing the file it replaces.

The caller must have closed every connection to the file (and hold the desk lock): the
old file's -wal and -shm are removed, because a journal left beside a different database
would be replayed into it. Where another program still has the file open, Windows refuses
to move it (WinError 32): the restore is then refused in Danish before anything is
removed, and the staged copy is deleted again.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from kulturpunkt_desk.domain.errors import DeskError

from .backup import (
    backup_keep,
    copy_database,
    damaged_copies,
    damaged_folder,
    keep_raw_copy,
    list_backups,
    make_backup,
)
from .check import CheckReport, check_file
from .desk_lock import is_stale, read_holder
from .recognise import examine

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
    aside = db_path.with_name(db_path.name + ".erstattes")
    copy_database(backup, staged)
    kept: Path | None = None
    try:
        if db_path.exists() and db_path.stat().st_size > 0:
            if examine(db_path).ours:
                kept = make_backup(
                    db_path, "foer-gendannelse", keep=backup_keep(db_path), checked=True
                )
            else:
                kept = keep_raw_copy(db_path, "foer-gendannelse")
        # Moving the file aside first is what Windows refuses while anyone has it open,
        # so nothing (not its -wal) is removed before the restore is known to be possible.
        if db_path.exists():
            _move_aside(db_path, aside)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    try:
        staged.replace(db_path)
    except BaseException:
        finish_interrupted_restore(db_path)
        raise
    aside.unlink(missing_ok=True)
    log.info("Gendannet %s fra %s; den tidligere fil er gemt som %s", db_path, backup, kept)
    return kept


def restore_leftovers(db_path: Path) -> list[Path]:
    """The staged copy or the file moved aside that a restore leaves while it runs."""
    names = (db_path.name + ".gendannes", db_path.name + ".erstattes")
    return [p for p in (db_path.with_name(n) for n in names) if p.exists()]


def finish_interrupted_restore(db_path: Path) -> None:
    """After a restore that stopped midway (a crash, a refused rename): never an empty path.

    A restore the user was not told had succeeded did not happen: the file moved aside
    comes back. Once the path holds a file, the leftovers go (the replaced file was kept
    as a backup before it was moved aside). Call it holding the desk lock: the desk that
    is restoring right now holds it.
    """
    staged = db_path.with_name(db_path.name + ".gendannes")
    aside = db_path.with_name(db_path.name + ".erstattes")
    if not db_path.exists():
        for candidate in (aside, staged):
            if candidate.is_file():
                os.replace(candidate, db_path)
                log.warning("Afbrudt gendannelse: %s er lagt tilbage som %s", candidate, db_path)
                break
    if db_path.exists():
        staged.unlink(missing_ok=True)
        aside.unlink(missing_ok=True)


def _move_aside(db_path: Path, aside: Path) -> None:
    try:
        os.replace(db_path, aside)
    except PermissionError as exc:
        raise RestoreError(
            f"Databasen {db_path.name} er åben i et andet program (fx en anden Kulturpunkt "
            "Desk, der kun læser) og kan ikke erstattes nu. Intet er ændret. Luk det andet "
            "program og prøv igen."
        ) from exc


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
    damaged = damaged_copies(db_path)
    if damaged:
        report.lines.append(
            f"{len(damaged)} kopi(er) af beskadigede udgaver af filen ligger i "
            f"{damaged_folder(db_path)} (de nyeste gemmes, ældre slettes)."
        )
    return report
