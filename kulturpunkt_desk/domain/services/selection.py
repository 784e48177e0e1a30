"""Selecting the Kulturpunkt areas: the team's assessment of the seed's criteria and the
designation count.

The seed: "11 lokalområder i Nordjylland udpeges som Kulturpunkt" and a Kulturpunkt is "et
lokalområde, hvor energien er der", "hvor der er vilje til samarbejde, fællesskab og
udvikling gennem kultur", "hvor der er ildsjæle og andre kræfter, der kan aktiveres".
An area is designated when its expression of interest is accepted; `designated_area_ids`
is the one query of that state (agreements, counts and warnings all ask it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from ..errors import Collector
from ..models import (
    AREAS_TO_DESIGNATE,
    ASSESSMENT_LABELS,
    SELECTION_CRITERION_LABELS,
    Area,
    ExpressionOfInterest,
    InterestDecision,
    Programme,
    SelectionCriterion,
)
from .common import get


@dataclass(frozen=True)
class Assessment:
    """The team's view of one criterion: a score on ASSESSMENT_LABELS (None: not yet)."""

    score: int | None = None
    note: str = ""


def assessment_columns(
    assessments: dict[SelectionCriterion, Assessment], c: Collector
) -> dict[str, object]:
    """The expression of interest's columns for the assessments, checked field by field."""
    values: dict[str, object] = {}
    low, high = min(ASSESSMENT_LABELS), max(ASSESSMENT_LABELS)
    for criterion in SelectionCriterion:
        given = assessments.get(criterion, Assessment())
        label = SELECTION_CRITERION_LABELS[criterion]
        if given.score is not None and given.score not in ASSESSMENT_LABELS:
            c.add(
                f"{criterion.value}_score",
                f"{label}: vurderingen skal være {low}-{high}.",
            )
        note = given.note.strip()
        if len(note) > 2_000:
            c.add(f"{criterion.value}_note", f"{label} (note): højst 2000 tegn.")
        values[f"{criterion.value}_score"] = given.score
        values[f"{criterion.value}_note"] = note
    return values


def assessments_of(interest: ExpressionOfInterest | None) -> dict[SelectionCriterion, Assessment]:
    """The assessments recorded on an expression of interest, one per criterion."""
    if interest is None:
        return {c: Assessment() for c in SelectionCriterion}
    return {
        c: Assessment(getattr(interest, f"{c.value}_score"), getattr(interest, f"{c.value}_note"))
        for c in SelectionCriterion
    }


def designated_ids_in(s: Session, programme_id: str) -> set[str]:
    return set(
        s.scalars(
            select(ExpressionOfInterest.area_id)
            .join(Area)
            .where(
                Area.programme_id == programme_id,
                ExpressionOfInterest.decision == InterestDecision.ACCEPTED,
            )
        )
    )


def designated_area_ids(db: Database, programme_id: str) -> set[str]:
    """The areas designated Kulturpunkt: their expression of interest was accepted."""
    with db.read() as s:
        return designated_ids_in(s, programme_id)


def is_designated(db: Database, area_id: str) -> bool:
    with db.read() as s:
        decision = s.scalar(
            select(ExpressionOfInterest.decision).where(ExpressionOfInterest.area_id == area_id)
        )
        return decision == InterestDecision.ACCEPTED


@dataclass(frozen=True)
class Designation:
    """How many areas are designated, against the number the programme designates."""

    designated: int
    target: int

    @property
    def full(self) -> bool:
        return self.designated >= self.target

    @property
    def text(self) -> str:
        text = f"{self.designated} af {self.target} lokalområder udpeget"
        if self.designated > self.target:
            text += " (flere end programmet udpeger)"
        return text


def designation_in(s: Session, programme_id: str) -> Designation:
    # A file holding only a partnership (no Kulturpunkt programme yet) counts none of 11.
    programme = s.get(Programme, programme_id)
    target = programme.areas_to_designate if programme else AREAS_TO_DESIGNATE
    return Designation(len(designated_ids_in(s, programme_id)), target)


def designation(db: Database, programme_id: str) -> Designation:
    with db.read() as s:
        return designation_in(s, programme_id)


def designation_warning(db: Database, area_id: str, decision: InterestDecision) -> str | None:
    """The Danish warning to show before this decision designates one area too many, or None.

    Only a new designation counts: re-saving an area that is already designated never warns.
    """
    if decision != InterestDecision.ACCEPTED:
        return None
    with db.read() as s:
        area = get(s, Area, area_id, "Lokalområdet")
        designated = designated_ids_in(s, area.programme_id)
        if area_id in designated:
            return None
        count = designation_in(s, area.programme_id)
        if not count.full:
            return None
        return (
            f"Programmet udpeger {count.target} lokalområder, og {count.designated} er allerede "
            f"udpeget. Vil du udpege {area.name} som nummer {count.designated + 1}?"
        )
