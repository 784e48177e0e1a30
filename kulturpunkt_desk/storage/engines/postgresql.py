"""A database on the team's PostgreSQL server, reached through psycopg.

The server serialises writers and enforces foreign keys itself, so there is no desk lock
file; creating or migrating the schema takes a transaction-scoped advisory lock instead,
so two desks starting at once never migrate together.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL

from ..paths import data_dir
from ..server_connection import login_for
from .backend import Backend

DRIVER = "postgresql+psycopg"
# The key of pg_advisory_xact_lock held while the schema is created or migrated.
MIGRATION_LOCK_KEY = zlib.crc32(b"kulturpunkt-desk schema migration")
CONNECT_TIMEOUT_S = 10
# Folder names in the data folder: letters, digits, dot, dash and underscore only.
_SAFE = str.maketrans({c: "_" for c in '/\\:*?"<>|@ '})


def server_url(text_url: str) -> URL:
    """The URL with psycopg as its driver, whether the user wrote postgresql:// or not."""
    url = make_url(text_url.strip())
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername=DRIVER)
    return url


def host_of(url: URL) -> str:
    """The server as the user knows it: its host name, or the socket folder."""
    socket = url.query.get("host")
    if url.host:
        return url.host
    if isinstance(socket, str):
        return socket
    return "localhost"


class PostgresBackend(Backend):
    kind: ClassVar[str] = "postgresql"
    file_lock: ClassVar[bool] = False
    is_file: ClassVar[bool] = False

    def __init__(self, url: str) -> None:
        # The login, TLS and password rules (storage/server_connection.py): a password typed
        # into the URL is kept in this process only, so `target` and `url` never hold one.
        self.address = login_for(server_url(url).render_as_string(hide_password=False))
        self.url = self.address.url()
        self.target = self.address.text()
        database = self.url.database or ""
        self.name = f"{database} på {host_of(self.url)}"
        # Attachments and the like of this server database are kept in the data folder
        # under a name per server and database (never a file of its own).
        shown = self.shown = self.url.render_as_string(hide_password=True)
        digest = hashlib.sha256(shown.encode("utf-8")).hexdigest()[:10]
        stem = f"{database}@{host_of(self.url)}".translate(_SAFE)[:40]
        self.path = data_dir() / "servere" / f"{stem}-{digest}.server"

    def exists(self) -> bool:
        return True  # the server says at connect time whether the database is there

    shares_news: ClassVar[bool] = True

    def announce(self, engine: Engine, kinds: frozenset[str], by: str, desk: str) -> None:
        from .postgresql_news import announce

        announce(engine, kinds, by, desk)

    def listen(
        self, engine: Engine, desk: str, on_news: Callable[[frozenset[str], str], None]
    ) -> Callable[[], None] | None:
        from .postgresql_news import Listener

        return Listener(engine, desk, on_news).start().stop

    def make_engine(self, *, read_only: bool, create: bool) -> Engine:
        # The desk writes its timestamps in UTC into columns without a zone, as in a file;
        # the server's own time zone (Europe/Copenhagen at the region) must not shift them.
        options = "-c timezone=UTC"
        if read_only:
            options += " -c default_transaction_read_only=on"
        connect_args: dict[str, Any] = {
            "application_name": "Kulturpunkt Desk",
            "connect_timeout": CONNECT_TIMEOUT_S,
            "options": options,
        }
        # TLS away from this machine, the password from this process or the keyring.
        connect_args.update(self.address.connect_args(self.address.password()))
        # pre_ping: a pooled connection the server dropped (a restart, a laptop asleep)
        # is replaced before a query, not reported as a failed save.
        engine = create_engine(self.url, pool_pre_ping=True, connect_args=connect_args)

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            # A save runs SERIALIZABLE, as writers on a file run one at a time (BEGIN
            # IMMEDIATE): a check-then-write (a unique name) that races a colleague's
            # save fails with 40001 and is told "try again", never a duplicate.
            if conn.info.get("write"):
                conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")

        return engine

    def integrity_report(self, engine: Engine) -> list[str]:
        """The server checks pages and keys itself; what can still be wrong is an index
        a crashed CREATE INDEX left invalid, or a constraint never validated."""
        with engine.connect() as conn:
            indexes = conn.execute(
                text("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid")
            ).scalars()
            problems = [f"Ugyldigt indeks: {name}" for name in indexes]
            constraints = conn.execute(
                text(
                    "SELECT conrelid::regclass::text, conname FROM pg_constraint "
                    "WHERE NOT convalidated"
                )
            ).all()
            problems += [f"Ikke kontrolleret regel: {t}.{c}" for t, c in constraints]
        return problems

    @contextmanager
    def migration_lock(self, conn: Connection) -> Iterator[None]:
        # Transaction-scoped: released by the commit or rollback that ends the migration,
        # also when the desk dies midway.
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        yield

    def backup(self, out: Path) -> Path:
        # The server -> SQLite copy copies every table through the models' column types,
        # so it lives above storage: domain/services/team_backup.py, which `backup --db URL`
        # and Filer > Sikkerhedskopier (services/backups.backup_now) call.
        from ..backup import BackupError

        raise BackupError(
            f"Databasen {self.name} ligger på en server. Tag kopien med kulturpunkt-desk "
            "backup --db ADRESSE --out FIL.sqlite eller under Filer > Sikkerhedskopier."
        )

    def purge_free_pages(self, engine: Engine) -> bool:
        # VACUUM FULL rewrites every table, so no dead row keeps erased text; it cannot
        # run inside a transaction.
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM FULL")
        return True

    def erase_on_delete(self, conn: Connection) -> None:
        pass  # dead rows are rewritten away by purge_free_pages (VACUUM FULL)

    def stored_files(self) -> list[Path]:
        return []

    def describe(self) -> list[str]:
        return [f"Server: {self.shown}"]
