"""Europæisk Kulturregion's year wheel (årshjul): its meetings and who came."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import KEY, Record, RecordId, enum_type
from .partnership_enums import WheelMeetingKind

if TYPE_CHECKING:
    from .partnership import PartnerMember


class WheelMeeting(Record):
    __tablename__ = "ekr_wheel_meeting"

    partnership_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_partnership.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[WheelMeetingKind] = mapped_column(enum_type(WheelMeetingKind, 30))
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date]
    starts_at: Mapped[time | None]
    ends_at: Mapped[time | None]
    place: Mapped[str] = mapped_column(String(200), default="")
    # The host chairs the meeting; the chair is kept apart so the team can change it.
    host_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("ekr_member.id", ondelete="SET NULL")
    )
    chair_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("ekr_member.id", ondelete="SET NULL")
    )
    agenda: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[str] = mapped_column(Text, default="")

    host: Mapped[PartnerMember | None] = relationship(foreign_keys=[host_id])
    chair: Mapped[PartnerMember | None] = relationship(foreign_keys=[chair_id])
    attendance: Mapped[list[WheelAttendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )


class WheelAttendance(Record):
    """Whether a member was represented at a meeting."""

    __tablename__ = "ekr_wheel_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    meeting_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_wheel_meeting.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_member.id", ondelete="CASCADE")
    )
    present: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[WheelMeeting] = relationship(back_populates="attendance")
    member: Mapped[PartnerMember] = relationship()
