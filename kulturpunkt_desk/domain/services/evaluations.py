"""Evaluation submissions, their answers per core element, and attachments."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.paths import attachments_dir

from .. import validation as v
from ..errors import Collector, ValidationError
from ..models import (
    GOAL_RATING_LABELS,
    PROJECT_GOAL_LABELS,
    Area,
    Attachment,
    CoreElement,
    EvaluationAnswer,
    EvaluationGoalAnswer,
    EvaluationSubmission,
    ProjectGoal,
)
from ..money import check_ore
from .common import apply, get


@dataclass(frozen=True)
class GoalAnswer:
    """The area's answer about one project-level goal: a rating on GOAL_RATING_LABELS
    (None: no rating) and what it did for the goal."""

    rating: int | None = None
    text: str = ""


@dataclass
class EvaluationData:
    received_on: date
    answers: dict[CoreElement, str] = field(default_factory=dict)
    summary: str = ""
    activities_held: int = 0
    participants_total: int = 0
    volunteers: int = 0
    new_partners: int = 0
    declared_spending_ore: int = 0
    # "Gennem kunst og kultur styrkes fællesskaber, virkelyst og handlekraft, tværgående
    # samarbejder, lokale ambitioner": one answer per project-level goal.
    goals: dict[ProjectGoal, GoalAnswer] = field(default_factory=dict)

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        if not isinstance(self.received_on, date):
            c.add("received_on", "Modtaget: skal udfyldes.")
        values: dict[str, object] = {
            "received_on": self.received_on,
            "summary": c.run(v.optional, self.summary, "summary", "Sammenfatning", 50_000),
            "activities_held": c.run(
                v.non_negative_int, self.activities_held, "activities_held", "Aktiviteter"
            ),
            "participants_total": c.run(
                v.non_negative_int, self.participants_total, "participants_total", "Deltagere"
            ),
            "volunteers": c.run(v.non_negative_int, self.volunteers, "volunteers", "Frivillige"),
            "new_partners": c.run(
                v.non_negative_int, self.new_partners, "new_partners", "Nye samarbejdspartnere"
            ),
            "declared_spending_ore": c.run(
                check_ore, self.declared_spending_ore, "declared_spending_ore", "Forbrug"
            ),
        }
        for element, text in self.answers.items():
            c.run(v.optional, text, f"answer_{CoreElement(element).value}", "Svar", 50_000)
        for goal, given in self.goals.items():
            label = PROJECT_GOAL_LABELS[ProjectGoal(goal)]
            if given.rating is not None and given.rating not in GOAL_RATING_LABELS:
                c.add(
                    f"goal_{goal.value}",
                    f"{label}: vurderingen skal være {min(GOAL_RATING_LABELS)}-"
                    f"{max(GOAL_RATING_LABELS)}.",
                )
            c.run(v.optional, given.text, f"goal_{goal.value}", label, 50_000)
        c.raise_if_any()
        return values


def _answers(data: EvaluationData) -> list[EvaluationAnswer]:
    return [
        EvaluationAnswer(element=CoreElement(e), answer=t.strip())
        for e, t in data.answers.items()
        if t.strip()
    ]


def _goal_answers(data: EvaluationData) -> list[EvaluationGoalAnswer]:
    return [
        EvaluationGoalAnswer(goal=ProjectGoal(g), rating=a.rating, answer=a.text.strip())
        for g, a in data.goals.items()
        if a.rating is not None or a.text.strip()
    ]


def add_evaluation(db: Database, area_id: int, data: EvaluationData) -> int:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet")
        submission = EvaluationSubmission(area_id=area_id, **values)
        submission.answers = _answers(data)
        submission.goal_answers = _goal_answers(data)
        s.add(submission)
        s.flush()
        return submission.id


def update_evaluation(db: Database, evaluation_id: int, data: EvaluationData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        submission = get(s, EvaluationSubmission, evaluation_id, "Evalueringen")
        apply(submission, values)
        submission.answers.clear()
        submission.goal_answers.clear()
        s.flush()
        submission.answers = _answers(data)
        submission.goal_answers = _goal_answers(data)


def delete_evaluation(db: Database, evaluation_id: int) -> None:
    with db.transaction() as s:
        s.delete(get(s, EvaluationSubmission, evaluation_id, "Evalueringen"))


def evaluation_overview(db: Database, programme_id: int) -> list[Area]:
    """Every area with its submissions (and their answers) and its agreement loaded."""
    with db.read() as s:
        return list(
            s.scalars(
                select(Area)
                .where(Area.programme_id == programme_id)
                .options(
                    selectinload(Area.evaluations).selectinload(EvaluationSubmission.answers),
                    selectinload(Area.evaluations).selectinload(EvaluationSubmission.goal_answers),
                    selectinload(Area.agreement),
                )
                .order_by(Area.name)
            )
        )


# --- attachments --------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def add_attachment(
    db: Database,
    area_id: int,
    source: Path,
    *,
    description: str = "",
    evaluation_id: int | None = None,
    added_on: date | None = None,
) -> int:
    """Copy `source` into the attachments folder (by content hash) and record it."""
    attachment = stored_attachment(db, Path(source), description, added_on)
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet")
        attachment.area_id = area_id
        attachment.evaluation_id = evaluation_id
        s.add(attachment)
        s.flush()
        return attachment.id


def stored_attachment(
    db: Database,
    source: Path,
    description: str = "",
    added_on: date | None = None,
    filename: str | None = None,
) -> Attachment:
    """Copy `source` into the attachments folder (by content hash, so a copy left by a
    failed save is harmless) and return its record, not yet added to any session."""
    if not source.is_file():
        raise ValidationError.single("file", f"Fil: {source} findes ikke.")
    digest = _sha256(source)
    stored = f"{digest[:2]}/{digest}{source.suffix.lower()}"
    target = attachments_dir(db.path) / stored
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(source, partial)
        if _sha256(partial) != digest:
            partial.unlink(missing_ok=True)
            raise ValidationError.single("file", "Fil: kopien blev ikke identisk; prøv igen.")
        partial.replace(target)
    return Attachment(
        filename=filename or source.name,
        stored_path=stored,
        sha256=digest,
        size_bytes=source.stat().st_size,
        description=v.optional(description, "description", "Beskrivelse", 2_000),
        added_on=added_on or date.today(),
    )


def attachment_path(db: Database, attachment: Attachment) -> Path:
    """The stored file, always inside the attachment store.

    `stored_path` comes from the file, which anyone can edit: a path that leads out of the
    store (`../`, an absolute path, a link inside the store that points out) is refused, so
    no document ever packs a file the desk did not store."""
    store = attachments_dir(db.path).resolve()
    path = (store / attachment.stored_path).resolve()
    if path == store or not path.is_relative_to(store):
        raise ValidationError.single(
            "stored_path",
            f"Bilaget «{attachment.filename}» peger uden for bilagsmappen og bruges ikke.",
        )
    return path


def verify_attachment(db: Database, attachment: Attachment) -> bool:
    """True when the stored file is there, in the store, and still has the recorded hash."""
    try:
        path = attachment_path(db, attachment)
    except ValidationError:
        return False
    return path.is_file() and _sha256(path) == attachment.sha256


def delete_attachment(db: Database, attachment_id: int) -> None:
    # The file stays: another record may share its content, and backups refer to it.
    with db.transaction() as s:
        s.delete(get(s, Attachment, attachment_id, "Bilaget"))
