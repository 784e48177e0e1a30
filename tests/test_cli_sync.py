"""`kulturpunkt-desk sync` from the command line: the copy, a sync, and every mistake told
in Danish with exit 1 (no traceback, no password)."""

from __future__ import annotations

from pathlib import Path

import pytest
from postgres_server import Databases
from server_fixture import ANNE_PASSWORD
from sqlalchemy import text
from sync_support import differences

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database
from kulturpunkt_desk.storage.server_connection import ServerAddress, forget_session_logins

pytestmark = pytest.mark.postgresql_only


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_the_copy_then_a_sync_in_a_folder_with_a_space_and_a_hash(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = tmp_path / "Mine filer #2" / "Kulturpunkt.sqlite"
    laptop.parent.mkdir()
    code, out, err = run(capsys, "sync", "--db", str(laptop), "--server", str(demo_db.target))
    assert code == 0, err
    assert "Bærbar kopi lavet" in out
    code, out, err = run(capsys, "sync", "--db", str(laptop))  # the remembered server
    assert code == 0, err
    assert "Sendt til serveren: 0 ændringer." in out
    assert differences(demo_db, laptop) == []


def test_a_file_that_is_no_laptop_copy_is_refused(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "egen.sqlite"
    assert main(["init", "--db", str(own)]) == 0
    capsys.readouterr()
    code, _out, err = run(capsys, "sync", "--db", str(own), "--server", str(demo_db.target))
    assert code == 1 and "ikke en bærbar kopi" in err


def test_a_missing_file_without_a_server_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "sync", "--db", str(tmp_path / "ny.sqlite"))
    assert code == 1 and "--server" in err
    code, _out, err = run(
        capsys, "sync", "--db", str(tmp_path / "ny.sqlite"), "--server", "ikke-en-adresse"
    )
    assert code == 1 and "postgresql+psycopg://" in err
    assert not (tmp_path / "ny.sqlite").exists()


def test_a_server_that_is_not_there_is_told(
    postgres_server: Databases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = f"postgresql+psycopg://anne@/kulturpunkt?host={tmp_path / 'ingen-server'}"
    code, _out, err = run(capsys, "sync", "--db", str(tmp_path / "ny.sqlite"), "--server", nowhere)
    assert code == 1 and err.startswith("Fejl: ")
    assert not (tmp_path / "ny.sqlite").exists() and not (tmp_path / "ny.synk").exists()


def test_a_wrong_password_is_told_and_never_shown(
    team: ServerAddress, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = team.text().replace(f"{team.user}@", f"{team.user}:forkert-kode@")
    code, out, err = run(capsys, "sync", "--db", str(tmp_path / "ny.sqlite"), "--server", url)
    assert code == 1 and "adgangskode" in err.lower()
    assert "forkert-kode" not in out + err and ANNE_PASSWORD not in out + err
    # A new command, with her own password from the keyring: the copy is made.
    forget_session_logins()
    code, out, err = run(
        capsys, "sync", "--db", str(tmp_path / "ny.sqlite"), "--server", team.text()
    )
    assert code == 0, err


def test_a_server_at_another_schema_version_is_refused(
    postgres_server: Databases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_server.fresh()
    try:
        server = open_database(url)
        with server.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0009'"))
        server.dispose()
        code, _out, err = run(capsys, "sync", "--db", str(tmp_path / "ny.sqlite"), "--server", url)
        assert code == 1 and "skemaversion 0009" in err and "server init" in err
    finally:
        postgres_server.drop(url)


def test_a_laptop_copy_from_a_newer_desk_is_refused_untouched(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = tmp_path / "kp.sqlite"
    assert run(capsys, "sync", "--db", str(laptop), "--server", str(demo_db.target))[0] == 0
    copy = open_database(laptop)
    with copy.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    copy.dispose()
    before = laptop.read_bytes()
    code, _out, err = run(capsys, "sync", "--db", str(laptop))
    assert code == 1 and "nyere version" in err
    assert laptop.read_bytes() == before
