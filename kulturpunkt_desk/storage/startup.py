"""Opening a desk over one database file: the lock, the checks, the start-up backup.

This is the Qt-free API the window (and tests) call:

    session = start_desk(path)                  # may raise DeskLockedError, DatabaseFileError
    session = start_desk(path, read_only=True)  # after the user chose read-only access
    session.warnings                            # Danish texts to show once
    session.backup_now(); session.restore(backup_path); session.close()
    restore_from_backup(path, backup)           # when the file could not be opened at all

Order matters. First the file is recognised, reading only (storage/recognise.py: ours,
SQLite's quick check, a schema this desk knows), so a foreign or damaged file is refused
before anything beside it is written, not even the lock file. Then the lock (so two desks
never migrate at once), then open_database (which backs up before migrating), and only a
file that passed gets a start-up backup. A write-protected file or folder is opened
read-only with a warning. Every command of the CLI opens its file through here too.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from .backup import (
    DEFAULT_KEEP,
    BackupError,
    adopt_legacy_backups,
    backup_keep,
    list_backups,
    make_backup,
)
from .desk_lock import (
    DeskLock,
    DeskLockedError,
    LockHolder,
    ReadOnlyDatabaseError,
    read_holder,
    refuse_writes,
)
from .desk_log import configure_logging
from .engine import Database, current_user
from .engines import is_server_url
from .location import location_warning
from .migrate import head_revision, open_database, schema_revision, upgrade
from .recognise import DatabaseFileError, examine
from .restore import (
    backup_taken_at,
    finish_interrupted_restore,
    newest_sound_backup,
    restore_backup,
    restore_leftovers,
)
from .sqlite_files import connect_to_inspect

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
        if not self.db.backend.is_file:  # a server database has no desk lock
            return self.db.read_only
        return self.lock is None

    @property
    def path(self) -> Path:
        return self.db.path

    def backup_now(self) -> Path:
        """A backup on demand (allowed read-only too: it only reads)."""
        if not self.db.backend.is_file:  # a server: the engine's own copy, or a refusal
            return self.db.backend.backup(self.path.with_suffix(".sqlite"))
        return make_backup(self.path, "manuel", keep=backup_keep(self.path))

    def backups(self) -> list[Path]:
        return list_backups(self.path)

    def restore(self, backup: Path) -> Path | None:
        """Replace the open file by `backup` (see restore_in_place)."""
        return restore_in_place(self.db, backup)

    def close(self) -> None:
        self.db.close()


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


def preload() -> None:
    """Import now what start_desk imports on first use (SQLAlchemy's SQLite dialect, the
    user name's module, Alembic when the migrations are not a plain chain).

    The window runs start_desk in a worker thread while the GUI thread imports the window's
    modules. Two threads importing the same package at once can meet it half initialised
    ("partially initialized module 'sqlalchemy.util'"), so after this call start_desk on a
    file that `opens_as_is` imports nothing (tests/test_start_shell.py checks it).
    """
    import logging.handlers  # noqa: F401  (configure_logging's file handler)

    import sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401

    from .engines import sqlite as _file_engine  # noqa: F401  (Database picks it on first use)

    datetime.strptime("2026", "%Y")  # imports _strptime (a damaged file's backup dates)
    current_user()
    head_revision()


def opens_as_is(path: Path) -> bool:
    """Whether `path` exists at this desk's schema, so start_desk neither creates nor
    migrates it (what would import Alembic and the migrations). Reads only."""
    try:
        conn = connect_to_inspect(path)
        try:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False
    return rows == [(head_revision(),)]


def start_desk(
    path: Path | str,
    *,
    create: bool = True,
    user: str | None = None,
    read_only: bool = False,
    startup_backup: bool = True,
) -> DeskSession:
    """Open `path` for the desk. See the module docstring for the order of the steps.

    `create` makes a new database only where no file exists; `startup_backup=False` is
    for commands that only read. A server URL opens the server database (no lock file,
    no file checks, no start-up backup: the server is backed up on its own).
    """
    configure_logging()
    user = user or current_user()
    if is_server_url(path):
        return start_server_desk(str(path), user=user, read_only=read_only)
    path = Path(path)
    log.info("Starter med %s (SQLite %s, bruger %s)", path, sqlite3.sqlite_version, user)
    _finish_interrupted_restore(path, user)
    adopt_legacy_backups(path)
    broken: list[str] = []
    if path.exists() or not create:
        found = examine(path)
        if found.problem is not None:
            raise _refuse(path, found.problem)
        broken = found.broken_links
    else:
        _make_folder(path)  # the lock file goes there first
    warnings: list[str] = []
    if not read_only and path.exists() and not writable(path):
        read_only = True
        warnings.append(WRITE_PROTECTED)
    lock = None if read_only else DeskLock.acquire(path, user)
    holder = read_holder(path) if read_only else None
    db: Database | None = None
    try:
        try:
            keep = backup_keep(path) if path.exists() else DEFAULT_KEEP
            db = open_database(
                path, create=create, user=user, backup_keep=keep, read_only=read_only
            )
        except DatabaseFileError as exc:
            raise _refuse(path, str(exc)) from exc
        except (sqlite3.DatabaseError, SQLAlchemyDatabaseError) as exc:
            raise _refuse(path, f"Databasen {path.name} er beskadiget: {exc}") from exc
        session = DeskSession(db=db, lock=lock, holder=holder, warnings=warnings)
        for problem in broken:
            log.warning("Brudt henvisning: %s", problem)
        if broken:
            session.warnings.append(
                f"Databasen har {len(broken)} brudte henvisninger mellem tabeller "
                "(fx en person knyttet til et slettet lokalområde). Data kan læses, men kør "
                "'kulturpunkt-desk check' og kontakt support."
            )
        warning = location_warning(path)
        if warning:
            log.warning(warning)
            session.warnings.append(warning)
        if lock is None:
            if WRITE_PROTECTED in warnings:
                refuse_writes_to_protected_file(db)
            else:
                refuse_writes(db, holder)
        else:
            if startup_backup:
                _startup_backup(session)
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


def start_server_desk(url: str, *, user: str, read_only: bool = False) -> DeskSession:
    """Open a database on a PostgreSQL server: the schema is checked (and created in an
    empty database, or migrated under the server's advisory lock) by open_database."""
    from .server_connection import login_for

    # The audit log's "who" is the server's current_user: the login, not the laptop's user.
    try:
        db = open_database(url, user=login_for(url).user, read_only=read_only)
    except SQLAlchemyDatabaseError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient_privilege
            raise
        # Only IT's administrator creates or upgrades the schema (storage/server_roles.py).
        raise DatabaseFileError(
            "Databasen på serveren skal oprettes eller opgraderes til denne version af "
            "Kulturpunkt Desk, og det må dit login ikke. Intet er ændret. Bed IT om at køre "
            "kulturpunkt-desk server init med denne version."
        ) from exc
    log.info("Åbnet %s (PostgreSQL, login %s)", db.name, db.user)
    return DeskSession(db=db, lock=None)


def _finish_interrupted_restore(path: Path, user: str) -> None:
    """Put a file back after a restore that was killed midway, under the desk lock, so a
    restore another desk is running right now is never disturbed."""
    if not restore_leftovers(path):
        return
    try:
        lock = DeskLock.acquire(path, user)
    except DeskLockedError:
        if path.exists():
            return  # that desk is restoring; the lock question comes again below
        raise
    try:
        finish_interrupted_restore(path)
    finally:
        lock.release()


def _startup_backup(session: DeskSession) -> None:
    """The start-up backup; when it fails (a full disk), the sound file still opens, and
    the user is told that no backup was taken."""
    try:
        session.startup_backup = make_backup(
            session.path, "opstart", keep=backup_keep(session.path), checked=True
        )
    except BackupError as exc:
        log.error("Ingen sikkerhedskopi ved opstart: %s", exc)
        session.warnings.append(f"Sikkerhedskopien ved opstart mislykkedes. {exc}")


WRITE_PROTECTED = (
    "Databasefilen eller dens mappe er skrivebeskyttet, så den er åbnet kun til læsning: "
    "intet kan gemmes. Kopiér filen til en mappe, du kan skrive i (fx datamappen), for at "
    "arbejde i den."
)


def writable(path: Path) -> bool:
    """Whether the desk may write the file and, beside it, its -wal, -shm and lock file."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def refuse_writes_to_protected_file(db: Database) -> None:
    def guard() -> None:
        raise ReadOnlyDatabaseError("Intet er gemt: " + WRITE_PROTECTED)

    db.write_guard = guard


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseFileError(
            f"Mappen {path.parent} kan ikke oprettes ({exc.strerror or exc}); "
            "databasen er ikke oprettet."
        ) from exc


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
