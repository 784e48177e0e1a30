"""Evaluering in the window: missing evaluations, a submission registered, edited, undone."""

from __future__ import annotations

import pytest
from desk_window import ViewOpener
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.models import CoreElement
from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import evaluations, grants, programmes
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.dialogs.evaluation import EvaluationDialog
from kulturpunkt_desk.ui.views.evaluation import EvaluationView


def status(view: EvaluationView, area_id: str) -> str:
    return str(view.model.index(view.model.row_of_id(area_id), 1).data())


def test_an_evaluation_is_registered_and_the_area_no_longer_missing(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "evaluation", EvaluationView)
    pid = window.ctx.programme_id
    area = next(
        a
        for a in evaluations.evaluation_overview(demo_db, pid)
        if not a.evaluations and a.agreement and a.agreement.signed_by_region_on
    )
    assert status(view, area.id).startswith(("Mangler", "Frist"))
    view.table.select_id(area.id)
    view.new_button.click()
    dialog = view.dialog
    assert isinstance(dialog, EvaluationDialog)
    qtbot.keyClicks(dialog.answers[CoreElement.ANCHORING], "Foreningen fortsaetter festen.")
    dialog.figures["activities_held"].setValue(5)
    dialog.figures["participants_total"].setValue(420)
    dialog.spending.setText("45.500,50")
    dialog.try_save()
    assert not dialog.isVisible()

    saved = next(a for a in evaluations.evaluation_overview(demo_db, pid) if a.id == area.id)
    submission = saved.evaluations[0]
    assert submission.activities_held == 5 and submission.participants_total == 420
    assert submission.declared_spending_ore == kr("45500.50")
    assert [(a.element, a.answer) for a in submission.answers] == [
        (CoreElement.ANCHORING, "Foreningen fortsaetter festen.")
    ]
    assert status(view, area.id).startswith("Modtaget")
    assert view.model.index(view.model.row_of_id(area.id), 2).data() == "5"
    assert "Foreningen fortsaetter festen." in view.details.toPlainText()

    window.close()
    again, view2 = open_view(demo_db, "evaluation", EvaluationView)
    again.open_record("evaluation", submission.id)
    assert view2.table.current_id() == area.id


def test_bad_spending_is_shown_beside_the_field_and_nothing_saved(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "evaluation", EvaluationView)
    pid = window.ctx.programme_id
    area = next(a for a in evaluations.evaluation_overview(demo_db, pid) if not a.evaluations)
    view.table.select_id(area.id)
    view.new_record()
    dialog = view.dialog
    assert dialog is not None
    dialog.spending.setText("mange penge")
    dialog.try_save()
    assert dialog.isVisible()
    assert "er ikke et beløb" in dialog.error_labels["declared_spending_ore"].text()
    saved = next(a for a in evaluations.evaluation_overview(demo_db, pid) if a.id == area.id)
    assert saved.evaluations == []


def test_deleting_an_evaluation_is_undone_with_ctrl_z(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "evaluation", EvaluationView)
    pid = window.ctx.programme_id
    area = next(a for a in evaluations.evaluation_overview(demo_db, pid) if a.evaluations)
    answers = len(area.evaluations[0].answers)
    view.table.select_id(area.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_button.click()
    assert not status(view, area.id).startswith("Modtaget")
    window.undo_action.trigger()
    assert status(view, area.id).startswith("Modtaget")
    back = next(a for a in evaluations.evaluation_overview(demo_db, pid) if a.id == area.id)
    assert len(back.evaluations[0].answers) == answers


def test_who_owes_an_evaluation_is_the_same_rule_as_overbliks(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    """Skovkanten once owed an evaluation in Overblik and had "Ingen aftale" here: an area
    with a grant owes one whether or not its agreement is signed; one without owes none."""
    from datetime import date

    from kulturpunkt_desk.domain.services import areas, attention
    from kulturpunkt_desk.domain.services.areas import AreaData

    programme = programmes.current_programme(demo_db)
    assert programme is not None
    first = evaluations.evaluation_overview(demo_db, programme.id)
    bare = next(a for a in first if not a.evaluations)
    grants.delete_agreement(demo_db, bare.id)
    new = areas.create_area(demo_db, programme.id, AreaData("Nyby", "Læsø"))
    _window, view = open_view(demo_db, "evaluation", EvaluationView)
    states = attention.evaluation_states(demo_db, programme.id, date.today())
    assert status(view, bare.id) == states[bare.id]
    assert status(view, bare.id).startswith(("Mangler", "Frist"))
    owing = {
        i.area_id
        for i in attention.attention_items(demo_db, programme.id, date(2026, 7, 1))
        if i.kind == attention.AttentionKind.EVALUATION_MISSING
    }
    assert bare.id in owing and new not in owing
    assert status(view, new) == "Intet tilskud"
