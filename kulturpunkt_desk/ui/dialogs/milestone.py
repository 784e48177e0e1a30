"""The form for one phase or deadline of the programme's timeline, with ISO week numbers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from kulturpunkt_desk.domain.models import Milestone, MilestoneKind
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.domain.services.programmes import MilestoneData

from .. import scale
from ..context import DeskContext
from ..widgets.fields import DateField
from ..widgets.form import FormDialog

# Danish names of the timeline's kinds of phase (the domain keeps only the values).
MILESTONE_KIND_LABELS: dict[MilestoneKind, str] = {
    MilestoneKind.DIALOGUE: "Dialog",
    MilestoneKind.INTEREST_DEADLINE: "Frist for interessetilkendegivelse",
    MilestoneKind.AGREEMENTS: "Samarbejdsaftaler",
    MilestoneKind.KICKOFF: "Opstartsmøde",
    MilestoneKind.SPARRING_ROUND: "Sparringsrunde",
    MilestoneKind.NETWORK_ROUND: "Netværksmøder",
    MilestoneKind.ACTIVITIES: "Aktiviteter",
    MilestoneKind.EVALUATION_COLLECTION: "Indsamling af evaluering",
    MilestoneKind.EVALUATION_REPORT: "Evalueringsrapport",
    MilestoneKind.CLOSING: "Afslutning",
    MilestoneKind.OTHER: "Andet",
}


def week_text(day: date | None) -> str:
    """ "uge 25": the ISO week, as Danish planning names it."""
    if day is None:
        return ""
    return QCoreApplication.translate("Milestone", "uge {0}").format(day.isocalendar().week)


class _DateWithWeek(QWidget):
    """A date field with its ISO week number beside it, since planning speaks in weeks."""

    def __init__(self, value: date | None) -> None:
        super().__init__()
        self.field = DateField(value)
        self.week = QLabel()
        self.week.setMinimumWidth(scale.chars_wide(self.week, 10))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.week)
        layout.addStretch(1)
        self.setFocusProxy(self.field)
        self.field.dateChanged.connect(self._show_week)
        self._show_week()

    def _show_week(self) -> None:
        self.week.setText(week_text(self.field.value()))


class MilestoneDialog(FormDialog):
    def __init__(
        self, ctx: DeskContext, parent: QWidget | None = None, milestone: Milestone | None = None
    ) -> None:
        super().__init__(self.tr("Redigér milepæl") if milestone else self.tr("Ny milepæl"), parent)
        self.editing(milestone)
        self.ctx = ctx
        self.milestone = milestone
        self.saved_id: str | None = None
        self.setMinimumWidth(scale.chars_wide(self, 87))
        self.title = QLineEdit(milestone.title if milestone else "")
        self.kind = QComboBox()
        for kind in MilestoneKind:
            self.kind.addItem(self.tr(MILESTONE_KIND_LABELS[kind]), kind)
        self.kind.setCurrentIndex(
            self.kind.findData(milestone.kind if milestone else MilestoneKind.OTHER)
        )
        self.starts_on = _DateWithWeek(milestone.starts_on if milestone else None)
        self.ends_on = _DateWithWeek(milestone.ends_on if milestone else None)
        self.round = QSpinBox()
        self.round.setRange(0, 20)
        self.round.setSpecialValueText(self.tr("Ingen"))
        self.round.setValue(milestone.round or 0 if milestone else 0)
        self.add_field("title", self.tr("&Titel"), self.title)
        self.add_field("kind", self.tr("T&ype"), self.kind)
        self.add_field("starts_on", self.tr("&Fra"), self.starts_on)
        self.add_field("ends_on", self.tr("T&il"), self.ends_on)
        self.add_field("round", self.tr("&Runde"), self.round)
        self.title.setFocus()

    def save(self) -> None:
        data = MilestoneData(
            kind=MilestoneKind(self.kind.currentData()),
            title=self.title.text(),
            starts_on=self.starts_on.field.required_value(),
            ends_on=self.ends_on.field.required_value(),
            round=self.round.value() or None,
        )
        if self.milestone is None:
            self.saved_id = programmes.add_milestone(self.ctx.db, self.ctx.programme_id, data)
        else:
            programmes.update_milestone(self.ctx.db, self.milestone.id, data)
            self.saved_id = self.milestone.id
