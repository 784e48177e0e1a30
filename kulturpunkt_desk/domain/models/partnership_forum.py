"""Europæisk Kulturregion's Kulturforum and who took part, by person and role.

Participants are people at a wheel meeting (the directors' meetings, the secretariat) or
at Kulturforum, each with the role they came in and the member they came for.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import KEY, Record, RecordId, enum_type
from .partnership_enums import ParticipantRole

if TYPE_CHECKING:
    from .partnership import PartnerMember
    from .partnership_wheel import WheelMeeting
    from .people import Person


class Kulturforum(Record):
    """The yearly forum for culture politicians: its programme and the priorities it set."""

    __tablename__ = "ekr_kulturforum"

    partnership_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_partnership.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date]
    place: Mapped[str] = mapped_column(String(200), default="")
    # The directors' meeting held with it, when the wheel has one.
    meeting_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("ekr_wheel_meeting.id", ondelete="SET NULL")
    )
    programme: Mapped[str] = mapped_column(Text, default="")
    # One priority a line, as the politicians set them.
    priorities: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[WheelMeeting | None] = relationship()
    participants: Mapped[list[Participant]] = relationship(
        back_populates="kulturforum", cascade="all, delete-orphan", order_by="Participant.id"
    )


class Participant(Record):
    """A person at a wheel meeting or at Kulturforum, in a role, for a member."""

    __tablename__ = "ekr_participant"
    __table_args__ = (
        CheckConstraint("(meeting_id IS NULL) <> (kulturforum_id IS NULL)", name="one_occasion"),
    )

    meeting_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("ekr_wheel_meeting.id", ondelete="CASCADE"), index=True
    )
    kulturforum_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("ekr_kulturforum.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[RecordId] = mapped_column(KEY, ForeignKey("person.id", ondelete="CASCADE"))
    member_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("ekr_member.id", ondelete="SET NULL")
    )
    role: Mapped[ParticipantRole] = mapped_column(enum_type(ParticipantRole, 30))
    present: Mapped[bool] = mapped_column(Boolean, default=True)

    kulturforum: Mapped[Kulturforum | None] = relationship(back_populates="participants")
    meeting: Mapped[WheelMeeting | None] = relationship()
    person: Mapped[Person] = relationship()
    member: Mapped[PartnerMember | None] = relationship()
