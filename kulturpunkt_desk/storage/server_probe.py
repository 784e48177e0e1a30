"""Test a connection to the team's server, and say in Danish why one failed.

A failed connection (unknown host, refused, no TLS, a certificate, a wrong password) ends
before there is a session, so psycopg gives no SQLSTATE: the cases are told apart by the
fixed English phrases libpq and psycopg write, and the server's FATAL line for a wrong
password (English unless IT set the server's lc_messages otherwise; then the message
falls back to the general one, with the server's own words).
Every message is passed through `redact`, so no password ever reaches the user or a log.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.pool import NullPool

from kulturpunkt_desk.domain.errors import DeskError

from .server_connection import ServerAddress, redact


class ServerConnectionError(DeskError):
    """The server could not be reached or refused the login; the message says what to do."""

    def __init__(self, message: str, code: str) -> None:
        self.code = code
        super().__init__(message)


UNKNOWN_HOST = (
    "Serveren {host} findes ikke (navnet kunne ikke slås op). Tjek værtsnavnet og om "
    "computeren er på regionens netværk (VPN)."
)
# (phrase in libpq's message, code, Danish message); the first match wins.
_FAILURES: list[tuple[str, str, str]] = [
    (
        "password authentication failed",
        "adgangskode",
        "Serveren afviste login {user}: adgangskoden er forkert, eller login findes ikke. "
        "Skriv adgangskoden igen, eller bed IT om at tjekke dit login.",
    ),
    (
        "no password supplied",
        "adgangskode",
        "Serveren kræver en adgangskode for login {user}. Skriv den i feltet Adgangskode.",
    ),
    (
        "could not translate host name",  # libpq's own lookup
        "vært",
        UNKNOWN_HOST,
    ),
    (
        "failed to resolve host",  # psycopg 3.1+ looks the name up itself
        "vært",
        UNKNOWN_HOST,
    ),
    (
        "server does not support ssl",
        "tls",
        "Serveren {host} tilbyder ikke kryptering (TLS), som kræves for at forbinde til en "
        "anden computer. Bed IT om at slå TLS til på serveren.",
    ),
    (
        "does not match host name",
        "certifikat",
        "Serverens certifikat gælder ikke for navnet {host}. Brug det navn, IT har oplyst "
        "(det der står i certifikatet), eller bed IT om et rigtigt certifikat.",
    ),
    (
        "certificate verify failed",
        "certifikat",
        "Serverens certifikat kunne ikke bekræftes (udstederen kendes ikke). Bed IT om "
        "regionens CA-certifikat og vælg det som CA-fil.",
    ),
    (
        "root certificate file",
        "certifikat",
        "CA-filen til at kontrollere serverens certifikat findes ikke. Vælg den fil, IT har "
        "givet dig.",
    ),
    (
        "no pg_hba.conf entry",
        "adgang",
        "Serveren tager ikke imod login {user} fra denne computer (eller kun krypteret). "
        "Bed IT om adgang.",
    ),
    (
        "database",  # FATAL: database "x" does not exist
        "database",
        "Databasen {database} findes ikke på serveren {host}. Tjek navnet, eller bed IT om "
        "at oprette den (kulturpunkt-desk server init).",
    ),
    (
        "no such file or directory",  # a socket folder where no server listens
        "forbindelse",
        "Der kører ingen databaseserver i {host}. Tjek adressen, eller om serveren kører.",
    ),
    (
        "connection refused",
        "forbindelse",
        "Serveren {host} svarer ikke på port {port}. Tjek port og værtsnavn, eller om "
        "databaseserveren kører.",
    ),
    (
        "timeout expired",
        "forbindelse",
        "Serveren {host} svarede ikke inden for 10 sekunder. Tjek netværket (VPN) og værtsnavnet.",
    ),
]


def explain_connection_error(
    exc: BaseException, address: ServerAddress, password: str | None = None
) -> ServerConnectionError:
    """The Danish error for a failed connection to `address`; never containing `password`."""
    raw = str(exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc)
    lowered = raw.lower()
    values = {
        "user": address.user,
        "host": address.host,
        "port": address.port,
        "database": address.database,
    }
    # The same opening as every failure to reach a server database (storage/failures.py).
    opening = f"Kunne ikke forbinde til databasen {address.database} på {address.host}: "
    for phrase, code, message in _FAILURES:
        if phrase in lowered and (phrase != "database" or "does not exist" in lowered):
            return ServerConnectionError(opening + message.format(**values), code)
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    detail = redact(lines[0] if lines else type(exc).__name__, password)
    return ServerConnectionError(
        f"{opening}{detail}. Kontrollér adressen, dit login og netværksforbindelsen.", "ukendt"
    )


def server_engine(address: ServerAddress, password: str | None) -> Engine:
    """A short-lived engine for one task (test, set-up, backup); the password stays out of
    its URL (`connect_args`)."""
    return create_engine(
        address.url(), connect_args=address.connect_args(password), poolclass=NullPool
    )


@contextmanager
def server_transaction(address: ServerAddress) -> Iterator[Connection]:
    """One transaction as `address`'s login (its password from this process or the
    keyring); a failed login raises ServerConnectionError in Danish."""
    password = address.password()
    engine = server_engine(address, password)
    try:
        try:
            conn = engine.connect()
        except OperationalError as exc:
            raise explain_connection_error(exc, address, password) from None
        with conn, conn.begin():
            yield conn
    finally:
        engine.dispose()


@dataclass(frozen=True)
class ProbeResult:
    """What "Test forbindelsen" found: logged in as `login`, the schema, TLS in words."""

    login: str
    revision: str | None
    encrypted: bool
    message: str
    usable: bool


def probe(address: ServerAddress, password: str | None) -> ProbeResult:
    """Log in, read the schema version and whether TLS is in use; raise ServerConnectionError
    when the login itself fails. A wrong schema is a result (`usable` False), not an error."""
    from .migrate import head_revision

    engine = server_engine(address, password)
    try:
        with engine.connect() as conn:
            login = str(conn.execute(text("SELECT current_user")).scalar_one())
            encrypted = bool(
                conn.execute(
                    text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                ).scalar()
            )
            try:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            except ProgrammingError:
                revision = None
    except OperationalError as exc:
        raise explain_connection_error(exc, address, password) from None
    finally:
        engine.dispose()
    tls = "krypteret (TLS)" if encrypted else "ikke krypteret"
    head = head_revision()
    if revision is None:
        message = (
            f"Forbundet som {login} ({tls}), men databasen {address.database} er tom. "
            "Bed IT om at oprette den med kulturpunkt-desk server init."
        )
    elif revision != head:
        message = (
            f"Forbundet som {login} ({tls}), men databasen har skemaversion {revision}, og "
            f"denne version af Kulturpunkt Desk bruger {head}. Bed IT om at opgradere "
            "databasen (kulturpunkt-desk server init), eller opdatér programmet."
        )
    else:
        message = f"Forbindelsen virker: logget ind som {login}, {tls}."
    return ProbeResult(login, revision, encrypted, message, revision == head)
