"""EKR's EU cases: joint applications, project advice and fundraising help, and the figure
of EU money brought home against the partnership's own budget."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.models import (
    EU_CASE_KIND_LABELS,
    EU_CASE_STAGE_LABELS,
    EuCase,
    EuCaseKind,
    EuCaseStage,
)
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import ekr_eu, ekr_partnership
from kulturpunkt_desk.domain.services.ekr_eu import EuCaseData

from .. import scale
from ..context import DeskContext
from ..failure import told_on_failure
from ..models.record_table import Column, RecordTableModel
from ..widgets.fields import DateField, MoneyField
from ..widgets.form import FormDialog
from ..widgets.record_table import RecordTable
from .ekr_common import EkrTab


class EuCaseDialog(FormDialog):
    def __init__(
        self, ctx: DeskContext, partnership_id: str, case: EuCase | None, parent: QWidget | None
    ) -> None:
        super().__init__(self.tr("Redigér EU-sag") if case else self.tr("Ny EU-sag"), parent)
        self.editing(case)
        self.ctx, self.partnership_id, self.case = ctx, partnership_id, case
        self.setMinimumWidth(scale.chars_wide(self, 90))
        self.kind = QComboBox()
        for kind in EuCaseKind:
            self.kind.addItem(self.tr(EU_CASE_KIND_LABELS[kind]), kind)
        self.title = QLineEdit(case.title if case else "")
        self.applicant = QLineEdit(case.applicant if case else "")
        self.member = QComboBox()
        self.member.addItem(self.tr("(ingen)"), None)
        for m in ekr_partnership.municipalities(ctx.db, partnership_id):
            self.member.addItem(m.name, m.id)
        self.programme = QLineEdit(case.eu_programme if case else "")
        self.programme.setPlaceholderText(self.tr("fx Et Kreativt Europa"))
        self.deadline = DateField(case.call_deadline if case else None, optional=True)
        self.sought = MoneyField("amount_sought_ore", self.tr("Ansøgt beløb"))
        self.stage = QComboBox()
        for stage in EuCaseStage:
            self.stage.addItem(self.tr(EU_CASE_STAGE_LABELS[stage]), stage)
        self.granted = MoneyField("amount_granted_ore", self.tr("Bevilget beløb"))
        self.decided_on = DateField(case.decided_on if case else None, optional=True)
        self.notes = QPlainTextEdit(case.notes if case else "")
        self.notes.setTabChangesFocus(True)
        if case:
            self.kind.setCurrentIndex(self.kind.findData(case.kind))
            self.member.setCurrentIndex(self.member.findData(case.member_id))
            self.stage.setCurrentIndex(self.stage.findData(case.stage))
            self.sought.set_ore(case.amount_sought_ore)
            if case.amount_granted_ore:
                self.granted.set_ore(case.amount_granted_ore)
        self.add_field("kind", self.tr("&Type"), self.kind)
        self.add_field("title", self.tr("T&itel"), self.title)
        self.add_field("applicant", self.tr("&Ansøger"), self.applicant)
        self.add_field("member_id", self.tr("&Kommune"), self.member)
        self.add_field("eu_programme", self.tr("&EU-program"), self.programme)
        self.add_field("call_deadline", self.tr("Ansøgningsfri&st"), self.deadline)
        self.add_field("amount_sought_ore", self.tr("Ansøgt &beløb"), self.sought)
        self.add_field("stage", self.tr("&Fase"), self.stage)
        self.add_field("amount_granted_ore", self.tr("Be&vilget beløb"), self.granted)
        self.add_field("decided_on", self.tr("Af&gjort"), self.decided_on)
        self.add_field("notes", self.tr("&Noter"), self.notes)

    def save(self) -> None:
        data = EuCaseData(
            kind=EuCaseKind(self.kind.currentData()),
            title=self.title.text(),
            stage=EuCaseStage(self.stage.currentData()),
            applicant=self.applicant.text(),
            member_id=self.member.currentData(),
            eu_programme=self.programme.text(),
            call_deadline=self.deadline.value(),
            amount_sought_ore=self.sought.ore() if self.sought.text().strip() else 0,
            amount_granted_ore=self.granted.ore() if self.granted.text().strip() else None,
            decided_on=self.decided_on.value(),
            notes=self.notes.toPlainText(),
        )
        if self.case is None:
            ekr_eu.create_case(self.ctx.db, self.partnership_id, data)
        else:
            ekr_eu.update_case(self.ctx.db, self.case.id, data)


class EuTab(EkrTab):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: EuCaseDialog | None = None
        self.model: RecordTableModel[EuCase] = RecordTableModel(
            [
                Column(self.tr("Sag"), lambda c: c.title),
                Column(self.tr("Type"), lambda c: self.tr(EU_CASE_KIND_LABELS[c.kind])),
                Column(self.tr("Ansøger"), lambda c: c.applicant),
                Column(self.tr("Kommune"), lambda c: c.member.name if c.member else ""),
                Column(self.tr("Program"), lambda c: c.eu_programme),
                Column(
                    self.tr("Frist"),
                    lambda c: short_date(c.call_deadline),
                    lambda c: c.call_deadline,
                ),
                Column(
                    self.tr("Ansøgt"),
                    lambda c: format_kr(c.amount_sought_ore),
                    lambda c: c.amount_sought_ore,
                    right=True,
                ),
                Column(self.tr("Fase"), lambda c: self.tr(EU_CASE_STAGE_LABELS[c.stage])),
                Column(
                    self.tr("Bevilget"),
                    lambda c: format_kr(c.amount_granted_ore) if c.amount_granted_ore else "",
                    lambda c: c.amount_granted_ore or 0,
                    right=True,
                ),
            ],
            lambda c: c.id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("EU-sager"))
        self.table.activated_id.connect(lambda _id: self.edit_selected())
        self.figure = QLabel()
        self.figure.setWordWrap(True)
        new_button = QPushButton(self.tr("Ny sag"))
        new_button.clicked.connect(self.new_case)
        edit_button = QPushButton(self.tr("Redigér"))
        edit_button.clicked.connect(self.edit_selected)
        delete_button = QPushButton(self.tr("Slet"))
        delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        for button in (new_button, edit_button, delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        heading = QLabel(self.tr("EU-midler hjemtaget mod eget budget"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        layout.addWidget(self.figure)
        layout.addWidget(self.message)

    def reload(self) -> None:
        keep = self.table.keep_selection()
        self.model.set_rows(ekr_eu.list_cases(self.ctx.db, self.partnership_id))
        self.table.fit_columns(220)
        self.table.restore_selection(keep)
        lines = [
            self.tr("{0}: {1} hjemtaget mod et budget på {2} ({3} kr. pr. egen krone)").format(
                f.year, format_kr(f.granted_ore), format_kr(f.own_budget_ore), f.per_krone
            )
            for f in ekr_eu.eu_money_vs_budget(self.ctx.db, self.partnership_id)
        ]
        self.figure.setText("\n".join(lines) or self.tr("Ingen bevillinger endnu."))

    def _open(self, case: EuCase | None) -> None:
        self.dialog = EuCaseDialog(self.ctx, self.partnership_id, case, self)
        self.dialog.open()

    def new_case(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        case = self.table.current_record()
        if isinstance(case, EuCase):
            self._open(case)

    def delete_selected(self) -> None:
        case = self.table.current_record()
        if not isinstance(case, EuCase):
            return
        with told_on_failure(self.message.error) as outcome:
            ekr_eu.delete_case(self.ctx.db, case.id)
        if outcome.failed:
            return
        self.message.info(self.tr("Sagen «{0}» er slettet.").format(case.title))
