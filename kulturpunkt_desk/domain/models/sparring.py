"""Sparring sessions with an area: who took part, what was discussed, what follows."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import KEY, Record, RecordId, enum_type
from .enums import SessionForm

if TYPE_CHECKING:
    from .area import Area
    from .people import Person


class SparringSession(Record):
    __tablename__ = "sparring_session"

    area_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("area.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(index=True)
    form: Mapped[SessionForm] = mapped_column(enum_type(SessionForm, 20))
    # Names of the region's consultants present; they are users, not programme people.
    consultant: Mapped[str] = mapped_column(String(200), default="")
    # CoreElement values discussed; a short fixed list, so a JSON list beats a join table.
    core_elements: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")

    area: Mapped[Area] = relationship(back_populates="sessions")
    participants: Mapped[list[SessionParticipant]] = relationship(
        back_populates="session", cascade="all, delete-orphan"
    )
    follow_ups: Mapped[list[FollowUpAction]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="FollowUpAction.due_on"
    )


class SessionParticipant(Record):
    __tablename__ = "session_participant"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    session_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("sparring_session.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("person.id", ondelete="CASCADE"), index=True
    )

    session: Mapped[SparringSession] = relationship(back_populates="participants")
    person: Mapped[Person] = relationship()


class FollowUpAction(Record):
    __tablename__ = "follow_up_action"

    session_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("sparring_session.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date | None]
    done_on: Mapped[date | None]

    session: Mapped[SparringSession] = relationship(back_populates="follow_ups")
