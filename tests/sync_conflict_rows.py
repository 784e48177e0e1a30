"""Sync conflicts written as the merge (services/sync/merge.py) writes them, for the tests of
the Konflikter view, the `conflicts` command and resolving: no laptop or server needed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select

from kulturpunkt_desk.domain.models import Base, SyncConflict
from kulturpunkt_desk.domain.models.sync import ConflictKind
from kulturpunkt_desk.storage.engine import Database

LAPTOP_AT = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)
SERVER_AT = datetime(2026, 3, 12, 11, 5, tzinfo=UTC)


def json_safe(value: Any) -> Any:
    """A stored value as a conflict keeps it (dates as ISO text, enums by value)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def json_row(db: Database, table_name: str, record_id: str) -> dict[str, Any]:
    """One row of `table_name` as the laptop would send it, JSON-safe."""
    table = Base.metadata.tables[table_name]
    with db.read() as s:
        row = s.execute(select(table).where(table.c.id == record_id)).mappings().one()
    return {k: json_safe(v) for k, v in row.items()}


def record_conflict(
    db: Database,
    kind: ConflictKind,
    table_name: str,
    record_id: str,
    field: str | None = None,
    *,
    base: Any = None,
    server: Any = None,
    laptop: Any = None,
    laptop_rows: list[dict[str, Any]] | None = None,
) -> str:
    """An open conflict, as a sync by «karen» on her laptop would leave it."""
    conflict = SyncConflict(
        sync_id="11111111-2222-3333-4444-555555555555",
        kind=kind,
        table_name=table_name,
        record_id=record_id,
        field=field,
        base_value=base,
        server_value=server,
        laptop_value=laptop,
        laptop_rows=laptop_rows or [],
        laptop_user="karen",
        laptop_at=LAPTOP_AT,
        server_user="ole",
        server_at=SERVER_AT,
        summary="",
    )
    with db.transaction() as s:
        s.add(conflict)
        s.flush()
        return conflict.id


def municipality_conflict(db: Database, area_id: str) -> str:
    """The area's municipality: Thisted at the base, Viborg on the server, Skive on the laptop."""
    return record_conflict(
        db,
        ConflictKind.SAME_FIELD,
        "area",
        area_id,
        "municipality",
        base="Thisted",
        server="Viborg",
        laptop="Skive",
    )


def closing_conflict(db: Database, area_id: str) -> str:
    """The area's closing date: none at the base, 18.06.2026 on the server, 30.06 on the laptop."""
    return record_conflict(
        db,
        ConflictKind.SAME_FIELD,
        "area",
        area_id,
        "closed_on",
        server="2026-06-18",
        laptop="2026-06-30",
    )
