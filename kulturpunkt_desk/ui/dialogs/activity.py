"""Forms for what an area sends and receives: expression of interest, agreement dates,
the grant and its instalments, a payment, and an activity."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QSpinBox, QWidget

from kulturpunkt_desk.domain.models import (
    INTEREST_DECISION_LABELS,
    SECTOR_LABELS,
    Activity,
    CollaborationAgreement,
    ExpressionOfInterest,
    Instalment,
    InterestDecision,
    Sector,
)
from kulturpunkt_desk.domain.services import activities, grants
from kulturpunkt_desk.domain.services.activities import ActivityData
from kulturpunkt_desk.domain.services.grants import AgreementData, InstalmentData, InterestData

from ..context import DeskContext
from ..widgets.fields import DateField, MoneyField
from ..widgets.form import FormDialog
from .area_dialogs import text_box


class InterestDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        area_id: int,
        interest: ExpressionOfInterest | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Interessetilkendegivelse"), parent)
        self.ctx, self.area_id = ctx, area_id
        self.received = self.add_field(
            "received_on",
            self.tr("&Modtaget"),
            DateField(interest.received_on if interest else None),
        )
        self.decision = QComboBox()
        for decision in InterestDecision:
            self.decision.addItem(self.tr(INTEREST_DECISION_LABELS[decision]), decision.value)
        if interest:
            self.decision.setCurrentIndex(self.decision.findData(interest.decision.value))
        self.add_field("decision", self.tr("&Beslutning"), self.decision)
        self.decided = self.add_field(
            "decided_on",
            self.tr("Be&sluttet"),
            DateField(interest.decided_on if interest else None, optional=True),
        )
        self.content = self.add_field(
            "content", self.tr("&Indhold"), text_box(interest.content if interest else "", 6)
        )
        self.resize(560, self.sizeHint().height())

    def save(self) -> None:
        grants.record_interest(
            self.ctx.db,
            self.area_id,
            InterestData(
                received_on=self.received.required_value(),
                content=self.content.toPlainText(),
                decision=InterestDecision(self.decision.currentData()),
                decided_on=self.decided.value(),
            ),
        )


class AgreementDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        area_id: int,
        agreement: CollaborationAgreement | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Samarbejdsaftale"), parent)
        self.ctx, self.area_id, self.agreement = ctx, area_id, agreement
        a = agreement
        self.sent = self.add_field(
            "sent_on", self.tr("&Sendt"), DateField(a.sent_on if a else date.today(), optional=True)
        )
        self.by_area = self.add_field(
            "signed_by_area_on",
            self.tr("Underskrevet af &området"),
            DateField(a.signed_by_area_on if a else None, optional=True),
        )
        self.by_region = self.add_field(
            "signed_by_region_on",
            self.tr("Underskrevet af &regionen"),
            DateField(a.signed_by_region_on if a else None, optional=True),
        )
        self.notes = self.add_field("notes", self.tr("&Noter"), text_box(a.notes if a else "", 3))

    def save(self) -> None:
        grants.record_agreement(
            self.ctx.db,
            self.area_id,
            AgreementData(
                template_id=self.agreement.template_id if self.agreement else None,
                sent_on=self.sent.value(),
                signed_by_area_on=self.by_area.value(),
                signed_by_region_on=self.by_region.value(),
                notes=self.notes.toPlainText(),
            ),
        )


class GrantDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        area_id: int,
        amount_ore: int,
        awarded_on: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Bevilget tilskud"), parent)
        self.ctx, self.area_id = ctx, area_id
        label = self.tr("Bevilget beløb")
        self.amount = self.add_field(
            "amount_ore", self.tr("&Beløb (kr.)"), MoneyField("amount_ore", label, amount_ore)
        )
        self.awarded = self.add_field(
            "awarded_on", self.tr("Be&vilget den"), DateField(awarded_on, optional=True)
        )

    def save(self) -> None:
        grants.award_grant(self.ctx.db, self.area_id, self.amount.ore(), self.awarded.value())


class InstalmentDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        area_id: int,
        instalment: Instalment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Rate"), parent)
        self.ctx, self.area_id, self.instalment = ctx, area_id, instalment
        i = instalment
        self.amount = self.add_field(
            "amount_ore",
            self.tr("&Beløb (kr.)"),
            MoneyField("amount_ore", self.tr("Beløb"), i.amount_ore if i else None),
        )
        self.due = self.add_field(
            "due_on", self.tr("&Forfalder"), DateField(i.due_on if i else None)
        )
        self.paid = self.add_field(
            "paid_on", self.tr("&Udbetalt"), DateField(i.paid_on if i else None, optional=True)
        )
        self.note = self.add_field("note", self.tr("&Note"), QLineEdit(i.note if i else ""))

    def save(self) -> None:
        data = InstalmentData(
            amount_ore=self.amount.ore(),
            due_on=self.due.required_value(),
            paid_on=self.paid.value(),
            note=self.note.text(),
        )
        if self.instalment is None:
            grants.add_instalment(self.ctx.db, self.area_id, data)
        else:
            grants.update_instalment(self.ctx.db, self.instalment.id, data)


class PaymentDialog(FormDialog):
    """Register that an instalment was paid (the date the money left)."""

    def __init__(self, ctx: DeskContext, instalment: Instalment, parent: QWidget | None = None):
        super().__init__(self.tr("Registrér udbetaling"), parent)
        self.ctx, self.instalment = ctx, instalment
        self.paid = self.add_field("paid_on", self.tr("&Udbetalt den"), DateField(date.today()))

    def save(self) -> None:
        grants.mark_paid(self.ctx.db, self.instalment.id, self.paid.value())


class ActivityDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        area_id: int,
        activity: Activity | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Redigér aktivitet") if activity else self.tr("Ny aktivitet"), parent
        )
        self.ctx, self.area_id, self.activity = ctx, area_id, activity
        a = activity
        self.held = self.add_field("held_on", self.tr("&Dato"), DateField(a.held_on if a else None))
        self.title = self.add_field("title", self.tr("&Titel"), QLineEdit(a.title if a else ""))
        self.description = self.add_field(
            "description", self.tr("&Beskrivelse"), text_box(a.description if a else "", 3)
        )
        self.participants = QSpinBox()
        self.participants.setRange(0, 1_000_000)
        self.participants.setValue(a.participants if a else 0)
        self.add_field("participants", self.tr("Deltage&re"), self.participants)
        self.target_groups = self.add_field(
            "target_groups",
            self.tr("&Målgrupper"),
            QLineEdit(", ".join(a.target_groups) if a else ""),
        )
        self.target_groups.setPlaceholderText(self.tr("kommasepareret, fx børnefamilier, seniorer"))
        sectors = QWidget()
        grid = QGridLayout(sectors)
        grid.setContentsMargins(0, 0, 0, 0)
        self.sector_boxes: dict[Sector, QCheckBox] = {}
        chosen = set(a.sectors) if a else set()
        for n, sector in enumerate(Sector):
            box = QCheckBox(self.tr(SECTOR_LABELS[sector]))
            box.setChecked(sector.value in chosen)
            self.sector_boxes[sector] = box
            grid.addWidget(box, n // 3, n % 3)
        self.add_field("sectors", self.tr("&Sektorer"), sectors)
        self.resize(560, self.sizeHint().height())

    def data(self) -> ActivityData:
        return ActivityData(
            held_on=self.held.required_value(),
            title=self.title.text(),
            description=self.description.toPlainText(),
            participants=self.participants.value(),
            target_groups=self.target_groups.text().split(","),
            sectors=[s for s, box in self.sector_boxes.items() if box.isChecked()],
        )

    def save(self) -> None:
        if self.activity is None:
            activities.add_activity(self.ctx.db, self.area_id, self.data())
        else:
            activities.update_activity(self.ctx.db, self.activity.id, self.data())
