"""Europæisk Kulturregion: the partnership, its members and their representatives.

A standing partnership (not a grant round): a region, its municipalities and CDEU, each
sending the same one or two people to the joint secretariat (fællessekretariat).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record, enum_type
from .case_file import CaseFile
from .partnership_enums import MemberKind

if TYPE_CHECKING:
    from .people import Person


class Partnership(CaseFile, Record):
    __tablename__ = "ekr_partnership"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The municipalities' yearly frame, copied into each new funding year (a setting).
    default_frame_ore: Mapped[int] = mapped_column(Integer)
    # How far (whole per cent) a year's frame may depart from the funding rule (1 kr. per
    # inhabitant, about 1 % under the population) before the desk warns; a setting.
    frame_rule_margin_pct: Mapped[int] = mapped_column(Integer, default=2, server_default="2")
    # The sender block printed on contribution letters; settings, not constants.
    contact_organisation: Mapped[str] = mapped_column(String(200), default="")
    contact_department: Mapped[str] = mapped_column(String(200), default="")
    contact_street: Mapped[str] = mapped_column(String(200), default="")
    contact_postcode_city: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    members: Mapped[list[PartnerMember]] = relationship(
        back_populates="partnership",
        cascade="all, delete-orphan",
        order_by="PartnerMember.rotation_order",
    )


class PartnerMember(Record):
    """A member of the partnership: the region, a municipality or CDEU."""

    __tablename__ = "ekr_member"
    __table_args__ = (UniqueConstraint("partnership_id", "name"),)

    partnership_id: Mapped[int] = mapped_column(
        ForeignKey("ekr_partnership.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[MemberKind] = mapped_column(enum_type(MemberKind, 20))
    # Municipalities host the physical secretariat meetings in this order.
    rotation_order: Mapped[int] = mapped_column(Integer, default=0)
    # Where the contribution letter goes.
    address: Mapped[str] = mapped_column(String(400), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    partnership: Mapped[Partnership] = relationship(back_populates="members")
    representatives: Mapped[list[Representative]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="Representative.id"
    )


class Representative(Record):
    """One of a member's fixed people in the joint secretariat, with their title there."""

    __tablename__ = "ekr_representative"
    __table_args__ = (UniqueConstraint("member_id", "person_id"),)

    member_id: Mapped[int] = mapped_column(
        ForeignKey("ekr_member.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    # e.g. kulturchef, kulturkonsulent (the person's own title may say more).
    role_title: Mapped[str] = mapped_column(String(200), default="")
    # The date their own organisation gave them a decision mandate (None: not recorded).
    mandate_on: Mapped[date | None]

    member: Mapped[PartnerMember] = relationship(back_populates="representatives")
    person: Mapped[Person] = relationship()
