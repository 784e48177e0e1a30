"""A throwaway PostgreSQL 15 for the team-server tests (temporary: replaced by i11pg's).

Started as the postgres user on a private Unix socket (no TCP), with passwords required
for every login but the postgres superuser, so wrong passwords are really refused.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

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
