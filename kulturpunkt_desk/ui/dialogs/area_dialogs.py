"""Forms for an area and its people: the area itself, a new or existing person in it,
a person's role, and an organisation in the partnership."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import SECTOR_LABELS, Area, AreaMember, Sector
from kulturpunkt_desk.domain.services import areas, people
from kulturpunkt_desk.domain.services.areas import AreaData, MemberData
from kulturpunkt_desk.domain.services.people import OrganisationData, PersonData

from ..context import DeskContext
from ..widgets.form import FormDialog
from .people import MUNICIPALITIES


def text_box(text: str = "", lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class AreaDialog(FormDialog):
    """Create an area, or edit one (name, vision, idea, goals, grant recipient)."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, area: Area | None = None):
        super().__init__(
            self.tr("Redigér lokalområde") if area else self.tr("Nyt lokalområde"), parent
        )
        self.ctx, self.area = ctx, area
        self.saved_id: int | None = area.id if area else None
        self.name = self.add_field("name", self.tr("&Navn"), QLineEdit(area.name if area else ""))
        self.municipality = QComboBox()
        self.municipality.setEditable(True)
        self.municipality.addItems(MUNICIPALITIES)
        self.municipality.setCurrentText(area.municipality if area else "")
        self.add_field("municipality", self.tr("&Kommune"), self.municipality)
        self.vision = self.add_field(
            "vision", self.tr("Fælles &udfordring/vision"), text_box(area.vision if area else "")
        )
        self.idea = self.add_field("idea", self.tr("&Idé"), text_box(area.idea if area else ""))
        # Local goals are based on the area's challenges, potentials and ambitions.
        self.challenges = self.add_field(
            "local_challenges",
            "Områdets udfo&rdringer",
            text_box(area.local_challenges if area else "", 2),
        )
        self.potentials = self.add_field(
            "local_potentials",
            "Områdets &potentialer",
            text_box(area.local_potentials if area else "", 2),
        )
        self.ambitions = self.add_field(
            "local_ambitions",
            "Områdets am&bitioner",
            text_box(area.local_ambitions if area else "", 2),
        )
        self.goals = self.add_field(
            "local_goals", self.tr("&Lokale mål"), text_box(area.local_goals if area else "")
        )
        self.recipient = self.add_field(
            "recipient_name",
            self.tr("&Tilskudsmodtager"),
            QLineEdit(area.recipient_name if area else ""),
        )
        self.cvr = self.add_field(
            "recipient_cvr", self.tr("&CVR-nummer"), QLineEdit(area.recipient_cvr if area else "")
        )
        self.cvr.setPlaceholderText(self.tr("8 cifre, fx 12345674"))
        self.address = self.add_field(
            "recipient_address",
            self.tr("&Adresse"),
            QLineEdit(area.recipient_address if area else ""),
        )
        self.signatory_name = self.add_field(
            "signatory_name",
            self.tr("Underskri&ver"),
            QLineEdit(area.signatory_name if area else ""),
        )
        self.signatory_name.setPlaceholderText(self.tr("hvem underskriver aftalen for området"))
        self.signatory_title = self.add_field(
            "signatory_title",
            self.tr("Underskrivers tit&el"),
            QLineEdit(area.signatory_title if area else ""),
        )
        self.signatory_title.setPlaceholderText(self.tr("fx formand"))
        self.case_number = self.add_field(
            "case_number", self.tr("Sa&gsnummer"), QLineEdit(area.case_number if area else "")
        )
        self.case_number.setPlaceholderText(
            self.tr("regionens sagsnummer; tomt: programmets sagsnummer")
        )
        self.notes = self.add_field(
            "notes", self.tr("N&oter"), text_box(area.notes if area else "", 2)
        )
        self.resize(620, self.sizeHint().height())

    def data(self) -> AreaData:
        return AreaData(
            name=self.name.text(),
            municipality=self.municipality.currentText(),
            vision=self.vision.toPlainText(),
            idea=self.idea.toPlainText(),
            local_goals=self.goals.toPlainText(),
            local_challenges=self.challenges.toPlainText(),
            local_potentials=self.potentials.toPlainText(),
            local_ambitions=self.ambitions.toPlainText(),
            recipient_name=self.recipient.text(),
            recipient_cvr=self.cvr.text(),
            recipient_address=self.address.text(),
            case_number=self.case_number.text(),
            signatory_name=self.signatory_name.text(),
            signatory_title=self.signatory_title.text(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        if self.area is None:
            self.saved_id = areas.create_area(self.ctx.db, self.ctx.programme_id, self.data())
        else:
            areas.update_area(self.ctx.db, self.area.id, self.data())


class _RoleFields:
    """Role, steering group and primary contact: shared by the three person forms."""

    def add_role_fields(self, dialog: FormDialog, member: AreaMember | None) -> None:
        self.role = dialog.add_field(
            "role", dialog.tr("&Rolle i lokalområdet"), QLineEdit(member.role if member else "")
        )
        self.role.setPlaceholderText(dialog.tr("fx formand, kasserer, ildsjæl"))
        self.steering = dialog.add_field(
            "in_steering_group", "", QCheckBox(dialog.tr("Medlem af &styregruppen"))
        )
        self.primary = dialog.add_field(
            "is_primary_contact", "", QCheckBox(dialog.tr("Primær &kontaktperson for regionen"))
        )
        self.steering.setChecked(member.in_steering_group if member else True)
        self.primary.setChecked(member.is_primary_contact if member else False)

    def member_data(self) -> MemberData:
        return MemberData(
            role=self.role.text(),
            in_steering_group=self.steering.isChecked(),
            is_primary_contact=self.primary.isChecked(),
        )


class NewPersonDialog(FormDialog, _RoleFields):
    def __init__(self, ctx: DeskContext, area_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ny person i lokalområdet"), parent)
        self.ctx, self.area_id = ctx, area_id
        self.name = self.add_field("name", self.tr("&Navn"), QLineEdit())
        self.email = self.add_field("email", self.tr("&E-mail"), QLineEdit())
        self.phone = self.add_field("phone", self.tr("&Telefon"), QLineEdit())
        self.phone.setPlaceholderText(self.tr("fx 12 34 56 78"))
        self.title = self.add_field("title", self.tr("T&itel"), QLineEdit())
        self.add_role_fields(self, None)
        self.resize(480, self.sizeHint().height())

    def save(self) -> None:
        person = PersonData(
            name=self.name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            title=self.title.text(),
        )
        areas.add_new_person(self.ctx.db, self.area_id, person, self.member_data())


class ExistingPersonDialog(FormDialog, _RoleFields):
    """Tie a person already in the register to the area (type to find them)."""

    def __init__(self, ctx: DeskContext, area_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tilføj eksisterende person"), parent)
        self.ctx, self.area_id = ctx, area_id
        taken = {m.person_id for m in areas.area_people(ctx.db, area_id)}
        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for person in people.list_people(ctx.db):
            if person.id not in taken and person.anonymised_at is None:
                org = f" ({person.organisation.name})" if person.organisation else ""
                self.person.addItem(person.name + org, person.id)
        self.person.setCurrentIndex(-1)
        self.add_field("person_id", self.tr("&Person"), self.person)
        self.add_role_fields(self, None)
        self.resize(480, self.sizeHint().height())

    def save(self) -> None:
        index = self.person.findText(self.person.currentText())
        if index < 0:
            raise ValidationError.single("person_id", self.tr("Person: vælg en person på listen."))
        person_id = int(self.person.itemData(index))
        areas.add_member(self.ctx.db, self.area_id, person_id, self.member_data())


class MemberDialog(FormDialog, _RoleFields):
    """A person's role in the area."""

    def __init__(self, ctx: DeskContext, member: AreaMember, parent: QWidget | None = None):
        super().__init__(self.tr("Rolle for {0}").format(member.person.name), parent)
        self.ctx, self.member = ctx, member
        self.add_role_fields(self, member)

    def save(self) -> None:
        areas.update_member(self.ctx.db, self.member.id, self.member_data())


class PartnerDialog(FormDialog):
    """Add an organisation to the partnership: one already registered, or a new one."""

    NEW = -1

    def __init__(self, ctx: DeskContext, area_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tilføj organisation til partnerskabet"), parent)
        self.ctx, self.area_id = ctx, area_id
        area = areas.get_area(ctx.db, area_id)
        taken = {p.organisation_id for p in area.partners}
        self.organisation = QComboBox()
        self.organisation.addItem(self.tr("Ny organisation…"), self.NEW)
        for org in people.list_organisations(ctx.db):
            if org.id not in taken:
                self.organisation.addItem(f"{org.name} ({SECTOR_LABELS[org.sector]})", org.id)
        self.add_field("organisation_id", self.tr("&Organisation"), self.organisation)
        self.name = self.add_field("name", self.tr("&Navn (ny)"), QLineEdit())
        self.sector = QComboBox()
        for sector in Sector:
            self.sector.addItem(self.tr(SECTOR_LABELS[sector]), sector.value)
        self.add_field("sector", self.tr("&Sektor (ny)"), self.sector)
        self.cvr = self.add_field("cvr", self.tr("&CVR-nummer (ny)"), QLineEdit())
        self.contribution = self.add_field(
            "contribution", self.tr("&Bidrag til partnerskabet"), text_box("", 2)
        )
        self.organisation.currentIndexChanged.connect(self._new_fields_enabled)
        self._new_fields_enabled()
        self.resize(520, self.sizeHint().height())

    def _new_fields_enabled(self) -> None:
        new = self.organisation.currentData() == self.NEW
        for widget in (self.name, self.sector, self.cvr):
            widget.setEnabled(new)

    def save(self) -> None:
        contribution = self.contribution.toPlainText()
        organisation_id = int(self.organisation.currentData())
        if organisation_id == self.NEW:
            data = OrganisationData(
                name=self.name.text(),
                sector=Sector(self.sector.currentData()),
                cvr=self.cvr.text(),
                municipality=areas.get_area(self.ctx.db, self.area_id).municipality,
            )
            data.cleaned()  # every field checked before anything is written
            if len(contribution.strip()) > 2_000:
                raise ValidationError.single("contribution", self.tr("Bidrag: højst 2000 tegn."))
            organisation_id = people.create_organisation(self.ctx.db, data)
        areas.add_partner(self.ctx.db, self.area_id, organisation_id, contribution)
