"""A private PostgreSQL server for the tests: started once per run, on a socket only.

Debian's `postgresql` package (binaries in /usr/lib/postgresql/<version>/bin). The server
refuses to run as root, so as root it runs as the `postgres` user (runuser) in a
temporary folder handed to that user. No TCP port is opened (listen_addresses=''), and
fsync is off: the data is thrown away at the end of the run.

Locally without the package the PostgreSQL tests skip with the reason; in CI
(KULTURPUNKT_REQUIRE_POSTGRES=1, set by .ci/run) a missing server fails the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

REQUIRE_ENV = "KULTURPUNKT_REQUIRE_POSTGRES"
BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def find_bin() -> Path | None:
    for folder in BIN_DIRS:
        if (folder / "pg_ctl").is_file() and (folder / "initdb").is_file():
            return folder
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


class PostgresServer:
    """One throw-away cluster; `url(name)` connects to database `name` as its superuser."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="kp-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "socket"
        self.log = self.root / "server.log"
        self.as_root = os.geteuid() == 0 if hasattr(os, "geteuid") else False
        self.user = "postgres" if self.as_root else _login()

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.log.read_text(encoding="utf-8") if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stderr}{done.stdout}{log}")

    def start(self) -> None:
        self.socket_dir.mkdir()
        if self.as_root:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            self.user,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200 -c timezone=Europe/Copenhagen"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.socket_dir}"

    def admin(self, sql: str) -> None:
        """Run one statement (CREATE/DROP DATABASE) outside a transaction."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir), user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]


def _login() -> str:
    import getpass

    return getpass.getuser()


class Databases:
    """Databases on one server for the tests.

    Creating a database per test costs a fifth of a second or more, so the database
    fixtures share one working database, `kp_work`, and put it back before each test:
    every table emptied and, for a template (the demo), refilled from a copy of the
    template's rows kept in a schema of its own, all inside the server (milliseconds).
    `fresh()` makes a separate database for a test that needs one of its own.
    """

    WORK = "kp_work"

    def __init__(self, server: PostgresServer) -> None:
        self.server = server
        self.templates: set[str] = set()
        self.count = 0
        self.work_url = ""
        self.in_use = False
        self.scripts: dict[
            str | None, str
        ] = {}  # a fixture of the running test holds the working database

    def fresh(self) -> str:
        """The URL of a new, empty database (no schema yet)."""
        self.count += 1
        name = f"t_{self.count}"
        self.server.admin(f"CREATE DATABASE {name}")
        return self.server.url(name)

    def drop(self, url: str) -> None:
        name = database_of(url)
        self.server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def work(self, template: str, fill: Callable[[str], None]) -> str:
        """The working database as `template` holds it; `fill(url)` fills the template the
        first time it is asked for (and must leave no connection open)."""
        if not self.work_url:
            self.server.admin(f"CREATE DATABASE {self.WORK}")
            self.work_url = self.server.url(self.WORK)
        if template not in self.templates:
            self._reset(None)
            fill(self.work_url)
            self._keep_as(template)
            self.templates.add(template)
        self._reset(template)
        return self.work_url

    @property
    def _tables(self) -> list[str]:
        from kulturpunkt_desk.domain.models import Base

        return [table.name for table in Base.metadata.sorted_tables]

    def _connect(self) -> Any:
        import psycopg

        return psycopg.connect(
            host=str(self.server.socket_dir), user=self.server.user, dbname=self.WORK
        )

    def _keep_as(self, template: str) -> None:
        with self._connect() as conn:
            conn.execute(f"CREATE SCHEMA tmpl_{template}")  # type: ignore[arg-type]
            for table in self._tables:
                conn.execute(  # type: ignore[call-overload]
                    f'CREATE TABLE tmpl_{template}."{table}" AS SELECT * FROM public."{table}"'
                )

    def _reset(self, template: str | None) -> None:
        """Empty every table (and refill it from `template`), then move each id sequence
        past the ids in use; one script, one round trip. Foreign keys are not checked
        meanwhile (replica role)."""
        with self._connect() as conn:
            if template is None and not _has_schema(conn):
                return
            if template not in self.scripts:
                self.scripts[template] = self._script(conn, template)
            conn.execute(self.scripts[template])

    def _script(self, conn: Any, template: str | None) -> str:
        lines = ["SET LOCAL session_replication_role = replica;"]
        for table in self._tables:
            lines.append(f'DELETE FROM public."{table}";')
            if template is not None:
                lines.append(
                    f'INSERT INTO public."{table}" SELECT * FROM tmpl_{template}."{table}";'
                )
        sequences = conn.execute(
            "SELECT s.relname, t.relname, a.attname FROM pg_class s "
            "JOIN pg_depend d ON d.objid = s.oid AND d.deptype = 'a' "
            "JOIN pg_class t ON t.oid = d.refobjid "
            "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
            "JOIN pg_namespace n ON n.oid = s.relnamespace "
            "WHERE s.relkind = 'S' AND n.nspname = 'public'"
        ).fetchall()
        for sequence, table, column in sequences:
            lines.append(
                f"SELECT setval('public.\"{sequence}\"', "
                f'COALESCE((SELECT max("{column}") FROM public."{table}"), 0) + 1, false);'
            )
        return "\n".join(lines)


def _has_schema(conn: Any) -> bool:
    found = conn.execute("SELECT to_regclass('public.alembic_version')").fetchone()
    return found is not None and found[0] is not None


def database_of(url: str) -> str:
    from sqlalchemy import make_url

    return str(make_url(url).database)
