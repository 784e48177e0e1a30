"""Opening a database file: recognise it, back it up, bring its schema up to date.

The schema only ever changes here, through Alembic; a user never recreates a database.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from .engine import Database
from .recognise import DatabaseFileError, looks_like_sqlite, require_ours

__all__ = ["DatabaseFileError", "looks_like_sqlite", "open_database", "upgrade"]

MIGRATIONS = Path(__file__).parent / "migrations"
# Alembic costs about a tenth of a second to import, so a database already at the newest
# schema is opened without it: the head is read from the revision files' own lines.
_REVISION = re.compile(r"^revision(?:: str)? = [\"']([^\"']+)[\"']\s*$", re.M)
_DOWN_REVISION = re.compile(r"^down_revision(?:: [^=]+)? = (?:None|[\"']([^\"']+)[\"'])\s*$", re.M)

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _plain_head()
    if head is None:
        head = _scripts().get_current_head()
    assert head is not None
    return head


def _plain_head() -> str | None:
    """The head of a single chain of plain revision files, read without Alembic; None when
    anything is less simple (a merge, a branch, an odd file), so Alembic decides."""
    chain: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        if path.name == "__init__.py":
            continue
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(text), _DOWN_REVISION.search(text)
        if len(revision) != 1 or down is None:
            return None
        chain[revision[0]] = down.group(1)
    downs = set(chain.values())
    heads = set(chain) - downs
    if len(heads) != 1 or not downs - {None} <= set(chain) or list(chain.values()).count(None) != 1:
        return None
    return heads.pop()


def known_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}


def schema_revision(db: Database) -> str | None:
    """The file's schema version from Alembic's own table (None: not versioned yet)."""
    with db.engine.connect() as conn:
        versioned = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).scalar_one()
        rows = (
            [
                str(r)
                for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
            ]
            if versioned
            else []
        )
    if len(rows) > 1:
        raise DatabaseFileError(
            f"Databasen {db.path.name} har flere skemaversioner ({', '.join(rows)}) "
            "og kan ikke åbnes af denne version af Kulturpunkt Desk."
        )
    return rows[0] if rows else None


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command

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

    Only a path that does not exist is created. Anything else is first recognised as a
    Kulturpunkt database at a known schema (storage/recognise.py, reading only); a file
    that is not (0 bytes, another program's, from a newer desk) raises DatabaseFileError
    with a Danish message, and the file is left untouched.
    """
    from .backup import make_backup  # backup recognises files through migrate's revisions

    path = Path(path)
    is_new = not path.exists()
    if is_new and not create:
        raise DatabaseFileError(f"Databasefilen {path} findes ikke.")
    current = None if is_new else require_ours(path, integrity=None).revision
    if is_new:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path, user=user, read_only=read_only, create=is_new)
    try:
        if current != head_revision():
            if read_only:
                raise DatabaseFileError(
                    f"Databasen {path.name} skal opgraderes til denne version af programmet, "
                    "men den kan kun åbnes til læsning her (den er åben et andet sted, eller "
                    "filen er skrivebeskyttet). Åbn den først, hvor den kan gemmes."
                )
            if not is_new:
                make_backup(path, "foer-opgradering", keep=backup_keep)
            upgrade(db)
    except BaseException:
        db.dispose()
        raise
    return db


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
