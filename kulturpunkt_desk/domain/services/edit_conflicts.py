"""Two desks editing one record: no update is lost, and a person decides real conflicts.

A form remembers what it showed (`seen`: the record's row version and values). When it is
saved inside `saving_from(seen)`, the flush compares the record as it is now with what
the form showed:

- nobody else saved it: the save goes through as usual;
- a colleague changed other fields: their values stay, the user's changes are applied on
  top (changes to different fields merge);
- both changed the same field to different values: nothing is written and
  `EditConflict` lists those fields with the value the form showed, the colleague's and
  the user's. The form asks the user field by field and saves again with `choices`.

The row version (SQLAlchemy's version_id_col) also catches two saves racing within the
same moment: the second flush fails and is told as a conflict to retry.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from ..errors import DeskError
from ..models import AuditEntry, Record

Choice = Literal["mine", "theirs"]
_SKIPPED = {"id", "row_version", "created_at", "updated_at"}


@dataclass(frozen=True)
class Seen:
    """What a form showed of one record when it opened."""

    table: str
    record_id: str
    row_version: int
    values: dict[str, Any]
    # For a second save after a conflict: the value each conflicting field keeps.
    choices: dict[str, Choice] = field(default_factory=dict)


@dataclass(frozen=True)
class FieldConflict:
    name: str  # the column, as the form's fields are named
    base: Any  # what the form showed
    theirs: Any  # what the colleague saved
    mine: Any  # what the user typed


class EditConflict(DeskError):
    """A colleague saved the record since the form opened, changing what the user changed."""

    def __init__(
        self,
        seen: Seen,
        theirs: Seen,
        fields: list[FieldConflict],
        by: str = "",
        at: datetime | None = None,
    ) -> None:
        self.seen, self.theirs, self.fields = seen, theirs, fields
        self.by, self.at = by, at  # who saved the colleague's version, and when
        names = ", ".join(f.name for f in fields)
        super().__init__(
            "En kollega har gemt posten, mens du redigerede den, og ændret de samme felter "
            f"({names}). Vælg for hvert felt, hvilken værdi der skal gælde."
        )

    def resolved(self, choices: dict[str, Choice]) -> Seen:
        """What to save against next: the colleague's version, with the user's choices."""
        return replace(self.theirs, choices=dict(choices))


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime, Decimal)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _columns(obj: Record) -> list[str]:
    return [a.key for a in inspect(obj).mapper.column_attrs if a.key not in _SKIPPED]


def seen(record: Record) -> Seen:
    """Remember what a form shows of `record` (call when the form opens)."""
    return Seen(
        table=type(record).__tablename__,
        record_id=record.id,
        row_version=record.row_version,
        values={c: _plain(getattr(record, c)) for c in _columns(record)},
    )


_expected: ContextVar[Seen | None] = ContextVar("expected_edit", default=None)


@contextmanager
def saving_from(what: Seen | None) -> Iterator[None]:
    """Run a save that started from what a form showed (None: a new record, no check)."""
    token = _expected.set(what)
    try:
        yield
    finally:
        _expected.reset(token)


def _stored(obj: Record, column: str, plain: Any) -> Any:
    """`plain` (as `seen` keeps values) back in the attribute's own type."""
    current = getattr(obj, column)
    return type(current)(plain) if isinstance(current, Enum) else plain


def _committed(obj: Record, column: str) -> Any:
    """The value the database holds now (the session loaded it in this transaction)."""
    history = inspect(obj).attrs[column].history
    if history.deleted:
        return _plain(history.deleted[0])
    return _plain(getattr(obj, column))


@event.listens_for(Session, "before_flush")
def _merge_or_refuse(session: Session, _ctx: Any, _instances: Any) -> None:
    what = _expected.get()
    if what is None:
        return
    for obj in session.dirty:
        if not isinstance(obj, Record) or obj.id != what.record_id:
            continue
        if type(obj).__tablename__ != what.table:
            continue
        if obj.row_version != what.row_version:
            _reconcile(session, obj, what)
        for column, choice in what.choices.items():
            if choice == "theirs":  # the value the form was shown as the colleague's
                setattr(obj, column, _stored(obj, column, what.values[column]))


def _reconcile(session: Session, obj: Record, what: Seen) -> None:
    conflicts: list[FieldConflict] = []
    theirs_values: dict[str, Any] = {}
    for column in _columns(obj):
        theirs = _committed(obj, column)
        theirs_values[column] = theirs
        mine, base = _plain(getattr(obj, column)), what.values.get(column)
        choice = what.choices.get(column)
        changed_here = inspect(obj).attrs[column].history.deleted
        if changed_here and (choice == "theirs" or (mine == base and theirs != base)):
            # Kept as the colleague saved it: the user chose so, or did not touch it.
            setattr(obj, column, changed_here[0])
        elif choice is None and mine != base and theirs != base and mine != theirs:
            conflicts.append(FieldConflict(column, base, theirs, mine))
    if conflicts:
        theirs_seen = Seen(what.table, what.record_id, obj.row_version, theirs_values)
        raise EditConflict(what, theirs_seen, conflicts, *_last_change(session, obj.id))


def _last_change(session: Session, record_id: str) -> tuple[str, datetime | None]:
    """Who saved the record last and when, as the audit log has it."""
    with session.no_autoflush:
        row = session.execute(
            select(AuditEntry.user, AuditEntry.at)
            .where(AuditEntry.entity_uuid == record_id)
            .order_by(AuditEntry.at.desc())
            .limit(1)
        ).first()
    return (row.user, row.at) if row is not None else ("", None)
