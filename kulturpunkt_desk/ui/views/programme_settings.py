"""The region's details for the programme's documents: the sender block and CVR, who signs
agreements for the region, and the letter block (case number, case handler).

Saving goes through the undo stack, so Ctrl+Z gives the settings back as they were.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.domain.services.programmes import ProgrammeData

from ..context import DeskContext
from ..widgets.case_file_fields import CaseFileFields
from ..widgets.form import FormDialog

# (field, label) in the order of the form; every one a line of text.
TEXT_FIELDS = [
    ("contact_organisation", "&Organisation"),
    ("contact_department", "A&fdeling"),
    ("contact_street", "&Adresse"),
    ("contact_postcode_city", "&Postnr. og by"),
    ("contact_email", "E-&mail"),
    ("contact_phone", "&Telefon"),
    ("contact_cvr", "&CVR-nummer"),
    ("signatory_name", "&Underskriver"),
    ("signatory_title", "Underskrivers tit&el"),
]


def tr(text: str) -> str:
    return QCoreApplication.translate("ProgrammeSettings", text)


class ProgrammeSettingsDialog(FormDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None) -> None:
        super().__init__(self.tr("Regionens oplysninger og sagsnummer"), parent)
        self.ctx = ctx
        self.setMinimumWidth(520)
        programme = next(p for p in programmes.list_programmes(ctx.db) if p.id == ctx.programme_id)
        self.before = programmes.programme_data(programme)
        self.edits: dict[str, QLineEdit] = {}
        for name, label in TEXT_FIELDS:
            edit = QLineEdit(str(getattr(self.before, name)))
            self.edits[name] = edit
            self.add_field(name, tr(label), edit)
        self.edits["signatory_name"].setPlaceholderText(self.tr("navnet på den, der underskriver"))
        self.case = CaseFileFields(programme)
        self.case.add_to(self)

    def data(self) -> ProgrammeData:
        texts = {name: edit.text() for name, edit in self.edits.items()}
        return dataclasses.replace(self.before, **texts, **self.case.values())

    def save(self) -> None:
        after = self.data()
        programme_id = self.ctx.programme_id

        def store(data: ProgrammeData) -> None:
            programmes.update_programme(self.ctx.db, programme_id, data)

        with self.ctx.undo_entry(tr("Ret regionens oplysninger")):
            store(after)
