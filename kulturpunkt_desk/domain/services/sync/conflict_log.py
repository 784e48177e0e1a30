"""Conflicts written on the server: who and when on each side, never the same one twice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from kulturpunkt_desk.domain.models import CONFLICT_KIND_LABELS, Base, ConflictKind
from kulturpunkt_desk.domain.models.base import new_uuid
from kulturpunkt_desk.domain.models.sync import CONFLICT_IS_OPEN

from .local_changes import RowChange
from .values import comparable, json_safe

_CONFLICT = Base.metadata.tables["sync_conflict"]
_AUDIT = Base.metadata.tables["audit_entry"]
_LABEL_COLUMNS = ("name", "title", "filename", "key")
ABSENT: Any = object()  # "no value", as against None, a real value


@dataclass
class Conflict:
    kind: ConflictKind
    table: str
    record_id: str
    column: str | None = None
    base: Any = ABSENT
    server: Any = ABSENT
    laptop: Any = ABSENT
    rows: list[dict[str, Any]] = field(default_factory=list)  # {"table", "row"}
    label: str = ""


def label_of(row: dict[str, Any]) -> str:
    text = next((str(row[c]) for c in _LABEL_COLUMNS if row.get(c)), "")
    return f"«{text}»" if text else ""


class ConflictLog:
    """Records conflicts of one sync on the server connection `conn`."""

    def __init__(
        self, conn: Connection, sync_id: str, who: str, now: datetime, changes: Iterable[RowChange]
    ) -> None:
        self.conn, self.sync_id, self.who, self.now = conn, sync_id, who, now
        # The laptop's own audit entries say who changed a record there, and when.
        self.laptop_audit: dict[str, tuple[str, datetime]] = {}
        self.laptop_audit_ids: set[str] = set()
        for change in changes:
            if change.table == _AUDIT.name and change.op == "insert":
                row = change.new
                self.laptop_audit_ids.add(str(row["id"]))
                seen = self.laptop_audit.get(str(row["entity_uuid"]))
                if seen is None or comparable(row["at"]) >= comparable(seen[1]):
                    self.laptop_audit[str(row["entity_uuid"])] = (row["user"], row["at"])
        self.recorded = 0

    def record(self, conflict: Conflict) -> None:
        laptop_value = json_safe(conflict.laptop) if conflict.laptop is not ABSENT else None
        if self._already_open(conflict, laptop_value):
            return
        laptop_user, laptop_at = self.laptop_audit.get(conflict.record_id, (self.who, self.now))
        server_user, server_at = self._server_side(conflict.record_id)
        what = CONFLICT_KIND_LABELS[conflict.kind]
        summary = f"{conflict.label} {what}".strip() if conflict.label else what
        self.conn.execute(
            _CONFLICT.insert().values(
                id=new_uuid(),
                row_version=1,
                created_at=self.now,
                updated_at=self.now,
                sync_id=self.sync_id,
                kind=conflict.kind,
                table_name=conflict.table,
                record_id=conflict.record_id,
                field=conflict.column,
                base_value=_value(conflict.base),
                server_value=_value(conflict.server),
                laptop_value=laptop_value,
                laptop_rows=json_safe(conflict.rows),
                laptop_user=laptop_user,
                laptop_at=laptop_at,
                server_user=server_user,
                server_at=server_at,
                summary=summary,
            )
        )
        self.recorded += 1

    def _already_open(self, conflict: Conflict, laptop_value: Any) -> bool:
        c = _CONFLICT.c
        field_is = c.field.is_(None) if conflict.column is None else c.field == conflict.column
        found = self.conn.execute(
            select(c.laptop_value).where(
                c.record_id == conflict.record_id,
                c.table_name == conflict.table,
                c.kind == conflict.kind,
                field_is,
                CONFLICT_IS_OPEN,
            )
        ).scalars()
        return any(value == laptop_value for value in found)

    def _server_side(self, record_id: str) -> tuple[str | None, datetime | None]:
        """The server's newest audit entry for the record (not one this sync brought)."""
        rows = self.conn.execute(
            select(_AUDIT.c.id, _AUDIT.c.user, _AUDIT.c.at)
            .where(_AUDIT.c.entity_uuid == record_id)
            .order_by(_AUDIT.c.at.desc())
            .limit(len(self.laptop_audit_ids) + 1)
        )
        for audit_id, user, at in rows:
            if str(audit_id) not in self.laptop_audit_ids:
                return user, at
        return None, None


def open_count(conn: Connection) -> int:
    """How many conflicts wait for a person (the one count: window, CLI, sync report)."""
    query = select(func.count()).select_from(_CONFLICT).where(CONFLICT_IS_OPEN)
    return int(conn.execute(query).scalar_one())


def _value(value: Any) -> Any:
    return None if value is ABSENT else json_safe(value)
