"""Opening a database file: recognise it, back it up, bring its schema up to date.

The schema only ever changes here, through Alembic; a user never recreates a database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from kulturpunkt_desk.domain.errors import DeskError

from .backup import make_backup
from .engine import Database

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseFileError(DeskError):
    """The file cannot be opened as a Kulturpunkt database; nothing was changed.

    `newest_backup` is filled in by start-up (storage/startup.py) with the newest sound
    backup, so the desk can offer to restore it.
    """

    newest_backup: Path | None = None


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def schema_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def open_database(
    path: Path,
    *,
    create: bool = False,
    user: str | None = None,
    backup_keep: int = 20,
    read_only: bool = False,
) -> Database:
    """Open (or with `create`, make) the database at `path`, migrated to the newest schema.

    A file made by a newer desk, a file that is not SQLite, or a missing file raises
    DatabaseFileError with a Danish message, and the file is left untouched.
    """
    path = Path(path)
    is_new = not path.exists() or path.stat().st_size == 0
    if is_new and not create:
        raise DatabaseFileError(f"Databasefilen {path} findes ikke.")
    if not is_new and not looks_like_sqlite(path):
        raise DatabaseFileError(
            f"Filen {path} er ikke en Kulturpunkt-database (ikke en SQLite-fil, "
            "eller filen er beskadiget)."
        )
    if is_new:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path, user=user, read_only=read_only)
    try:
        current = None if is_new else _revision_or_error(db)
        if current != head_revision():
            if current is not None and current not in known_revisions():
                raise DatabaseFileError(
                    f"Databasen {path.name} er lavet af en nyere version af Kulturpunkt Desk "
                    f"(skemaversion {current}). Opdatér programmet for at åbne den."
                )
            if read_only:
                raise DatabaseFileError(
                    f"Databasen {path.name} skal opgraderes til denne version af programmet, "
                    "men den er åben et andet sted og kan derfor kun læses. Luk den anden "
                    "Kulturpunkt Desk først."
                )
            if not is_new:
                make_backup(path, "foer-opgradering", keep=backup_keep)
            upgrade(db)
    except BaseException:
        db.dispose()
        raise
    return db


def _revision_or_error(db: Database) -> str | None:
    try:
        current = schema_revision(db)
        with db.engine.connect() as conn:
            tables = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).scalar_one()
    except Exception as exc:  # sqlite3.DatabaseError and friends: a damaged file
        raise DatabaseFileError(
            f"Databasen {db.path.name} kan ikke læses (filen er beskadiget): {exc}"
        ) from exc
    if current is None and tables:
        raise DatabaseFileError(
            f"Filen {db.path.name} er en SQLite-database, men ikke fra Kulturpunkt Desk."
        )
    return current


def integrity_report(db: Database) -> list[str]:
    """Problems SQLite finds in the file (empty when sound)."""
    problems: list[str] = []
    try:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
            problems += [str(r) for r in rows if r != "ok"]
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            problems += [f"Fremmednøgle brudt: tabel {r[0]}, række {r[1]} -> {r[2]}" for r in fk]
    except sqlite3.DatabaseError as exc:
        problems.append(str(exc))
    return problems
