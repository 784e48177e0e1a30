"""The team's server in the tests: i11pg's PostgreSQL test server, with passwords required
for the IT administrator and the team's logins (everyone else keeps i11pg's trust), so a
wrong password is really refused.
"""

from __future__ import annotations

import io
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from keyring_memory import MemoryKeyring
from postgres_server import Databases, PostgresServer

from kulturpunkt_desk.storage.server_connection import ServerAddress, forget_session_logins


@dataclass
class PgServer:
    server: PostgresServer

    @property
    def socket_dir(self) -> Path:
        return self.server.socket_dir

    def psql(self, sql: str, database: str = "postgres") -> str:
        command = [
            str(self.server.bin_dir / "psql"),
            "-h",
            str(self.socket_dir),
            "-U",
            self.server.user,
            "-d",
            database,
            "-tAc",
            sql,
        ]
        if self.server.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        return done.stdout.strip()


@pytest.fixture(scope="session")
def pg_server(postgres_server: Databases) -> PgServer:
    """i11pg's test server (conftest's `postgres_server`), asking these logins for passwords."""
    server = postgres_server.server
    hba = server.data / "pg_hba.conf"
    # First match wins: these logins must give their password; the rest stays trusted.
    own = "local all it_admin scram-sha-256\nlocal all +kulturpunkt_team scram-sha-256\n"
    hba.write_text(own + hba.read_text(encoding="utf-8"), encoding="utf-8")
    wrapper = PgServer(server)
    wrapper.psql("SELECT pg_reload_conf()")
    return wrapper


@pytest.fixture(autouse=True)
def no_remembered_logins() -> Iterator[None]:
    """Typed passwords and TLS choices live in the process: none leaks between tests."""
    forget_session_logins()
    yield
    forget_session_logins()


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
    """`server_db` at the newest schema, made by the desk's own start on a server."""
    from kulturpunkt_desk.storage.migrate import open_database
    from kulturpunkt_desk.storage.server_connection import use_password

    use_password(server_db, ADMIN_PASSWORD)
    open_database(server_db.text()).dispose()
    return server_db


ANNE_PASSWORD = "annes-lange-kode"


@pytest.fixture
def team(
    server_db: ServerAddress,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> ServerAddress:
    """IT has run `server init --demo` and `server add-user anne.<n>`, and Anne's password
    is in the (in-memory) keyring. Logins are the whole server's, so each test has its own."""
    from kulturpunkt_desk.cli import main
    from kulturpunkt_desk.storage.server_connection import KEYRING_SERVICE, remember_password

    login = f"anne.{server_db.database[-8:]}"
    remember_password(server_db, ADMIN_PASSWORD)
    admin_url = server_db.text()
    assert main(["server", "init", "--db", admin_url, "--demo"]) == 0, capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(ANNE_PASSWORD + "\n"))
    assert main(["server", "add-user", login, "--password-stdin", "--db", admin_url]) == 0
    printed = capsys.readouterr()
    assert "kulturpunkt_team" in printed.out and ANNE_PASSWORD not in printed.out + printed.err
    anne = ServerAddress(host=server_db.host, database=server_db.database, user=login)
    memory_keyring.set_password(KEYRING_SERVICE, anne.keyring_user, ANNE_PASSWORD)
    return anne
