"""Consistent copies of a live database through SQLite's online backup API.

A backup is never a lie: the source is recognised first (ours, sound), the copy is
checked before it is renamed into place, and only then may it push the oldest copy out
of the rotation. So a damaged file, however often it is backed up, never costs a sound
backup. Leftovers (a half-written `.part`, a `-wal`/`-shm` a reader left beside a copy)
are cleaned up at the next backup, and the byte-for-byte copies of damaged files in
`beskadigede/` are kept to a limit. A copy that Windows holds open (Explorer,
antivirus) is skipped by the pruning and logged, never a failed start.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from kulturpunkt_desk.domain.errors import DeskError

from .backup_limits import DEFAULT_KEEP as DEFAULT_KEEP
from .backup_limits import KEEP_SETTING as KEEP_SETTING
from .backup_limits import MAX_KEEP as MAX_KEEP
from .paths import backup_dir, backup_file_stem, file_identity
from .recognise import examine
from .sqlite_files import connect_to_copy, connect_to_inspect, copy_pages

log = logging.getLogger(__name__)

# Byte-for-byte copies of damaged files kept in beskadigede/ (the newest; older are logged).
DAMAGED_KEEP = 10
DAMAGED_FOLDER = "beskadigede"
# A .part older than this is a copy whose process died; a younger one may still be written.
STALE_PART_SECONDS = 3600
_BACKUP_NAME = re.compile(r"-(\d{8}-\d{6}-\d{6})-[a-z0-9-]+\.sqlite$")


class BackupError(DeskError):
    """No backup was made (or counted); the message says why, in Danish."""


def copy_database(source: Path, target: Path) -> Path:
    """Copy `source` to `target` page by page while others may be writing to it.

    The copy is a single file in rollback-journal mode (nothing beside it to lose when it
    is moved to a USB stick), and it is checked before it takes the target's name.
    """
    source, target = Path(source), Path(target)
    if file_identity(source) == file_identity(target):
        raise BackupError(
            f"Kopien kan ikke lægges oven i selve databasen {source.name}: vælg en anden fil."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        try:
            _copy_pages(source, partial)
        except (sqlite3.Error, OSError) as exc:  # a full disk, a folder gone
            raise BackupError(
                f"Kopien af {source.name} kunne ikke skrives til {target.parent} ({exc}). "
                "Der er ikke taget nogen sikkerhedskopi; databasen er ikke ændret."
            ) from exc
        # SQLite's quick check of the copy, and that it is ours at a known schema; links
        # between tables are the source's business, checked at start-up.
        found = examine(partial, links=False)
        if not found.ours:
            raise BackupError(
                f"Kopien af {source.name} kunne ikke bekræftes og er slettet igen: {found.problem}"
            )
        # Renamed only when verified, so a half-written copy never looks like a good one.
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _copy_pages(source: Path, target: Path) -> None:
    src = connect_to_copy(source)
    try:
        copy_pages(src, target)
    finally:
        src.close()


def make_backup(
    db_path: Path, reason: str, keep: int = DEFAULT_KEEP, *, checked: bool = False
) -> Path:
    """Back up `db_path` into its own backup folder and prune to the newest `keep` copies.

    Refuses (BackupError) a file that is not a sound Kulturpunkt database, unless the
    caller has just `checked` it (start-up runs the same quick check right before).
    """
    db_path = Path(db_path)
    if not checked:
        found = examine(db_path)
        if not found.ours:
            raise BackupError(f"Der er ikke taget nogen sikkerhedskopi. {found.problem}")
    folder = backup_dir(db_path)
    clean_leftovers(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{backup_file_stem(db_path)}-{stamp}-{reason}.sqlite"
    copy_database(db_path, target)
    prune_backups(db_path, keep)
    log.info("Sikkerhedskopi (%s): %s", reason, target)
    return target


def list_backups(db_path: Path) -> list[Path]:
    """Backups of `db_path` (its own folder, see paths.backup_dir), newest first."""
    return _dated_copies(backup_dir(Path(db_path)))


def _dated_copies(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _BACKUP_NAME.search(path.name)
        if match and path.is_file():
            found.append((match.group(1), path.name, path))
    return [path for *_, path in sorted(found, reverse=True)]


def prune_backups(db_path: Path, keep: int) -> None:
    for old in list_backups(db_path)[max(keep, 1) :]:
        _remove_copy(old)


def _remove_copy(path: Path) -> bool:
    """Delete a copy and its neighbours; a copy held open elsewhere is skipped and logged."""
    try:
        for neighbour in ("-wal", "-shm"):
            path.with_name(path.name + neighbour).unlink(missing_ok=True)
        path.unlink(missing_ok=True)
    except OSError as exc:  # Windows: open in Explorer or held by antivirus (WinError 32)
        log.warning("Kunne ikke slette den gamle kopi %s (prøver igen næste gang): %s", path, exc)
        return False
    log.info("Slettet gammel kopi: %s", path.name)
    return True


def clean_leftovers(folder: Path) -> int:
    """Remove half-written copies and readers' journals beside copies; return how many."""
    if not folder.is_dir():
        return 0
    removed = 0
    now = time.time()
    for path in folder.iterdir():
        name = path.name
        if name.endswith(".part"):
            stale = now - path.stat().st_mtime > STALE_PART_SECONDS
        elif name.endswith(("-wal", "-shm")):
            main = path.with_name(name[:-4])
            # A reader of a copy leaves an empty -wal and an -shm; no copy is written in WAL.
            stale = not main.exists() or name.endswith("-shm") or path.stat().st_size == 0
        else:
            continue
        if stale:
            try:
                path.unlink()
                removed += 1
            except OSError as exc:
                log.warning("Kunne ikke rydde op i %s: %s", path, exc)
    if removed:
        log.info("Ryddet op: %d halve kopier eller journaler i %s", removed, folder)
    return removed


def adopt_legacy_backups(db_path: Path) -> Path | None:
    """Move the backups an older desk kept per file name (backups/<stem>/) into this file's
    own folder, once, so none is lost from the list by the change to per-file folders.

    The first file of that name to open after the update takes them; before the update
    every file of that name shared the folder anyway. Returns the folder they moved to.
    """
    db_path = Path(db_path)
    legacy = backup_dir(db_path).parent / db_path.stem
    target = backup_dir(db_path)
    if not legacy.is_dir() or legacy == target or target.exists():
        return None
    try:
        os.replace(legacy, target)
    except OSError as exc:  # held open on Windows: try again at the next start
        log.warning("Kunne ikke flytte de tidligere sikkerhedskopier i %s: %s", legacy, exc)
        return None
    log.info("Tidligere sikkerhedskopier flyttet fra %s til %s", legacy, target)
    return target


def backup_keep(db_path: Path) -> int:
    """How many backups to keep: the file's `backup.keep` setting, else DEFAULT_KEEP."""
    try:
        conn = connect_to_inspect(Path(db_path))
        try:
            row = conn.execute(
                "SELECT value FROM setting WHERE key = ?", (KEEP_SETTING,)
            ).fetchone()
        finally:
            conn.close()
        # The JSON column has NUMERIC affinity, so SQLite hands a number back as a number.
        raw = row[0] if row else DEFAULT_KEEP
        value = json.loads(raw) if isinstance(raw, str) else raw
    except (sqlite3.Error, OSError, ValueError, TypeError):
        return DEFAULT_KEEP
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_KEEP:
        return DEFAULT_KEEP
    return value


def damaged_folder(db_path: Path) -> Path:
    return backup_dir(Path(db_path)) / DAMAGED_FOLDER


def damaged_copies(db_path: Path) -> list[Path]:
    """The byte-for-byte copies of damaged versions of `db_path`, newest first."""
    return _dated_copies(damaged_folder(db_path))


def keep_raw_copy(db_path: Path, reason: str) -> Path:
    """Copy a (possibly damaged) file byte for byte, with its -wal, out of the way.

    The backup API cannot read a damaged file, and a damaged file must never be lost
    either: someone may still rescue data from it. Kept apart from the rotation, the
    newest DAMAGED_KEEP of them.
    """
    db_path = Path(db_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = damaged_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{backup_file_stem(db_path)}-{stamp}-{reason}.sqlite"
    shutil.copy2(db_path, target)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    log.info("Rå kopi (%s): %s", reason, target)
    for old in damaged_copies(db_path)[DAMAGED_KEEP:]:
        _remove_copy(old)
    return target
