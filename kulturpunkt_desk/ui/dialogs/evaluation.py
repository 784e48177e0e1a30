"""The evaluation form: an answer per core element, the figures, and declared spending."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSpinBox, QWidget

from kulturpunkt_desk.domain.models import (
    CORE_ELEMENT_LABELS,
    GOAL_RATING_LABELS,
    PROJECT_GOAL_LABELS,
    Area,
    CoreElement,
    EvaluationSubmission,
    ProjectGoal,
)
from kulturpunkt_desk.domain.services import evaluations
from kulturpunkt_desk.domain.services.evaluations import EvaluationData, GoalAnswer

from .. import scale
from ..context import DeskContext
from ..widgets.fields import DateField, MoneyField
from ..widgets.form import FormDialog
from ..widgets.rated_note import RatedNote

FIGURES = [
    ("activities_held", "&Aktiviteter gennemført"),
    ("participants_total", "&Deltagere i alt"),
    ("volunteers", "&Frivillige"),
    ("new_partners", "Nye &samarbejdspartnere"),
]


def _text(value: str = "", lines: float = 2.4) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(scale.lines_high(edit, lines))
    edit.setMaximumHeight(scale.lines_high(edit, lines + 1.4))
    return edit


class EvaluationDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        area: Area,
        submission: EvaluationSubmission | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Redigér evaluering") if submission else self.tr("Ny evaluering"), parent
        )
        self.editing(submission)
        self.ctx = ctx
        self.area = area
        self.submission = submission
        self.saved_id: str | None = None
        self.setMinimumWidth(scale.chars_wide(self, 117))
        heading = QLabel(area.name)
        heading.setStyleSheet("font-weight: bold;")
        self.form.addRow(self.tr("Lokalområde"), heading)
        self.received_on = DateField(submission.received_on if submission else date.today())
        self.add_field("received_on", self.tr("&Modtaget"), self.received_on)
        answers = {a.element: a.answer for a in submission.answers} if submission else {}
        self.answers: dict[CoreElement, QPlainTextEdit] = {}
        for element in CoreElement:
            edit = _text(answers.get(element, ""))
            edit.setPlaceholderText(self.tr("Hvad fortæller lokalområdet om dette kerneelement?"))
            self.answers[element] = edit
            self.add_field(f"answer_{element.value}", self.tr(CORE_ELEMENT_LABELS[element]), edit)
        self.form.addRow(QLabel("<b>Mål på projektniveau</b>: i hvilken grad er de styrket?"))
        goals = {a.goal: a for a in submission.goal_answers} if submission else {}
        self.goals: dict[ProjectGoal, RatedNote] = {}
        for goal, label in PROJECT_GOAL_LABELS.items():
            given = goals.get(goal)
            field = RatedNote(
                label,
                GOAL_RATING_LABELS,
                given.rating if given else None,
                given.answer if given else "",
                unset="Ingen vurdering",
                note_lines=2,
            )
            self.goals[goal] = field
            self.add_field(f"goal_{goal.value}", label, field)
        self.figures: dict[str, QSpinBox] = {}
        for name, label in FIGURES:
            box = QSpinBox()
            box.setRange(0, 1_000_000)
            box.setGroupSeparatorShown(True)
            box.setValue(int(getattr(submission, name)) if submission else 0)
            self.figures[name] = box
            self.add_field(name, self.tr(label), box)
        self.spending = MoneyField(
            "declared_spending_ore",
            self.tr("Erklæret forbrug"),
            submission.declared_spending_ore if submission else 0,
        )
        self.add_field("declared_spending_ore", self.tr("&Erklæret forbrug (kr.)"), self.spending)
        self.summary = _text(submission.summary if submission else "", 3.1)
        self.add_field("summary", self.tr("Samme&nfatning"), self.summary)
        self.received_on.setFocus()

    def save(self) -> None:
        spending = self.spending.ore()
        data = EvaluationData(
            received_on=self.received_on.required_value(),
            answers={e: edit.toPlainText() for e, edit in self.answers.items()},
            goals={g: GoalAnswer(f.value(), f.text()) for g, f in self.goals.items()},
            summary=self.summary.toPlainText(),
            declared_spending_ore=spending,
            **{name: box.value() for name, box in self.figures.items()},
        )
        if self.submission is None:
            self.saved_id = evaluations.add_evaluation(self.ctx.db, self.area.id, data)
        else:
            evaluations.update_evaluation(self.ctx.db, self.submission.id, data)
            self.saved_id = self.submission.id
