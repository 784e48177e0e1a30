"""The goal and activity figures behind the evaluation report, gathered once.

The report (today's and the tagged one that replaces it) renders this data; the figures
themselves come from domain/services/goals.py, so the evaluation view shows the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from kulturpunkt_desk.domain.models import (
    ACTIVITY_ORIGIN_LABELS,
    GOAL_RATING_LABELS,
    LOCAL_GOAL_EXAMPLE_LABELS,
    STRATEGY_SOURCE,
    ActivityOrigin,
)
from kulturpunkt_desk.domain.services.goals import (
    ActivityCounts,
    GoalTotal,
    programme_activity_counts,
    programme_goal_totals,
)
from kulturpunkt_desk.domain.services.templates import programme_with_timeline
from kulturpunkt_desk.storage.engine import Database


@dataclass(frozen=True)
class GoalData:
    """The three levels of goals and what the programme achieved on them."""

    strategy_source: str
    strategy_goal: str
    goals: list[GoalTotal]
    activities: ActivityCounts

    def goal_rows(self) -> list[list[str]]:
        """Per project-level goal: answers, then evaluations per rating, lowest first."""
        header = ["Mål på projektniveau", "Besvaret", *GOAL_RATING_LABELS.values()]
        return [header] + [
            [g.label, str(g.answered), *(str(g.ratings[r]) for r in GOAL_RATING_LABELS)]
            for g in self.goals
        ]

    def activity_rows(self) -> list[list[str]]:
        a = self.activities
        rows = [
            ["Aktiviteter registreret", str(a.total)],
            [ACTIVITY_ORIGIN_LABELS[ActivityOrigin.EXISTING], str(a.builds_on_existing)],
            [ACTIVITY_ORIGIN_LABELS[ActivityOrigin.NEW], str(a.new)],
            ["Ikke angivet om ny eller eksisterende", str(a.origin_not_stated)],
        ]
        rows += [[LOCAL_GOAL_EXAMPLE_LABELS[e], str(n)] for e, n in a.examples.items()]
        return rows


def goal_data(db: Database, programme_id: str) -> GoalData:
    programme = programme_with_timeline(db, programme_id)
    return GoalData(
        strategy_source=STRATEGY_SOURCE,
        strategy_goal=programme.strategy_goal,
        goals=programme_goal_totals(db, programme_id),
        activities=programme_activity_counts(db, programme_id),
    )
