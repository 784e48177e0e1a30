"""EKR members and their fixed representatives in the joint secretariat (fællessekretariat).

The desk warns about a member with no representative, or with more than the agreed two.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.models import MEMBER_KIND_LABELS, PartnerMember
from kulturpunkt_desk.domain.services import ekr_partnership
from kulturpunkt_desk.domain.services.ekr_partnership import MemberData, RepresentativeData

from .. import palette, scale
from ..accessibility import name_list
from ..context import DeskContext
from ..failure import told_on_failure
from ..models.record_table import WARNING_COLOUR, Column, RecordTableModel
from ..widgets.fields import DateField
from ..widgets.record_table import RecordTable
from .ekr_common import EkrTab
from .ekr_settings import PartnershipSettingsDialog


def _people(member: PartnerMember) -> str:
    return "; ".join(
        f"{r.person.name} ({r.role_title})" if r.role_title else r.person.name
        for r in member.representatives
    )


class MembersTab(EkrTab):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.warnings: dict[str, str] = {}
        self.model: RecordTableModel[PartnerMember] = RecordTableModel(
            [
                Column(self.tr("Medlem"), lambda m: m.name),
                Column(self.tr("Type"), lambda m: self.tr(MEMBER_KIND_LABELS[m.kind])),
                Column(
                    self.tr("Repræsentanter"),
                    lambda m: str(len(m.representatives)),
                    lambda m: len(m.representatives),
                    right=True,
                    colour=lambda m: WARNING_COLOUR if m.id in self.warnings else None,
                    tooltip=lambda m: self.warnings.get(m.id, ""),
                ),
                Column(self.tr("Fællessekretariatet"), _people),
            ],
            lambda m: m.id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Medlemmer"))
        self.table.selectionModel().selectionChanged.connect(self._show_member)
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet(palette.style(palette.WARNING))
        self.warning_label.setWordWrap(True)
        self.mandate_label = QLabel()
        self.mandate_label.setStyleSheet(palette.style(palette.WARNING))
        self.mandate_label.setWordWrap(True)

        self.member_heading = QLabel()
        scale.heading(self.member_heading, 1.4)
        self.people = QListWidget()
        name_list(self.people, self.tr("Repræsentanter"))
        self.remove_button = QPushButton(self.tr("Fjern valgte repræsentant"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.mandate_button = QPushButton(self.tr("Registrér mandat for valgte"))
        self.mandate_button.setToolTip(
            self.tr("Sætter datoen i «Mandat givet» som den valgte repræsentants mandat")
        )
        self.mandate_button.clicked.connect(self.record_mandate)
        self.name = QLineEdit()
        self.role_title = QLineEdit()
        self.role_title.setPlaceholderText(self.tr("fx kulturchef eller kulturkonsulent"))
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.mandate_on = DateField(None, optional=True)
        self.mandate_on.setToolTip(
            self.tr("Datoen for beslutningsmandatet fra repræsentantens eget bagland")
        )
        form = QFormLayout()
        form.addRow(self.tr("&Navn"), self.name)
        form.addRow(self.tr("&Titel"), self.role_title)
        form.addRow(self.tr("&E-mail"), self.email)
        form.addRow(self.tr("Telef&on"), self.phone)
        form.addRow(self.tr("&Mandat givet"), self.mandate_on)
        self.add_button = QPushButton(self.tr("Tilføj repræsentant"))
        self.add_button.clicked.connect(self.add_representative)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Adressen på bidragsbrevet"))
        self.address.setAccessibleName(self.tr("Adresse på bidragsbrevet"))
        self.address_button = QPushButton(self.tr("Gem adresse"))
        self.address_button.clicked.connect(self.save_address)
        self.settings_button = QPushButton(self.tr("Partnerskabets indstillinger…"))
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_dialog: PartnershipSettingsDialog | None = None

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.member_heading)
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.address_button)
        side_layout.addLayout(address_row)
        side_layout.addWidget(QLabel(self.tr("Faste repræsentanter (en til to personer)")))
        side_layout.addWidget(self.people, 1)
        rep_buttons = QHBoxLayout()
        rep_buttons.addWidget(self.remove_button)
        rep_buttons.addWidget(self.mandate_button)
        side_layout.addLayout(rep_buttons)
        side_layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.message)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setSizes([640, 420])
        top = QHBoxLayout()
        warnings = QVBoxLayout()
        warnings.addWidget(self.warning_label)
        warnings.addWidget(self.mandate_label)
        top.addLayout(warnings, 1)
        top.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def reload(self) -> None:
        keep = self.table.keep_selection()
        warnings = ekr_partnership.representative_warnings(self.ctx.db, self.partnership_id)
        self.warnings = {w.member_id: w.message for w in warnings}
        self.warning_label.setText("\n".join(w.message for w in warnings))
        self.warning_label.setVisible(bool(warnings))
        mandates = ekr_partnership.mandate_warnings(self.ctx.db, self.partnership_id)
        self.mandate_label.setText("\n".join(w.message for w in mandates))
        self.mandate_label.setVisible(bool(mandates))
        self.model.set_rows(ekr_partnership.list_members(self.ctx.db, self.partnership_id))
        self.table.fit_columns()
        self.table.restore_selection(keep)
        if self.table.current_id() is None and self.model.rows:
            self.table.selectRow(0)
        self._show_member()

    def current_member(self) -> PartnerMember | None:
        member = self.table.current_record()
        return member if isinstance(member, PartnerMember) else None

    def _show_member(self) -> None:
        member = self.current_member()
        self.people.clear()
        self.member_heading.setText(member.name if member else "")
        self.address.setText(member.address if member else "")
        self.address_button.setEnabled(member is not None)
        for rep in member.representatives if member else []:
            text = rep.person.name + (f", {rep.role_title}" if rep.role_title else "")
            text += " · " + (
                self.tr("mandat {0}").format(short_date(rep.mandate_on))
                if rep.mandate_on
                else self.tr("intet mandat registreret")
            )
            extra = " · ".join(x for x in (rep.person.email, rep.person.phone) if x)
            item = QListWidgetItem(text + (f"  ({extra})" if extra else ""))
            item.setData(Qt.ItemDataRole.UserRole, rep.id)
            self.people.addItem(item)
        self.add_button.setEnabled(member is not None)
        self.remove_button.setEnabled(self.people.count() > 0)
        self.mandate_button.setEnabled(self.people.count() > 0)

    def add_representative(self) -> None:
        member = self.current_member()
        if member is None:
            return
        data = RepresentativeData(
            name=self.name.text(),
            role_title=self.role_title.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            mandate_on=self.mandate_on.value(),
        )
        with told_on_failure(self.message.error) as outcome:
            ekr_partnership.add_representative(self.ctx.db, member.id, data)
        if outcome.failed:
            return
        for field in (self.name, self.role_title, self.email, self.phone):
            field.clear()
        self.mandate_on.set_value(None)
        self.message.info(self.tr("{0} er tilføjet.").format(data.name.strip()))

    def record_mandate(self) -> None:
        """The selected representative's decision mandate, dated from «Mandat givet»."""
        item = self.people.currentItem() or self.people.item(0)
        when = self.mandate_on.value()
        if item is None or when is None:
            self.message.error(self.tr("Mandat givet: vælg repræsentanten og skriv datoen."))
            return
        rep_id = str(item.data(Qt.ItemDataRole.UserRole))
        with self.ctx.undo_entry(self.tr("Mandat")), told_on_failure(self.message.error) as done:
            ekr_partnership.set_mandate(self.ctx.db, rep_id, when)
        if done.failed:
            return
        self.message.info(self.tr("Mandatet er registreret {0}.").format(short_date(when)))

    def save_address(self) -> None:
        member = self.current_member()
        if member is None:
            return
        data = MemberData(
            member.name, member.kind, member.rotation_order, self.address.text(), member.notes
        )
        with told_on_failure(self.message.error) as outcome:
            ekr_partnership.update_member(self.ctx.db, member.id, data)
        if outcome.failed:
            return
        self.message.info(self.tr("Adressen for {0} er gemt.").format(member.name))

    def open_settings(self) -> None:
        self.settings_dialog = PartnershipSettingsDialog(self.ctx, self.partnership_id, self)
        self.settings_dialog.open()

    def remove_selected(self) -> None:
        item = self.people.currentItem() or self.people.item(0)
        if item is None:
            return
        with told_on_failure(self.message.error) as outcome:
            ekr_partnership.remove_representative(
                self.ctx.db, str(item.data(Qt.ItemDataRole.UserRole))
            )
        if outcome.failed:
            return
