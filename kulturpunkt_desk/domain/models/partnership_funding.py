"""Europæisk Kulturregion's money: one funding year, its key and its contributions.

Each year holds its own copy of the key (population per municipality) and of the frame, so
changing next year's key never changes a year already invoiced.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import KEY, Record, RecordId

if TYPE_CHECKING:
    from .partnership import PartnerMember


class FundingYear(Record):
    __tablename__ = "ekr_funding_year"
    __table_args__ = (
        UniqueConstraint("partnership_id", "year"),
        CheckConstraint("frame_ore >= 0", name="frame_not_negative"),
    )

    partnership_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_partnership.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    # The municipalities' frame; the region matches it.
    frame_ore: Mapped[int] = mapped_column(Integer)
    # The date the population figures of the key were counted at.
    basis_date: Mapped[date | None]
    # Set when the contributions are invoiced; from then on the key and frame are locked.
    invoiced_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")
    # The key holds demo figures (made up, not Danmarks Statistik's); copied with the key.
    population_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    populations: Mapped[list[PopulationFigure]] = relationship(
        back_populates="funding_year", cascade="all, delete-orphan"
    )
    contributions: Mapped[list[Contribution]] = relationship(
        back_populates="funding_year", cascade="all, delete-orphan"
    )


class PopulationFigure(Record):
    """One municipality's population in one year's distribution key."""

    __tablename__ = "ekr_population"
    __table_args__ = (
        UniqueConstraint("funding_year_id", "member_id"),
        CheckConstraint("population >= 0", name="population_not_negative"),
    )

    funding_year_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_funding_year.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_member.id", ondelete="CASCADE")
    )
    population: Mapped[int] = mapped_column(Integer)

    funding_year: Mapped[FundingYear] = relationship(back_populates="populations")
    member: Mapped[PartnerMember] = relationship()


class Contribution(Record):
    """What one municipality pays in one year, and how far the invoice has come."""

    __tablename__ = "ekr_contribution"
    __table_args__ = (
        UniqueConstraint("funding_year_id", "member_id"),
        CheckConstraint("amount_ore >= 0", name="amount_not_negative"),
    )

    funding_year_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_funding_year.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("ekr_member.id", ondelete="CASCADE")
    )
    amount_ore: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date | None]
    invoiced_on: Mapped[date | None]
    paid_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")

    funding_year: Mapped[FundingYear] = relationship(back_populates="contributions")
    member: Mapped[PartnerMember] = relationship()
