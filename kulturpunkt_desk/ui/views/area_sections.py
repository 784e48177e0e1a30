"""The list tabs of an area's page: people and partners, grant and instalments, sparring
and activities, evaluation and attachments, history. Each section loads from the area
that get_area() returned and changes it only through services and dialogs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.models import (
    SECTOR_LABELS,
    Area,
    AreaMember,
    Instalment,
    PartnershipMember,
)
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import areas

from ..context import DeskContext
from ..dialogs.area_dialogs import (
    ExistingPersonDialog,
    MemberDialog,
    NewPersonDialog,
    PartnerDialog,
)
from ..dialogs.grants import AwardDialog, InstalmentDialog, PaymentDialog, PlanDialog
from ..failure import in_box, told_on_failure
from ..models.record_table import MUTED_COLOUR, WARNING_COLOUR, Column, RecordTableModel
from ..payment_questions import confirm_paying_again
from ..undo import confirm_and_delete
from ..widgets.record_table import RecordTable


def local_time(moment: datetime) -> datetime:
    # SQLite hands back the stored UTC time without its zone.
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def short(day: date | None) -> str:
    return f"{day:%d.%m.%Y}" if day else ""


def button_column(*buttons: tuple[str, Callable[[], None]]) -> QVBoxLayout:
    """Buttons beside a table, not under it: keeps the page narrow and the lists tall."""
    column = QVBoxLayout()
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(slot)
        column.addWidget(button)
    column.addStretch()
    return column


def on_delete_key(table: QWidget, slot: Callable[[], None]) -> None:
    """Delete deletes the selected row while its table has focus; two tables on one tab
    must not make the key ambiguous (then Qt would run neither)."""
    shortcut = QShortcut(QKeySequence.StandardKey.Delete, table)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)


class Section(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.area: Area | None = None

    def load(self, area: Area) -> None:
        self.area = area

    def run(self, dialog: Any) -> None:
        dialog.exec()  # the views hear of the save from the bus

    def call(self, action: Callable[[], None]) -> None:
        """Run a one-click service call; a refusal is shown, never half done."""
        with told_on_failure(in_box(self, self.tr("Kan ikke gemmes"))) as outcome:
            action()
        if outcome.failed:
            return

    def titled(self, title: str, table: RecordTable, buttons: QVBoxLayout) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(f"<b>{title}</b>"))
        beside = QHBoxLayout()
        beside.addWidget(table, 1)
        beside.addLayout(buttons)
        box.addLayout(beside, 1)
        return holder


def yes(flag: bool) -> str:
    return "✔" if flag else ""


class PeopleSection(Section):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.tr
        self.members: RecordTableModel[AreaMember] = RecordTableModel(
            [
                Column(t("Navn"), lambda m: m.person.name),
                Column(t("Rolle"), lambda m: m.role),
                Column(t("Styregruppe"), lambda m: yes(m.in_steering_group)),
                Column(t("Primær kontaktperson"), lambda m: yes(m.is_primary_contact)),
                Column(t("Telefon"), lambda m: m.person.phone),
                Column(t("E-mail"), lambda m: m.person.email),
            ],
            lambda m: m.id,
            highlight=lambda m: m.is_primary_contact,
        )
        self.member_table = RecordTable(self.members)
        self.member_table.setAccessibleName(self.tr("Personer i lokalområdet"))
        self.member_table.activated_id.connect(lambda _id: self.edit_member())
        on_delete_key(self.member_table, self.remove_member)
        members_row = button_column(
            (t("&Ny person…"), self.new_person),
            (t("Tilføj &eksisterende person…"), self.existing_person),
            (t("Redi&gér rolle…"), self.edit_member),
            (t("Gør til primær &kontaktperson"), self.make_primary),
            (t("F&jern fra lokalområdet…"), self.remove_member),
        )
        self.partners: RecordTableModel[PartnershipMember] = RecordTableModel(
            [
                Column(t("Organisation"), lambda p: p.organisation.name),
                Column(t("Sektor"), lambda p: t(SECTOR_LABELS[p.organisation.sector])),
                Column(t("CVR-nummer"), lambda p: p.organisation.cvr),
                Column(t("Bidrag"), lambda p: " ".join(p.contribution.split())),
            ],
            lambda p: p.id,
        )
        self.partner_table = RecordTable(self.partners)
        self.partner_table.setAccessibleName(self.tr("Organisationer i partnerskabet"))
        on_delete_key(self.partner_table, self.remove_partner)
        partners_row = button_column(
            (t("&Tilføj organisation…"), self.add_partner),
            (t("Fjern &organisation…"), self.remove_partner),
        )
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(
            self.titled(t("Styregruppe og kontaktpersoner"), self.member_table, members_row)
        )
        splitter.addWidget(self.titled(t("Lokalt partnerskab"), self.partner_table, partners_row))
        QVBoxLayout(self).addWidget(splitter)

    def load(self, area: Area) -> None:
        super().load(area)
        self.members.set_rows(areas.area_people(self.ctx.db, area.id))
        self.partners.set_rows(sorted(area.partners, key=lambda p: p.organisation.name.lower()))
        self.member_table.fit_columns()
        self.partner_table.fit_columns()

    def new_person(self) -> None:
        if self.area:
            self.run(NewPersonDialog(self.ctx, self.area.id, self))

    def existing_person(self) -> None:
        if self.area:
            self.run(ExistingPersonDialog(self.ctx, self.area.id, self))

    def edit_member(self) -> None:
        member = self.member_table.current_record()
        if member is not None:
            self.run(MemberDialog(self.ctx, member, self))

    def make_primary(self) -> None:
        member = self.member_table.current_record()
        if member is not None and self.area:
            area_id = self.area.id
            self.call(lambda: areas.set_primary_contact(self.ctx.db, area_id, member.person_id))

    def remove_member(self) -> None:
        member = self.member_table.current_record()
        if member is not None:
            confirm_and_delete(
                self.ctx,
                self,
                AreaMember,
                member.id,
                self.tr("{0} fra lokalområdet").format(member.person.name),
                self.tr("Personen bliver i registret; kun tilknytningen til lokalområdet fjernes."),
            )

    def add_partner(self) -> None:
        if self.area:
            self.run(PartnerDialog(self.ctx, self.area.id, self))

    def remove_partner(self) -> None:
        partner = self.partner_table.current_record()
        if partner is not None:
            confirm_and_delete(
                self.ctx,
                self,
                PartnershipMember,
                partner.id,
                self.tr("{0} fra partnerskabet").format(partner.organisation.name),
            )


class MoneySection(Section):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.tr
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model: RecordTableModel[Instalment] = RecordTableModel(
            [
                Column(t("Forfalder"), lambda i: short(i.due_on), lambda i: i.due_on),
                Column(t("Beløb"), lambda i: format_kr(i.amount_ore), lambda i: i.amount_ore, True),
                Column(
                    t("Udbetalt"),
                    lambda i: short(i.paid_on) or t("ikke udbetalt"),
                    lambda i: i.paid_on,
                    colour=lambda i: (
                        None
                        if i.paid_on
                        else (WARNING_COLOUR if i.due_on < date.today() else MUTED_COLOUR)
                    ),
                ),
                Column(t("Note"), lambda i: i.note),
            ],
            lambda i: i.id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Rater"))
        self.table.activated_id.connect(lambda _id: self.edit_instalment())
        on_delete_key(self.table, self.delete_instalment)
        row = button_column(
            (t("&Bevilg tilskud…"), self.edit_grant),
            (t("Planlæ&g rater…"), self.plan_instalments),
            (t("&Ny rate…"), self.new_instalment),
            (t("Registrér &udbetaling…"), self.register_payment),
            (t("Redigér rat&e…"), self.edit_instalment),
            (t("&Slet rate…"), self.delete_instalment),
        )
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        beside = QHBoxLayout()
        beside.addWidget(self.table, 1)
        beside.addLayout(row)
        box.addLayout(beside, 1)

    def load(self, area: Area) -> None:
        super().load(area)
        grant = area.grant
        instalments = list(grant.instalments) if grant else []
        self.model.set_rows(instalments)
        self.table.fit_columns()
        if grant is None:
            self.summary.setText(self.tr("Der er endnu ikke bevilget et tilskud."))
            return
        paid = sum(i.amount_ore for i in instalments if i.paid_on)
        planned = sum(i.amount_ore for i in instalments)
        text = self.tr(
            "Bevilget {0}{1} · udbetalt {2} · tilbage at udbetale {3} · planlagt i rater {4}"
        ).format(
            format_kr(grant.amount_ore),
            self.tr(" den {0}").format(short(grant.awarded_on)) if grant.awarded_on else "",
            format_kr(paid),
            format_kr(grant.amount_ore - paid),
            format_kr(planned),
        )
        self.summary.setText(text)

    # The money forms tell every view themselves when they have saved.
    def edit_grant(self) -> None:
        if self.area:
            AwardDialog(self.ctx, self.area, self.area.programme.default_grant_ore, self).exec()

    def plan_instalments(self) -> None:
        if self.area and self.area.grant and not self.area.grant.instalments:
            PlanDialog(self.ctx, self.area, self).exec()
        elif self.area:
            QMessageBox.information(
                self,
                self.tr("Planlæg rater"),
                self.tr("Rater kan planlægges, når tilskuddet er bevilget og ingen rater findes."),
            )

    def new_instalment(self) -> None:
        if self.area:
            InstalmentDialog(self.ctx, self.area, None, self).exec()

    def edit_instalment(self) -> None:
        instalment = self.table.current_record()
        if instalment is not None and self.area:
            InstalmentDialog(self.ctx, self.area, instalment, self).exec()

    def register_payment(self) -> None:
        instalment = self.table.current_record()
        if instalment is None:
            instalment = next((i for i in self.model.rows if i.paid_on is None), None)
        if instalment is None or not self.area:
            return
        what = self.tr("Raten på {0}").format(format_kr(instalment.amount_ore))
        if instalment.paid_on is not None and not confirm_paying_again(
            self, what, instalment.paid_on
        ):
            return
        PaymentDialog(self.ctx, self.area, instalment, self).exec()

    def delete_instalment(self) -> None:
        instalment = self.table.current_record()
        if instalment is not None:
            label = self.tr("raten på {0} ({1})").format(
                format_kr(instalment.amount_ore), short(instalment.due_on)
            )
            confirm_and_delete(self.ctx, self, Instalment, instalment.id, label)
