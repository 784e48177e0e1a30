"""Is this file one of ours, sound, at a schema this desk knows? Asked before anything writes.

Every way into a database file (the window, every command, a backup, a restore) asks
here first, reading only: a 0-byte file, a text file, another program's SQLite file (also
an empty one), a damaged page or a folder is refused with a Danish message while its
bytes, its journal mode and its neighbours are still exactly as they were.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kulturpunkt_desk.domain.errors import DeskError

from .sqlite_files import connect_to_inspect

SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseFileError(DeskError):
    """The file cannot be opened as a Kulturpunkt database; nothing was changed.

    `newest_backup` is filled in by start-up (storage/startup.py) with the newest sound
    backup, so the desk can offer to restore it.
    """

    newest_backup: Path | None = None


@dataclass
class Examination:
    """What reading the file found. `problem` is a Danish sentence; None means ours and sound."""

    path: Path
    revision: str | None = None
    problem: str | None = None
    damage: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)

    @property
    def ours(self) -> bool:
        return self.problem is None


def looks_like_sqlite(path: Path) -> bool:
    with Path(path).open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def examine(
    path: Path, *, integrity: str | None = "quick_check", links: bool = True
) -> Examination:
    """Read `path` and say whether it is a sound Kulturpunkt database. Never writes.

    `integrity` is the SQLite check to run ("quick_check", "integrity_check") or None
    for the identity alone (header, schema version), which takes a millisecond; `links`
    adds the foreign-key check (broken links are reported, not refused).
    """
    path = Path(path)
    found = Examination(path)
    if not path.exists():
        found.problem = f"Databasefilen {path} findes ikke."
    elif path.is_dir():
        found.problem = f"{path} er en mappe, ikke en databasefil. Vælg selve .sqlite-filen."
    elif path.stat().st_size == 0:
        found.problem = (
            f"Filen {path} er tom (0 byte) og er ikke en Kulturpunkt-database. Den er ikke "
            "ændret. Vælg en anden fil, eller opret en ny database under et navn, der ikke "
            "findes endnu."
        )
    elif not _readable_sqlite(path, found):
        pass
    else:
        _read(path, found, integrity, links)
    return found


def _readable_sqlite(path: Path, found: Examination) -> bool:
    try:
        if looks_like_sqlite(path):
            return True
    except OSError as exc:
        found.problem = f"Filen {path} kan ikke læses: {exc.strerror or exc}."
        return False
    found.problem = (
        f"Filen {path} er ikke en Kulturpunkt-database (ikke en SQLite-fil, eller starten "
        "af filen er beskadiget)."
    )
    return False


def _read(path: Path, found: Examination, integrity: str | None, links: bool) -> None:
    try:
        conn = connect_to_inspect(path)
    except (sqlite3.Error, OSError) as exc:
        found.problem = f"Filen {path} kan ikke åbnes: {exc}"
        return
    # A damaged page can make SQLite's messages themselves invalid UTF-8.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        if integrity is not None:
            found.damage = [str(r[0]) for r in conn.execute(f"PRAGMA {integrity}")]
            found.damage = [line for line in found.damage if line != "ok"]
            if found.damage:
                found.problem = (
                    f"Databasen {path.name} er beskadiget (SQLite fandt {len(found.damage)} "
                    f"fejl, fx: {found.damage[0]})."
                )
                return
        _read_revision(conn, found)
        if found.problem is None and integrity is not None and links:
            found.broken_links = [
                f"tabel {r[0]}, række {r[1]} peger på en manglende række i {r[2]}"
                for r in conn.execute("PRAGMA foreign_key_check")
            ]
    except (sqlite3.DatabaseError, UnicodeError) as exc:
        found.problem = f"Databasen {path.name} er beskadiget: {exc}"
    finally:
        conn.close()


def _read_revision(conn: sqlite3.Connection, found: Examination) -> None:
    from .migrate import head_revision, known_revisions  # migrate opens files through here

    name = found.path.name
    has_version = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()[0]
    if not has_version:
        # Also an empty SQLite file: only a path that does not exist becomes a new database.
        found.problem = f"Filen {name} er en SQLite-database, men ikke fra Kulturpunkt Desk."
        return
    rows = [str(r[0]) for r in conn.execute("SELECT version_num FROM alembic_version")]
    if len(rows) != 1:
        found.problem = (
            f"Databasen {name} har {len(rows)} skemaversioner ({', '.join(rows) or 'ingen'}) "
            "og kan ikke åbnes af denne version af Kulturpunkt Desk."
        )
        return
    found.revision = rows[0]
    if found.revision != head_revision() and found.revision not in known_revisions():
        found.problem = (
            f"Databasen {name} er lavet af en nyere version af Kulturpunkt Desk "
            f"(skemaversion {found.revision}). Opdatér programmet for at åbne den."
        )


def require_ours(path: Path, *, integrity: str | None = "quick_check") -> Examination:
    """`examine`, raising DatabaseFileError with its Danish message unless ours and sound."""
    found = examine(path, integrity=integrity)
    if found.problem is not None:
        raise DatabaseFileError(found.problem)
    return found
