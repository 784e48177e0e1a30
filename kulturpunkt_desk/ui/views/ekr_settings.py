"""The partnership's settings: name, the municipalities' default frame (copied into each new
funding year), the sender block and the letter block (case number, case handler) printed on
contribution letters. Saving goes through the undo stack."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from kulturpunkt_desk.domain.services import ekr_partnership
from kulturpunkt_desk.domain.services.ekr_partnership import PartnershipData

from .. import scale
from ..context import DeskContext
from ..widgets.case_file_fields import CaseFileFields
from ..widgets.fields import MoneyField
from ..widgets.form import FormDialog


class PartnershipSettingsDialog(FormDialog):
    def __init__(self, ctx: DeskContext, partnership_id: str, parent: QWidget | None) -> None:
        super().__init__(self.tr("Partnerskabets indstillinger"), parent)
        self.ctx, self.partnership_id = ctx, partnership_id
        self.setMinimumWidth(scale.chars_wide(self, 87))
        p = ekr_partnership.get_partnership(ctx.db, partnership_id)
        fields = PartnershipData.__dataclass_fields__
        self.before = PartnershipData(**{name: getattr(p, name) for name in fields})
        self.notes = p.notes
        self.name = QLineEdit(p.name)
        self.frame = MoneyField("default_frame_ore", self.tr("Ramme"), p.default_frame_ore)
        self.margin = QSpinBox()
        self.margin.setRange(0, 50)
        self.margin.setSuffix(" %")
        self.margin.setValue(p.frame_rule_margin_pct)
        self.margin.setToolTip(
            self.tr(
                "Kulturpunkt Desk advarer, når et års ramme afviger mere end dette fra reglen "
                "om 1 kr. pr. indbygger minus ca. 1 %."
            )
        )
        self.organisation = QLineEdit(p.contact_organisation)
        self.department = QLineEdit(p.contact_department)
        self.street = QLineEdit(p.contact_street)
        self.postcode_city = QLineEdit(p.contact_postcode_city)
        self.email = QLineEdit(p.contact_email)
        self.phone = QLineEdit(p.contact_phone)
        self.case = CaseFileFields(p)
        self.add_field("name", self.tr("&Navn"), self.name)
        self.add_field("default_frame_ore", self.tr("Kommunernes &ramme pr. år (kr.)"), self.frame)
        self.add_field(
            "frame_rule_margin_pct", self.tr("Tilladt af&vigelse fra reglen"), self.margin
        )
        self.add_field("contact_organisation", self.tr("&Afsender"), self.organisation)
        self.add_field("contact_department", self.tr("A&fdeling"), self.department)
        self.add_field("contact_street", self.tr("Adr&esse"), self.street)
        self.add_field("contact_postcode_city", self.tr("&Postnr. og by"), self.postcode_city)
        self.add_field("contact_email", self.tr("E-&mail"), self.email)
        self.add_field("contact_phone", self.tr("&Telefon"), self.phone)
        self.case.add_to(self)

    def save(self) -> None:
        after = PartnershipData(
            name=self.name.text(),
            default_frame_ore=self.frame.ore(),
            frame_rule_margin_pct=self.margin.value(),
            contact_organisation=self.organisation.text(),
            contact_department=self.department.text(),
            contact_street=self.street.text(),
            contact_postcode_city=self.postcode_city.text(),
            contact_email=self.email.text(),
            contact_phone=self.phone.text(),
            notes=self.notes,
            **self.case.values(),
        )
        partnership_id = self.partnership_id

        def store(data: PartnershipData) -> None:
            ekr_partnership.update_partnership(self.ctx.db, partnership_id, data)

        with self.ctx.undo_entry(self.tr("Ret partnerskabets indstillinger")):
            store(after)
