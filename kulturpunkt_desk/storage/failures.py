"""What a failed read or write means for the user, sorted by error code, never by message text.

SQLite reports why it failed as a numbered result code (`sqlite3.Error.sqlite_errorcode`,
with extended codes whose low byte is the primary one); the operating system as an errno.
Messages differ between versions and languages, codes do not. `user_error` turns the
failures a user can act on (disk full, read-only file, busy, damaged file, a vanished
drive, a file in use) into a Danish `DeskError`; anything else is a bug and returns None,
so the caller logs it with its traceback and says that something unexpected happened.
A server database (PostgreSQL) says why by SQLSTATE: a lost connection, a conflicting
transaction, a full disk, a read-only login each get their Danish sentence too.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
from typing import TYPE_CHECKING

from kulturpunkt_desk.domain.errors import DeskError

if TYPE_CHECKING:
    from .server_connection import ServerAddress

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

NOTHING_SAVED = "Intet er gemt; det du har skrevet, står der stadig."


class DatabaseBusyError(DeskError):
    """Another desk held the write lock for longer than the busy timeout; nothing saved."""

    def __init__(self) -> None:
        super().__init__(
            "Databasen er optaget: en anden Kulturpunkt Desk gemmer i den samme fil lige nu. "
            "Intet er gemt. Vent et øjeblik og prøv igen."
        )


class StorageError(DeskError):
    """A failure of the disk or the file that the user can act on; `code` names its cause."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


DISK_FULL = (
    "Disken er fuld, så ændringen kunne ikke gemmes. " + NOTHING_SAVED + " Frigør plads på "
    "disken (fx ved at tømme papirkurven eller slette gamle filer) og prøv igen."
)
READ_ONLY = (
    "Databasefilen eller dens mappe er skrivebeskyttet, så ændringen kunne ikke gemmes. "
    + NOTHING_SAVED
    + " Åbn en kopi, du må skrive i, eller bed IT om skriveadgang."
)
UNREACHABLE = (
    "Databasefilen kunne ikke læses eller skrives (er netværksdrevet eller USB-disken "
    "forsvundet?). " + NOTHING_SAVED + " Kontrollér forbindelsen og prøv igen."
)
DAMAGED = (
    "Databasefilen er beskadiget. " + NOTHING_SAVED + " Luk Kulturpunkt Desk og gendan den nyeste "
    "sikkerhedskopi under Filer › Sikkerhedskopier."
)
NO_MEMORY = "Computeren har ikke hukommelse nok til at gemme lige nu. " + NOTHING_SAVED

_BY_SQLITE_CODE: dict[int, str] = {
    SQLITE_FULL: DISK_FULL,
    SQLITE_READONLY: READ_ONLY,
    SQLITE_PERM: READ_ONLY,
    SQLITE_IOERR: UNREACHABLE,
    SQLITE_CANTOPEN: UNREACHABLE,
    SQLITE_CORRUPT: DAMAGED,
    SQLITE_NOTADB: DAMAGED,
    SQLITE_NOMEM: NO_MEMORY,
}

# An operating system error is about some file (a document, a backup, an import).
_FILE_DISK_FULL = "Disken er fuld, så «{0}» kunne ikke gemmes. Frigør plads og prøv igen."
_FILE_NO_ACCESS = (
    "Der er ikke adgang til «{0}»: filen eller mappen er skrivebeskyttet, eller filen er åben "
    "i et andet program. Luk den, eller vælg et andet sted, og prøv igen."
)
_BY_ERRNO: dict[int, str] = {
    errno.ENOSPC: _FILE_DISK_FULL,
    errno.EDQUOT: _FILE_DISK_FULL,
    errno.EROFS: _FILE_NO_ACCESS,
    errno.EACCES: _FILE_NO_ACCESS,
    errno.EPERM: _FILE_NO_ACCESS,
    errno.ENOENT: "«{0}» findes ikke (er drevet eller mappen forsvundet?).",
    errno.EISDIR: "«{0}» er en mappe, ikke en fil.",
}
_FILE_OTHER = "«{0}» kunne ikke læses eller skrives ({1})."


# PostgreSQL says why by SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html).
SERVER_LOST = (
    "Forbindelsen til databaseserveren blev afbrudt, så ændringen kunne ikke gemmes. "
    + NOTHING_SAVED
    + " Kontrollér netværksforbindelsen og prøv igen."
)
SERVER_BUSY = (
    "En kollega gemte i de samme data i samme øjeblik, så ændringen kunne ikke gemmes. "
    + NOTHING_SAVED
    + " Prøv igen."
)
SERVER_FULL = (
    "Databaseserverens disk er fuld, så ændringen kunne ikke gemmes. "
    + NOTHING_SAVED
    + " Bed IT om at give serveren mere plads."
)
SERVER_READ_ONLY = (
    "Databasen på serveren er kun til læsning for dit login, så ændringen kunne ikke gemmes. "
    + NOTHING_SAVED
    + " Bed IT om skriveadgang."
)
_BY_SQLSTATE_CLASS: dict[str, str] = {"08": SERVER_LOST, "57": SERVER_LOST, "40": SERVER_BUSY}
_BY_SQLSTATE: dict[str, str] = {
    "53100": SERVER_FULL,  # disk_full
    "25006": SERVER_READ_ONLY,  # read_only_sql_transaction
    "42501": SERVER_READ_ONLY,  # insufficient_privilege
}


def server_error_of(exc: BaseException) -> Exception | None:
    """The psycopg error behind `exc`, if any (psycopg is only imported for a server)."""
    if "psycopg" not in sys.modules:
        return None
    import psycopg

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, psycopg.Error):
            return current
        orig = getattr(current, "orig", None)
        if isinstance(orig, psycopg.Error):
            return orig
        current = current.__cause__ or current.__context__
    return None


def _server_message(error: Exception) -> str | None:
    import psycopg

    state = getattr(error, "sqlstate", None) or ""
    if state in _BY_SQLSTATE:
        return _BY_SQLSTATE[state]
    if state[:2] in _BY_SQLSTATE_CLASS:
        return _BY_SQLSTATE_CLASS[state[:2]]
    # No SQLSTATE: the client lost the connection (closed socket, server gone, timeout).
    if not state and isinstance(error, psycopg.OperationalError):
        return SERVER_LOST
    return None


def connection_error(
    exc: BaseException, name: str, address: ServerAddress | None = None
) -> DeskError | None:
    """Opening a server database failed: the Danish reason (no server, no login, no such
    database), or None when it is no connection problem."""
    error = server_error_of(exc)
    import psycopg

    if error is None or not isinstance(error, psycopg.OperationalError):
        return None
    state = getattr(error, "sqlstate", None) or ""
    if state and state[:2] not in ("08", "28", "3D", "57"):
        return None
    if address is not None:  # wrong password, unknown host, no TLS... each in Danish
        from .server_probe import explain_connection_error

        return explain_connection_error(error, address, address.password())
    # The server's own text says which of them it was (it names no password).
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return StorageError(
        state or "connect",
        f"Kunne ikke forbinde til databasen {name}: {reason}. Kontrollér adressen, dit "
        "login og netværksforbindelsen.",
    )


def sqlite_error_of(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind `exc`: itself, SQLAlchemy's `.orig`, or a cause."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            return current
        orig = getattr(current, "orig", None)
        if isinstance(orig, sqlite3.Error):
            return orig
        current = current.__cause__ or current.__context__
    return None


def is_busy(exc: BaseException) -> bool:
    """SQLite gave up waiting for another connection's lock (SQLITE_BUSY / SQLITE_LOCKED)."""
    error = sqlite_error_of(exc)
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)


def user_error(exc: BaseException) -> DeskError | None:
    """The Danish error for a failure the user can act on, or None for a bug."""
    if isinstance(exc, DeskError):
        return exc
    # Looked at only when SQLAlchemy's ORM is loaded: the crash handler imports this module
    # before the start-up shell paints, and must not pull the ORM in with it.
    orm_errors = sys.modules.get("sqlalchemy.orm.exc")
    if orm_errors is not None and isinstance(exc, orm_errors.StaleDataError):
        # The row version moved between reading and writing: another desk saved the same
        # record in the same moment. Nothing was written; saving again merges or asks.
        return StorageError(
            "row_version",
            "En kollega gemte den samme post i samme øjeblik. Intet er gemt; prøv igen.",
        )
    if is_busy(exc):
        return DatabaseBusyError()
    error = sqlite_error_of(exc)
    if error is not None:
        code = getattr(error, "sqlite_errorcode", None)
        message = _BY_SQLITE_CODE.get(code & 0xFF) if code is not None else None
        if message is not None:
            return StorageError(getattr(error, "sqlite_errorname", str(code)), message)
        return None
    server = server_error_of(exc)
    if server is not None:
        message = _server_message(server)
        if message is None:
            return None
        return StorageError(getattr(server, "sqlstate", None) or "connection", message)
    if isinstance(exc, OSError) and exc.errno is not None:
        name = exc.filename if exc.filename is not None else "filen"
        text = _BY_ERRNO.get(exc.errno, _FILE_OTHER).format(name, exc.strerror or exc)
        return StorageError(errno.errorcode.get(exc.errno, str(exc.errno)), text)
    return None
