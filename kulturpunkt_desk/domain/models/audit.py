"""The audit log and database-wide settings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import KEY, Base, RecordId, new_uuid, utcnow


class AuditEntry(Base):
    """Who changed what and when. Written by the session hook, never by hand."""

    __tablename__ = "audit_entry"

    # A UUID like every record's, so entries made on two laptops never collide.
    id: Mapped[RecordId] = mapped_column(KEY, primary_key=True, default=new_uuid)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))  # create, update, delete
    entity: Mapped[str] = mapped_column(String(50))
    entity_uuid: Mapped[str] = mapped_column(String(36), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Setting(Base):
    """A setting that travels with the database file (not a per-laptop preference)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
