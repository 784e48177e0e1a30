"""Opening a desk over one database file: the lock, the checks, the start-up backup.

This is the Qt-free API the window (and tests) call:

    session = start_desk(path)                  # may raise DeskLockedError, DatabaseFileError
    session = start_desk(path, read_only=True)  # after the user chose read-only access
    session.warnings                            # Danish texts to show once
    session.backup_now(); session.restore(backup_path); session.close()
    restore_from_backup(path, backup)           # when the file could not be opened at all

Order matters: the lock first (so two desks never migrate at once), then open_database
(which backs up before migrating), then SQLite's quick check and foreign-key check, and
only a file that passed gets a start-up backup, so a damaged file never pushes the good
backups out of the rotation.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .backup import backup_keep, list_backups, make_backup
from .desk_lock import DeskLock, LockHolder, ReadOnlyDatabaseError, read_holder, refuse_writes
from .desk_log import configure_logging
from .engine import Database, current_user
from .failures import sqlite_error_of
from .location import location_warning
from .migrate import DatabaseFileError, head_revision, open_database, schema_revision, upgrade
from .restore import backup_taken_at, newest_sound_backup, restore_backup

log = logging.getLogger(__name__)


@dataclass
class DeskSession:
    """An open database and what start-up found. `lock` is None when read-only."""

    db: Database
    lock: DeskLock | None
    holder: LockHolder | None = None
    warnings: list[str] = field(default_factory=list)
    startup_backup: Path | None = None

    @property
    def read_only(self) -> bool:
        return self.lock is None

    @property
    def path(self) -> Path:
        return self.db.path

    def backup_now(self) -> Path:
        """A backup on demand (allowed read-only too: it only reads)."""
        return make_backup(self.path, "manuel", keep=backup_keep(self.path))

    def backups(self) -> list[Path]:
        return list_backups(self.path)

    def restore(self, backup: Path) -> Path | None:
        """Replace the open file by `backup` (see restore_in_place)."""
        return restore_in_place(self.db, backup)

    def close(self) -> None:
        self.db.close()


def integrity_problems(path: Path) -> tuple[list[str], list[str]]:
    """(quick_check problems, broken foreign keys); both empty for a sound file."""
    conn = sqlite3.connect(path)
    # A damaged page can make SQLite's messages themselves invalid UTF-8.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        quick = [str(r[0]) for r in conn.execute("PRAGMA quick_check") if r[0] != "ok"]
        broken = [
            f"tabel {r[0]}, række {r[1]} peger på en manglende række i {r[2]}"
            for r in conn.execute("PRAGMA foreign_key_check")
        ]
    finally:
        conn.close()
    return quick, broken


def describe_backup(backup: Path) -> str:
    taken = backup_taken_at(backup)
    when = f"fra {taken:%d.%m.%Y kl. %H.%M}" if taken else ""
    return f"{backup.name} {when}".strip()


def _refuse(path: Path, message: str, cause: BaseException | None = None) -> DatabaseFileError:
    error = DatabaseFileError(message)
    error.newest_backup = newest_sound_backup(path)
    if error.newest_backup is not None:
        error.args = (
            f"{message}\n\nDen nyeste brugbare sikkerhedskopi er "
            f"{describe_backup(error.newest_backup)}. Filen er ikke ændret; du kan gendanne "
            "sikkerhedskopien (den beskadigede fil gemmes også).",
        )
    log.error("Kan ikke åbne %s: %s", path, message)
    return error


def start_desk(
    path: Path, *, create: bool = True, user: str | None = None, read_only: bool = False
) -> DeskSession:
    """Open `path` for the desk. See the module docstring for the order of the steps."""
    path = Path(path)
    configure_logging()
    user = user or current_user()
    log.info("Starter med %s (SQLite %s, bruger %s)", path, sqlite3.sqlite_version, user)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)  # the lock file goes there first
    elif not path.is_file():
        raise _refuse(path, f"Databasefilen {path} findes ikke.")
    lock = None if read_only else DeskLock.acquire(path, user)
    holder = read_holder(path) if read_only else None
    db: Database | None = None
    try:
        try:
            keep = backup_keep(path) if path.exists() else 20
            db = open_database(
                path, create=create, user=user, backup_keep=keep, read_only=read_only
            )
            quick, broken = integrity_problems(path)
        except DatabaseFileError as exc:
            raise _refuse(path, str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise _refuse(path, f"Databasen {path.name} er beskadiget: {exc}") from exc
        except Exception as exc:  # SQLAlchemy wraps sqlite3's errors
            if sqlite_error_of(exc) is None:  # by type, never by message text
                raise
            raise _refuse(path, f"Databasen {path.name} er beskadiget: {exc}") from exc
        if quick:
            raise _refuse(
                path,
                f"Databasen {path.name} er beskadiget (SQLite fandt {len(quick)} fejl, "
                f"fx: {quick[0]}).",
            )
        session = DeskSession(db=db, lock=lock, holder=holder)
        for problem in broken:
            log.warning("Brudt henvisning: %s", problem)
        if broken:
            session.warnings.append(
                f"Databasen har {len(broken)} brudte henvisninger mellem tabeller "
                "(fx en person knyttet til et slettet område). Data kan læses, men kør "
                "'kulturpunkt-desk check' og kontakt support."
            )
        warning = location_warning(path)
        if warning:
            log.warning(warning)
            session.warnings.append(warning)
        if lock is None:
            refuse_writes(db, holder)
        else:
            session.startup_backup = make_backup(path, "opstart", keep=backup_keep(path))
            lock.guard(db)
            db.on_close.append(lock.release)
            lock.start_heartbeat()
        log.info("Åbnet %s (kontrol ok%s)", path, ", skrivebeskyttet" if lock is None else "")
        return session
    except BaseException:
        if db is not None:
            db.dispose()
        if lock is not None:
            lock.release()
        raise


def restore_in_place(db: Database, backup: Path) -> Path | None:
    """Replace `db`'s file by `backup` while the desk runs; `db` stays usable afterwards.

    Its connections are closed first and reopen on the restored file at the next query;
    a backup from an older schema is migrated. Returns where the replaced file was kept.
    Read-only desks and desks that lost their lock are refused (the write guard raises).
    """
    if db.write_guard is not None:
        db.write_guard()
    if db.read_only:
        raise ReadOnlyDatabaseError("Databasen er åbnet skrivebeskyttet og kan ikke gendannes.")
    db.dispose()
    kept = restore_backup(db.path, Path(backup))
    if schema_revision(db) != head_revision():
        upgrade(db)
    return kept


def restore_from_backup(path: Path, backup: Path, user: str | None = None) -> Path | None:
    """Restore when the file could not be opened (damaged, foreign): takes the lock itself."""
    configure_logging()
    lock = DeskLock.acquire(Path(path), user or current_user())
    try:
        return restore_backup(Path(path), Path(backup))
    finally:
        lock.release()
