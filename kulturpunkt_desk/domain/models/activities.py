"""Activities an area carries out with its grant."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import KEY, Record, RecordId, enum_type
from .goal_enums import ActivityOrigin

if TYPE_CHECKING:
    from .area import Area


class Activity(Record):
    __tablename__ = "activity"

    area_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("area.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date]
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    participants: Mapped[int] = mapped_column(Integer, default=0)
    # Free words the area uses ("børnefamilier", "nye tilflyttere"): a list, not a vocabulary.
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Sector values from enums.Sector.
    sectors: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Builds on an existing initiative or is new (None: not stated).
    origin: Mapped[ActivityOrigin | None] = mapped_column(enum_type(ActivityOrigin, 20))
    # LocalGoalExample values: which of the seed's examples of local goals it serves.
    goal_examples: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")

    area: Mapped[Area] = relationship(back_populates="activities")
