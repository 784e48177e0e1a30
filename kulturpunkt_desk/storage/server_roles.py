"""The team's logins on the PostgreSQL server: one group role with the rights, one login each.

    kulturpunkt_team   NOLOGIN; may read and write the rows of every table, nothing more
    anne, bo, ...      LOGIN, members of kulturpunkt_team; the audit log's "who"

The tables belong to the administrator who ran `server init` (the region's IT), not to the
team: a consultant's login cannot drop or alter a table, and a newer desk on one laptop
cannot upgrade the schema under colleagues whose older desks would then be locked out.
Upgrading the schema is `server init` again, run by IT with the new desk version.

A new login's password is hashed on this machine (libpq's PQencryptPasswordConn, SCRAM),
so the server receives only the hash, and its statement log never holds the password.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

from kulturpunkt_desk.domain.errors import DeskError

TEAM_ROLE = "kulturpunkt_team"
# PostgreSQL accepts any quoted name; ours stay plain so IT can type them in psql too.
_LOGIN_NAME = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")


class ServerRoleError(DeskError):
    """A login or the team's rights could not be set up; nothing was changed."""


def _quote(conn: Connection, name: str) -> str:
    from psycopg import sql

    raw = conn.connection.driver_connection
    return sql.Identifier(name).as_string(raw)


def _role_exists(conn: Connection, name: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    return found.first() is not None


def check_may_administer(conn: Connection) -> None:
    """The connected login may create roles (superuser or CREATEROLE), or a Danish error."""
    row = conn.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not row:
        user = conn.execute(text("SELECT current_user")).scalar_one()
        raise ServerRoleError(
            f"Login {user} må ikke oprette logins på serveren. Kør kommandoen som "
            "databasens administrator (en rolle med CREATEROLE, der ejer databasen)."
        )


def grant_team_rights(conn: Connection) -> None:
    """Create the team's group role if needed and give it the rows of every table.

    Run inside the administrator's transaction after the schema is created or upgraded;
    default privileges cover tables a later `server init` adds. Other roles on the
    server lose the right to connect to this database.
    """
    check_may_administer(conn)
    team = _quote(conn, TEAM_ROLE)
    database = _quote(conn, str(conn.execute(text("SELECT current_database()")).scalar_one()))
    if not _role_exists(conn, TEAM_ROLE):
        conn.exec_driver_sql(f"CREATE ROLE {team} NOLOGIN")
    for statement in (
        f"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {team}",
        f"GRANT USAGE ON SCHEMA public TO {team}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {team}",
        # UPDATE: a restore sets integer keys' sequences above the rows it put back.
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {team}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {team}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {team}",
    ):
        conn.exec_driver_sql(statement)


def check_login_name(name: str) -> None:
    if not _LOGIN_NAME.match(name):
        raise ServerRoleError(
            f"Login «{name}» kan ikke bruges: brug små bogstaver a-z, tal, punktum, "
            "bindestreg eller understreg (højst 63 tegn), og begynd med et bogstav, fx "
            "«anne.holm»."
        )


def add_login(conn: Connection, name: str, password: str) -> None:
    """A LOGIN role `name` in the team; refuses an existing name or an empty password."""
    check_login_name(name)
    if len(password) < 12:
        raise ServerRoleError("Adgangskoden skal være på mindst 12 tegn.")
    check_may_administer(conn)
    if not _role_exists(conn, TEAM_ROLE):
        raise ServerRoleError(
            "Serveren har ingen team-rolle endnu. Kør først kulturpunkt-desk server init."
        )
    if _role_exists(conn, name):
        raise ServerRoleError(f"Login «{name}» findes allerede på serveren; intet er ændret.")
    from psycopg import sql

    raw = conn.connection.driver_connection
    assert raw is not None  # an open connection always has its psycopg connection
    hashed = raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
        sql.Identifier(name), sql.Literal(hashed.decode("ascii")), sql.Identifier(TEAM_ROLE)
    )
    conn.exec_driver_sql(statement.as_string(raw))


def team_logins(conn: Connection) -> list[str]:
    """The logins in the team, by name."""
    rows = conn.execute(
        text(
            "SELECT r.rolname FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
            "JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = :team ORDER BY r.rolname"
        ),
        {"team": TEAM_ROLE},
    )
    return [str(r) for r in rows.scalars()]
