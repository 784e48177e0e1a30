"""Aftaler (a tab of Tilskud): each area's expression of interest and agreement dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.models import (
    INTEREST_DECISION_LABELS,
    Area,
    CollaborationAgreement,
    ExpressionOfInterest,
)
from kulturpunkt_desk.domain.services import programmes

from ..context import DeskContext
from ..dialogs.agreements import AgreementDialog, InterestDialog
from ..models.record_table import MUTED_COLOUR, WARNING_COLOUR, Column, RecordTableModel
from ..undo import confirm_and_delete
from ..widgets.form import FormDialog
from ..widgets.record_table import RecordTable


class AgreementsTab(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: FormDialog | None = None
        self.interest_deadline: date | None = None
        missing = self.tr("Mangler")

        def interest_colour(a: Area) -> object:
            late = (
                a.interest is None
                and self.interest_deadline is not None
                and date.today() > self.interest_deadline
            )
            return WARNING_COLOUR if late else (MUTED_COLOUR if a.interest is None else None)

        def unsigned_colour(a: Area) -> object:
            sent_unsigned = (
                a.agreement is not None
                and a.agreement.sent_on is not None
                and (
                    a.agreement.signed_by_area_on is None or a.agreement.signed_by_region_on is None
                )
            )
            return WARNING_COLOUR if sent_unsigned else None

        def signed_text(a: Area, day: date | None) -> str:
            if day is not None:
                return short_date(day)
            sent = a.agreement is not None and a.agreement.sent_on is not None
            return self.tr("Afventer") if sent else "–"

        self.model: RecordTableModel[Area] = RecordTableModel(
            [
                Column(self.tr("Lokalområde"), lambda a: a.name),
                Column(
                    self.tr("Interesse modtaget"),
                    lambda a: short_date(a.interest.received_on) if a.interest else missing,
                    lambda a: a.interest.received_on if a.interest else None,
                    colour=interest_colour,  # type: ignore[arg-type]
                ),
                Column(
                    self.tr("Beslutning"),
                    lambda a: (
                        self.tr(INTEREST_DECISION_LABELS[a.interest.decision]) if a.interest else ""
                    ),
                ),
                Column(
                    self.tr("Aftale sendt"),
                    lambda a: short_date(a.agreement.sent_on if a.agreement else None, "–"),
                    lambda a: a.agreement.sent_on if a.agreement else None,
                ),
                Column(
                    self.tr("Underskrevet af lokalområdet"),
                    lambda a: signed_text(
                        a, a.agreement.signed_by_area_on if a.agreement else None
                    ),
                    lambda a: a.agreement.signed_by_area_on if a.agreement else None,
                    colour=unsigned_colour,  # type: ignore[arg-type]
                ),
                Column(
                    self.tr("Underskrevet af regionen"),
                    lambda a: signed_text(
                        a, a.agreement.signed_by_region_on if a.agreement else None
                    ),
                    lambda a: a.agreement.signed_by_region_on if a.agreement else None,
                    colour=unsigned_colour,  # type: ignore[arg-type]
                ),
            ],
            lambda a: a.id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Samarbejdsaftaler"))
        self.table.activated_id.connect(lambda _id: self.edit_agreement())
        self.interest_button = QPushButton(self.tr("Interessetilkendegivelse…"))
        self.interest_button.clicked.connect(self.edit_interest)
        self.agreement_button = QPushButton(self.tr("Aftaledatoer…"))
        self.agreement_button.clicked.connect(self.edit_agreement)
        self.deadline_label = QLabel()
        bar = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Slet…"))
        self.delete_button.setToolTip(
            self.tr("Slet lokalområdets aftale, eller interessen hvis der ingen aftale er")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        bar.addWidget(self.interest_button)
        bar.addWidget(self.agreement_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.deadline_label)
        layout.addWidget(self.table)

    def load(self, areas: list[Area]) -> None:
        programme = programmes.current_programme(self.ctx.db)
        deadlines = [
            m.ends_on
            for m in (programme.milestones if programme else [])
            if m.kind == "interest_deadline"
        ]
        self.interest_deadline = deadlines[0] if deadlines else None
        if self.interest_deadline:
            self.deadline_label.setText(
                self.tr("Frist for interessetilkendegivelse: {0}").format(
                    short_date(self.interest_deadline)
                )
            )
        keep = self.table.keep_selection()
        self.model.set_rows(areas)
        self.table.fit_columns()
        self.table.restore_selection(keep)
        if self.table.current_id() is None and areas:
            self.table.selectRow(0)

    def edit_interest(self) -> None:
        area = self.table.current_record()
        if area is not None:
            self.dialog = InterestDialog(self.ctx, area, self)
            self.dialog.open()

    def edit_agreement(self) -> None:
        area = self.table.current_record()
        if area is not None:
            self.dialog = AgreementDialog(self.ctx, area, self)
            self.dialog.open()

    def delete_selected(self) -> None:
        """The agreement first (it builds on the interest); the interest when none is left."""
        area = self.table.current_record()
        if area is None:
            return
        if area.agreement is not None:
            confirm_and_delete(
                self.ctx,
                self,
                CollaborationAgreement,
                area.agreement.id,
                self.tr("samarbejdsaftalen med {0}").format(area.name),
            )
        elif area.interest is not None:
            confirm_and_delete(
                self.ctx,
                self,
                ExpressionOfInterest,
                area.interest.id,
                self.tr("interessetilkendegivelsen fra {0}").format(area.name),
            )
