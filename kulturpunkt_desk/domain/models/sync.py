"""What offline laptops and the team's server keep about merging their work.

- `SyncConflict`: a laptop's change the server could not take without a person deciding.
  It lives on the server like any record (so every desk sees it, and resolving it is an
  ordinary, synced edit); until it is resolved the server's value stands and the laptop's
  value is kept here, never lost.
- `SyncReceipt`: the server's note that one sync was applied, written in the same
  transaction, so a sync that died after the server's commit is not applied twice.
- `LaptopSync`: the laptop file's own bookkeeping (which server, which base). One row, on
  the laptop only; it is never part of a changeset.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Record, enum_type


class ConflictKind(StrEnum):
    SAME_FIELD = "same_field"  # one field changed on the laptop and on the server
    EDITED_DELETED = "edited_deleted"  # changed on the laptop, deleted on the server
    DELETED_EDITED = "deleted_edited"  # deleted on the laptop, changed on the server
    UNIQUE = "unique"  # would break a unique rule (two areas of one name...)
    MISSING_PARENT = "missing_parent"  # points to a record deleted on the server


CONFLICT_KIND_LABELS: dict[ConflictKind, str] = {
    ConflictKind.SAME_FIELD: "Samme felt ændret begge steder",
    ConflictKind.EDITED_DELETED: "Ændret på den bærbare, slettet på serveren",
    ConflictKind.DELETED_EDITED: "Slettet på den bærbare, ændret på serveren",
    ConflictKind.UNIQUE: "Navnet findes allerede",
    ConflictKind.MISSING_PARENT: "Hører til noget, der er slettet på serveren",
}


class ConflictResolution(StrEnum):
    SERVER = "server"  # the server's value stands
    LAPTOP = "laptop"  # the laptop's value was taken
    EDITED = "edited"  # a person wrote a third value


class SyncConflict(Record):
    __tablename__ = "sync_conflict"

    sync_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[ConflictKind] = mapped_column(enum_type(ConflictKind))
    table_name: Mapped[str] = mapped_column(String(50))
    # Text, not KEY: a setting's key and a stored file's hash are keys too.
    record_id: Mapped[str] = mapped_column(String(100), index=True)
    field: Mapped[str | None] = mapped_column(String(64))  # None: the whole record
    # JSON-safe values (dates as ISO text); None is a real value, "absent" is a missing key.
    base_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    server_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    laptop_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    # The laptop's whole rows (the record and the children that move with it), so a
    # refused record can be restored exactly: [{"table": ..., "row": {...}}, ...].
    laptop_rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    laptop_user: Mapped[str] = mapped_column(String(100), default="")
    laptop_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    server_user: Mapped[str | None] = mapped_column(String(100))
    server_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    summary: Mapped[str] = mapped_column(Text, default="")  # Danish, for lists
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    resolved_by: Mapped[str | None] = mapped_column(String(100))
    resolution: Mapped[ConflictResolution | None] = mapped_column(
        enum_type(ConflictResolution), nullable=True
    )


# A conflict is open until a person resolved it: the window's count, the list, the CLI and
# the merge's "not recorded twice" all ask this.
CONFLICT_IS_OPEN = SyncConflict.__table__.c.resolved_at.is_(None)


class SyncReceipt(Record):
    """One applied sync; its id is the sync's id."""

    __tablename__ = "sync_receipt"

    laptop: Mapped[str] = mapped_column(String(200), default="")
    user: Mapped[str] = mapped_column(String(100), default="")
    changes: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)


class LaptopSync(Base):
    """The laptop copy's bookkeeping; one row (id 1) on a laptop file, none elsewhere."""

    __tablename__ = "laptop_sync"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server: Mapped[str] = mapped_column(Text)  # the URL without any password
    base_token: Mapped[str] = mapped_column(String(36))  # names the base file's state
    schema_revision: Mapped[str] = mapped_column(String(32))
    last_synced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
