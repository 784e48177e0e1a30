"""The small interface every database engine implements: open, check, back up, lock or not."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from sqlalchemy import Connection, Engine


class Backend(ABC):
    """One database as an engine sees it: a SQLite file, or a database on a server.

    `target` is what the user named (a path or a URL); `path` is where the desk keeps
    what lies beside the database on this laptop (the file itself for SQLite, a folder
    key in the data folder for a server, used for attachments and the like); `name` is
    how messages call it.
    """

    kind: ClassVar[str]
    # The database is one file on this computer: backups copy it, restores replace it.
    is_file: ClassVar[bool]
    # A desk lock file next to the database: only a file needs one (a server serialises
    # writers itself and takes an advisory lock for migrations).
    file_lock: ClassVar[bool]

    target: str | Path
    path: Path
    name: str
    shown: str  # the full place for "Om" and logs: a path, or a URL without its password

    @abstractmethod
    def exists(self) -> bool:
        """Whether there is a database to open (a file on disk; a server is asked at open)."""

    @abstractmethod
    def make_engine(self, *, read_only: bool, create: bool) -> Engine:
        """The SQLAlchemy engine; `create` lets SQLite make a new file."""

    @abstractmethod
    def integrity_report(self, engine: Engine) -> list[str]:
        """Problems the engine finds in the stored data (empty when sound)."""

    @abstractmethod
    @contextmanager
    def migration_lock(self, conn: Connection) -> Iterator[None]:
        """Held while the schema is created or migrated, so two desks never do it at once."""

    @abstractmethod
    def backup(self, out: Path) -> Path:
        """A complete, checked SQLite copy of the database at `out`."""

    @abstractmethod
    def purge_free_pages(self, engine: Engine) -> bool:
        """Rewrite the storage so erased data leaves no bytes behind; True when done."""

    @abstractmethod
    def erase_on_delete(self, conn: Connection) -> None:
        """Make this transaction's deletes overwrite the freed space (where the engine can)."""

    @abstractmethod
    def stored_files(self) -> list[Path]:
        """The files on this laptop that hold the data (none for a server)."""

    @abstractmethod
    def describe(self) -> list[str]:
        """Danish lines for `check`: where the database is and which engine holds it."""
