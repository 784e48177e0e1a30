"""Europæisk Kulturregion's plan: what the budget pays for, and the yearly action plan.

Budget lines hold planned and spent amounts per year; the action plan (handleplan) holds
the efforts under the focus areas and the cross-cutting communication.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import KEY, Record, RecordId, enum_type
from .partnership_enums import ActionStatus

if TYPE_CHECKING:
    from .partnership import PartnerMember
    from .partnership_work import FocusArea


class BudgetLine(Record):
    """One line of a year's budget: what it pays for, planned and spent."""

    __tablename__ = "ekr_budget_line"
    __table_args__ = (
        UniqueConstraint("partnership_id", "year", "name"),
        CheckConstraint("planned_ore >= 0", name="planned_not_negative"),
        CheckConstraint("spent_ore >= 0", name="spent_not_negative"),
    )

    partnership_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_partnership.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    planned_ore: Mapped[int] = mapped_column(Integer, default=0)
    spent_ore: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class PlanAction(Record):
    """An effort of the year's action plan; no focus area means the communication."""

    __tablename__ = "ekr_plan_action"

    partnership_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_partnership.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    focus_area_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("ekr_focus_area.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    responsible_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("ekr_member.id", ondelete="SET NULL")
    )
    status: Mapped[ActionStatus] = mapped_column(enum_type(ActionStatus, 20))
    deadline: Mapped[date | None]

    focus_area: Mapped[FocusArea | None] = relationship()
    responsible: Mapped[PartnerMember | None] = relationship()
    participants: Mapped[list[PlanActionMember]] = relationship(
        back_populates="action", cascade="all, delete-orphan"
    )


class PlanActionMember(Record):
    """A member taking part in an effort of the action plan."""

    __tablename__ = "ekr_plan_action_member"
    __table_args__ = (UniqueConstraint("action_id", "member_id"),)

    action_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_plan_action.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_member.id", ondelete="CASCADE")
    )

    action: Mapped[PlanAction] = relationship(back_populates="participants")
    member: Mapped[PartnerMember] = relationship()
