"""The path to money: expression of interest, agreement, grant, instalments, spending."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import KEY, Record, RecordId, enum_type
from .enums import InterestDecision

if TYPE_CHECKING:
    from .area import Area
    from .programme import AgreementTemplate


class ExpressionOfInterest(Record):
    __tablename__ = "expression_of_interest"

    area_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("area.id", ondelete="CASCADE"), unique=True
    )
    received_on: Mapped[date]
    content: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[InterestDecision] = mapped_column(
        enum_type(InterestDecision, 20), default=InterestDecision.PENDING
    )
    decided_on: Mapped[date | None]
    # Why the area was designated or declined.
    decision_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The team's assessment of the seed's three selection criteria: a score on
    # goal_enums.ASSESSMENT_LABELS (None: not assessed) and a note each.
    energy_score: Mapped[int | None]
    energy_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    will_score: Mapped[int | None]
    will_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    volunteers_score: Mapped[int | None]
    volunteers_note: Mapped[str] = mapped_column(Text, default="", server_default="")

    area: Mapped[Area] = relationship(back_populates="interest")


class CollaborationAgreement(Record):
    __tablename__ = "collaboration_agreement"

    area_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("area.id", ondelete="CASCADE"), unique=True
    )
    # The template version it was made from: reprinting gives the same text.
    template_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("agreement_template.id", ondelete="RESTRICT")
    )
    sent_on: Mapped[date | None]
    signed_by_area_on: Mapped[date | None]
    signed_by_region_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    area: Mapped[Area] = relationship(back_populates="agreement")
    template: Mapped[AgreementTemplate | None] = relationship()


class Grant(Record):
    __tablename__ = "grant"
    __table_args__ = (CheckConstraint("amount_ore >= 0", name="amount_not_negative"),)

    area_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("area.id", ondelete="CASCADE"), unique=True
    )
    amount_ore: Mapped[int] = mapped_column(Integer)
    awarded_on: Mapped[date | None]

    area: Mapped[Area] = relationship(back_populates="grant")
    instalments: Mapped[list[Instalment]] = relationship(
        back_populates="grant", cascade="all, delete-orphan", order_by="Instalment.due_on"
    )


class Instalment(Record):
    """A planned payment (rate); paid when paid_on is set."""

    __tablename__ = "instalment"
    __table_args__ = (CheckConstraint("amount_ore >= 0", name="amount_not_negative"),)

    grant_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("grant.id", ondelete="CASCADE"), index=True
    )
    amount_ore: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date]
    paid_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(String(400), default="")

    grant: Mapped[Grant] = relationship(back_populates="instalments")


class SpendingItem(Record):
    """Money the area declares it has spent."""

    __tablename__ = "spending_item"
    __table_args__ = (CheckConstraint("amount_ore >= 0", name="amount_not_negative"),)

    area_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("area.id", ondelete="CASCADE"), index=True
    )
    evaluation_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("evaluation_submission.id", ondelete="SET NULL")
    )
    spent_on: Mapped[date]
    description: Mapped[str] = mapped_column(String(400))
    amount_ore: Mapped[int] = mapped_column(Integer)

    area: Mapped[Area] = relationship(back_populates="spending")
