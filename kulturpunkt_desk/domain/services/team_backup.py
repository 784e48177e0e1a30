"""The team's server database copied whole to a SQLite file, and back: backup and restore.

    backup_server(server_engine, Path("team.sqlite"))          # a checked SQLite copy
    restore_server(server_engine, Path("team.sqlite"), safety)  # replaces the server's rows

Rows are copied table by table in the models' dependency order, column values through the
models' own column types, so the copy does not depend on what the keys are (integers
today, UUID strings after the key change) and the SQLite file is exactly what the desk
makes. The backup reads one repeatable-read snapshot, so a colleague saving meanwhile
gives either all or none of their save. The SQLite file is made at the newest schema as
`.part`, filled, checked like every file the desk opens (storage/recognise.py: SQLite's
quick check, ours, a known schema), its links and row counts compared, and only then
renamed: whole or nothing. A restore first backs the server up, then replaces every row in
one transaction, so a failure halfway leaves the server as it was.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, Integer, Table, func, select, text
from sqlalchemy.exc import DBAPIError

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.models import Base
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import head_revision, open_database
from kulturpunkt_desk.storage.recognise import examine

log = logging.getLogger(__name__)

BATCH = 1000


class TeamBackupError(DeskError):
    """No copy was made, or nothing was restored; the message says why in Danish."""


@dataclass(frozen=True)
class CopyReport:
    """Where the copy went and how many rows each table holds (tables with rows only)."""

    path: Path
    rows: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables() -> list[Table]:
    """Every table of the models, each after the tables it points to."""
    return list(Base.metadata.sorted_tables)


def server_revision(conn: Connection) -> str | None:
    rows = [str(r) for r in conn.execute(text("SELECT version_num FROM alembic_version")).scalars()]
    return rows[0] if len(rows) == 1 else None


def _require_head(conn: Connection, where: str) -> None:
    revision, head = server_revision(conn), head_revision()
    if revision != head:
        raise TeamBackupError(
            f"{where} har skemaversion {revision or 'ingen'}, og denne version af "
            f"Kulturpunkt Desk bruger {head}. Opgradér først (kulturpunkt-desk server init), "
            "eller brug den version af programmet, der passer."
        )


def copy_rows(source: Connection, target: Connection) -> dict[str, int]:
    """Replace every row of `target` by `source`'s, table by table; returns rows per table.

    Deletes go children first and inserts parents first, so every foreign key holds at
    every step on both engines.
    """
    for table in reversed(tables()):
        target.execute(table.delete())
    copied: dict[str, int] = {}
    for table in tables():
        count = 0
        result = source.execution_options(yield_per=BATCH).execute(select(table))
        for batch in result.mappings().partitions(BATCH):
            target.execute(table.insert(), [dict(row) for row in batch])
            count += len(batch)
        if count:
            copied[table.name] = count
    return copied


def count_rows(conn: Connection) -> dict[str, int]:
    counts = {
        table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        for table in tables()
    }
    return {name: n for name, n in counts.items() if n}


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """One read-only, repeatable-read transaction: every table as of the same moment."""
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            conn.execute(text("SET TRANSACTION READ ONLY"))
            yield conn


def backup_server(engine: Engine, out: Path) -> CopyReport:
    """Write the whole server database to the SQLite file `out`, checked, whole or nothing."""
    out = Path(out)
    if out.exists():
        raise TeamBackupError(
            f"{out} findes allerede; en sikkerhedskopi overskriver aldrig en fil. "
            "Vælg et nyt filnavn."
        )
    partial = out.with_name(out.name + ".part")
    partial.unlink(missing_ok=True)  # a copy whose process died
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        copy = open_database(partial, create=True, user="sikkerhedskopi")
        try:
            with snapshot(engine) as source, copy.engine.begin() as target:
                _require_head(source, "Databasen på serveren")
                rows = copy_rows(source, target)
        finally:
            copy.dispose()
        _single_file(partial)
        _check_copy(partial, rows)
        partial.replace(out)
    except (DBAPIError, OSError) as exc:
        raise TeamBackupError(
            f"Sikkerhedskopien kunne ikke skrives til {out} ({type(exc).__name__}: "
            f"{_first_line(exc)}). Intet er gemt; serverens data er ikke ændret."
        ) from exc
    finally:
        partial.unlink(missing_ok=True)
        for leftover in (partial.with_name(partial.name + s) for s in ("-wal", "-shm")):
            leftover.unlink(missing_ok=True)
    log.info("Sikkerhedskopi af serveren: %s (%d rækker)", out, sum(rows.values()))
    return CopyReport(out, rows)


def _single_file(path: Path) -> None:
    """A rollback journal, as every backup the desk makes: one file to move or mail."""
    from kulturpunkt_desk.storage.sqlite_files import connect

    conn = connect(path, "rw")
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else ""


def _check_copy(path: Path, expected: Mapping[str, int]) -> None:
    """The file passes the desk's own checks, every link holds, and no row is missing."""
    found = examine(path)
    if not found.ours or found.broken_links:
        problem = found.problem or f"{len(found.broken_links)} brudte henvisninger"
        raise TeamBackupError(f"Kopien kunne ikke bekræftes og er slettet igen: {problem}")
    copy = open_database(path, read_only=True, user="sikkerhedskopi")
    try:
        with copy.engine.connect() as conn:
            counted = count_rows(conn)
    finally:
        copy.dispose()
    if counted != dict(expected):
        raise TeamBackupError("Kopien har ikke de samme rækker som serveren og er slettet igen.")


def _reset_sequences(conn: Connection) -> None:
    """After rows were inserted with their own integer keys, PostgreSQL's sequences must
    continue above them; keys that are not integers have no sequence."""
    for table in tables():
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer):
                continue
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            ).scalar()
            if sequence:
                conn.execute(
                    text(
                        f'SELECT setval(:s, coalesce((SELECT max("{column.name}") '
                        f'FROM "{table.name}"), 0) + 1, false)'
                    ),
                    {"s": sequence},
                )


@dataclass(frozen=True)
class RestoreReport:
    safety_backup: Path
    rows: Mapping[str, int]


def restore_server(engine: Engine, source: Path, safety_backup: Path) -> RestoreReport:
    """Replace every row on the server by those of the SQLite file `source`.

    The file is recognised as ours and sound first; one from an older desk is brought up
    to date in a temporary copy (the file itself is never changed). The server is backed
    up to `safety_backup` before anything is replaced, and the rows are replaced in one
    transaction.
    """
    source = Path(source)
    found = examine(source)
    if not found.ours:
        raise TeamBackupError(f"Intet er gendannet: {found.problem}")
    if found.broken_links:
        raise TeamBackupError(
            f"Intet er gendannet: {source.name} har {len(found.broken_links)} brudte "
            "henvisninger mellem tabeller (kør kulturpunkt-desk check på filen)."
        )
    with engine.connect() as conn:
        _require_head(conn, "Databasen på serveren")
    safety = backup_server(engine, safety_backup)
    with _at_head(source) as current:
        copy = open_database(current, read_only=True, user="gendannelse")
        try:
            with copy.engine.connect() as reader, engine.begin() as writer:
                rows = copy_rows(reader, writer)
                if writer.dialect.name == "postgresql":
                    _reset_sequences(writer)
        finally:
            copy.dispose()
    log.info("Serveren gendannet fra %s; sikkerhedskopi før: %s", source, safety.path)
    return RestoreReport(safety.path, rows)


@contextmanager
def _at_head(source: Path) -> Iterator[Path]:
    """`source` itself when at the newest schema, else a migrated temporary copy."""
    if examine(source, integrity=None).revision == head_revision():
        yield source
        return
    from kulturpunkt_desk.storage.backup import copy_database
    from kulturpunkt_desk.storage.engine import Database
    from kulturpunkt_desk.storage.migrate import upgrade

    folder = Path(tempfile.mkdtemp(prefix="kulturpunkt-gendan-"))
    try:
        copy = copy_database(source, folder / source.name)
        # Migrated without open_database's backup: the copy is itself a throwaway.
        migrated = Database(copy, user="gendannelse")
        try:
            upgrade(migrated)
        finally:
            migrated.dispose()
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def backup_into_folder(db: Database, reason: str) -> Path:
    """A copy of the server database `db` into the data folder's backups, named and kept
    (the newest N) as the copies of a file are, so the backup dialog lists them too."""
    from kulturpunkt_desk.storage.backup import DEFAULT_KEEP, prune_backups
    from kulturpunkt_desk.storage.paths import backup_dir, backup_file_stem

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir(db.path) / f"{backup_file_stem(db.path)}-{stamp}-{reason}.sqlite"
    backup_server(db.engine, target)
    prune_backups(db.path, DEFAULT_KEEP)
    return target


def restore_into_server(db: Database, source: Path) -> RestoreReport:
    """`restore_server` on the open server database `db`, its safety copy in its backups."""
    from kulturpunkt_desk.storage.paths import backup_dir, backup_file_stem

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safety = backup_dir(db.path) / f"{backup_file_stem(db.path)}-{stamp}-foer-gendannelse.sqlite"
    report = restore_server(db.engine, source, safety)
    # Every record may have changed: the other desks reload everything they show.
    db.backend.announce(db.engine, frozenset(t.name for t in tables()), db.user, db.desk_id)
    return report
