"""The team's logins on a real PostgreSQL: own login each, rows only, passwords hashed here."""

from __future__ import annotations

import pytest
from server_fixture import ADMIN_PASSWORD, PgServer
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from kulturpunkt_desk.storage.server_connection import ServerAddress
from kulturpunkt_desk.storage.server_probe import ServerConnectionError, probe, server_engine
from kulturpunkt_desk.storage.server_roles import (
    ServerRoleError,
    add_login,
    grant_team_rights,
    team_logins,
)


@pytest.fixture
def team_db(server_db: ServerAddress) -> ServerAddress:
    """The administrator's fresh database, holding one table."""
    with server_engine(server_db, ADMIN_PASSWORD).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE area (id text PRIMARY KEY, name text)")
    return server_db


def test_a_consultant_logs_in_with_own_login_and_may_write_rows_but_not_drop_tables(
    team_db: ServerAddress,
) -> None:
    with server_engine(team_db, ADMIN_PASSWORD).begin() as conn:
        grant_team_rights(conn)
        add_login(conn, "anne.holm", "annes-lange-kode")
        assert "anne.holm" in team_logins(conn)
    anne = ServerAddress(host=team_db.host, database=team_db.database, user="anne.holm")
    engine = server_engine(anne, "annes-lange-kode")
    with engine.begin() as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == "anne.holm"
        conn.execute(text("INSERT INTO area VALUES ('a', 'Øster Hede')"))
    with pytest.raises(ProgrammingError, match="owner"), engine.begin() as conn:
        conn.execute(text("DROP TABLE area"))
    engine.dispose()


def test_the_server_receives_only_the_hash_of_a_new_password(
    team_db: ServerAddress,
    pg_server: PgServer,
) -> None:
    with server_engine(team_db, ADMIN_PASSWORD).begin() as conn:
        grant_team_rights(conn)
        add_login(conn, "bo", "bos-lange-kode-1")
    stored = pg_server.psql("SELECT rolpassword FROM pg_authid WHERE rolname = 'bo'")
    assert stored.startswith("SCRAM-SHA-256$")
    assert "bos-lange-kode-1" not in stored


def test_wrong_password_is_told_in_danish(team_db: ServerAddress) -> None:
    with server_engine(team_db, ADMIN_PASSWORD).begin() as conn:
        grant_team_rights(conn)
        add_login(conn, "carla", "carlas-lange-kode")
    carla = ServerAddress(host=team_db.host, database=team_db.database, user="carla")
    with pytest.raises(ServerConnectionError, match="adgangskoden er forkert") as caught:
        probe(carla, "forkert-kode")
    assert "forkert-kode" not in str(caught.value)
    assert "tom" in probe(carla, "carlas-lange-kode").message  # no schema yet


@pytest.mark.parametrize(
    ("name", "password", "says"),
    [
        ("Anne Holm", "annes-lange-kode", "små bogstaver"),
        ("anne", "kort", "mindst 12 tegn"),
        ("it_admin", "en-lang-adgangskode", "findes allerede"),
    ],
)
def test_a_bad_login_is_refused_and_nothing_is_made(
    team_db: ServerAddress, name: str, password: str, says: str
) -> None:
    with server_engine(team_db, ADMIN_PASSWORD).begin() as conn:
        grant_team_rights(conn)
        with pytest.raises(ServerRoleError, match=says):
            add_login(conn, name, password)
        assert name not in team_logins(conn)


def test_a_consultant_cannot_create_logins(team_db: ServerAddress) -> None:
    with server_engine(team_db, ADMIN_PASSWORD).begin() as conn:
        grant_team_rights(conn)
        add_login(conn, "dorte", "dortes-lange-kode")
    dorte = ServerAddress(host=team_db.host, database=team_db.database, user="dorte")
    with (
        pytest.raises(ServerRoleError, match="må ikke oprette logins"),
        server_engine(dorte, "dortes-lange-kode").begin() as conn,
    ):
        add_login(conn, "eve", "eves-lange-kode-1")
