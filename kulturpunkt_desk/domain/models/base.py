"""Declarative base: every record has a UUID key, a version and timestamps.

The UUID is the key everywhere (primary and foreign keys alike), so a record made on one
laptop keeps its identity on the server and on every other laptop; the version lets a save
notice that a colleague changed the record since it was read.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Enum, Integer, MetaData, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Named constraints so Alembic's batch mode on SQLite can find and alter them later.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


# A record's key as Python sees it: the UUID's canonical text, "0b5d…-…".
RecordId = str
# Stored as that text in SQLite (36 characters, readable in any SQLite tool) and as the
# native uuid type in PostgreSQL; Python gets the same string from both.
# "No record": a well-formed key that no record has, so a query for it finds nothing on
# either engine (PostgreSQL refuses a malformed uuid outright).
NO_RECORD: RecordId = "00000000-0000-0000-0000-000000000000"
KEY = String(36).with_variant(UUID(as_uuid=False), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record(Base):
    """Abstract base of every stored record."""

    __abstract__ = True

    id: Mapped[RecordId] = mapped_column(KEY, primary_key=True, default=new_uuid)
    # Raised by every save; a save whose version no longer matches was overtaken.
    # (Not "version": an agreement template has a version of its own, its text's.)
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}


def enum_type(enum_cls: type[StrEnum], length: int = 30) -> Enum:
    """Store an enum by its value ("physical"), which is also what JSON lists hold."""
    return Enum(
        enum_cls,
        native_enum=False,
        length=length,
        values_callable=lambda cls: [member.value for member in cls],
    )
