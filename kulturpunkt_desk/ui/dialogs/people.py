"""Forms for a person and an organisation; bad e-mail, phone or CVR is shown at the field."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from kulturpunkt_desk.domain.models import SECTOR_LABELS, Organisation, Person, Sector
from kulturpunkt_desk.domain.services import people
from kulturpunkt_desk.domain.services.people import OrganisationData, PersonData

from .. import scale
from ..context import DeskContext
from ..widgets.form import FormDialog

# North Jutland's municipalities, offered first; any other name may be typed.
MUNICIPALITIES = [
    "Aalborg",
    "Brønderslev",
    "Frederikshavn",
    "Hjørring",
    "Jammerbugt",
    "Læsø",
    "Mariagerfjord",
    "Morsø",
    "Rebild",
    "Thisted",
    "Vesthimmerland",
]


def _notes(text: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(scale.lines_high(edit, 5.5))
    return edit


class PersonDialog(FormDialog):
    def __init__(
        self, ctx: DeskContext, parent: QWidget | None = None, person: Person | None = None
    ) -> None:
        super().__init__(self.tr("Redigér person") if person else self.tr("Ny person"), parent)
        self.editing(person)
        self.ctx = ctx
        self.person = person
        self.saved_id: str | None = None
        self.setMinimumWidth(scale.chars_wide(self, 80))
        self.name = QLineEdit(person.name if person else "")
        self.email = QLineEdit(person.email if person else "")
        self.email.setPlaceholderText(self.tr("navn@eksempel.dk"))
        self.phone = QLineEdit(person.phone if person else "")
        self.phone.setPlaceholderText(self.tr("12 34 56 78"))
        self.title = QLineEdit(person.title if person else "")
        self.organisation = QComboBox()
        self.organisation.addItem(self.tr("(ingen)"), None)
        for organisation in people.list_organisations(ctx.db):
            self.organisation.addItem(organisation.name, organisation.id)
        if person and person.organisation_id:
            self.organisation.setCurrentIndex(self.organisation.findData(person.organisation_id))
        self.notes = _notes(person.notes if person else "")
        self.add_field("name", self.tr("&Navn"), self.name)
        self.add_field("email", self.tr("&E-mail"), self.email)
        self.add_field("phone", self.tr("&Telefon"), self.phone)
        self.add_field("title", self.tr("T&itel"), self.title)
        self.add_field("organisation_id", self.tr("&Organisation"), self.organisation)
        self.add_field("notes", self.tr("Note&r"), self.notes)
        self.name.setFocus()

    def save(self) -> None:
        data = PersonData(
            name=self.name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            title=self.title.text(),
            organisation_id=self.organisation.currentData(),
            notes=self.notes.toPlainText(),
        )
        if self.person is None:
            self.saved_id = people.create_person(self.ctx.db, data)
        else:
            people.update_person(self.ctx.db, self.person.id, data)
            self.saved_id = self.person.id


class OrganisationDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        parent: QWidget | None = None,
        organisation: Organisation | None = None,
    ) -> None:
        super().__init__(
            self.tr("Redigér organisation") if organisation else self.tr("Ny organisation"),
            parent,
        )
        self.editing(organisation)
        self.ctx = ctx
        self.organisation = organisation
        self.saved_id: str | None = None
        self.setMinimumWidth(scale.chars_wide(self, 80))
        self.name = QLineEdit(organisation.name if organisation else "")
        self.sector = QComboBox()
        for sector in Sector:
            self.sector.addItem(self.tr(SECTOR_LABELS[sector]), sector)
        self.sector.setCurrentIndex(
            self.sector.findData(organisation.sector if organisation else Sector.ASSOCIATION)
        )
        self.cvr = QLineEdit(organisation.cvr if organisation else "")
        self.cvr.setPlaceholderText(self.tr("8 cifre; kan udfyldes senere"))
        self.municipality = QComboBox()
        self.municipality.setEditable(True)
        self.municipality.addItems(MUNICIPALITIES)
        self.municipality.setCurrentText(organisation.municipality if organisation else "")
        self.notes = _notes(organisation.notes if organisation else "")
        self.add_field("name", self.tr("&Navn"), self.name)
        self.add_field("sector", self.tr("&Sektor"), self.sector)
        self.add_field("cvr", self.tr("&CVR-nummer"), self.cvr)
        self.add_field("municipality", self.tr("&Kommune"), self.municipality)
        self.add_field("notes", self.tr("No&ter"), self.notes)
        self.name.setFocus()

    def save(self) -> None:
        data = OrganisationData(
            name=self.name.text(),
            sector=Sector(self.sector.currentData()),
            cvr=self.cvr.text(),
            municipality=self.municipality.currentText(),
            notes=self.notes.toPlainText(),
        )
        if self.organisation is None:
            self.saved_id = people.create_organisation(self.ctx.db, data)
        else:
            people.update_organisation(self.ctx.db, self.organisation.id, data)
            self.saved_id = self.organisation.id
