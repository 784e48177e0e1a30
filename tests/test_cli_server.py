"""The team on one server from the command line: IT sets it up, consultants log in as
themselves, backups come out as SQLite files and go back only when confirmed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from keyring_memory import MemoryKeyring
from server_fixture import PgServer

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.models import AuditEntry
from kulturpunkt_desk.domain.services import areas, programmes
from kulturpunkt_desk.storage.server_connection import (
    KEYRING_SERVICE,
    ServerAddress,
)
from kulturpunkt_desk.storage.startup import start_desk


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_consultant_works_on_the_server_under_her_own_login(team: ServerAddress) -> None:
    session = start_desk(team.text())
    try:
        assert session.db.user == team.user
        programme = programmes.current_programme(session.db)
        assert programme is not None
        assert len(areas.list_areas(session.db, programme.id)) == 11
        area_id = areas.create_area(
            session.db, programme.id, areas.AreaData(name="Nyt Område", municipality="Hjørring")
        )
        uuid = areas.get_area(session.db, area_id).id
        with session.db.read() as s:
            who = {e.entity_uuid: e.user for e in s.query(AuditEntry)}
        # The audit log's "who" is the login; the demo was made by IT's administrator.
        assert who[uuid] == team.user
        assert set(who.values()) == {"it_admin", team.user}
    finally:
        session.close()


def test_backup_then_restore_only_with_the_confirmation_flag(
    team: ServerAddress, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = team.text()
    out = tmp_path / "team.sqlite"
    code, printed, err = run(capsys, "backup", "--db", url, "--out", str(out))
    assert code == 0, err
    assert "annes-lange-kode" not in printed + err
    session = start_desk(out, create=False)  # opened like any file
    try:
        programme = programmes.current_programme(session.db)
        assert programme is not None
        assert len(areas.list_areas(session.db, programme.id)) == 11
    finally:
        session.close()

    code, printed, err = run(capsys, "restore", "--db", url, "--from", str(out))
    assert code == 1
    assert "--erstat-serverens-data" in err and "Intet er ændret" in err

    code, printed, err = run(
        capsys, "restore", "--db", url, "--from", str(out), "--erstat-serverens-data"
    )
    assert code == 0, err
    assert "Sikkerhedskopi af serveren fra før" in printed


def test_a_consultant_cannot_set_up_the_server(
    team: ServerAddress, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "server", "init", "--db", team.text())
    assert code == 1
    assert "må ikke oprette logins" in err
    assert "Traceback" not in err


def test_a_wrong_password_is_told_in_danish_without_the_password(
    team: ServerAddress,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, team.keyring_user, "gammel-forkert-kode")
    code, out, err = run(capsys, "check", "--db", team.text())
    assert code == 1
    assert "adgangskoden er forkert" in out + err
    assert "gammel-forkert-kode" not in out + err
    code, _, err = run(capsys, "overblik", "--db", team.text())
    assert code == 1
    assert "adgangskoden er forkert" in err


def test_an_unencrypted_connection_elsewhere_needs_uden_tls(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql+psycopg://anne@db.rn.dk/kp?sslmode=disable"
    code, _, err = run(capsys, "check", "--db", url)
    assert code == 1
    assert "--uden-tls" in err and "Traceback" not in err


def test_only_it_upgrades_the_schema_on_the_server(
    team: ServerAddress, pg_server: PgServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from kulturpunkt_desk.storage.migrate import head_revision

    before = pg_server.psql("SELECT count(*) FROM information_schema.tables", team.database)
    pg_server.psql("UPDATE alembic_version SET version_num = '0007'", team.database)
    code, _, err = run(capsys, "overblik", "--db", team.text())
    assert code == 1
    assert "Bed IT om at køre kulturpunkt-desk server init" in err
    assert pg_server.psql("SELECT version_num FROM alembic_version", team.database) == "0007"
    after = pg_server.psql("SELECT count(*) FROM information_schema.tables", team.database)
    assert after == before
    assert head_revision() != "0007"


def test_a_password_typed_into_the_address_is_used_but_never_written_anywhere(
    team: ServerAddress,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    private_data_dir: Path,
) -> None:
    memory_keyring.store.clear()
    secret = "annes-lange-kode"
    url = team.text().replace(f"{team.user}@", f"{team.user}:{secret}@")
    code, out, err = run(capsys, "overblik", "--db", url, "--json")
    assert code == 0, err
    code, out2, err2 = run(capsys, "check", "--db", url)
    assert code == 0, out2 + err2
    assert secret not in out + err + out2 + err2
    written = [p for p in private_data_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in written)
    assert not [p for p in written if secret.encode() in p.read_bytes()]
    assert memory_keyring.store == {}  # used for this run, never kept


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["server", "init", "--db", "kulturpunkt.sqlite"], "database på en server"),
        (["restore", "--db", "kulturpunkt.sqlite", "--from", "x.sqlite"], "database på en server"),
    ],
)
def test_server_commands_refuse_a_file(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    argv = [str(tmp_path / a) if a.endswith(".sqlite") else a for a in argv]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert says in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.sqlite"))


def test_a_wrong_administrator_password_is_told_when_adding_a_login(
    team: ServerAddress,
    server_db: ServerAddress,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, server_db.keyring_user, "ikke-admins-kode")
    monkeypatch.setattr("sys.stdin", io.StringIO("bos-lange-kode-1\n"))
    code, _, err = run(
        capsys, "server", "add-user", "bo.x", "--password-stdin", "--db", server_db.text()
    )
    assert code == 1
    assert "adgangskoden er forkert" in err and "ikke-admins-kode" not in err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_without_a_kept_password_the_terminal_asks_for_it(
    team: ServerAddress,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memory_keyring.store.clear()
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", lambda q: asked.append(q) or "annes-lange-kode")
    code, _, err = run(capsys, "overblik", "--db", team.text())
    assert code == 0, err
    assert asked == [f"Adgangskode for {team.describe()}: "]
    assert memory_keyring.store == {}
