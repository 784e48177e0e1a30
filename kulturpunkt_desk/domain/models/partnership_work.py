"""Europæisk Kulturregion's work: focus areas, themes, engagement and EU cases."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import KEY, Record, RecordId, enum_type
from .partnership_enums import EngagementLevel, EuCaseKind, EuCaseStage, ThemeKind

if TYPE_CHECKING:
    from .partnership import PartnerMember


class FocusArea(Record):
    """One of the strategy's focus areas (indsatsområder)."""

    __tablename__ = "ekr_focus_area"
    __table_args__ = (UniqueConstraint("partnership_id", "number"),)

    partnership_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_partnership.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")

    themes: Mapped[list[Theme]] = relationship(
        back_populates="focus_area", cascade="all, delete-orphan", order_by="Theme.name"
    )


class Theme(Record):
    """A theme group or interest group under a focus area."""

    __tablename__ = "ekr_theme"
    __table_args__ = (UniqueConstraint("focus_area_id", "name"),)

    focus_area_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_focus_area.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ThemeKind] = mapped_column(enum_type(ThemeKind, 20))
    description: Mapped[str] = mapped_column(Text, default="")

    focus_area: Mapped[FocusArea] = relationship(back_populates="themes")
    engagements: Mapped[list[Engagement]] = relationship(
        back_populates="theme", cascade="all, delete-orphan"
    )


class Engagement(Record):
    """How engaged one member is in one theme. No row means not taking part."""

    __tablename__ = "ekr_engagement"
    __table_args__ = (UniqueConstraint("theme_id", "member_id"),)

    theme_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_theme.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_member.id", ondelete="CASCADE")
    )
    level: Mapped[EngagementLevel] = mapped_column(enum_type(EngagementLevel, 20))

    theme: Mapped[Theme] = relationship(back_populates="engagements")
    member: Mapped[PartnerMember] = relationship()


class EuCase(Record):
    """A joint EU application, or project advice and fundraising help for an applicant."""

    __tablename__ = "ekr_eu_case"
    __table_args__ = (
        CheckConstraint("amount_sought_ore >= 0", name="sought_not_negative"),
        CheckConstraint("amount_granted_ore >= 0", name="granted_not_negative"),
    )

    partnership_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_partnership.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[EuCaseKind] = mapped_column(enum_type(EuCaseKind, 20))
    title: Mapped[str] = mapped_column(String(200))
    applicant: Mapped[str] = mapped_column(String(200), default="")
    member_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("ekr_member.id", ondelete="SET NULL")
    )
    eu_programme: Mapped[str] = mapped_column(String(200), default="")
    call_deadline: Mapped[date | None]
    amount_sought_ore: Mapped[int] = mapped_column(Integer, default=0)
    stage: Mapped[EuCaseStage] = mapped_column(enum_type(EuCaseStage, 20))
    amount_granted_ore: Mapped[int | None] = mapped_column(Integer)
    decided_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    member: Mapped[PartnerMember | None] = relationship()
