"""Who has the database open: a lock file beside the database, so two desks never both write.

SQLite's own locking keeps single transactions apart, but not two people editing the same
area in two windows (the later save silently wins), and on a shared or synced folder its
locks cannot be trusted at all. So the first desk to open a file takes this lock; a second
desk gets a Danish message naming who has the file and may open it read-only.

The lock file holds host, user, pid, a random token and a heartbeat the owner refreshes
every minute. It does not block when it is stale: the pid is dead on this host, or the
heartbeat (or the file's modification time, which a file server sets by its own clock) is
older than STALE_AFTER. Every write transaction first checks that the token in the file is
still ours, so a desk whose lock was taken over after a long sleep cannot write either.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import threading
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kulturpunkt_desk.domain.errors import DeskError

from .engine import Database
from .process_alive import pid_alive

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 60.0
STALE_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class LockHolder:
    host: str
    user: str
    pid: int
    token: str
    started: datetime
    heartbeat: datetime

    def describe(self) -> str:
        local = self.started.astimezone()
        return f"{self.user} på computeren {self.host} (åbnet {local:%d.%m.%Y kl. %H.%M})"


class DeskLockedError(DeskError):
    """Another desk has the file open; `holder` says who."""

    def __init__(self, db_path: Path, holder: LockHolder) -> None:
        self.holder = holder
        super().__init__(
            f"Databasen {db_path.name} er allerede åben hos {holder.describe()}. "
            "To kopier af Kulturpunkt Desk må ikke gemme i den samme fil samtidig, så "
            "ændringer ikke går tabt. "
            "Du kan åbne den skrivebeskyttet (kun læse) eller vente, til den anden lukker."
        )


class LockUnavailableError(DeskError):
    """The lock file cannot be written (a read-only folder, a share that refuses it)."""


class LockLostError(DeskError):
    """Our lock was taken over (e.g. after a long sleep); writing would risk lost updates."""


class ReadOnlyDatabaseError(DeskError):
    """A write was attempted in a desk that opened the file read-only."""


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


def this_host() -> str:
    return socket.gethostname() or "ukendt"


def read_holder(db_path: Path) -> LockHolder | None:
    """The desk holding the lock, or None when there is no (readable) lock file."""
    path = lock_path(db_path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(
            host=str(raw["host"]),
            user=str(raw["user"]),
            pid=int(raw["pid"]),
            token=str(raw["token"]),
            started=datetime.fromisoformat(raw["started"]),
            heartbeat=datetime.fromisoformat(raw["heartbeat"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(holder: LockHolder, db_path: Path, now: datetime | None = None) -> bool:
    """A lock left by a crash or a vanished colleague, which must not block."""
    now = now or datetime.now(UTC)
    if holder.host == this_host() and not pid_alive(holder.pid):
        return True
    freshest = holder.heartbeat
    try:
        mtime = datetime.fromtimestamp(lock_path(db_path).stat().st_mtime, UTC)
        freshest = max(freshest, mtime)
    except OSError:
        pass
    return now - freshest > STALE_AFTER


class DeskLock:
    """The lock this desk holds on one database file."""

    def __init__(self, db_path: Path, user: str) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        now = datetime.now(UTC)
        self.holder = LockHolder(this_host(), user, os.getpid(), secrets.token_hex(8), now, now)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def acquire(cls, db_path: Path, user: str) -> DeskLock:
        """Take the lock, or raise DeskLockedError naming the desk that has the file."""
        lock = cls(db_path, user)
        try:
            try:
                lock._create_exclusive()
                return lock
            except FileExistsError:
                pass
            holder = read_holder(lock.db_path)
            if holder is not None and not is_stale(holder, lock.db_path):
                raise DeskLockedError(lock.db_path, holder)
            if holder is not None:
                log.warning("Overtager forældet lås fra %s (pid %s)", holder.host, holder.pid)
            lock._write()  # replaces the stale file in one atomic step
        except OSError as exc:
            raise LockUnavailableError(
                f"Kulturpunkt Desk kan ikke skrive låsefilen {lock.path.name} ved siden af "
                f"databasen ({exc.strerror or exc}). Uden den kan to kopier af Kulturpunkt Desk "
                "komme til at gemme oven i hinanden. Du kan åbne databasen skrivebeskyttet."
            ) from exc
        lock.verify()
        return lock

    def _payload(self) -> str:
        data = asdict(self.holder)
        data["started"] = self.holder.started.isoformat()
        data["heartbeat"] = self.holder.heartbeat.isoformat()
        return json.dumps(data)

    def _create_exclusive(self) -> None:
        fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(self._payload())

    def _write(self) -> None:
        temp = self.path.with_name(f"{self.path.name}.{self.holder.token}.tmp")
        temp.write_text(self._payload(), encoding="utf-8")
        os.replace(temp, self.path)

    def owns(self) -> bool:
        current = read_holder(self.db_path)
        return current is not None and current.token == self.holder.token

    def verify(self) -> None:
        """Raise LockLostError unless the lock file still carries our token.

        A lock file that vanished (a sync client, a colleague tidying the folder) is simply
        taken again: nobody else holds the file then.
        """
        if read_holder(self.db_path) is None:
            try:
                self._create_exclusive()
            except FileExistsError:
                pass  # someone was quicker: the check below decides
            except OSError as exc:
                log.warning("Kunne ikke genskabe låsen %s: %s", self.path, exc)
        if not self.owns():
            raise LockLostError(
                "En anden Kulturpunkt Desk har overtaget databasen, mens denne stod ubrugt. "
                "Intet er gemt. Luk programmet og åbn det igen for at se de nyeste data."
            )

    def heartbeat(self) -> bool:
        """Refresh the timestamp; False (and no write) when the lock is no longer ours."""
        if not self.owns():
            return False
        self.holder = replace(self.holder, heartbeat=datetime.now(UTC))
        try:
            self._write()
        except OSError as exc:  # a share that blinked; the next beat tries again
            log.warning("Kunne ikke forny låsen %s: %s", self.path, exc)
        return True

    def start_heartbeat(self, interval: float = HEARTBEAT_SECONDS) -> None:
        def beat() -> None:
            while not self._stop.wait(interval):
                if not self.heartbeat():
                    log.warning(
                        "Låsen på %s er overtaget af Kulturpunkt Desk et andet sted", self.db_path
                    )
                    return

        self._thread = threading.Thread(target=beat, name="desk-lock-heartbeat", daemon=True)
        self._thread.start()

    def guard(self, db: Database) -> None:
        """Make every write transaction on `db` check the lock first."""
        db.write_guard = self.verify

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        if self.owns():
            self.path.unlink(missing_ok=True)


def refuse_writes(db: Database, holder: LockHolder | None) -> None:
    """Make `db` read-only at the service level too: every write raises a Danish message."""
    who = holder.describe() if holder else "Kulturpunkt Desk et andet sted"

    def guard() -> None:
        raise ReadOnlyDatabaseError(
            f"Databasen er åbnet skrivebeskyttet, fordi den er åben hos {who}. "
            "Intet er gemt. Luk den anden Kulturpunkt Desk og åbn filen igen for at kunne gemme."
        )

    db.write_guard = guard
