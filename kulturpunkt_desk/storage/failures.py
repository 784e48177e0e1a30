"""What a failed read or write means for the user, sorted by error code, never by message text.

SQLite reports why it failed as a numbered result code (`sqlite3.Error.sqlite_errorcode`,
with extended codes whose low byte is the primary one); the operating system as an errno.
Messages differ between versions and languages, codes do not. `user_error` turns the
failures a user can act on (disk full, read-only file, busy, damaged file, a vanished
drive, a file in use) into a Danish `DeskError`; anything else is a bug and returns None,
so the caller logs it with its traceback and says that something unexpected happened.
"""

from __future__ import annotations

import errno
import sqlite3

from kulturpunkt_desk.domain.errors import DeskError

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
    if is_busy(exc):
        return DatabaseBusyError()
    error = sqlite_error_of(exc)
    if error is not None:
        code = getattr(error, "sqlite_errorcode", None)
        message = _BY_SQLITE_CODE.get(code & 0xFF) if code is not None else None
        if message is not None:
            return StorageError(getattr(error, "sqlite_errorname", str(code)), message)
        return None
    if isinstance(exc, OSError) and exc.errno is not None:
        name = exc.filename if exc.filename is not None else "filen"
        text = _BY_ERRNO.get(exc.errno, _FILE_OTHER).format(name, exc.strerror or exc)
        return StorageError(errno.errorcode.get(exc.errno, str(exc.errno)), text)
    return None
