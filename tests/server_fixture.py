"""A throwaway PostgreSQL 15 for the team-server tests (temporary: replaced by i11pg's).

Started as the postgres user on a private Unix socket (no TCP), with passwords required
for every login but the postgres superuser, so wrong passwords are really refused.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kulturpunkt_desk.storage.server_connection import ServerAddress

BIN = Path("/usr/lib/postgresql/15/bin")


@dataclass
class PgServer:
    socket_dir: Path
    data_dir: Path

    def psql(self, sql: str, database: str = "postgres") -> str:
        return subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(BIN / "psql"),
                "-h",
                str(self.socket_dir),
                "-d",
                database,
                "-tAc",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if not (BIN / "initdb").exists() or shutil.which("runuser") is None:
        pytest.skip("PostgreSQL 15 er ikke installeret")
    root = Path(tempfile.mkdtemp(prefix="kp-pg-"))
    shutil.chown(root, "postgres", "postgres")
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    shutil.chown(sock, "postgres", "postgres")
    run = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [*run, str(BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    (data / "pg_hba.conf").write_text(
        "local all postgres trust\nlocal all all scram-sha-256\n", encoding="utf-8"
    )
    subprocess.run(
        [
            *run,
            str(BIN / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(root / "log"),
            "-w",
            "-o",
            f"-c listen_addresses='' -c unix_socket_directories='{sock}' -c fsync=off",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield PgServer(sock, data)
    finally:
        subprocess.run(
            [*run, str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


ADMIN = "it_admin"
ADMIN_PASSWORD = "it-admin-adgangskode"


@pytest.fixture
def server_db(pg_server: PgServer) -> ServerAddress:
    """A fresh, empty database owned by an IT administrator (CREATEROLE), no schema yet."""
    name = f"kp_{uuid.uuid4().hex[:8]}"
    pg_server.psql(
        f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='{ADMIN}') THEN "
        f"CREATE ROLE {ADMIN} LOGIN CREATEROLE PASSWORD '{ADMIN_PASSWORD}'; END IF; END$$"
    )
    pg_server.psql(f"CREATE DATABASE {name} OWNER {ADMIN}")
    return ServerAddress(host=str(pg_server.socket_dir), database=name, user=ADMIN)


@pytest.fixture
def schema_db(server_db: ServerAddress) -> ServerAddress:
    """`server_db` at the newest schema (temporary: create_all, until i11pg's engine)."""
    from kulturpunkt_desk.domain.models import Base
    from kulturpunkt_desk.storage.migrate import head_revision
    from kulturpunkt_desk.storage.server_probe import server_engine

    engine = server_engine(server_db, ADMIN_PASSWORD)
    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        # The SQLite-only partial index, as i11pg's storage will make it on PostgreSQL.
        conn.exec_driver_sql("DROP INDEX uq_area_member_primary_contact")
        conn.exec_driver_sql(
            "CREATE UNIQUE INDEX uq_area_member_primary_contact ON area_member (area_id) "
            "WHERE is_primary_contact"
        )
        conn.exec_driver_sql("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")
        conn.exec_driver_sql(f"INSERT INTO alembic_version VALUES ('{head_revision()}')")
    engine.dispose()
    return server_db
