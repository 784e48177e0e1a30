"""The three levels of goals, and what the programme achieved on them.

The seed: local level, "lokalt definerede mål baseret på områdets udfordringer, potentialer
og ambitioner"; project level, "gennem kunst og kultur styrkes fællesskaber, virkelyst og
handlekraft, tværgående samarbejder, lokale ambitioner"; strategy level (regional
udviklingsstrategi og kulturplan), "gennem projektet styrkes oplevelsen af livskvalitet og
attraktivitet i 11 nordjyske lokalområder".

The counts here (per project-level goal across the evaluations; activities by origin and by
the seed's examples of local goals) are the only place those figures are made: the
evaluation report, the evaluation view and the area page all ask these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kulturpunkt_desk.storage.engine import Database

from ..models import (
    GOAL_RATING_LABELS,
    PROJECT_GOAL_LABELS,
    Activity,
    ActivityOrigin,
    Area,
    EvaluationSubmission,
    LocalGoalExample,
    ProjectGoal,
)


@dataclass(frozen=True)
class GoalTotal:
    """One project-level goal summed across the areas' evaluations."""

    goal: ProjectGoal
    answered: int  # evaluations with a rating or a text for the goal
    ratings: dict[int, int]  # rating -> how many evaluations gave it (every rating present)

    @property
    def label(self) -> str:
        return PROJECT_GOAL_LABELS[self.goal]

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def high(self) -> int:
        """Evaluations rating the goal reached "i høj grad" or more."""
        return sum(n for rating, n in self.ratings.items() if rating >= 4)


def goal_totals(submissions: Iterable[EvaluationSubmission]) -> list[GoalTotal]:
    """Per project-level goal, in the seed's order: answers and ratings (goal answers loaded)."""
    answers = [a for s in submissions for a in s.goal_answers]
    totals = []
    for goal in ProjectGoal:
        mine = [a for a in answers if a.goal == goal]
        ratings = {r: sum(1 for a in mine if a.rating == r) for r in GOAL_RATING_LABELS}
        totals.append(GoalTotal(goal, len(mine), ratings))
    return totals


def goal_answers_in_order(submission: EvaluationSubmission) -> list[tuple[str, str]]:
    """A submission's goal answers in the seed's order, as (heading, answer): the heading
    says the goal and the rating ("Fællesskaber: i høj grad")."""
    order = list(ProjectGoal)
    return [
        (
            f"{PROJECT_GOAL_LABELS[a.goal]}: "
            + GOAL_RATING_LABELS.get(a.rating or 0, "ingen vurdering").lower(),
            a.answer,
        )
        for a in sorted(submission.goal_answers, key=lambda a: order.index(a.goal))
    ]


@dataclass(frozen=True)
class ActivityCounts:
    """What the activities achieve: new or building on existing, and the examples served."""

    total: int
    builds_on_existing: int
    new: int
    examples: dict[LocalGoalExample, int]  # every example present, in the seed's order

    @property
    def origin_not_stated(self) -> int:
        return self.total - self.builds_on_existing - self.new


def activity_counts(activities: Iterable[Activity]) -> ActivityCounts:
    listed = list(activities)
    return ActivityCounts(
        total=len(listed),
        builds_on_existing=sum(1 for a in listed if a.origin == ActivityOrigin.EXISTING),
        new=sum(1 for a in listed if a.origin == ActivityOrigin.NEW),
        examples={
            e: sum(1 for a in listed if e.value in a.goal_examples) for e in LocalGoalExample
        },
    )


def programme_goal_totals(db: Database, programme_id: str) -> list[GoalTotal]:
    """The project-level goals summed over every evaluation in the programme."""
    with db.read() as s:
        submissions = s.scalars(
            select(EvaluationSubmission)
            .join(Area)
            .where(Area.programme_id == programme_id)
            .options(selectinload(EvaluationSubmission.goal_answers))
        )
        return goal_totals(submissions)


def programme_activity_counts(db: Database, programme_id: str) -> ActivityCounts:
    with db.read() as s:
        return activity_counts(
            s.scalars(select(Activity).join(Area).where(Area.programme_id == programme_id))
        )
