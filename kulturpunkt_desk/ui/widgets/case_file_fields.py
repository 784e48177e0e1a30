"""The letter block's four fields (case number, case handler, direct phone, e-mail), shared
by the programme's and the partnership's settings forms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

from kulturpunkt_desk.domain.models.case_file import CaseFile

from .form import FormDialog


def tr(text: str) -> str:
    return QCoreApplication.translate("CaseFileFields", text)


class CaseFileFields:
    def __init__(self, record: CaseFile) -> None:
        self.case_number = QLineEdit(record.case_number)
        self.case_number.setPlaceholderText(tr("sagsnummer i regionens sags- og dokumentsystem"))
        self.handler_name = QLineEdit(record.case_handler_name)
        self.handler_phone = QLineEdit(record.case_handler_phone)
        self.handler_phone.setPlaceholderText(tr("fx 12 34 56 78"))
        self.handler_email = QLineEdit(record.case_handler_email)

    def add_to(self, dialog: FormDialog) -> None:
        dialog.add_field("case_number", tr("Sa&gsnummer"), self.case_number)
        dialog.add_field("case_handler_name", tr("Sags&behandler"), self.handler_name)
        dialog.add_field("case_handler_phone", tr("&Direkte telefon"), self.handler_phone)
        dialog.add_field("case_handler_email", tr("Sagsbehandlers e-ma&il"), self.handler_email)

    def values(self) -> dict[str, str]:
        return {
            "case_number": self.case_number.text(),
            "case_handler_name": self.handler_name.text(),
            "case_handler_phone": self.handler_phone.text(),
            "case_handler_email": self.handler_email.text(),
        }
