"""Forms for an area's expression of interest and its collaboration agreement dates."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPlainTextEdit, QWidget

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import (
    ASSESSMENT_LABELS,
    INTEREST_DECISION_LABELS,
    SELECTION_CRITERION_LABELS,
    Area,
    InterestDecision,
    SelectionCriterion,
)
from kulturpunkt_desk.domain.services import grants, selection
from kulturpunkt_desk.domain.services.grants import AgreementData, InterestData
from kulturpunkt_desk.domain.services.selection import Assessment

from .. import palette
from ..context import DeskContext
from ..widgets.fields import DateField
from ..widgets.rated_note import RatedNote
from .grants import AreaFormDialog


class InterestDialog(AreaFormDialog):
    def __init__(self, ctx: DeskContext, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Interessetilkendegivelse"), ctx, area, parent)
        interest = area.interest
        self.received_on = DateField(interest.received_on if interest else None)
        self.decision = QComboBox()
        for decision in InterestDecision:
            self.decision.addItem(self.tr(INTEREST_DECISION_LABELS[decision]), decision)
        if interest:
            self.decision.setCurrentIndex(self.decision.findData(interest.decision))
        self.decided_on = DateField(interest.decided_on if interest else None, optional=True)
        self.content = QPlainTextEdit(interest.content if interest else "")
        self.content.setTabChangesFocus(True)
        self.add_field("received_on", self.tr("&Modtaget"), self.received_on)
        self.add_field("decision", self.tr("&Beslutning"), self.decision)
        self.add_field("decided_on", self.tr("Besluttet &den"), self.decided_on)
        self.content.setMaximumHeight(self.content.fontMetrics().lineSpacing() * 6 + 14)
        self.setMinimumWidth(640)
        self.reason = QPlainTextEdit(interest.decision_reason if interest else "")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 2 + 14)
        self.add_field("decision_reason", "Be&grundelse", self.reason)
        self.add_field("content", self.tr("&Indhold"), self.content)
        self.form.addRow(QLabel("<b>Teamets vurdering af udvælgelseskriterierne</b>"))
        given = selection.assessments_of(interest)
        self.assessments: dict[SelectionCriterion, RatedNote] = {}
        for criterion, label in SELECTION_CRITERION_LABELS.items():
            field = RatedNote(
                label, ASSESSMENT_LABELS, given[criterion].score, given[criterion].note
            )
            self.assessments[criterion] = field
            self.add_field(f"{criterion.value}_score", label, field)
        self.received_on.setFocus()

    def save(self) -> None:
        decision = InterestDecision(self.decision.currentData())
        data = InterestData(
            received_on=self.received_on.required_value(),
            content=self.content.toPlainText(),
            decision=decision,
            decided_on=self.decided_on.value(),
            decision_reason=self.reason.toPlainText(),
            assessments={c: Assessment(f.value(), f.text()) for c, f in self.assessments.items()},
        )
        data.cleaned()  # field errors first, then the question about the number of areas
        warning = selection.designation_warning(self.ctx.db, self.area.id, decision)
        if warning is not None:
            answer = QMessageBox.question(
                self,
                "Flere lokalområder end programmet udpeger",
                warning,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                raise ValidationError.single(
                    "decision", "Beslutning: ikke gemt; programmets antal er allerede udpeget."
                )
        grants.record_interest(self.ctx.db, self.area.id, data)


class AgreementDialog(AreaFormDialog):
    def __init__(self, ctx: DeskContext, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Samarbejdsaftale"), ctx, area, parent)
        agreement = area.agreement
        self.sent_on = DateField(agreement.sent_on if agreement else None, optional=True)
        self.signed_by_area_on = DateField(
            agreement.signed_by_area_on if agreement else None, optional=True
        )
        self.signed_by_region_on = DateField(
            agreement.signed_by_region_on if agreement else None, optional=True
        )
        self.notes = QPlainTextEdit(agreement.notes if agreement else "")
        self.notes.setTabChangesFocus(True)
        self.add_field("sent_on", self.tr("&Sendt"), self.sent_on)
        self.add_field(
            "signed_by_area_on", self.tr("Underskrevet af &lokalområdet"), self.signed_by_area_on
        )
        self.add_field(
            "signed_by_region_on", self.tr("Underskrevet af &regionen"), self.signed_by_region_on
        )
        self.add_field("notes", self.tr("&Noter"), self.notes)
        hint = QLabel(self.tr("Pil op i et datofelt giver dagens dato; Delete fjerner datoen."))
        hint.setStyleSheet(palette.style(palette.MUTED))
        self.form.addRow("", hint)
        self.sent_on.setFocus()

    def save(self) -> None:
        grants.record_agreement(
            self.ctx.db,
            self.area.id,
            AgreementData(
                sent_on=self.sent_on.value(),
                signed_by_area_on=self.signed_by_area_on.value(),
                signed_by_region_on=self.signed_by_region_on.value(),
                notes=self.notes.toPlainText(),
            ),
        )
