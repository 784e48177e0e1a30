"""A grant programme (e.g. Kulturpunkt 2025-26), its timeline and its agreement templates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record, enum_type
from .case_file import CaseFile
from .enums import MilestoneKind
from .goal_enums import AREAS_TO_DESIGNATE, STRATEGY_GOAL_TEXT

if TYPE_CHECKING:
    from .area import Area
    from .meetings import NetworkMeeting


class Programme(CaseFile, Record):
    __tablename__ = "programme"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)
    default_grant_ore: Mapped[int] = mapped_column(Integer)
    total_budget_ore: Mapped[int] = mapped_column(Integer)
    # The region's contact block, printed on agreements; settings, not constants.
    contact_organisation: Mapped[str] = mapped_column(String(200), default="")
    contact_department: Mapped[str] = mapped_column(String(200), default="")
    contact_street: Mapped[str] = mapped_column(String(200), default="")
    contact_postcode_city: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    contact_cvr: Mapped[str] = mapped_column(String(8), default="", server_default="")
    # Who signs agreements for the region (the name is left for the user to fill in).
    signatory_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    signatory_title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Personal data is kept for this many years after the programme is closed.
    retention_years: Mapped[int] = mapped_column(Integer, default=5)
    # How many areas the programme designates; the desk warns before one more.
    areas_to_designate: Mapped[int] = mapped_column(
        Integer, default=AREAS_TO_DESIGNATE, server_default=str(AREAS_TO_DESIGNATE)
    )
    # The strategy-level goal, from the regional development strategy and culture plan.
    strategy_goal: Mapped[str] = mapped_column(
        Text, default=STRATEGY_GOAL_TEXT, server_default=STRATEGY_GOAL_TEXT
    )
    closed_on: Mapped[date | None]

    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="programme",
        cascade="all, delete-orphan",
        order_by="Milestone.starts_on",
    )
    areas: Mapped[list[Area]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="Area.name"
    )
    meetings: Mapped[list[NetworkMeeting]] = relationship(
        back_populates="programme", cascade="all, delete-orphan"
    )
    templates: Mapped[list[AgreementTemplate]] = relationship(
        back_populates="programme",
        cascade="all, delete-orphan",
        order_by="AgreementTemplate.version",
    )


class Milestone(Record):
    """One phase or deadline in the programme's timeline."""

    __tablename__ = "milestone"

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MilestoneKind] = mapped_column(enum_type(MilestoneKind, 40))
    title: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    # Sparring and network meetings come in rounds (1, 2, ...).
    round: Mapped[int | None]

    programme: Mapped[Programme] = relationship(back_populates="milestones")


class AgreementTemplate(Record):
    """A version of the collaboration agreement's text. Versions are never edited in place."""

    __tablename__ = "agreement_template"
    __table_args__ = (UniqueConstraint("programme_id", "version"),)

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")

    programme: Mapped[Programme] = relationship(back_populates="templates")
