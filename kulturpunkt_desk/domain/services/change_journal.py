"""The session hooks that fill a ChangeSet, and undo/redo of one.

Every write transaction (a session with a user, see Database.transaction) notes the tables
its statements wrote to. When the database's bus keeps a journal, each ORM flush also
notes every written row as it was before and after (read back from the database, so the
images hold exactly what is stored, and rows the database deleted or cleared by ON DELETE
CASCADE / SET NULL are caught too). After commit the ChangeSet goes to the bus.

A write made around the ORM (bulk imports, Core statements) leaves the journal
incomplete: that change is published without rows and cannot be undone, rather than undone
halfway.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, event, select
from sqlalchemy import delete as sql_delete
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session, UOWTransaction

from kulturpunkt_desk.storage.engine import Database

from ..changes import ChangeSet, RowChange, bus_for
from ..errors import DeskError
from ..models import AuditEntry, Base
from ..models.base import utcnow
from .area_history import ENTITY_LABELS

_STATE = "kulturpunkt_change_state"
_REPLAY = "kulturpunkt_replay"
# The audit log is history: undo adds to it, never takes from it.
_UNJOURNALED = {"audit_entry"}
# Bookkeeping columns: neither a conflict nor a change when only they differ.
_BOOKKEEPING = {"updated_at", "row_version"}
# Above this many rows a transaction is an import or a set-up, not an edit to undo.
MAX_ROWS = 2000
_SQL_TABLE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+["`]?(\w+)', re.IGNORECASE
)

Key = tuple[str, tuple[Any, ...]]


class ChangedSinceError(DeskError):
    """Undo or redo found a record changed since; nothing was written."""


@dataclass
class _State:
    engine: Engine
    connection: Connection
    journal: bool
    replay: bool
    kinds: set[str] = field(default_factory=set)
    rows: dict[Key, list[dict[str, Any] | None]] = field(default_factory=dict)
    complete: bool = True
    flushing: bool = False
    flushed: set[Key] = field(default_factory=set)


@event.listens_for(Engine, "after_cursor_execute")
def _note_statement(conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
    # The SQL as sent: ORM flushes, Core statements and exec_driver_sql alike.
    state: _State | None = conn.info.get(_STATE)
    if state is None:
        return
    found = _SQL_TABLE.match(statement)
    if found is None:
        return
    name = found.group(1)
    state.kinds.add(name)
    if not state.flushing and name not in _UNJOURNALED:
        state.complete = False  # written around the ORM: not in the journal


@event.listens_for(Session, "after_begin")
def _begin(session: Session, _transaction: Any, connection: Connection) -> None:
    if session.info.get("user") is None or _STATE in session.info:
        return  # reads and migrations publish nothing
    bus = bus_for(connection.engine)
    replay = bool(session.info.get(_REPLAY))
    state = _State(connection.engine, connection, bus.keep_journal and not replay, replay)
    session.info[_STATE] = state
    connection.info[_STATE] = state


def _table_of(obj: object) -> Table | None:
    table = getattr(obj, "__table__", None)
    return table if isinstance(table, Table) else None


def _key(table: Table, obj: object) -> Key:
    return (table.name, tuple(sa_inspect(obj).mapper.primary_key_from_instance(obj)))


def _where(table: Table, pk: tuple[Any, ...]) -> Any:
    return and_(*(c == v for c, v in zip(table.primary_key.columns, pk, strict=True)))


def _row(conn: Connection, table: Table, pk: tuple[Any, ...]) -> dict[str, Any] | None:
    found = conn.execute(select(table).where(_where(table, pk))).mappings().first()
    return dict(found) if found is not None else None


def _referencing(table: Table) -> list[tuple[Table, str]]:
    return [
        (other, fk.parent.name)
        for other in Base.metadata.sorted_tables
        for fk in other.foreign_keys
        if fk.column.table is table and other.name not in _UNJOURNALED
    ]


def _note_before(state: _State, table: Table, pk: tuple[Any, ...]) -> None:
    key = (table.name, pk)
    state.flushed.add(key)
    if key not in state.rows:
        state.rows[key] = [_row(state.connection, table, pk), None]


def _note_dependants(state: _State, table: Table, pk: tuple[Any, ...]) -> None:
    """Rows the database will delete or clear with this one (ON DELETE rules)."""
    if len(pk) != 1:
        return
    for child, column in _referencing(table):
        found = state.connection.execute(select(child).where(child.c[column] == pk[0]))
        for row in found.mappings():
            child_pk = tuple(row[c.name] for c in child.primary_key.columns)
            if (child.name, child_pk) not in state.rows:
                _note_before(state, child, child_pk)
                _note_dependants(state, child, child_pk)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    if session.info.get("user") is None:
        return
    session.connection()  # begins the transaction (and the state) if nothing has yet
    state: _State | None = session.info.get(_STATE)
    if state is None:
        return
    state.flushing = True
    state.flushed = set()
    if not (state.journal and state.complete):
        return
    for obj in list(session.dirty) + list(session.deleted):
        table = _table_of(obj)
        if table is None or table.name in _UNJOURNALED or sa_inspect(obj).key is None:
            continue
        pk = _key(table, obj)[1]
        _note_before(state, table, pk)
        if obj in session.deleted:
            _note_dependants(state, table, pk)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush: UOWTransaction) -> None:
    state: _State | None = session.info.get(_STATE)
    if state is None:
        return
    state.flushing = False
    if not (state.journal and state.complete):
        return
    for obj_state, (is_delete, _list_only) in flush.states.items():
        table = _table_of(obj_state.object)
        journaled = is_delete and table is not None and table.name not in _UNJOURNALED
        if journaled and _key(table, obj_state.object) not in state.rows:  # type: ignore[arg-type]
            state.complete = False  # an orphan the ORM deleted: its row was not read before
            return
    for obj in session.new:
        table = _table_of(obj)
        if table is not None and table.name not in _UNJOURNALED:
            key = _key(table, obj)
            state.rows.setdefault(key, [None, None])
            state.flushed.add(key)
    if len(state.rows) > MAX_ROWS:
        state.complete = False
        state.rows.clear()
        return
    tables = Base.metadata.tables
    for key in state.flushed:
        state.rows[key][1] = _row(state.connection, tables[key[0]], key[1])


def _changed(before: dict[str, Any] | None, after: dict[str, Any] | None) -> bool:
    if before is None or after is None:
        return before is not after
    return any(before.get(k) != v for k, v in after.items() if k not in _BOOKKEEPING)


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    state: _State | None = session.info.pop(_STATE, None)
    if state is None:
        return
    state.connection.info.pop(_STATE, None)
    rows: tuple[RowChange, ...] = ()
    if state.journal and state.complete:
        rows = tuple(
            RowChange(name, pk, before, after)
            for (name, pk), (before, after) in state.rows.items()
            if _changed(before, after)
        )
    bus_for(state.engine).publish(
        ChangeSet(kinds=frozenset(state.kinds), rows=rows, replay=state.replay)
    )
    # Read by Database.transaction to tell the other desks on a server (storage/engine.py).
    session.info["kinds"] = set(state.kinds)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    state: _State | None = session.info.pop(_STATE, None)
    if state is not None:
        state.connection.info.pop(_STATE, None)


def erasing(session: Session) -> None:
    """This transaction erases personal data for good: keep no journal of it (the rows as
    they were would bring the data back, and would hold it in memory meanwhile)."""
    state: _State | None = session.info.get(_STATE)
    if state is None:
        session.connection()  # begins the transaction, and with it the state
        state = session.info.get(_STATE)
    if state is not None:
        state.complete = False
        state.rows.clear()


# --- undo and redo --------------------------------------------------------------------


def undo(db: Database, change: ChangeSet, label: str = "") -> None:
    """Put every row back as it was before `change`, or write nothing (ChangedSinceError)."""
    _apply(db, change, backwards=True, label=label)


def redo(db: Database, change: ChangeSet, label: str = "") -> None:
    """Make `change` again after an undo, or write nothing (ChangedSinceError)."""
    _apply(db, change, backwards=False, label=label)


def _same(current: Mapping[str, Any] | None, expected: Mapping[str, Any] | None) -> bool:
    if current is None or expected is None:
        return current is expected
    return all(current.get(k) == v for k, v in expected.items() if k not in _BOOKKEEPING)


def _apply(db: Database, change: ChangeSet, *, backwards: bool, label: str) -> None:
    order = {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}
    tables = Base.metadata.tables
    with db.transaction() as s:
        s.info[_REPLAY] = True
        conn = s.connection()
        steps = []
        for rc in change.rows:
            table = tables[rc.table]
            now, target = (rc.after, rc.before) if backwards else (rc.before, rc.after)
            if not _same(_row(conn, table, rc.key), now):
                what = ENTITY_NAMES.get(rc.table, "en post")
                raise ChangedSinceError(
                    f"Kan ikke {'fortrydes' if backwards else 'gentages'}: {what} er ændret "
                    "siden (måske af en kollega). Intet er ændret."
                )
            steps.append((table, rc.key, now, target))
        # Rows go first (children before parents), so that a row coming back cannot clash
        # with one it replaced ("replace the attendance"); parents come back before children.
        for table, key, now, target in sorted(steps, key=lambda st: -order[st[0].name]):
            if now is not None and target is None:
                conn.execute(sql_delete(table).where(_where(table, key)))
        for table, key, now, target in steps:
            if now is not None and target is not None:
                values = {k: v for k, v in target.items() if k not in _BOOKKEEPING}
                if "updated_at" in table.c:
                    values["updated_at"] = utcnow()
                if "row_version" in table.c:  # a desk that has the record open notices
                    values["row_version"] = table.c.row_version + 1
                conn.execute(sql_update(table).where(_where(table, key)).values(**values))
        for table, _pk, now, target in sorted(steps, key=lambda st: order[st[0].name]):
            if now is None and target is not None:
                conn.execute(table.insert().values(**target))
        # A database rule (ON DELETE CASCADE) may have undone a step: then write nothing.
        for table, key, _now, target in steps:
            if not _same(_row(conn, table, key), target):
                raise ChangedSinceError(
                    f"Kan ikke {'fortrydes' if backwards else 'gentages'}: "
                    f"{ENTITY_NAMES.get(table.name, 'en post')} kan ikke sættes tilbage. "
                    "Intet er ændret."
                )
        first = change.rows[0] if change.rows else None
        s.add(
            AuditEntry(
                user=db.user,
                action="undo" if backwards else "redo",
                entity=first.table if first else "",
                entity_uuid=str(((first.before or first.after) or {}).get("uuid", ""))
                if first
                else "",
                summary=label or describe(change),
                changes={},
            )
        )


# Danish names of the records a change is about, for "Fortryd ændring af tilskuddet".
ENTITY_NAMES: dict[str, str] = {
    **ENTITY_LABELS,  # the area's records, as its history names them
    "network_meeting": "et netværksmøde",
    "milestone": "en milepæl",
    "person": "en person",
    "organisation": "en organisation",
    "programme": "programmet",
    "agreement_template": "aftaleskabelonen",
    "setting": "en indstilling",
    "ekr_contribution": "et bidrag",
    "ekr_engagement": "et engagement",
    "ekr_wheel_meeting": "årshjulet",
    "ekr_wheel_attendance": "deltagelse i et møde i årshjulet",
    "ekr_member": "et medlem",
    "ekr_representative": "en repræsentant",
    "ekr_budget_line": "en budgetpost",
    "ekr_plan_action": "en handling i handlingsplanen",
    "ekr_theme": "et tema",
    "ekr_eu_case": "en EU-sag",
    "ekr_participant": "en deltager",
    "ekr_partnership": "partnerskabet",
    "ekr_funding_year": "et finansieringsår",
    "ekr_population": "et indbyggertal",
}
_VERBS = {"create": "oprettelse af", "update": "ændring af", "delete": "sletning af"}


def describe(change: ChangeSet) -> str:
    """A short Danish name of a change: "ændring af tilskuddet"."""
    if not change.rows:
        return "ændring"
    first = change.rows[0]
    return f"{_VERBS[first.action]} {ENTITY_NAMES.get(first.table, 'en post')}"
