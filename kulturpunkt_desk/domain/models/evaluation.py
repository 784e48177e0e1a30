"""Evaluation submissions, their attachments and the files' content."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import KEY, Base, Record, RecordId, enum_type
from .enums import CoreElement
from .goal_enums import ProjectGoal

if TYPE_CHECKING:
    from .area import Area


class EvaluationSubmission(Record):
    __tablename__ = "evaluation_submission"

    area_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("area.id", ondelete="CASCADE"), index=True
    )
    received_on: Mapped[date]
    summary: Mapped[str] = mapped_column(Text, default="")
    # Figures the programme reports on.
    activities_held: Mapped[int] = mapped_column(Integer, default=0)
    participants_total: Mapped[int] = mapped_column(Integer, default=0)
    volunteers: Mapped[int] = mapped_column(Integer, default=0)
    new_partners: Mapped[int] = mapped_column(Integer, default=0)
    declared_spending_ore: Mapped[int] = mapped_column(Integer, default=0)

    area: Mapped[Area] = relationship(back_populates="evaluations")
    answers: Mapped[list[EvaluationAnswer]] = relationship(
        back_populates="submission", cascade="all, delete-orphan"
    )
    goal_answers: Mapped[list[EvaluationGoalAnswer]] = relationship(
        back_populates="submission", cascade="all, delete-orphan"
    )


class EvaluationAnswer(Record):
    __tablename__ = "evaluation_answer"
    __table_args__ = (UniqueConstraint("submission_id", "element"),)

    submission_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("evaluation_submission.id", ondelete="CASCADE"), index=True
    )
    element: Mapped[CoreElement] = mapped_column(enum_type(CoreElement, 30))
    answer: Mapped[str] = mapped_column(Text, default="")

    submission: Mapped[EvaluationSubmission] = relationship(back_populates="answers")


class EvaluationGoalAnswer(Record):
    """The area's answer about one project-level goal: how far it was reached, and how."""

    __tablename__ = "evaluation_goal_answer"
    __table_args__ = (UniqueConstraint("submission_id", "goal"),)

    submission_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("evaluation_submission.id", ondelete="CASCADE"), index=True
    )
    goal: Mapped[ProjectGoal] = mapped_column(enum_type(ProjectGoal, 30))
    # On goal_enums.GOAL_RATING_LABELS; None: the area gave no rating.
    rating: Mapped[int | None]
    answer: Mapped[str] = mapped_column(Text, default="")

    submission: Mapped[EvaluationSubmission] = relationship(back_populates="goal_answers")


class StoredFile(Base):
    """A file's content, kept in the database under its SHA-256.

    The hash is the key, so the same file is one row on every laptop and on the server,
    however many attachments name it, and a backup of the database holds its files."""

    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Record):
    """A file attached to an area (or its evaluation); its content is a StoredFile."""

    __tablename__ = "attachment"

    area_id: Mapped[RecordId] = mapped_column(
        KEY, ForeignKey("area.id", ondelete="CASCADE"), index=True
    )
    evaluation_id: Mapped[RecordId | None] = mapped_column(
        KEY, ForeignKey("evaluation_submission.id", ondelete="SET NULL")
    )
    filename: Mapped[str] = mapped_column(String(400))
    # The content's key in stored_file (no foreign key: a file lost before this version
    # was kept leaves its attachment listed as missing rather than unreadable).
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    added_on: Mapped[date]

    area: Mapped[Area] = relationship(back_populates="attachments")
