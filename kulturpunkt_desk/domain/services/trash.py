"""Undoable deletion: a deleted record and everything that went with it can be put back.

The snapshot follows foreign keys, not ORM relationships, so it also catches rows the
database removes by ON DELETE CASCADE (a person's meeting attendance, say) and references
it clears by ON DELETE SET NULL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select, update

from kulturpunkt_desk.storage.engine import Database

from ..models import AuditEntry, Base, Record
from .common import get


@dataclass
class Snapshot:
    """Rows removed by one deletion, parents first, and references that were cleared."""

    label: str
    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    cleared: list[tuple[str, int, str, int]] = field(default_factory=list)


def _referencing(table: Table) -> list[tuple[Table, str, str | None]]:
    found = []
    for other in Base.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table:
                found.append((other, fk.parent.name, fk.ondelete))
    return found


def _collect(conn: Connection, table: Table, ids: list[str], snap: Snapshot) -> None:
    for child, column, ondelete in _referencing(table):
        rows = conn.execute(select(child).where(child.c[column].in_(ids))).mappings().all()
        if not rows:
            continue
        if ondelete == "SET NULL":
            snap.cleared += [(child.name, r["id"], column, r[column]) for r in rows]
            continue
        snap.rows += [(child.name, dict(r)) for r in rows]
        _collect(conn, child, [r["id"] for r in rows], snap)


def delete_record(db: Database, model: type[Record], record_id: str, label: str) -> Snapshot:
    """Delete one record (and what cascades from it); return what is needed to undo it."""
    with db.transaction() as s:
        obj = get(s, model, record_id, label)
        conn = s.connection()
        table = model.__table__
        assert isinstance(table, Table)
        snap = Snapshot(label=label)
        snap.rows.append(
            (
                table.name,
                dict(conn.execute(select(table).where(table.c.id == record_id)).mappings().one()),
            )
        )
        _collect(conn, table, [record_id], snap)
        s.delete(obj)
    return snap


def restore(db: Database, snap: Snapshot) -> None:
    """Put back everything a deletion removed, with the same ids and UUIDs."""
    order = {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}
    tables = Base.metadata.tables
    seen: set[tuple[str, str]] = set()
    with db.transaction() as s:
        conn = s.connection()
        for name, row in sorted(snap.rows, key=lambda item: order[item[0]]):
            if (name, row["id"]) in seen:
                continue
            seen.add((name, row["id"]))
            conn.execute(tables[name].insert().values(**row))
        for name, row_id, column, value in snap.cleared:
            table = tables[name]
            conn.execute(
                update(table)
                .where(table.c.id == row_id)
                .values({column: value, "row_version": table.c.row_version + 1})
            )
        top_name, top = snap.rows[0]
        s.add(
            AuditEntry(
                user=db.user,
                action="restore",
                entity=top_name,
                entity_uuid=str(top["id"]),
                summary=snap.label,
                changes={},
            )
        )
