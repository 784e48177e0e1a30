"""Tilskud: every area's grant, instalments (rater), payments and declared spending.

The second tab, Aftaler, holds the expressions of interest and agreement dates
(views/agreements_tab.py). Selecting an area shows its instalments and spending below.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.models import Area, Grant, Instalment, SpendingItem
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import budget_warnings, grants, overview, programmes

from .. import palette
from ..context import DeskContext
from ..dialogs.grants import (
    AwardDialog,
    InstalmentDialog,
    PaymentDialog,
    PlanDialog,
    SpendingDialog,
)
from ..failure import in_box, told_on_failure
from ..models.grant_rows import GrantRow, grant_rows
from ..models.record_table import MUTED_COLOUR, WARNING_COLOUR, Column, RecordTableModel
from ..payment_questions import confirm_cancelling, confirm_paying_again
from ..undo import confirm_and_delete
from ..widgets.form import FormDialog
from ..widgets.record_table import RecordTable
from .agreements_tab import AgreementsTab
from .base import View


def _button(text: str, slot: Callable[[], None], row: QHBoxLayout) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(slot)
    row.addWidget(button)
    return button


class GrantsView(View):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: FormDialog | None = None
        self.areas: list[Area] = []
        self.over_standard: dict[str, str] = {}  # area id -> budget_warnings' words

        def kr(ore: int) -> str:
            return format_kr(ore)

        def if_granted(
            value: Callable[[GrantRow], int], empty: str = "–"
        ) -> Callable[[GrantRow], str]:
            return lambda r: format_kr(value(r)) if r.area.grant else empty

        self.model: RecordTableModel[GrantRow] = RecordTableModel(
            [
                Column(self.tr("Lokalområde"), lambda r: r.area.name),
                Column(
                    self.tr("Bevilget"),
                    self._awarded_text,
                    lambda r: r.awarded,
                    True,
                    # Above the standard amount: red AND in words, in the cell and its tip.
                    colour=lambda r: WARNING_COLOUR if r.area.id in self.over_standard else None,
                    tooltip=lambda r: self.over_standard.get(r.area.id, ""),
                ),
                Column(
                    self.tr("Planlagt i rater"),
                    if_granted(lambda r: r.planned),
                    lambda r: r.planned,
                    True,
                ),
                Column(self.tr("Udbetalt"), if_granted(lambda r: r.paid), lambda r: r.paid, True),
                Column(self.tr("Tilbage"), if_granted(lambda r: r.left), lambda r: r.left, True),
                Column(
                    self.tr("Næste rate"),
                    lambda r: (
                        self.tr("{0} den {1}").format(
                            kr(r.next_due.amount_ore), short_date(r.next_due.due_on)
                        )
                        if r.next_due
                        else "–"
                    ),
                    lambda r: r.next_due.due_on if r.next_due else None,
                    colour=lambda r: WARNING_COLOUR if r.overdue else None,
                ),
                Column(self.tr("Forbrug erklæret"), lambda r: kr(r.spent), lambda r: r.spent, True),
            ],
            lambda r: r.area.id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Tilskud pr. lokalområde"))
        self.table.selectionModel().selectionChanged.connect(self._show_area)
        self.totals = QLabel()
        self.totals.setStyleSheet("font-weight: bold;")

        self.instalments: RecordTableModel[Instalment] = RecordTableModel(
            [
                Column(self.tr("Rate"), lambda i: i.note or self.tr("Rate")),
                Column(self.tr("Forfalder"), lambda i: short_date(i.due_on), lambda i: i.due_on),
                Column(self.tr("Beløb"), lambda i: kr(i.amount_ore), lambda i: i.amount_ore, True),
                Column(
                    self.tr("Udbetalt"),
                    lambda i: short_date(i.paid_on, self.tr("Ikke udbetalt")),
                    lambda i: i.paid_on,
                    colour=lambda i: MUTED_COLOUR if i.paid_on is None else None,
                ),
            ],
            lambda i: i.id,
        )
        self.instalment_table = RecordTable(self.instalments)
        self.instalment_table.setAccessibleName(self.tr("Rater"))
        self.instalment_table.activated_id.connect(lambda _id: self.edit_instalment())
        self.instalment_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.spending: RecordTableModel[SpendingItem] = RecordTableModel(
            [
                Column(self.tr("Dato"), lambda i: short_date(i.spent_on), lambda i: i.spent_on),
                Column(self.tr("Beskrivelse"), lambda i: i.description),
                Column(self.tr("Beløb"), lambda i: kr(i.amount_ore), lambda i: i.amount_ore, True),
            ],
            lambda i: i.id,
        )
        self.spending_table = RecordTable(self.spending)
        self.spending_table.setAccessibleName(self.tr("Forbrug"))

        area_bar = QHBoxLayout()
        self.award_button = _button(self.tr("Bevilg / ændr tilskud…"), self.award, area_bar)
        self.plan_button = _button(self.tr("Planlæg rater…"), self.plan, area_bar)
        self.delete_grant_button = _button(self.tr("Slet tilskud…"), self.delete_grant, area_bar)
        area_bar.addStretch(1)
        self.totals.setWordWrap(True)
        rate_bar = QHBoxLayout()
        # One button: registers a payment, or cancels it when the selected rate is paid.
        self.pay_button = _button(self.tr("Registrér udbetaling…"), self.toggle_payment, rate_bar)
        self.new_instalment_button = _button(self.tr("Ny rate…"), self.new_instalment, rate_bar)
        self.edit_instalment_button = _button(self.tr("Redigér…"), self.edit_instalment, rate_bar)
        self.delete_instalment_button = _button(self.tr("Slet"), self.delete_instalment, rate_bar)
        rate_bar.addStretch(1)
        spend_bar = QHBoxLayout()
        self.new_spending_button = _button(self.tr("Nyt forbrug…"), self.new_spending, spend_bar)
        self.delete_spending_button = _button(self.tr("Slet"), self.delete_spending, spend_bar)
        spend_bar.addStretch(1)

        self.area_heading = QLabel()
        self.area_heading.setStyleSheet("font-weight: bold;")
        rates = QWidget()
        rates_layout = QVBoxLayout(rates)
        rates_layout.addLayout(rate_bar)
        rates_layout.addWidget(self.instalment_table)
        spend = QWidget()
        spend_layout = QVBoxLayout(spend)
        spend_layout.addLayout(spend_bar)
        spend_layout.addWidget(self.spending_table)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(rates, self.tr("Rater"))
        self.detail_tabs.addTab(spend, self.tr("Erklæret forbrug"))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.area_heading)
        lower_layout.addWidget(self.detail_tabs)

        money = QWidget()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([360, 280])
        money_layout = QVBoxLayout(money)
        money_layout.addLayout(area_bar)
        money_layout.addWidget(self.totals)
        money_layout.addWidget(splitter)

        self.agreements = AgreementsTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(money, self.tr("Tilskud og rater"))
        self.tabs.addTab(self.agreements, self.tr("Aftaler"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.instalment_table,
            self.delete_instalment,
            Qt.ShortcutContext.WidgetShortcut,
        )

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        keep_area = self.table.keep_selection()
        keep_rate = self.instalment_table.keep_selection()
        self.areas = grants.grant_overview(self.ctx.db, self.ctx.programme_id)
        self.over_standard = budget_warnings.grant_warnings(self.ctx.db, self.ctx.programme_id)
        rows = grant_rows(self.areas)
        self.model.set_rows(rows)
        self.table.fit_columns()
        self.table.restore_selection(keep_area)
        if self.table.current_id() is None and rows:
            self.table.selectRow(0)
        self._show_area()
        self.instalment_table.restore_selection(keep_rate)
        # The programme's totals from the one function Overblik and the status summary use.
        money = overview.money_totals(self.ctx.db, self.ctx.programme_id)
        text = self.tr("Budget {0} · bevilget {1} · udbetalt {2} · tilbage {3}").format(
            format_kr(money.budget_ore),
            format_kr(money.awarded_ore),
            format_kr(money.paid_ore),
            format_kr(money.left_to_pay_ore),
        )
        over = budget_warnings.budget_warning(money.awarded_ore, money.budget_ore)
        # Red AND in words: the colour alone would say nothing to a screen reader.
        self.totals.setText(text + ("\n" + over if over else ""))
        self.totals.setStyleSheet(
            palette.style(palette.WARNING, bold=True) if over else "font-weight: bold;"
        )
        self.agreements.load(self.areas)

    def _awarded_text(self, row: GrantRow) -> str:
        if not row.area.grant:
            return self.tr("Ikke bevilget")
        text = format_kr(row.awarded)
        return text + self.tr(" (over standard)") if row.area.id in self.over_standard else text

    def _show_area(self) -> None:
        row = self.table.current_record()
        area = row.area if row else None
        self.area_heading.setText(
            self.tr("Rater og forbrug for {0}").format(area.name)
            if area
            else self.tr("Vælg et lokalområde")
        )
        instalments = list(area.grant.instalments) if area and area.grant else []
        self.instalments.set_rows(sorted(instalments, key=lambda i: (i.due_on, i.created_at)))
        self.spending.set_rows(sorted(area.spending, key=lambda i: i.spent_on) if area else [])
        self.instalment_table.fit_columns()
        self.spending_table.fit_columns()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.current_record()
        has_grant = bool(row and row.area.grant)
        rate = self.instalment_table.current_record()
        self.award_button.setEnabled(row is not None)
        self.plan_button.setEnabled(has_grant and not self.instalments.rows)
        self.delete_grant_button.setEnabled(has_grant)
        self.new_instalment_button.setEnabled(has_grant)
        self.new_spending_button.setEnabled(row is not None)
        self.delete_spending_button.setEnabled(bool(self.spending.rows))
        for button in (self.edit_instalment_button, self.delete_instalment_button):
            button.setEnabled(rate is not None)
        self.pay_button.setEnabled(rate is not None)
        paid = rate is not None and rate.paid_on is not None
        self.pay_button.setText(
            self.tr("Annullér udbetaling") if paid else self.tr("Registrér udbetaling…")
        )

    def _area(self) -> Area | None:
        row = self.table.current_record()
        return row.area if row else None

    # --- actions ------------------------------------------------------------------------

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def new_record(self) -> None:
        if self.tabs.currentWidget() is self.agreements:
            self.agreements.edit_agreement()
        elif self.new_instalment_button.isEnabled():
            self.new_instalment()
        else:
            self.award()

    def award(self) -> None:
        area = self._area()
        programme = programmes.current_programme(self.ctx.db)
        default = programme.default_grant_ore if programme else 0
        if area is not None:
            self._open(AwardDialog(self.ctx, area, default, self))

    def plan(self) -> None:
        area = self._area()
        if area is not None:
            self._open(PlanDialog(self.ctx, area, self))

    def new_instalment(self) -> None:
        area = self._area()
        if area is not None:
            self._open(InstalmentDialog(self.ctx, area, parent=self))

    def edit_instalment(self) -> None:
        area, rate = self._area(), self.instalment_table.current_record()
        if area is not None and rate is not None:
            self._open(InstalmentDialog(self.ctx, area, rate, self))

    def toggle_payment(self) -> None:
        rate = self.instalment_table.current_record()
        if rate is not None and rate.paid_on is not None:
            self.cancel_payment()
        else:
            self.register_payment()

    def register_payment(self) -> None:
        area, rate = self._area(), self.instalment_table.current_record()
        if area is None or rate is None:
            return
        what = self.tr("Raten på {0} til {1}").format(format_kr(rate.amount_ore), area.name)
        if rate.paid_on is not None and not confirm_paying_again(self, what, rate.paid_on):
            return
        self._open(PaymentDialog(self.ctx, area, rate, self))

    def cancel_payment(self) -> None:
        area, rate = self._area(), self.instalment_table.current_record()
        if area is None or rate is None or rate.paid_on is None:
            return
        what = self.tr("raten til {0}").format(area.name)
        if confirm_cancelling(self, what, rate.amount_ore):
            with told_on_failure(in_box(self, self.tr("Kan ikke gemmes"))):
                grants.mark_paid(self.ctx.db, rate.id, None)

    def delete_instalment(self) -> None:
        area, rate = self._area(), self.instalment_table.current_record()
        if area is None or rate is None:
            return
        label = self.tr("raten på {0} til {1}").format(format_kr(rate.amount_ore), area.name)
        confirm_and_delete(self.ctx, self, Instalment, rate.id, label)

    def delete_grant(self) -> None:
        area = self._area()
        if area is not None and area.grant is not None:
            confirm_and_delete(
                self.ctx,
                self,
                Grant,
                area.grant.id,
                self.tr("tilskuddet til {0}").format(area.name),
                self.tr("Alle rater og registrerede udbetalinger slettes sammen med tilskuddet."),
            )

    def new_spending(self) -> None:
        area = self._area()
        if area is not None:
            self._open(SpendingDialog(self.ctx, area, self))

    def delete_spending(self) -> None:
        item = self.spending_table.current_record()
        if item is not None:
            label = self.tr("forbruget «{0}»").format(item.description)
            confirm_and_delete(self.ctx, self, SpendingItem, item.id, label)

    def open_record(self, kind: str, record_id: str) -> bool:
        if kind not in ("instalment", "agreement", "grant", "interest"):
            return False
        if self._stale:
            self._stale = False
            self.refresh()
        if kind in ("agreement", "interest"):
            self.tabs.setCurrentWidget(self.agreements)
            return self.agreements.table.select_id(record_id)
        self.tabs.setCurrentIndex(0)
        if kind == "grant":
            return self.table.select_id(record_id)
        owner = next(
            (
                a
                for a in self.areas
                if a.grant and any(i.id == record_id for i in a.grant.instalments)
            ),
            None,
        )
        if owner is None or not self.table.select_id(owner.id):
            return False
        return self.instalment_table.select_id(record_id)
