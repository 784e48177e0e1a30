"""Network and inspiration meetings for all areas, and who came from where."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record, enum_type
from .enums import MeetingKind

if TYPE_CHECKING:
    from .area import Area
    from .people import Person
    from .programme import Programme


class NetworkMeeting(Record):
    __tablename__ = "network_meeting"

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MeetingKind] = mapped_column(
        enum_type(MeetingKind, 20), default=MeetingKind.NETWORK
    )
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date]
    place: Mapped[str] = mapped_column(String(200), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # The round of network meetings (the timeline's NETWORK_ROUND milestones) it belongs to.
    round: Mapped[int | None]

    programme: Mapped[Programme] = relationship(back_populates="meetings")
    attendance: Mapped[list[MeetingAttendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )


class MeetingAttendance(Record):
    """One person at one meeting, on behalf of one area."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        # Counting each area's meetings reads this index alone (migration 0008).
        Index("ix_meeting_attendance_area_id_meeting_id", "area_id", "meeting_id"),
    )

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("network_meeting.id", ondelete="CASCADE"), index=True
    )
    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)

    meeting: Mapped[NetworkMeeting] = relationship(back_populates="attendance")
    area: Mapped[Area] = relationship()
    person: Mapped[Person] = relationship()
