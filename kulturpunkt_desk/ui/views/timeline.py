"""Tidsplan: the programme's phases and deadlines, with today's phase highlighted.

Dates are Danish (18.06.2025) with ISO week numbers beside them, because the team plans
in weeks.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kulturpunkt_desk.domain.dates import long_date, period, short_date
from kulturpunkt_desk.domain.models import Milestone
from kulturpunkt_desk.domain.services import programmes

from .. import palette
from ..context import DeskContext
from ..dialogs.milestone import MILESTONE_KIND_LABELS, MilestoneDialog, week_text
from ..models.record_table import MUTED_COLOUR, Column, RecordTableModel
from ..undo import confirm_and_delete
from ..widgets.record_table import RecordTable
from .base import View


def is_current(m: Milestone, today: date) -> bool:
    return m.starts_on <= today <= m.ends_on


class TimelineView(View):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = date.today()
        self.dialog: MilestoneDialog | None = None

        def dated(day: date) -> str:
            return f"{short_date(day)}  ({week_text(day)})"

        self.model: RecordTableModel[Milestone] = RecordTableModel(
            [
                Column(self.tr("Titel"), lambda m: m.title),
                Column(self.tr("Fra"), lambda m: dated(m.starts_on), lambda m: m.starts_on),
                Column(self.tr("Til"), lambda m: dated(m.ends_on), lambda m: m.ends_on),
                Column(
                    self.tr("Runde"),
                    lambda m: self.tr("{0}. runde").format(m.round) if m.round else "",
                    lambda m: m.round or 0,
                ),
                Column(
                    self.tr("Type"),
                    lambda m: self.tr(MILESTONE_KIND_LABELS[m.kind]),
                    colour=lambda m: MUTED_COLOUR if m.ends_on < self.today else None,
                ),
            ],
            lambda m: m.id,
            highlight=lambda m: is_current(m, self.today),
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Milepæle"))
        self.table.activated_id.connect(lambda _id: self.edit_selected())
        self.today_label = QLabel()
        self.today_label.setWordWrap(True)
        self.today_label.setStyleSheet("font-weight: bold;")
        self.new_button = QPushButton(self.tr("Ny milepæl (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton(self.tr("Redigér…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Slet"))
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        legend = QLabel(self.tr("Fremhævet: fasen i dag · grå type: afsluttet"))
        legend.setStyleSheet(palette.style(palette.MUTED))
        legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.today_label)
        layout.addWidget(legend)
        layout.addWidget(self.table)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            self.delete_selected,
            Qt.ShortcutContext.WidgetShortcut,
        )

    def refresh(self) -> None:
        self.today = date.today()
        keep = self.table.keep_selection()
        programme = programmes.current_programme(self.ctx.db)
        milestones = sorted(
            programme.milestones if programme else [], key=lambda m: (m.starts_on, m.ends_on)
        )
        self.model.set_rows(milestones)
        self.table.fit_columns(420)
        self.table.restore_selection(keep)
        now = [m for m in milestones if is_current(m, self.today)]
        coming = [m for m in milestones if m.starts_on > self.today]
        text = self.tr("I dag er {0} ({1}).").format(long_date(self.today), week_text(self.today))
        if now:
            text += " " + self.tr("I gang: {0}.").format(
                "; ".join(f"{m.title} ({period(m.starts_on, m.ends_on)})" for m in now)
            )
        else:
            text += " " + self.tr("Ingen fase er i gang.")
        if coming:
            text += " " + self.tr("Næste: {0}, {1}.").format(
                coming[0].title, long_date(coming[0].starts_on)
            )
        self.today_label.setText(text)

    def new_record(self) -> None:
        self._open(MilestoneDialog(self.ctx, self))

    def edit_selected(self) -> None:
        milestone = self.table.current_record()
        if milestone is not None:
            self._open(MilestoneDialog(self.ctx, self, milestone))

    def _open(self, dialog: MilestoneDialog) -> None:
        self.dialog = dialog  # kept: the open form must outlive this call
        self.table.open_form(dialog)

    def delete_selected(self) -> None:
        milestone = self.table.current_record()
        if milestone is not None:
            confirm_and_delete(
                self.ctx, self, Milestone, milestone.id, self.tr("«{0}»").format(milestone.title)
            )

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "milestone":
            return False
        if self._stale:
            self._stale = False
            self.refresh()
        return self.table.select_id(record_id)
