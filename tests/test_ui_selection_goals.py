"""Issue 19 in the window: the team's assessment and the warning before a twelfth area, the
project-level goals in the evaluation form, what an activity achieves, network rounds.

Seed: "11 lokalområder i Nordjylland udpeges som Kulturpunkt"; "Et lokalområde, hvor
energien er der!"; "Gennem kunst og kultur styrkes Fællesskaber, Virkelyst og handlekraft,
Tværgående samarbejder, Lokale ambitioner"; "Netværks- og inspirationsmøde(r) Aug. - nov.
2025" and "Feb. - marts 2026"; "Udvikle nye eller videreudvikle eksisterende aktiviteter".
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from desk_window import ViewOpener
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_ui_areas import click_save, when_dialog_opens

from kulturpunkt_desk.documents.evaluation_data import goal_data
from kulturpunkt_desk.domain.models import (
    ActivityOrigin,
    InterestDecision,
    LocalGoalExample,
    ProjectGoal,
    SelectionCriterion,
)
from kulturpunkt_desk.domain.services import areas, attention, meetings, selection
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.dialogs.activity import ActivityDialog
from kulturpunkt_desk.ui.dialogs.agreements import InterestDialog
from kulturpunkt_desk.ui.dialogs.evaluation import EvaluationDialog
from kulturpunkt_desk.ui.views.areas import AreasView
from kulturpunkt_desk.ui.views.evaluation import EvaluationView
from kulturpunkt_desk.ui.views.meetings import MeetingsView
from kulturpunkt_desk.ui.views.overview import OverviewView


def answer(
    monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton, asked: list[str]
) -> None:
    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)


def test_interest_form_records_the_assessment_and_warns_before_a_twelfth_area(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    window = open_view(demo_db, active=True)[0]
    pid = window.ctx.programme_id
    area_id = areas.create_area(demo_db, pid, AreaData("Nyby", "Læsø"))
    window.ctx.changed()
    window.open_record("area", area_id)
    view = window.show_view("areas")
    assert isinstance(view, AreasView)
    assert view.designation_label.text() == "11 af 11 lokalområder udpeget"
    asked: list[str] = []

    def fill(d: InterestDialog) -> None:
        d.received_on.set_value(date(2025, 4, 25))
        d.decision.setCurrentIndex(d.decision.findData(InterestDecision.ACCEPTED))
        qtbot.keyClicks(d.reason, "Stor energi i øens foreninger")
        energy = d.assessments[SelectionCriterion.ENERGY]
        energy.rating.setCurrentIndex(energy.rating.findData(3))
        qtbot.keyClicks(energy.note, "Fuldt hus til borgermødet")
        answer(monkeypatch, QMessageBox.StandardButton.No, asked)
        click_save(qtbot, d)
        assert d.isVisible(), "a No keeps the form open"
        assert "ikke gemt" in d.error_labels["decision"].text()
        assert areas.get_area(demo_db, area_id).interest is None
        answer(monkeypatch, QMessageBox.StandardButton.Yes, asked)
        click_save(qtbot, d)

    problems = when_dialog_opens(InterestDialog, fill)
    view.page.edit_interest()
    assert problems == []
    assert asked[0].startswith("Programmet udpeger 11 lokalområder, og 11 er allerede udpeget.")
    interest = areas.get_area(demo_db, area_id).interest
    assert interest is not None and interest.decision == InterestDecision.ACCEPTED
    assert (interest.energy_score, interest.energy_note) == (3, "Fuldt hus til borgermødet")
    assert interest.decision_reason == "Stor energi i øens foreninger"
    shown = view.page.interest.text()
    assert "Energien er der: 3 stærk – Fuldt hus til borgermødet" in shown
    assert "Begrundelse: Stor energi i øens foreninger" in shown
    # One figure, one rule: the list, Overblik and the service say the same.
    expected = "12 af 11 lokalområder udpeget (flere end programmet udpeger)"
    assert selection.designation(demo_db, pid).text == expected
    assert view.designation_label.text() == expected
    overview = window.show_view("overview")
    assert isinstance(overview, OverviewView)
    overview.refresh()
    assert overview.designation_button.text() == expected


def test_area_page_shows_the_three_levels_of_goals(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window = open_view(demo_db, active=True)[0]
    window.open_record("area", areas.find_area(demo_db, window.ctx.programme_id, "Fjordglimt").id)
    page = window.show_view("areas").page  # type: ignore[attr-defined]
    text = page.goals.text()
    for expected in (
        "Lokalt niveau",
        "Udfordringer: Få mødesteder",
        "Projektniveau",
        "Virkelyst og handlekraft",
        "Strateginiveau",
        "livskvalitet og attraktivitet i 11 nordjyske lokalområder",
    ):
        assert expected in text, expected


def test_evaluation_form_asks_about_each_project_goal(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window = open_view(demo_db, active=True)[0]
    area = areas.get_area(
        demo_db, areas.find_area(demo_db, window.ctx.programme_id, "Vesterhede").id
    )
    dialog = EvaluationDialog(window.ctx, area, parent=window)
    qtbot.addWidget(dialog)
    assert list(dialog.goals) == list(ProjectGoal)
    drive = dialog.goals[ProjectGoal.DRIVE]
    drive.rating.setCurrentIndex(drive.rating.findData(4))
    qtbot.keyClicks(drive.note, "Nye frivillige tog teten")
    dialog.try_save()
    assert not dialog.isVisible()
    (submission,) = areas.get_area(demo_db, area.id).evaluations
    assert [(a.goal, a.rating, a.answer) for a in submission.goal_answers] == [
        (ProjectGoal.DRIVE, 4, "Nye frivillige tog teten")
    ]
    # One figure, one rule: the evaluation view sums the goals as the report's data does.
    view = window.show_view("evaluation")
    assert isinstance(view, EvaluationView)
    view.refresh()
    report = goal_data(demo_db, window.ctx.programme_id).goals
    shown = view.goals_label.text()
    for total in report:
        assert f"{total.label} {total.high} af {total.answered}" in shown
    drive = next(t for t in report if t.goal == ProjectGoal.DRIVE)
    # The two demo evaluations rate it 4 and 3; this one 4.
    assert (drive.high, drive.answered) == (2, 3)
    view.table.select_id(area.id)
    assert "Virkelyst og handlekraft: i høj grad" in view.details.toPlainText()


def test_activity_form_records_origin_and_the_seeds_examples(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window = open_view(demo_db, active=True)[0]
    area_id = areas.find_area(demo_db, window.ctx.programme_id, "Engholm").id
    dialog = ActivityDialog(window.ctx, area_id, parent=window)
    qtbot.addWidget(dialog)
    dialog.held.set_value(date(2025, 9, 20))
    qtbot.keyClicks(dialog.title, "Kulturdag i hallen")
    dialog.origin.setFocus()
    qtbot.keyClick(dialog.origin.buttons[0], Qt.Key.Key_3)  # 3: new activity
    dialog.example_boxes[LocalGoalExample.COORDINATING_FORUM].setChecked(True)
    dialog.example_boxes[LocalGoalExample.NEW_TARGET_GROUPS].setChecked(True)
    dialog.try_save()
    assert not dialog.isVisible()
    (activity,) = areas.get_area(demo_db, area_id).activities
    assert activity.origin == ActivityOrigin.NEW
    assert activity.goal_examples == ["coordinating_forum", "new_target_groups"]


def test_meetings_view_lists_each_rounds_absent_areas_as_overblik_does(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window = open_view(demo_db, active=True)[0]
    pid = window.ctx.programme_id
    view = window.show_view("meetings")
    assert isinstance(view, MeetingsView)
    text = view.rounds_label.text()
    assert "1. runde</b> (01.08.2025–30.11.2025): 1 udpeget lokalområde har" in text
    absent = [a.name for a in meetings.areas_absent_from_round(demo_db, pid, 2)]
    assert f"har ikke været med til noget møde: {', '.join(absent)}" in text
    flagged = sorted(
        i.area_name
        for i in attention.attention_items(demo_db, pid, date(2026, 11, 23))
        if i.kind == attention.AttentionKind.NETWORK_MISSING
    )
    assert flagged == sorted(absent) and len(absent) == 5
    rounds = {view.model.index(r, 0).data(): view.model.index(r, 2).data() for r in range(3)}
    assert rounds == {"05.03.2026": "2.", "13.11.2025": "1.", "24.09.2025": "1."}
