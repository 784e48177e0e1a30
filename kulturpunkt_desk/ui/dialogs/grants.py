"""Forms for an area's money: the grant, its instalments, payments and declared spending."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QSpinBox, QWidget

from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.models import Area, Instalment
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import budget_warnings, grants
from kulturpunkt_desk.domain.services.grants import InstalmentData, SpendingData

from .. import scale
from ..context import DeskContext
from ..widgets.fields import DateField, MoneyField
from ..widgets.form import FormDialog


class AreaFormDialog(FormDialog):
    """A form about one area (its money, its agreement); saves, then tells every view."""

    def __init__(self, title: str, ctx: DeskContext, area: Area, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.ctx = ctx
        self.area = area
        self.saved_id: str | None = None
        self.setMinimumWidth(scale.chars_wide(self, 77))
        heading = QLabel(area.name)
        heading.setStyleSheet("font-weight: bold;")
        self.form.addRow(self.tr("Lokalområde"), heading)


class AwardDialog(AreaFormDialog):
    def __init__(
        self, ctx: DeskContext, area: Area, default_ore: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Bevilg tilskud"), ctx, area, parent)
        grant = area.grant
        self.amount = MoneyField(
            "amount_ore", self.tr("Bevilget beløb"), grant.amount_ore if grant else default_ore
        )
        self.awarded_on = DateField(grant.awarded_on if grant else date.today(), optional=True)
        self.add_field("amount_ore", self.tr("&Bevilget beløb (kr.)"), self.amount)
        self.add_field("awarded_on", self.tr("Bevilget &den"), self.awarded_on)
        self.amount.setFocus()
        self.amount.selectAll()

    def save(self) -> None:
        self.saved_id = grants.award_grant(
            self.ctx.db, self.area.id, self.amount.ore(), self.awarded_on.value()
        )
        self.warnings = budget_warnings.award_warnings(self.ctx.db, self.area.id)
        if self.warnings:
            warn_after_saving(self.parentWidget(), "\n\n".join(self.warnings))


def warn_after_saving(parent: QWidget | None, text: str) -> QMessageBox:
    """Saved, but above what was planned: said in a box that does not stop the work."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Gemt, men over det planlagte", text, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class PlanDialog(AreaFormDialog):
    """Split the grant into equal instalments (the remainder on the first)."""

    def __init__(self, ctx: DeskContext, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Planlæg rater"), ctx, area, parent)
        amount = area.grant.amount_ore if area.grant else 0
        self.form.addRow(self.tr("Bevilget"), QLabel(format_kr(amount)))
        self.first_due = DateField(date.today())
        self.count = QSpinBox()
        self.count.setRange(1, 12)
        self.count.setValue(2)
        self.months = QSpinBox()
        self.months.setRange(1, 24)
        self.months.setValue(6)
        self.months.setSuffix(self.tr(" mdr."))
        self.add_field("first_due", self.tr("&Første rate forfalder"), self.first_due)
        self.add_field("count", self.tr("&Antal rater"), self.count)
        self.add_field("months_between", self.tr("&Mellem raterne"), self.months)
        self.first_due.setFocus()

    def save(self) -> None:
        ids = grants.plan_instalments(
            self.ctx.db,
            self.area.id,
            self.first_due.required_value(),
            self.count.value(),
            self.months.value(),
        )
        self.saved_id = ids[0] if ids else None


class InstalmentDialog(AreaFormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        area: Area,
        instalment: Instalment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Redigér rate") if instalment else self.tr("Ny rate"), ctx, area, parent
        )
        self.instalment = instalment
        self.amount = MoneyField(
            "amount_ore", self.tr("Beløb"), instalment.amount_ore if instalment else None
        )
        self.due_on = DateField(instalment.due_on if instalment else date.today())
        self.paid_on = DateField(instalment.paid_on if instalment else None, optional=True)
        self.note = QLineEdit(instalment.note if instalment else "")
        self.note.setPlaceholderText(self.tr("fx 2. rate, efter evaluering"))
        self.add_field("amount_ore", self.tr("&Beløb (kr.)"), self.amount)
        self.add_field("due_on", self.tr("&Forfalder"), self.due_on)
        self.add_field("paid_on", self.tr("&Udbetalt"), self.paid_on)
        self.add_field("note", self.tr("&Note"), self.note)
        self.amount.setFocus()

    def save(self) -> None:
        data = InstalmentData(
            amount_ore=self.amount.ore(),
            due_on=self.due_on.required_value(),
            paid_on=self.paid_on.value(),
            note=self.note.text(),
        )
        if self.instalment is None:
            self.saved_id = grants.add_instalment(self.ctx.db, self.area.id, data)
        else:
            grants.update_instalment(self.ctx.db, self.instalment.id, data)
            self.saved_id = self.instalment.id


class PaymentDialog(AreaFormDialog):
    """Register that an instalment was paid, on a date."""

    def __init__(
        self, ctx: DeskContext, area: Area, instalment: Instalment, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Registrér udbetaling"), ctx, area, parent)
        self.instalment = instalment
        label = instalment.note or self.tr("Rate")
        self.form.addRow(
            self.tr("Rate"),
            QLabel(
                self.tr("{0}: {1}, forfalder {2}").format(
                    label, format_kr(instalment.amount_ore), short_date(instalment.due_on)
                )
            ),
        )
        self.paid_on = DateField(date.today())
        self.add_field("paid_on", self.tr("&Udbetalt den"), self.paid_on)
        self.paid_on.setFocus()

    def save(self) -> None:
        grants.mark_paid(self.ctx.db, self.instalment.id, self.paid_on.required_value())
        self.saved_id = self.instalment.id


class SpendingDialog(AreaFormDialog):
    """Money the area declares it has spent."""

    def __init__(self, ctx: DeskContext, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nyt forbrug"), ctx, area, parent)
        self.spent_on = DateField(date.today())
        self.description = QLineEdit()
        self.amount = MoneyField("amount_ore", self.tr("Beløb"))
        self.add_field("spent_on", self.tr("&Dato"), self.spent_on)
        self.add_field("description", self.tr("&Beskrivelse"), self.description)
        self.add_field("amount_ore", self.tr("B&eløb (kr.)"), self.amount)
        self.spent_on.setFocus()

    def save(self) -> None:
        self.saved_id = grants.add_spending(
            self.ctx.db,
            self.area.id,
            SpendingData(
                spent_on=self.spent_on.required_value(),
                description=self.description.text(),
                amount_ore=self.amount.ore(),
            ),
        )
