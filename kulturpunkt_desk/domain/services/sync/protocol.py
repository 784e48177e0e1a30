"""The laptop copy made, and a sync run step by step so that an interruption anywhere
leaves the server and the laptop as before or as after it, never between.

1. The laptop file is opened and BEGIN IMMEDIATE held to the end (the window cannot save
   mid-sync; its save waits or fails with its usual message). A next base left by a sync
   that died is finished (its token is the laptop's) or thrown away.
2. Laptop, base and server must all be at this desk's schema.
3. Changes sent by syncs that died (afsendt.json): those whose receipt the server holds
   are played onto a copy of the base, and kept in the next afsendt.json until a refresh
   has brought the base past them; only what came after them is new. A change set the
   server never took is found again.
4. The changes are found (a snapshot of the laptop against the base) and written to
   afsendt.json before the server is contacted.
5. The server applies them in one transaction with their receipt.
6. The next base is written beside the base, the laptop gets the same rows in its held
   transaction and commits, afsendt.json goes, and the next base replaces the base.
`fault(step)` is called after each named step; the tests raise there.
"""

from __future__ import annotations

import base64
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from kulturpunkt_desk.domain.models import Base
from kulturpunkt_desk.domain.models.base import utcnow
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import head_revision, open_database, upgrade
from kulturpunkt_desk.storage.recognise import require_ours
from kulturpunkt_desk.storage.sqlite_files import connect

from .conflict_log import open_count
from .laptop_files import (
    Bookkeeping,
    LaptopFiles,
    fsync_folder,
    read_bookkeeping,
    read_json,
    write_bookkeeping,
    write_json_durably,
)
from .local_changes import (
    Key,
    apply_changeset,
    column_names,
    find_changes,
    key_where,
    read_changes,
)
from .outcome import Fault, Progress, SyncError, SyncReport
from .refresh import apply_refresh, plan_refresh
from .rules import MergeRules
from .server_side import merge_into, open_server
from .sqlite_copies import copy_file, file_engine

log = logging.getLogger(__name__)

NEW_COPY_ADVICE = (
    "Gem filen et andet sted (så intet af dit arbejde går tabt), og lav en ny bærbar kopi "
    "med kulturpunkt-desk sync --db NY_FIL --server ADRESSE."
)


def _quiet(_text: str, _fraction: float) -> None:
    return None


def _no_fault(_step: str) -> None:
    return None


def make_laptop_copy(
    laptop: Path, server_url: str, *, progress: Progress | None = None
) -> SyncReport:
    """A new laptop copy of the server's database at `laptop`, with its base beside it."""
    from kulturpunkt_desk.domain.services.team_backup import TeamBackupError, backup_server

    laptop, step = Path(laptop), progress or _quiet
    if laptop.exists():
        raise SyncError(f"{laptop} findes allerede; en bærbar kopi overskriver aldrig en fil.")
    server = open_server(server_url)
    files = LaptopFiles(laptop)
    try:
        step("Henter serverens database", 0.1)
        # A folder without its laptop file is what a copy that died left: it holds nothing.
        shutil.rmtree(files.folder, ignore_errors=True)
        files.folder.mkdir(parents=True)
        part = files.folder / "kopi.sqlite"
        try:
            copied = backup_server(server.engine, part)
        except TeamBackupError as exc:
            raise SyncError(f"Den bærbare kopi kunne ikke laves: {exc}") from exc
        step("Gemmer grundlaget", 0.8)
        address = getattr(server.backend, "address", None)
        book = Bookkeeping(
            address.text() if address else str(server.target),
            str(uuid.uuid4()),
            head_revision(),
            utcnow(),
        )
        engine = file_engine(part)
        try:
            with engine.begin() as conn:
                write_bookkeeping(conn, book)
        finally:
            engine.dispose()
        copy_file(part, files.base)
        os.replace(part, laptop)
        fsync_folder(laptop.parent)
        with server.engine.connect() as conn:
            conflicts = open_count(conn)
    except BaseException:
        if not laptop.exists():
            shutil.rmtree(files.folder, ignore_errors=True)
        raise
    finally:
        server.dispose()
    step("Færdig", 1.0)
    return SyncReport(True, 0, 0, 0, copied.total, conflicts)


def sync(
    laptop: Path,
    server_url: str | None = None,
    *,
    progress: Progress | None = None,
    rules: MergeRules | None = None,
    fault: Fault | None = None,
) -> SyncReport:
    """Send the laptop's changes and bring the colleagues'; the first time (no file yet)
    makes the laptop copy. `server_url` None: the server the copy remembers."""
    laptop = Path(laptop)
    if not laptop.exists():
        if server_url is None:
            raise SyncError(
                f"Filen {laptop} findes ikke. Angiv serveren (--server ADRESSE) for at lave "
                "en bærbar kopi af teamets database."
            )
        return make_laptop_copy(laptop, server_url, progress=progress)
    files = LaptopFiles(laptop)
    local = _open_laptop(laptop, files)
    try:
        with _held(local) as conn:
            job = _Sync(conn, files, progress or _quiet, fault or _no_fault)
            report = job.run(server_url, rules)
    finally:
        local.dispose()
    return job.finish(report)


def _open_laptop(laptop: Path, files: LaptopFiles) -> Database:
    """The laptop file, at this desk's schema (migrated first, its base too, when the desk
    was updated since the last sync); a file that is not a laptop copy is refused."""
    found = require_ours(laptop, integrity=None)
    older = found.revision != head_revision()
    local = open_database(laptop) if older else Database(laptop)
    try:
        with local.engine.connect() as conn:
            book = read_bookkeeping(conn)
        if book is None:
            raise SyncError(
                f"{laptop.name} er ikke en bærbar kopi af teamets database (den er aldrig "
                "synkroniseret). Lav en bærbar kopi med kulturpunkt-desk sync --db NY_FIL "
                "--server ADRESSE, og flyt dit arbejde over, eller slut filen til serveren "
                "én gang med kulturpunkt-desk server join."
            )
        if files.base.exists() and _revision_of_file(files.base) != head_revision():
            base = Database(files.base)
            try:
                upgrade(base)
            finally:
                base.dispose()
    except BaseException:
        local.dispose()
        raise
    return local


def _revision_of_file(path: Path) -> str | None:
    conn = connect(path, "ro")
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    return str(rows[0][0]) if len(rows) == 1 else None


@contextmanager
def _held(local: Database) -> Iterator[Connection]:
    """One write transaction on the laptop file for the whole sync (BEGIN IMMEDIATE)."""
    with local.engine.connect() as conn:
        conn.info["write"] = True
        try:
            with conn.begin():
                yield conn
        finally:
            conn.info.pop("write", None)


class _Sync:
    def __init__(self, conn: Connection, files: LaptopFiles, step: Progress, fault: Fault) -> None:
        self.conn, self.files, self.step, self.fault = conn, files, step, fault
        book = read_bookkeeping(conn)
        assert book is not None  # checked by _open_laptop
        self.book = book
        self.work = files.folder

    def run(self, server_url: str | None, rules: MergeRules | None) -> SyncReport:
        """Steps 1-6 up to the laptop's commit, which the caller's transaction makes."""
        self.step("Kontrollerer den bærbare kopi", 0.0)
        self._settle_next_base()
        self.work = Path(tempfile.mkdtemp(prefix="synk-", dir=self.files.folder))
        try:
            return self._run(server_url or self.book.server, rules)
        finally:
            shutil.rmtree(self.work, ignore_errors=True)

    def _run(self, url: str, rules: MergeRules | None) -> SyncReport:
        server = open_server(url)
        try:
            self.step("Finder dine ændringer", 0.1)
            base, touched, earlier = self._base_for_diff(server)
            snapshot = self.work / "bærbar.sqlite"
            # Read by a second connection: SQLite's backup cannot read through the
            # connection holding the write lock. Nobody else can write meanwhile, and this
            # sync has written nothing yet, so it sees exactly the held transaction's state.
            copy_file(self.files.laptop, snapshot)
            changeset = find_changes(snapshot, base)
            changes = read_changes(changeset, column_names(snapshot))
            touched |= {(c.table, c.key) for c in changes}
            self.fault("changes_found")
            sync_id = str(uuid.uuid4())
            write_json_durably(
                self.files.pending,
                {
                    "sync_id": sync_id,
                    "base_token": self.book.base_token,
                    "changeset": base64.b64encode(changeset).decode("ascii"),
                    "earlier": earlier,
                },
            )
            self.fault("pending_written")
            self.step(f"Sender {len(changes)} ændringer til serveren", 0.3)
            merged = merge_into(
                server, changes, sync_id, rules, _row_reader(snapshot), self.files.laptop.name
            )
            self.fault("server_committed")
            self.step("Henter kollegernes ændringer", 0.6)
            from kulturpunkt_desk.domain.services.team_backup import snapshot as server_snapshot

            with server_snapshot(server.engine) as reader:
                plan = plan_refresh(reader, self.files.base, touched, snapshot)
                open_conflicts = open_count(reader)
        finally:
            server.dispose()
        self.step("Opdaterer den bærbare kopi", 0.8)
        book = Bookkeeping(url, str(uuid.uuid4()), head_revision(), utcnow())
        self._write_next_base(plan, book)
        self.fault("next_base_written")
        apply_refresh(self.conn, plan)
        write_bookkeeping(self.conn, book)
        return SyncReport(
            False, len(changes), merged.applied, merged.conflicts, plan.rows, open_conflicts
        )

    def finish(self, report: SyncReport) -> SyncReport:
        """After the laptop's commit, the files: whatever dies now, the next sync finds the
        next base with the laptop's token and the old afsendt.json with another."""
        self.fault("laptop_committed")
        self.files.pending.unlink(missing_ok=True)
        os.replace(self.files.next_base, self.files.base)
        fsync_folder(self.files.folder)
        self.step("Færdig", 1.0)
        return report

    def _settle_next_base(self) -> None:
        """A next base left behind: the base of the laptop's committed state, or nothing."""
        nxt, token = self.files.next_base, self.book.base_token
        if nxt.exists():
            if _token_of(nxt) == token:
                os.replace(nxt, self.files.base)
                fsync_folder(self.files.folder)
            else:
                nxt.unlink()
        if not self.files.base.exists() or _token_of(self.files.base) != token:
            raise SyncError(
                f"Grundlaget for den bærbare kopi ({self.files.base}) mangler eller hører til "
                f"en anden version af filen, så dine ændringer kan ikke findes sikkert. "
                f"{NEW_COPY_ADVICE}"
            )

    def _base_for_diff(self, server: Database) -> tuple[Path, set[tuple[str, Key]], list[str]]:
        """The base, or (when the server took syncs that died before their refresh) the
        base with their changes played onto it in order; the rows those changes touched;
        and those change sets (base64), which the next afsendt.json keeps until a refresh
        has brought the base past them."""
        pending = read_json(self.files.pending)
        if pending is None or pending.get("base_token") != self.book.base_token:
            self.files.pending.unlink(missing_ok=True)
            return self.files.base, set(), []
        from kulturpunkt_desk.domain.models import SyncReceipt

        receipts = SyncReceipt.__table__
        with server.engine.connect() as conn:
            applied = conn.execute(
                select(receipts.c.id).where(receipts.c.id == str(pending["sync_id"]))
            ).first()
        earlier = [str(sent) for sent in pending.get("earlier") or []]
        if applied is not None:
            earlier.append(str(pending["changeset"]))
        if not earlier:
            self.files.pending.unlink()
            return self.files.base, set(), []
        base = self.work / "grundlag-og-afsendt.sqlite"
        copy_file(self.files.base, base)
        touched: set[tuple[str, Key]] = set()
        for encoded in earlier:
            sent = base64.b64decode(encoded)
            apply_changeset(sent, base)
            touched |= {(c.table, c.key) for c in read_changes(sent, column_names(base))}
        return base, touched, earlier

    def _write_next_base(self, plan: Any, book: Bookkeeping) -> None:
        part = self.work / "grundlag.ny.sqlite"
        copy_file(self.files.base, part)
        engine = file_engine(part)
        try:
            with engine.begin() as conn:
                apply_refresh(conn, plan)
                write_bookkeeping(conn, book)
        finally:
            engine.dispose()
        from .laptop_files import fsync_file

        fsync_file(part)
        os.replace(part, self.files.next_base)
        fsync_folder(self.files.folder)


def _token_of(path: Path) -> str | None:
    conn = connect(path, "ro")
    try:
        with suppress(Exception):
            row = conn.execute("SELECT base_token FROM laptop_sync WHERE id = 1").fetchone()
            return str(row[0]) if row else None
        return None
    finally:
        conn.close()


def _row_reader(snapshot: Path) -> Any:
    """The laptop's whole row of a record, read from the snapshot (never the live file)."""

    def read(table_name: str, key: Key) -> dict[str, Any] | None:
        table = Base.metadata.tables[table_name]
        where = key_where(table, key)
        engine = file_engine(snapshot)
        try:
            with engine.connect() as conn:
                row = conn.execute(select(table).where(where)).mappings().first()
        finally:
            engine.dispose()
        return dict(row) if row is not None else None

    return read
