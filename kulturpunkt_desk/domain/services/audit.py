"""The audit log, written automatically for every change a service flushes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, event, inspect, select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from ..models import AuditEntry, Record
from ..models.base import new_uuid, utcnow

# Columns whose values are bookkeeping, not content.
_SKIPPED = {"id", "uuid", "created_at", "updated_at"}


def _plain(value: Any) -> Any:
    if type(value) is str:  # by far the most common; an import logs hundreds of thousands
        return value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | dict | str | int | bool) or value is None:
        return value
    return str(value)


def _label(obj: Record | dict[str, Any]) -> str:
    for attr in ("name", "title", "description", "filename"):
        value = obj.get(attr) if isinstance(obj, dict) else getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value[:120]
    return ""


def _changes(obj: Record) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[attr.key] = [_plain(old), _plain(new)]
    return changes


def _snapshot(obj: Record) -> dict[str, Any]:
    return {
        attr.key: _plain(getattr(obj, attr.key))
        for attr in inspect(obj).mapper.column_attrs
        if attr.key not in _SKIPPED
    }


@event.listens_for(Session, "before_flush")
def _record_changes(session: Session, _ctx: Any, _instances: Any) -> None:
    user = session.info.get("user")
    if user is None:  # reads and migrations are not audited
        return
    entries: list[AuditEntry] = []
    for obj in session.new:
        if isinstance(obj, Record):
            entries.append(_entry(user, "create", obj, _snapshot(obj)))
    for obj in session.dirty:
        if isinstance(obj, Record) and session.is_modified(obj, include_collections=False):
            changes = _changes(obj)
            if changes:
                entries.append(_entry(user, "update", obj, changes))
    for obj in session.deleted:
        if isinstance(obj, Record):
            entries.append(_entry(user, "delete", obj, _snapshot(obj)))
    session.add_all(entries)


def insert_created(session: Session, model: type[Record], rows: list[dict[str, Any]]) -> list[int]:
    """Insert many new records of one kind in a few statements; their ids, in order.

    For imports of thousands of rows: the unit of work (and with it `_record_changes`)
    costs a fraction of a millisecond per object, which adds up to minutes. The rows are
    written with bulk INSERTs, and so are the same "create" audit entries the hook writes.
    """
    if not rows:
        return []
    now = utcnow()
    for row in rows:
        row.setdefault("uuid", new_uuid())
        row.setdefault("created_at", now)
        row.setdefault("updated_at", now)
    table = cast(Table, model.__table__)
    _executemany(session, table, rows)
    found = session.execute(
        select(table.c.uuid, table.c.id).where(table.c.uuid.in_([r["uuid"] for r in rows]))
    )
    id_of = {uuid: record_id for uuid, record_id in found}
    user = session.info.get("user")
    if user is not None:
        _executemany(
            session,
            cast(Table, AuditEntry.__table__),
            [
                {
                    "at": now,
                    "user": user,
                    "action": "create",
                    "entity": table.name,
                    "entity_uuid": row["uuid"],
                    "summary": _label(row),
                    "changes": {k: _plain(v) for k, v in row.items() if k not in _SKIPPED},
                }
                for row in rows
            ],
        )
    return [id_of[row["uuid"]] for row in rows]


def _executemany(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT `rows` (all with the same keys) with the driver's executemany: each value goes
    through its column type's own bind processor (dates, JSON, booleans) exactly as an ORM
    insert would store it, without SQLAlchemy's per-row statement bookkeeping."""
    connection = session.connection()
    dialect = connection.dialect
    keys = list(rows[0])
    processors = [table.c[k].type.bind_processor(dialect) for k in keys]
    names = ", ".join(dialect.identifier_preparer.quote(k) for k in keys)
    marks = ", ".join("?" for _ in keys)
    sql = f"INSERT INTO {dialect.identifier_preparer.quote(table.name)} ({names}) VALUES ({marks})"
    columns: list[list[Any]] = []
    for key, proc in zip(keys, processors, strict=True):
        values = [row[key] for row in rows]
        if proc is not None:
            columns.append(_processed(values, proc))
        else:
            columns.append(values)
    connection.exec_driver_sql(sql, list(zip(*columns, strict=True)))


def _processed(values: list[Any], proc: Any) -> list[Any]:
    """`proc` over a column; the same object (every row's `now`) is processed once."""
    out: list[Any] = []
    last: Any = object()
    done: Any = None
    for value in values:
        if value is not last:
            last, done = value, proc(value)
        out.append(done)
    return out


def _entry(user: str, action: str, obj: Record, changes: dict[str, Any]) -> AuditEntry:
    if obj.uuid is None:  # column defaults apply at insert; the log needs the UUID now
        obj.uuid = new_uuid()
    return AuditEntry(
        user=user,
        action=action,
        entity=type(obj).__tablename__,
        entity_uuid=obj.uuid,
        summary=_label(obj),
        changes=changes,
    )


def history(db: Database, entity_uuid: str) -> list[AuditEntry]:
    """Every logged change to one record, oldest first."""
    with db.read() as s:
        return list(
            s.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity_uuid == entity_uuid)
                .order_by(AuditEntry.at, AuditEntry.id)
            )
        )
