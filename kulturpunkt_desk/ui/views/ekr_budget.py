"""EKR's budget lines: what the 2.6 mio. kr. a year pays for, planned and spent, with the EU
money brought home set against the budget."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.models import BudgetLine
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import ekr_budget
from kulturpunkt_desk.domain.services.ekr_budget import BudgetLineData, BudgetLineRow

from .. import palette
from ..context import DeskContext
from ..models.record_table import WARNING_COLOUR, Column, RecordTableModel
from ..undo import confirm_and_delete
from ..widgets.fields import MoneyField
from ..widgets.form import FormDialog
from ..widgets.record_table import RecordTable
from .ekr_common import EkrTab, YearBox


class BudgetLineDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        partnership_id: str,
        year: int,
        line: BudgetLineRow | None,
        parent: QWidget | None,
    ) -> None:
        title = self.tr("Redigér budgetpost") if line else self.tr("Ny budgetpost {0}").format(year)
        super().__init__(title, parent)
        self.ctx, self.partnership_id, self.year, self.line = ctx, partnership_id, year, line
        self.saved_id: str | None = line.line_id if line else None
        self.setMinimumWidth(480)
        self.name = QLineEdit(line.name if line else "")
        self.planned = MoneyField(
            "planned_ore", self.tr("Planlagt"), line.planned_ore if line else 0
        )
        self.spent = MoneyField("spent_ore", self.tr("Forbrugt"), line.spent_ore if line else 0)
        self.note = QLineEdit(line.note if line else "")
        self.add_field("name", self.tr("&Budgetpost"), self.name)
        self.add_field("planned_ore", self.tr("&Planlagt (kr.)"), self.planned)
        self.add_field("spent_ore", self.tr("&Forbrugt (kr.)"), self.spent)
        self.add_field("note", self.tr("B&emærkning"), self.note)

    def save(self) -> None:
        data = BudgetLineData(
            self.name.text(), self.planned.ore(), self.spent.ore(), self.note.text()
        )
        if self.line is None:
            with self.ctx.undo_entry(self.tr("Opret {0}").format(data.name.strip())):
                self.saved_id = ekr_budget.create_line(
                    self.ctx.db, self.partnership_id, self.year, data
                )
        else:
            with self.ctx.undo_entry(self.tr("Ret {0}").format(self.line.name)):
                ekr_budget.update_line(self.ctx.db, self.line.line_id, data)


class BudgetTab(EkrTab):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: BudgetLineDialog | None = None
        self.year = YearBox()
        self.year.setAccessibleName(self.tr("År"))
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.model: RecordTableModel[BudgetLineRow] = RecordTableModel(
            [
                Column(self.tr("Budgetpost"), lambda r: r.name),
                Column(
                    self.tr("Planlagt"),
                    lambda r: format_kr(r.planned_ore),
                    lambda r: r.planned_ore,
                    right=True,
                ),
                Column(
                    self.tr("Forbrugt"),
                    lambda r: format_kr(r.spent_ore),
                    lambda r: r.spent_ore,
                    right=True,
                ),
                Column(
                    self.tr("Rest"),
                    # "overskredet" in words: the colour is never the only sign.
                    lambda r: (
                        format_kr(r.left_ore) + (self.tr(" (overskredet)") if r.overspent else "")
                    ),
                    lambda r: r.left_ore,
                    right=True,
                    colour=lambda r: WARNING_COLOUR if r.overspent else None,
                ),
                Column(self.tr("Bemærkning"), lambda r: r.note),
            ],
            lambda r: r.line_id,
        )
        self.table = RecordTable(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setAccessibleName(self.tr("Budgetposter"))
        self.table.activated_id.connect(lambda _id: self.edit_selected())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(palette.style(palette.WARNING))
        self.new_button = QPushButton(self.tr("Ny budgetpost"))
        self.new_button.clicked.connect(self.new_line)
        self.edit_button = QPushButton(self.tr("Redigér"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Slet"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.start_button = QPushButton(self.tr("Opret årets poster"))
        self.start_button.setToolTip(
            self.tr("Posterne fra året før, eller strategiens poster, hvis der ingen er")
        )
        self.start_button.clicked.connect(self.start_year)
        top = QHBoxLayout()
        year_label = QLabel(self.tr("&År"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button, self.start_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.message)

    def reload(self) -> None:
        self.year.set_years(ekr_budget.line_years(self.ctx.db, self.partnership_id))
        overview = ekr_budget.budget_overview(self.ctx.db, self.partnership_id, self.year.year())
        keep = self.table.keep_selection()
        self.model.set_rows(overview.lines)
        self.table.fit_columns()
        self.table.restore_selection(keep)
        self.start_button.setEnabled(not overview.lines)
        budget = (
            self.tr("Budget {0}").format(format_kr(overview.budget_ore))
            if overview.budget_ore is not None
            else self.tr("Intet budgetår endnu")
        )
        parts = [
            budget,
            self.tr("planlagt {0}").format(format_kr(overview.planned_ore)),
            self.tr("forbrugt {0}").format(format_kr(overview.spent_ore)),
        ]
        if overview.unplanned_ore is not None:
            parts.append(self.tr("ikke fordelt {0}").format(format_kr(overview.unplanned_ore)))
        self.summary.setText(" · ".join(parts) + "\n" + overview.eu_summary)
        self.warning_label.setText("\n".join(overview.warnings))
        self.warning_label.setVisible(bool(overview.warnings))

    def current_line(self) -> BudgetLineRow | None:
        row = self.table.current_record()
        return row if isinstance(row, BudgetLineRow) else None

    def _open(self, line: BudgetLineRow | None) -> None:
        self.dialog = BudgetLineDialog(self.ctx, self.partnership_id, self.year.year(), line, self)
        self.table.open_form(self.dialog)

    def new_line(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        line = self.current_line()
        if line is not None:
            self._open(line)

    def delete_selected(self) -> None:
        line = self.current_line()
        if line is not None:
            confirm_and_delete(
                self.ctx,
                self,
                BudgetLine,
                line.line_id,
                self.tr("budgetposten «{0}»").format(line.name),
            )

    def start_year(self) -> None:
        year = self.year.year()
        try:
            with self.ctx.undo_entry(self.tr("Opret budgetposter {0}").format(year)):
                made = ekr_budget.start_year(self.ctx.db, self.partnership_id, year)
        except DeskError as exc:
            self.message.error(str(exc))
            return
        self.message.info(self.tr("{0} budgetposter oprettet for {1}.").format(len(made), year))
