"""Evaluering: which areas have sent their evaluation, and what it says.

An area without an evaluation is "Mangler" in red once the programme's collection period
has ended, otherwise "Afventer". The selected area's answers are shown below the list.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.models import (
    CORE_ELEMENT_LABELS,
    Area,
    CoreElement,
    EvaluationSubmission,
    MilestoneKind,
)
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import evaluations, goals, programmes

from ..context import DeskContext
from ..dialogs.evaluation import EvaluationDialog
from ..models.record_table import MUTED_COLOUR, WARNING_COLOUR, Column, RecordTableModel
from ..undo import confirm_and_delete
from ..widgets.record_table import RecordTable
from .base import View


def expected(area: Area) -> bool:
    """Only an area with a signed agreement owes the programme an evaluation."""
    agreement = area.agreement
    return bool(agreement and agreement.signed_by_area_on and agreement.signed_by_region_on)


def latest(area: Area) -> EvaluationSubmission | None:
    return max(area.evaluations, key=lambda e: (e.received_on, e.id), default=None)


class EvaluationView(View):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: EvaluationDialog | None = None
        self.due: date | None = None
        self.areas: list[Area] = []

        def status(area: Area) -> str:
            submission = latest(area)
            if submission is not None:
                return self.tr("Modtaget {0}").format(short_date(submission.received_on))
            if not expected(area):
                return self.tr("Ingen aftale")
            return self.tr("Mangler") if self._late() else self.tr("Afventer")

        def colour(area: Area) -> object:
            if latest(area) is not None:
                return None
            if not expected(area):
                return MUTED_COLOUR
            return WARNING_COLOUR if self._late() else MUTED_COLOUR

        def figure(name: str) -> Column[Area]:
            return Column(
                self.tr(dict(FIGURE_HEADERS)[name]),
                lambda a: str(getattr(latest(a), name)) if latest(a) else "",
                lambda a: getattr(latest(a), name) if latest(a) else -1,
                right=True,
            )

        self.model: RecordTableModel[Area] = RecordTableModel(
            [
                Column(self.tr("Lokalområde"), lambda a: a.name),
                Column(
                    self.tr("Evaluering"),
                    status,
                    lambda a: latest(a).received_on if latest(a) else None,  # type: ignore[union-attr]
                    colour=colour,  # type: ignore[arg-type]
                ),
                *[figure(name) for name, _ in FIGURE_HEADERS],
                Column(
                    self.tr("Erklæret forbrug"),
                    lambda a: format_kr(latest(a).declared_spending_ore) if latest(a) else "",  # type: ignore[union-attr]
                    lambda a: latest(a).declared_spending_ore if latest(a) else -1,  # type: ignore[union-attr]
                    right=True,
                ),
            ],
            lambda a: a.id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Evalueringer"))
        self.table.activated_id.connect(lambda _id: self.open_or_create())
        self.table.selectionModel().selectionChanged.connect(self._show_details)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Den valgte evaluering"))
        self.details.setOpenLinks(False)

        self.new_button = QPushButton(self.tr("Ny evaluering (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton(self.tr("Redigér…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Slet"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet("font-weight: bold;")
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.summary_label.setWordWrap(True)
        # The project-level goals summed across the areas, as the evaluation report has them.
        self.goals_label = QLabel()
        self.goals_label.setWordWrap(True)
        self.goals_label.setAccessibleName("Mål på projektniveau i alt")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([380, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.goals_label)
        layout.addWidget(splitter)

    def _late(self) -> bool:
        return self.due is not None and date.today() > self.due

    def refresh(self) -> None:
        programme = programmes.current_programme(self.ctx.db)
        ends = [
            m.ends_on
            for m in (programme.milestones if programme else [])
            if m.kind == MilestoneKind.EVALUATION_COLLECTION
        ]
        self.due = max(ends) if ends else None
        keep = self.table.keep_selection()
        self.areas = evaluations.evaluation_overview(self.ctx.db, self.ctx.programme_id)
        self.model.set_rows(self.areas)
        self.table.fit_columns()
        self.table.restore_selection(keep)
        if self.table.current_id() is None and self.areas:
            self.table.selectRow(0)
        received = sum(1 for a in self.areas if a.evaluations)
        owing = sum(1 for a in self.areas if a.evaluations or expected(a))
        text = self.tr("{0} af {1} modtaget").format(received, count(owing, "evaluering"))
        if self.due is not None:
            text += self.tr(" · frist {0}").format(short_date(self.due))
        self.summary_label.setText(text)
        totals = goals.programme_goal_totals(self.ctx.db, self.ctx.programme_id)
        self.goals_label.setText(
            "Mål på projektniveau, i høj grad eller mere af besvarede: "
            + " · ".join(f"{t.label} {t.high} af {t.answered}" for t in totals)
        )
        self._show_details()

    def _show_details(self) -> None:
        area = self.table.current_record()
        submission = latest(area) if area else None
        self.edit_button.setEnabled(submission is not None)
        self.delete_button.setEnabled(submission is not None)
        # One evaluation per area: once it is in, it is edited rather than added again.
        self.new_button.setEnabled(area is not None and submission is None)
        if area is None:
            self.details.clear()
            return
        if submission is None:
            self.details.setHtml(
                "<p><b>{}</b></p><p>{}</p>".format(
                    html.escape(area.name),
                    html.escape(
                        self.tr(
                            "Ingen evaluering modtaget endnu. Tryk Ctrl+N for at registrere den."
                        )
                    ),
                )
            )
            return
        answers = {a.element: a.answer for a in submission.answers}
        parts = [
            "<p><b>{}</b> – {}</p>".format(
                html.escape(area.name),
                html.escape(self.tr("modtaget {0}").format(short_date(submission.received_on))),
            )
        ]
        for element in CoreElement:
            answer = answers.get(element, "") or self.tr("(intet svar)")
            parts.append(
                "<p><b>{}</b><br>{}</p>".format(
                    html.escape(self.tr(CORE_ELEMENT_LABELS[element])),
                    html.escape(answer).replace("\n", "<br>"),
                )
            )
        for heading, answer in goals.goal_answers_in_order(submission):
            parts.append(
                "<p><b>{}</b><br>{}</p>".format(
                    html.escape(heading), html.escape(answer).replace("\n", "<br>")
                )
            )
        if submission.summary:
            parts.append(
                "<p><b>{}</b><br>{}</p>".format(
                    html.escape(self.tr("Sammenfatning")), html.escape(submission.summary)
                )
            )
        self.details.setHtml("".join(parts))

    # --- actions ------------------------------------------------------------------------

    def new_record(self) -> None:
        self.open_or_create()

    def open_or_create(self) -> None:
        """The selected area's evaluation: edit it if received, else register it."""
        area = self.table.current_record()
        if area is not None and latest(area) is not None:
            self.edit_selected()
        elif area is not None:
            self._open(EvaluationDialog(self.ctx, area, parent=self))

    def edit_selected(self) -> None:
        area = self.table.current_record()
        submission = latest(area) if area else None
        if area is not None and submission is not None:
            self._open(EvaluationDialog(self.ctx, area, submission, self))

    def _open(self, dialog: EvaluationDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def delete_selected(self) -> None:
        area = self.table.current_record()
        submission = latest(area) if area else None
        if area is None or submission is None:
            return
        confirm_and_delete(
            self.ctx,
            self,
            EvaluationSubmission,
            submission.id,
            self.tr("evalueringen fra {0}").format(area.name),
            self.tr("Svarene slettes også; bilag og forbrug bliver liggende."),
        )

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind not in ("evaluation", "evaluation_area"):
            return False
        if self._stale:
            self._stale = False
            self.refresh()
        area_id = record_id
        if kind == "evaluation":
            owner = next(
                (a for a in self.areas if any(e.id == record_id for e in a.evaluations)), None
            )
            if owner is None:
                return False
            area_id = owner.id
        return self.table.select_id(area_id)


FIGURE_HEADERS = [
    ("activities_held", "Aktiviteter"),
    ("participants_total", "Deltagere"),
    ("volunteers", "Frivillige"),
    ("new_partners", "Nye partnere"),
]
