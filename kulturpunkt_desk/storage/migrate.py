"""Opening a database: recognise it, back it up, bring its schema up to date.

The schema only ever changes here, through Alembic; a user never recreates a database.
A NEW database (a file or a server database) is made from the models and stamped at the
newest revision; the migrations are for existing databases. On a server the schema is
created or migrated under an advisory lock (storage/engines/postgresql.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect

from .engine import Database
from .engines import backend_for, is_server_url
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
    """The database's schema version from Alembic's own table (None: not versioned yet)."""
    with db.engine.connect() as conn:
        return _revision_of(conn, db.name)


def _revision_of(conn: Connection, name: str) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = [
        str(r) for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
    ]
    if len(rows) > 1:
        raise DatabaseFileError(
            f"Databasen {name} har flere skemaversioner ({', '.join(rows)}) "
            "og kan ikke åbnes af denne version af Kulturpunkt Desk."
        )
    return rows[0] if rows else None


def upgrade(db: Database, revision: str = "head") -> None:
    """Run the migrations up to `revision` in one transaction (on SQLite with foreign keys
    off and checked before the commit: see _foreign_keys_off)."""
    from alembic import command

    cfg = alembic_config()
    with (
        db.engine.connect() as conn,
        _foreign_keys_off(db, conn),
        conn.begin(),
        db.backend.migration_lock(conn),
    ):
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        if db.backend.kind == "sqlite":
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                raise DatabaseFileError(
                    f"Opgraderingen af {db.backend.name} ville bryde {len(broken)} "
                    "henvisninger mellem posterne og er ikke gennemført; filen er uændret."
                )


@contextmanager
def _foreign_keys_off(db: Database, conn: Connection) -> Iterator[None]:
    """SQLite changes a column by rebuilding its table, and dropping a parent table with
    foreign keys on would cascade into its children: they are off while migrations run
    (set before BEGIN: inside a transaction SQLite ignores it) and checked before the
    commit instead, so a migration that broke a link changes nothing."""
    if db.backend.kind != "sqlite":
        yield
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def create_schema(conn: Connection) -> None:
    """A new database's tables from the models, stamped at the newest revision."""
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    cfg.attributes["create_from_models"] = True  # read by migrations/env.py
    command.stamp(cfg, "head")


def open_database(
    path: Path | str,
    *,
    create: bool = False,
    user: str | None = None,
    backup_keep: int | None = None,  # None: the file's own setting
    read_only: bool = False,
) -> Database:
    """Open (or with `create`, make) the database at `path`, migrated to the newest schema.

    Only a path that does not exist is created. Anything else is first recognised as a
    Kulturpunkt database at a known schema (storage/recognise.py, reading only); a file
    that is not (0 bytes, another program's, from a newer desk) raises DatabaseFileError
    with a Danish message, and the file is left untouched.
    """
    # backup recognises files through migrate's revisions, so it is imported here.
    from .backup import backup_keep as keep_setting
    from .backup import make_backup

    if is_server_url(path):
        return open_server_database(str(path), user=user, read_only=read_only)
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
            if is_new:
                with db.engine.begin() as conn:
                    create_schema(conn)
            else:
                keep = backup_keep if backup_keep is not None else keep_setting(path)
                make_backup(path, "foer-opgradering", keep=keep)
                upgrade(db)
    except BaseException:
        db.dispose()
        raise
    return db


def open_server_database(url: str, *, user: str | None = None, read_only: bool = False) -> Database:
    """Open a database on a PostgreSQL server, creating the schema in an empty one.

    Another desk may be creating or migrating it right now: the check is made again under
    the migration lock, so only one of them does the work. A database from a newer desk
    (or another program's) is refused with a Danish message and left untouched.
    """
    from .failures import connection_error

    db = Database(backend_for(url), user=user, read_only=read_only)
    try:
        try:
            revision = schema_revision(db)
            if revision != head_revision():
                _refuse_unknown(db, revision)
                if read_only:
                    raise DatabaseFileError(
                        f"Databasen {db.name} skal opgraderes til denne version af programmet, "
                        "men den er åbnet kun til læsning."
                    )
                with db.engine.begin() as conn, db.backend.migration_lock(conn):
                    revision = _revision_of(conn, db.name)  # another desk may have done it
                    _refuse_unknown(db, revision, conn)
                    if revision is None:
                        create_schema(conn)
                    elif revision != head_revision():
                        cfg = alembic_config()
                        cfg.attributes["connection"] = conn
                        from alembic import command

                        command.upgrade(cfg, "head")
        except DatabaseFileError:
            raise
        except Exception as exc:
            known = connection_error(exc, db.name, getattr(db.backend, "address", None))
            if known is None:
                raise
            raise known from exc
    except BaseException:
        db.dispose()
        raise
    return db


def _refuse_unknown(db: Database, revision: str | None, conn: Connection | None = None) -> None:
    """Refuse a database from a newer desk, or one that holds tables but is not ours."""
    if revision is not None and revision not in known_revisions():
        raise DatabaseFileError(
            f"Databasen {db.name} er lavet af en nyere version af Kulturpunkt Desk "
            f"(skemaversion {revision}). Opdatér programmet for at åbne den."
        )
    if revision is None and conn is not None and inspect(conn).get_table_names():
        raise DatabaseFileError(
            f"Databasen {db.name} indeholder tabeller, men er ikke fra Kulturpunkt Desk. "
            "Den er ikke ændret."
        )


def integrity_report(db: Database) -> list[str]:
    """Problems the engine finds in the stored data (empty when sound)."""
    return db.backend.integrity_report(db.engine)
