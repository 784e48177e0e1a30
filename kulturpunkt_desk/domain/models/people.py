"""People and organisations. Names, phones and e-mails are personal data (GDPR)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import KEY, Record, RecordId, enum_type
from .enums import Sector

if TYPE_CHECKING:
    from .area import AreaMember, PartnershipMember


class Organisation(Record):
    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(200), index=True)
    cvr: Mapped[str] = mapped_column(String(8), default="")
    sector: Mapped[Sector] = mapped_column(enum_type(Sector, 20))
    municipality: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    people: Mapped[list[Person]] = relationship(back_populates="organisation")
    partnerships: Mapped[list[PartnershipMember]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )


class Person(Record):
    __tablename__ = "person"

    name: Mapped[str] = mapped_column(String(200), index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("organisation.id", ondelete="SET NULL")
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    # Set when the person's data was erased; the row stays so records keep their shape.
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    organisation: Mapped[Organisation | None] = relationship(back_populates="people")
    memberships: Mapped[list[AreaMember]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
