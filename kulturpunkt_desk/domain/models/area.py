"""A local area (lokalområde), its partnership and its people."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record

if TYPE_CHECKING:
    from .activities import Activity
    from .evaluation import Attachment, EvaluationSubmission
    from .grants import CollaborationAgreement, ExpressionOfInterest, Grant, SpendingItem
    from .people import Organisation, Person
    from .programme import Programme
    from .sparring import SparringSession


class Area(Record):
    __tablename__ = "area"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    municipality: Mapped[str] = mapped_column(String(100))
    vision: Mapped[str] = mapped_column(Text, default="")
    idea: Mapped[str] = mapped_column(Text, default="")
    local_goals: Mapped[str] = mapped_column(Text, default="")
    # What the local goals are based on: the area's challenges, potentials and ambitions.
    local_challenges: Mapped[str] = mapped_column(Text, default="", server_default="")
    local_potentials: Mapped[str] = mapped_column(Text, default="", server_default="")
    local_ambitions: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The legal entity the grant is paid to (NemKonto follows the CVR).
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    recipient_cvr: Mapped[str] = mapped_column(String(8), default="")
    recipient_address: Mapped[str] = mapped_column(String(400), default="", server_default="")
    # The region's case for this area; when empty, the programme's case number is used.
    case_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    # Who signs the agreement for the grant recipient.
    signatory_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    signatory_title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None]

    programme: Mapped[Programme] = relationship(back_populates="areas")
    members: Mapped[list[AreaMember]] = relationship(
        back_populates="area", cascade="all, delete-orphan"
    )
    partners: Mapped[list[PartnershipMember]] = relationship(
        back_populates="area", cascade="all, delete-orphan"
    )
    interest: Mapped[ExpressionOfInterest | None] = relationship(
        back_populates="area", cascade="all, delete-orphan"
    )
    agreement: Mapped[CollaborationAgreement | None] = relationship(
        back_populates="area", cascade="all, delete-orphan"
    )
    grant: Mapped[Grant | None] = relationship(back_populates="area", cascade="all, delete-orphan")
    spending: Mapped[list[SpendingItem]] = relationship(
        back_populates="area", cascade="all, delete-orphan"
    )
    sessions: Mapped[list[SparringSession]] = relationship(
        back_populates="area", cascade="all, delete-orphan", order_by="SparringSession.held_on"
    )
    activities: Mapped[list[Activity]] = relationship(
        back_populates="area", cascade="all, delete-orphan", order_by="Activity.held_on"
    )
    evaluations: Mapped[list[EvaluationSubmission]] = relationship(
        back_populates="area", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="area", cascade="all, delete-orphan"
    )


class AreaMember(Record):
    """A person's part in an area: steering group member, primary contact, or both."""

    __tablename__ = "area_member"
    __table_args__ = (
        UniqueConstraint("area_id", "person_id"),
        # The database itself refuses a second primary contact for an area.
        Index(
            "uq_area_member_primary_contact",
            "area_id",
            unique=True,
            sqlite_where=text("is_primary_contact = 1"),
        ),
    )

    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="CASCADE"))
    # Indexed: the people view and personal-data export look members up by person.
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(100), default="")
    in_steering_group: Mapped[bool] = mapped_column(Boolean, default=False)
    is_primary_contact: Mapped[bool] = mapped_column(Boolean, default=False)

    area: Mapped[Area] = relationship(back_populates="members")
    person: Mapped[Person] = relationship(back_populates="memberships")


class PartnershipMember(Record):
    """An organisation in an area's local partnership."""

    __tablename__ = "partnership_member"
    __table_args__ = (UniqueConstraint("area_id", "organisation_id"),)

    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    contribution: Mapped[str] = mapped_column(Text, default="")

    area: Mapped[Area] = relationship(back_populates="partners")
    organisation: Mapped[Organisation] = relationship(back_populates="partnerships")
