"""The open sync conflicts, shown in Danish, and resolving one as an ordinary edit.

A sync (services/sync/) records a `SyncConflict` when a laptop's change cannot be taken
without a person deciding; until then the server's value stands and the laptop's is kept in
the conflict. Resolving is one transaction through the ORM, so the change journal sees it
and Fortryd undoes it like any other write:

- SERVER: the server's value stands; the conflict is marked resolved.
- LAPTOP: the laptop's value is written (one field), the laptop's rows are put back (a
  record deleted on the server, a refused new record, given a new name when its name is
  taken), or the record is deleted (deleted on the laptop, changed on the server).
- EDITED: a third value the user typed (a field, or a refused record's new name).

It works alike on a laptop copy (the resolution is synced next time) and on the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, Numeric, Table, select
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from ..dates import date_time, parse_short_date, short_date
from ..errors import DeskError, ValidationError
from ..models import Base, SyncConflict
from ..models.base import utcnow
from ..models.sync import (
    CONFLICT_IS_OPEN,
    CONFLICT_KIND_LABELS,
    ConflictKind,
    ConflictResolution,
)
from ..money import format_kr, parse_kr
from .area_history import FIELD_LABELS
from .change_journal import ENTITY_NAMES
from .joining import RECORD_NOUNS
from .sync.conflict_log import open_count

EMPTY = "(tom)"
GONE = "(slettet)"
_LABEL_COLUMNS = ("name", "title", "filename", "key")
# A conflict over these can take a value the user types; the others are a yes or a no.
_EDITABLE = {ConflictKind.SAME_FIELD, ConflictKind.UNIQUE}


@dataclass(frozen=True)
class ConflictRow:
    """One open conflict as the Konflikter view and `conflicts` list it."""

    id: str
    kind: ConflictKind
    kind_label: str  # Danish: "Samme felt ændret begge steder"
    table_name: str
    record_id: str
    record_label: str  # Danish: «Fjordglimt» (lokalområdet)
    field: str | None  # None: the whole record
    field_label: str  # Danish: "Kommune"; "Hele posten" for a whole record
    base: str  # the three values as the desk shows them (Danish formats)
    server: str
    laptop: str
    laptop_user: str
    laptop_at: datetime | None
    server_user: str
    server_at: datetime | None
    summary: str

    @property
    def editable(self) -> bool:
        """A third value can be typed (one field, or a refused record's new name)."""
        return self.kind in _EDITABLE and self.field is not None

    @property
    def laptop_when(self) -> str:
        return when(self.laptop_at)

    @property
    def server_when(self) -> str:
        return when(self.server_at)


def when(moment: datetime | None) -> str:
    """20.01.2026 kl. 09.33 in the laptop's own time zone, or "" when unknown."""
    return date_time(moment.astimezone()) if moment is not None else ""


def _utc(moment: datetime | None) -> datetime | None:
    """A stored time in UTC with its zone (SQLite hands it back without one)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _open(s: Session) -> list[SyncConflict]:
    query = select(SyncConflict).where(CONFLICT_IS_OPEN)
    return list(s.scalars(query.order_by(SyncConflict.created_at, SyncConflict.id)))


def count_open(db: Database) -> int:
    """How many conflicts wait for a person: the window's count and the CLI's."""
    with db.read() as s:
        return open_count(s.connection())


def open_conflicts(db: Database) -> list[ConflictRow]:
    """The open conflicts, oldest first, with their values in Danish formats."""
    with db.read() as s:
        return [_row(s, c) for c in _open(s)]


def _row(s: Session, c: SyncConflict) -> ConflictRow:
    table = Base.metadata.tables.get(c.table_name)
    column = table.c.get(c.field) if table is not None and c.field else None
    return ConflictRow(
        id=c.id,
        kind=c.kind,
        kind_label=CONFLICT_KIND_LABELS[c.kind],
        table_name=c.table_name,
        record_id=c.record_id,
        record_label=_record_label(s, c),
        field=c.field,
        field_label=FIELD_LABELS.get(c.field, c.field) if c.field else "Hele posten",
        base=_whole(c.kind, "base", c.base_value)
        if c.field is None
        else _shown(column, c.base_value),
        server=_whole(c.kind, "server", c.server_value)
        if c.field is None
        else _shown(column, c.server_value),
        laptop=_whole(c.kind, "laptop", c.laptop_value)
        if c.field is None
        else _shown(column, c.laptop_value),
        laptop_user=c.laptop_user,
        laptop_at=_utc(c.laptop_at),
        server_user=c.server_user or "",
        server_at=_utc(c.server_at),
        summary=c.summary,
    )


def _record_label(s: Session, c: SyncConflict) -> str:
    """«Fjordglimt» (lokalområdet): the record's name on the server, else the laptop's."""
    table = Base.metadata.tables.get(c.table_name)
    noun = RECORD_NOUNS.get(c.table_name) or ENTITY_NAMES.get(c.table_name, c.table_name)
    row: dict[str, Any] | None = None
    if table is not None and "id" in table.c:
        found = s.execute(select(table).where(table.c.id == c.record_id)).mappings().first()
        row = dict(found) if found is not None else None
    if row is None:
        row = next(
            (r["row"] for r in c.laptop_rows or [] if r.get("row", {}).get("id") == c.record_id),
            None,
        )
    name = next((str(row[k]) for k in _LABEL_COLUMNS if row is not None and row.get(k)), "")
    return f"«{name}» ({noun})" if name else noun


# A whole record's three versions (no field): which side deleted it, which changed it.
_WHOLE: dict[ConflictKind, dict[str, str]] = {
    ConflictKind.EDITED_DELETED: {"base": "Findes", "server": GONE, "laptop": "Ændret"},
    ConflictKind.DELETED_EDITED: {"base": "Findes", "server": "Ændret", "laptop": GONE},
}
_NEW_ON_LAPTOP = {"base": "(fandtes ikke)", "server": "(ikke oprettet)", "laptop": "Ny post"}


def _whole(kind: ConflictKind, side: str, value: Any) -> str:
    """A whole record's version: there, changed (and which fields), deleted or new."""
    text = _WHOLE.get(kind, _NEW_ON_LAPTOP)[side]
    if isinstance(value, dict) and text == "Ændret":
        fields = [FIELD_LABELS.get(str(k), str(k)) for k in value if k != "id"]
        return f"Ændret: {', '.join(fields)}" if fields else text
    return text


def _shown(column: Column[Any] | None, value: Any) -> str:
    """A stored (JSON-safe) value as the desk's forms show it."""
    if value is None or value == "" or value == []:
        return EMPTY
    typed = _python(column, value) if column is not None else value
    if isinstance(typed, bool):
        return "Ja" if typed else "Nej"
    if isinstance(typed, datetime):
        return when(_utc(typed))
    if isinstance(typed, date):
        return short_date(typed)
    if isinstance(typed, int) and column is not None and column.name.endswith("_ore"):
        return format_kr(typed)
    if isinstance(typed, Enum):
        return str(typed.value)
    if isinstance(typed, list):
        return ", ".join(str(v) for v in typed)
    return str(typed)


def _python(column: Column[Any], value: Any) -> Any:
    """A JSON-safe value (dates as ISO text) back in the column's own Python type."""
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, DateTime) and isinstance(value, str):
            return datetime.fromisoformat(value)
        if isinstance(kind, Date) and isinstance(value, str):
            return date.fromisoformat(value)
        if isinstance(kind, Numeric) and not isinstance(kind, Integer):
            return Decimal(str(value))
        if isinstance(kind, SqlEnum) and kind.enum_class is not None:
            return kind.enum_class(value)
    except ValueError:
        return value
    return value


def _typed_input(column: Column[Any], label: str, text: Any) -> Any:
    """What the user typed as a third value, read the way the desk's forms read it."""
    if not isinstance(text, str):
        return text
    text = text.strip()
    kind = column.type
    if text == "" and column.nullable:
        return None
    if column.name.endswith("_ore"):
        return parse_kr(text, "value", label)
    if isinstance(kind, DateTime):
        raise ValidationError.single("value", f"{label}: et tidspunkt kan ikke skrives her.")
    if isinstance(kind, Date):
        return parse_short_date(text, "value", label)
    if isinstance(kind, Boolean):
        if text.casefold() not in ("ja", "nej"):
            raise ValidationError.single("value", f"{label}: skriv ja eller nej.")
        return text.casefold() == "ja"
    if isinstance(kind, Integer):
        if not text.lstrip("-").isdigit():
            raise ValidationError.single("value", f"{label}: skriv et helt tal.")
        return int(text)
    if isinstance(kind, SqlEnum):
        return _python(column, text)
    if text == "" and not column.nullable:
        raise ValidationError.single("value", f"{label}: skal udfyldes.")
    return text


# --- resolving ------------------------------------------------------------------------


def _model(table_name: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table_name:
            return mapper.class_
    raise DeskError(f"Konflikten gælder en ukendt slags post ({table_name}).")


def resolve(db: Database, conflict_id: str, choice: ConflictResolution, value: Any = None) -> None:
    """Decide one conflict in one transaction (undoable like every write).

    `value` is the third value for EDITED (as typed: "12.500" kr., "18.06.2026"...), or a
    refused record's new name for LAPTOP on a name conflict. Raises ValidationError
    (field "value") or DeskError with a Danish message; then nothing is written.
    """
    with db.transaction() as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise DeskError("Konflikten er allerede løst (måske af en kollega).")
        if choice is ConflictResolution.LAPTOP:
            _take_laptop(s, conflict, value)
        elif choice is ConflictResolution.EDITED:
            _take_edited(s, conflict, value)
        conflict.resolved_at = utcnow()
        conflict.resolved_by = db.user
        conflict.resolution = choice


def _field(conflict: SyncConflict) -> tuple[Column[Any], str]:
    table: Table = Base.metadata.tables[conflict.table_name]
    if conflict.field is None or conflict.field not in table.c:
        raise DeskError("Konflikten gælder hele posten; der er ingen værdi at skrive.")
    return table.c[conflict.field], FIELD_LABELS.get(conflict.field, conflict.field)


def _take_laptop(s: Session, conflict: SyncConflict, value: Any) -> None:
    kind = conflict.kind
    if kind is ConflictKind.SAME_FIELD:
        column, _label = _field(conflict)
        _set_field(s, conflict, _python(column, conflict.laptop_value))
    elif kind is ConflictKind.DELETED_EDITED:
        record = s.get(_model(conflict.table_name), conflict.record_id)
        if record is not None:
            s.delete(record)
    elif kind is ConflictKind.UNIQUE:
        column, label = _field(conflict)
        if value is None:
            raise ValidationError.single(
                "value", f"{label}: findes allerede; skriv et nyt, før den bærbares bruges."
            )
        _laptop_version(s, conflict, {column.name: _typed_input(column, label, value)})
    else:  # EDITED_DELETED, MISSING_PARENT: the laptop's version as it was
        changed = {}
        if conflict.field is not None and not conflict.laptop_rows:
            column, _label = _field(conflict)
            changed = {column.name: _python(column, conflict.laptop_value)}
        _laptop_version(s, conflict, changed)


def _take_edited(s: Session, conflict: SyncConflict, value: Any) -> None:
    column, label = _field(conflict)
    typed = _typed_input(column, label, value)
    if conflict.kind is ConflictKind.SAME_FIELD:
        _set_field(s, conflict, typed)
    elif conflict.kind is ConflictKind.UNIQUE:
        _laptop_version(s, conflict, {column.name: typed})
    else:
        raise DeskError("Her kan kun vælges serverens eller den bærbares udgave.")


def _laptop_version(s: Session, conflict: SyncConflict, changed: dict[str, Any]) -> None:
    """A refused new or deleted record back from the laptop's rows; a refused change to a
    record the server still has (a name, a link) written into it."""
    if conflict.laptop_rows:
        _restore_rows(s, conflict, changed)
        return
    if not changed:
        raise DeskError("Den bærbares udgave er ikke gemt i konflikten; vælg serverens.")
    table: Table = Base.metadata.tables[conflict.table_name]
    _check_parents(s, table, changed, set())
    for name, v in changed.items():
        _set_field(s, conflict, v, name)


def _set_field(s: Session, conflict: SyncConflict, value: Any, name: str | None = None) -> None:
    record = s.get(_model(conflict.table_name), conflict.record_id)
    if record is None:
        raise DeskError("Posten er slettet på serveren siden; gendan den fra papirkurven først.")
    setattr(record, name or conflict.field or "", value)


def _restore_rows(s: Session, conflict: SyncConflict, changed: dict[str, Any]) -> None:
    """The laptop's rows back, parents first; `changed` applies to the conflict's record.
    A row pointing to a record that is not there is refused in Danish, not by the engine."""
    order = {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}
    entries = sorted(conflict.laptop_rows, key=lambda e: order.get(e["table"], 0))
    restored: set[tuple[str, Any]] = set()
    for entry in entries:
        table: Table = Base.metadata.tables[entry["table"]]
        values = {
            name: _python(table.c[name], raw)
            for name, raw in entry["row"].items()
            if name in table.c
        }
        if entry["table"] == conflict.table_name and values.get("id") == conflict.record_id:
            values.update(changed)
        _check_parents(s, table, values, restored)
        model = _model(table.name)
        existing = s.get(model, values["id"]) if "id" in values else None
        if existing is None:
            s.add(model(**values))
        else:  # still there (a deletion undone meanwhile): the laptop's values on it
            for name, v in values.items():
                if name not in ("id", "row_version", "created_at"):
                    setattr(existing, name, v)
        s.flush()
        restored.add((table.name, values.get("id")))


def _check_parents(s: Session, table: Table, values: dict[str, Any], restored: set[Any]) -> None:
    for fk in table.foreign_keys:
        target = values.get(fk.parent.name)
        parent = fk.column.table
        if target is None or (parent.name, target) in restored:
            continue
        there = s.execute(select(fk.column).where(fk.column == target)).first()
        if there is None:
            noun = RECORD_NOUNS.get(parent.name) or ENTITY_NAMES.get(parent.name, parent.name)
            raise DeskError(
                f"Den bærbares udgave hører til noget, der er slettet på serveren ({noun}). "
                "Gendan det fra papirkurven først, eller behold serverens udgave."
            )
