"""The team's server as a sync sees it: opened without migrating it (a sync never mixes
schema versions), and the merge run as one SERIALIZABLE transaction, retried when
PostgreSQL reports that a colleague's save raced it."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.engines import is_server_url
from kulturpunkt_desk.storage.failures import connection_error
from kulturpunkt_desk.storage.migrate import head_revision

from .local_changes import RowChange
from .merge import LaptopRow, apply_changes
from .outcome import SyncError
from .rules import MergeReport, MergeRules

RETRIES = 5
_RACE = ("40001", "40P01")  # serialization failure, deadlock


def open_server(url: str) -> Database:
    """The server database at `url`, checked to be at this desk's schema."""
    if not is_server_url(url):
        raise SyncError(
            f"{url} er ikke en serveradresse. Skriv den som "
            "postgresql+psycopg://login@vært/database."
        )
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            revision = server_revision(conn)
    except DBAPIError as exc:
        db.dispose()
        known = connection_error(exc, db.name, getattr(db.backend, "address", None))
        if known is not None:
            raise known from exc
        raise SyncError(
            f"Databasen {db.name} kunne ikke læses som Kulturpunkt Desks database."
        ) from exc
    if revision != head_revision():
        db.dispose()
        raise SyncError(
            f"Serverens database har skemaversion {revision or 'ingen'}, og denne version af "
            f"Kulturpunkt Desk bruger {head_revision()}. Intet er synkroniseret. Bed IT "
            "opgradere serveren (kulturpunkt-desk server init), eller opdatér programmet, "
            "så begge har samme version."
        )
    return db


def server_revision(conn: Connection) -> str | None:
    found = conn.execute(text("SELECT to_regclass('alembic_version')")).scalar()
    if found is None:
        return None
    rows = [str(r) for r in conn.execute(text("SELECT version_num FROM alembic_version")).scalars()]
    return rows[0] if len(rows) == 1 else None


def login_of(db: Database) -> str:
    """Who syncs: the server's login (the audit log's "who" on a server), else the user."""
    address = getattr(db.backend, "address", None)
    return str(address.user) if address is not None and address.user else db.user


def merge_into(
    server: Database,
    changes: Sequence[RowChange],
    sync_id: str,
    rules: MergeRules | None,
    laptop_row: LaptopRow | None,
    laptop: str,
) -> MergeReport:
    """`apply_changes` in one write transaction on the server, committed before it returns."""
    who = login_of(server)
    for attempt in range(RETRIES):
        try:
            with server.engine.connect() as conn:
                conn.info["write"] = True  # the begin hook: SERIALIZABLE
                with conn.begin():
                    report = apply_changes(
                        conn, changes, sync_id, who, rules, laptop_row=laptop_row, laptop=laptop
                    )
                    break
        except DBAPIError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            if code in _RACE and attempt + 1 < RETRIES:
                continue
            known = connection_error(exc, server.name, getattr(server.backend, "address", None))
            if known is not None:
                raise known from exc
            raise
    if report.tables:
        # The other desks reload what changed; news not sent costs them a refresh only.
        with suppress(Exception):
            server.backend.announce(server.engine, frozenset(report.tables), who, server.desk_id)
    return report
