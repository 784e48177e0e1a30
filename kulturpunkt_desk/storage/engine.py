"""An open database (a SQLite file or a server database), and the transaction every service
runs in. What differs between the engines lives in storage/engines/."""

from __future__ import annotations

import getpass
import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from .engines import Backend, backend_for

# Re-exported: callers have always caught the busy error from here.
from .failures import DatabaseBusyError as DatabaseBusyError
from .failures import user_error

log = logging.getLogger(__name__)


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises on odd platforms without a login name
        return "ukendt"


class Database:
    """One open database. Services get their sessions from here.

    `target` is a file path or a server URL (storage/engines picks the engine); `path` is
    the file, or for a server the place on this laptop its attachments are kept under.
    """

    def __init__(
        self,
        target: Path | str | Backend,
        user: str | None = None,
        read_only: bool = False,
        create: bool = False,
    ) -> None:
        self.backend = backend_for(target)
        self.path = self.backend.path
        self.read_only = read_only
        self.engine = self.backend.make_engine(read_only=read_only, create=create)
        self.user = user or current_user()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Called before every write transaction; the desk lock sets it so that a desk
        # which has lost its lock (or opened the file read-only) cannot write.
        self.write_guard: Callable[[], None] | None = None
        # Run by close(): the desk lock registers its release here.
        self.on_close: list[Callable[[], None]] = []
        # This desk's name in the news between desks, so that it does not hear itself.
        self.desk_id = str(uuid.uuid4())

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls everything back on any error."""
        if self.write_guard is not None:
            self.write_guard()
        with self.engine.connect() as conn:
            conn.info["write"] = True  # read by the begin hook: BEGIN IMMEDIATE
            try:
                with self._sessions(bind=conn) as session:
                    session.info["user"] = self.user
                    try:
                        yield session
                        session.commit()
                        # The tables it wrote, noted by the domain's change journal.
                        self._announce(session.info.get("kinds"))
                    except BaseException as exc:
                        session.rollback()
                        # Disk full, read-only, busy, damaged, server gone, a save that lost
                        # a version race: a Danish error by its code.
                        known = (
                            user_error(exc)
                            if isinstance(exc, (DBAPIError, StaleDataError))
                            else None
                        )
                        if known is not None and known is not exc:
                            raise known from exc
                        raise
            finally:
                conn.info.pop("write", None)

    def _announce(self, kinds: set[str] | None) -> None:
        """Tell the other desks on a server what this save changed. The save is committed:
        news that cannot be sent costs the others a refresh, never this save."""
        if not kinds or not self.backend.shares_news:
            return
        try:
            self.backend.announce(self.engine, frozenset(kinds), self.user, self.desk_id)
        except Exception:
            log.warning("Kollegerne kunne ikke få besked om ændringen", exc_info=True)

    def listen(self, on_news: Callable[[frozenset[str], str], None]) -> bool:
        """Hear other desks' saves on this database: `on_news(kinds, who)` is called from a
        thread of its own. False where the engine has no news (a file)."""
        stop = self.backend.listen(self.engine, self.desk_id, on_news)
        if stop is None:
            return False
        self.on_close.append(stop)
        return True

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading. Objects stay usable after it closes (closing does not
        expire them); nothing is ever committed from here."""
        with self._sessions(autoflush=False) as session:
            yield session

    @property
    def target(self) -> Path | str:
        """What to open again for the same database (a worker thread's own Database)."""
        return self.backend.target

    @property
    def name(self) -> str:
        """The database as messages call it: the file's name, or "db på server"."""
        return self.backend.name

    def dispose(self) -> None:
        """Close the connections (they reopen on the next query); the desk keeps its lock."""
        self.engine.dispose()

    def close(self) -> None:
        """Done with this file: close the connections and let go of the desk lock."""
        self.engine.dispose()
        callbacks, self.on_close = self.on_close, []
        for callback in callbacks:
            callback()
