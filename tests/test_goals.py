"""The three levels of goals and what activities achieve (issue 19, points 2 and 4), held
against the seed's slides:

    LOKALOMRÅDER (lokalt niveau): "Lokalt definerede mål baseret på områdets udfordringer,
    potentialer og ambitioner."
    KULTURPUNKT (projektniveau): "Gennem kunst og kultur styrkes Fællesskaber, Virkelyst og
    handlekraft, Tværgående samarbejder, Lokale ambitioner"
    REGIONAL UDVIKLINGSSTRATEGI OG KULTURPLAN (strateginiveau): "Gennem projektet styrkes
    oplevelsen af livskvalitet og attraktivitet i 11 nordjyske lokalområder."
    Eksempler: "Skabe samarbejde på tværs af eksisterende kulturforeninger / -aktører",
    "Udvikle et forum, der koordinerer indsatsen på tværs", "Involvere andre sektorer i
    kulturelle aktiviteter", "Udvikle nye eller videreudvikle eksisterende aktiviteter",
    "Aktivere og inkludere nye eller særlige målgrupper"
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from documents_support import make_area, pdf_text

from kulturpunkt_desk.documents.evaluation_data import goal_data
from kulturpunkt_desk.documents.evaluation_report import render_evaluation_report
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import (
    PROJECT_GOAL_LABELS,
    ActivityOrigin,
    LocalGoalExample,
    ProjectGoal,
)
from kulturpunkt_desk.domain.services import activities, areas, evaluations, goals, programmes
from kulturpunkt_desk.domain.services.activities import ActivityData
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.domain.services.evaluations import EvaluationData, GoalAnswer
from kulturpunkt_desk.storage.engine import Database

G = ProjectGoal
E = LocalGoalExample


def test_the_project_level_names_the_seeds_four_goals() -> None:
    assert list(PROJECT_GOAL_LABELS.values()) == [
        "Fællesskaber",
        "Virkelyst og handlekraft",
        "Tværgående samarbejder",
        "Lokale ambitioner",
    ]


def test_strategy_level_is_the_programmes_text(db: Database, programme_id: str) -> None:
    programme = programmes.current_programme(db)
    assert programme is not None
    assert programme.strategy_goal == (
        "Gennem projektet styrkes oplevelsen af livskvalitet og attraktivitet "
        "i 11 nordjyske lokalområder."
    )


def test_local_goals_rest_on_the_areas_challenges_potentials_and_ambitions(
    db: Database, programme_id: str
) -> None:
    area_id = areas.create_area(
        db,
        programme_id,
        AreaData(
            "Møllehøj",
            "Mariagerfjord",
            local_goals="Møllen som mødested",
            local_challenges="Få mødesteder",
            local_potentials="Den gamle mølle",
            local_ambitions="Liv året rundt",
        ),
    )
    area = areas.get_area(db, area_id)
    assert (area.local_challenges, area.local_potentials, area.local_ambitions) == (
        "Få mødesteder",
        "Den gamle mølle",
        "Liv året rundt",
    )


def evaluate(db: Database, area_id: str, ratings: dict[ProjectGoal, int | None]) -> int:
    return evaluations.add_evaluation(
        db,
        area_id,
        EvaluationData(
            date(2026, 6, 12),
            goals={g: GoalAnswer(r, f"Om {g.value}") for g, r in ratings.items()},
        ),
    )


def test_evaluation_report_sums_each_project_goal_across_the_areas(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    evaluate(db, make_area(db, programme_id, "Fjordglimt"), {G.COMMUNITIES: 5, G.DRIVE: 3})
    evaluate(db, make_area(db, programme_id, "Lyngbakken"), {G.COMMUNITIES: 4, G.DRIVE: None})
    totals = {t.goal: t for t in goals.programme_goal_totals(db, programme_id)}
    assert totals[G.COMMUNITIES].answered == 2 and totals[G.COMMUNITIES].high == 2
    assert totals[G.COMMUNITIES].ratings == {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}
    assert totals[G.DRIVE].answered == 2 and totals[G.DRIVE].rated == 1
    assert totals[G.AMBITIONS].answered == 0
    data = goal_data(db, programme_id)
    assert data.goals == list(totals.values())
    text = pdf_text(render_evaluation_report(db, programme_id, tmp_path / "e.pdf"))
    for row in data.goal_rows()[1:]:
        assert " ".join(row) in text, row
    assert "Fællesskaber: i meget høj grad Om communities" in text


def test_a_goal_rating_off_the_scale_is_refused(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    with pytest.raises(ValidationError) as caught:
        evaluate(db, area_id, {G.DRIVE: 9})
    assert caught.value.errors == {
        "goal_drive": "Virkelyst og handlekraft: vurderingen skal være 1-5."
    }


def test_activities_record_origin_and_the_seeds_examples_and_the_report_counts_them(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    area_id = make_area(db, programme_id)
    for origin, examples in [
        (ActivityOrigin.EXISTING, [E.ACROSS_ASSOCIATIONS, E.OTHER_SECTORS]),
        (ActivityOrigin.NEW, [E.NEW_TARGET_GROUPS, E.ACROSS_ASSOCIATIONS]),
        (None, []),
    ]:
        activities.add_activity(
            db,
            area_id,
            ActivityData(date(2025, 9, 6), "Fællesspisning", origin=origin, goal_examples=examples),
        )
    counts = goals.programme_activity_counts(db, programme_id)
    assert (counts.total, counts.builds_on_existing, counts.new, counts.origin_not_stated) == (
        3,
        1,
        1,
        1,
    )
    assert counts.examples == {
        E.ACROSS_ASSOCIATIONS: 2,
        E.COORDINATING_FORUM: 0,
        E.OTHER_SECTORS: 1,
        E.NEW_TARGET_GROUPS: 1,
    }
    text = pdf_text(render_evaluation_report(db, programme_id, tmp_path / "e.pdf"))
    for row in goal_data(db, programme_id).activity_rows():
        assert " ".join(row) in text, row


def test_undoing_a_deleted_evaluation_brings_its_goal_answers_back(
    db: Database, programme_id: str
) -> None:
    from kulturpunkt_desk.domain.models import EvaluationSubmission
    from kulturpunkt_desk.domain.services import trash

    area_id = make_area(db, programme_id)
    submission_id = evaluate(db, area_id, {G.COMMUNITIES: 5})
    snapshot = trash.delete_record(db, EvaluationSubmission, submission_id, "evalueringen")
    assert goals.programme_goal_totals(db, programme_id)[0].answered == 0
    trash.restore(db, snapshot)
    assert goals.programme_goal_totals(db, programme_id)[0].ratings[5] == 1
