""" "Skriv e-mail": a draft shown before the user's mail program opens it, and the editor
of the mail templates. The desk never sends anything: it hands an .eml file (with
attachments) or a mailto: link (without) to the system."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.errors import DeskError, ValidationError
from kulturpunkt_desk.domain.services import mail
from kulturpunkt_desk.domain.services.mail import MailDraft, MailKind, MailTemplate

from .context import DeskContext
from .documents_actions import documents_folder

# What each kind of draft carries, said before the draft is made.
ATTACHED: dict[MailKind, str] = {
    MailKind.AGREEMENT: "Samarbejdsaftalen som PDF",
    MailKind.MEETING_INVITATION: "Mødet som kalenderfil (.ics)",
}


def drafts_folder() -> Path:
    return documents_folder() / "E-mailkladder"


def open_url(url: QUrl) -> bool:
    """Hand a file or mailto: link to the system (tests replace this)."""
    return bool(QDesktopServices.openUrl(url))


def copy_addresses(addresses: list[str]) -> str:
    """Put the addresses on the clipboard as one line to paste; return the line."""
    line = mail.address_line(addresses)
    QGuiApplication.clipboard().setText(line)
    return line


class MailDraftDialog(QDialog):
    def __init__(self, ctx: DeskContext, draft: MailDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.draft = ctx, draft
        self.opened = ""  # the file or link handed to the mail program
        self.setWindowTitle(f"Skriv e-mail – {mail.MAIL_KIND_LABELS[draft.kind]}")
        self.resize(640, 520)
        self.to = QLineEdit(mail.address_line(draft.to))
        self.bcc = QLineEdit(mail.address_line(draft.bcc))
        for field in (self.to, self.bcc):
            field.setReadOnly(True)
        self.subject = QLineEdit(draft.subject)
        self.body = QPlainTextEdit(draft.body)
        self.body.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow("T&il:", self.to)
        form.addRow("&Bcc:", self.bcc)
        form.addRow("&Emne:", self.subject)
        form.addRow("&Tekst:", self.body)
        attached = ATTACHED.get(draft.kind, "Intet (åbnes som mailto-link)")
        form.addRow("Vedhæftet:", QLabel(attached))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if draft.without_address:
            missing = QLabel(
                "Uden e-mailadresse (får ikke mailen): " + ", ".join(draft.without_address)
            )
            missing.setWordWrap(True)
            layout.addWidget(missing)
        layout.addWidget(QLabel("Intet sendes herfra: dit mailprogram åbner kladden."))
        buttons = QDialogButtonBox()
        self.open_button = QPushButton("Åbn i &mailprogram")
        self.copy_button = QPushButton("&Kopiér modtagere")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("&Luk", QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_in_mail)
        self.copy_button.clicked.connect(lambda: copy_addresses(self.draft.to + self.draft.bcc))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_in_mail(self) -> None:
        from kulturpunkt_desk.documents.files import file_name
        from kulturpunkt_desk.documents.mail_draft import write_draft

        self.draft.subject = self.subject.text().strip()
        self.draft.body = self.body.toPlainText()
        if self.draft.kind in ATTACHED:
            out = drafts_folder() / file_name("E-mailkladde", self.draft.subject, suffix=".eml")
            path = write_draft(self.ctx.db, self.draft, out)
            self.opened = str(path)
            open_url(QUrl.fromLocalFile(str(path)))
        else:
            self.opened = mail.mailto_link(self.draft)
            open_url(QUrl(self.opened, QUrl.ParsingMode.StrictMode))
        self.accept()


class MailTemplateDialog(QDialog):
    """Edit the subject and text of each kind of e-mail; placeholders are listed."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("E-mailskabeloner")
        self.resize(640, 560)
        self.kind = QComboBox()
        for kind, label in mail.MAIL_KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Skabelon:", self.kind)
        form.addRow("&Emne:", self.subject)
        form.addRow("&Tekst:", self.body)
        form.addRow("", self.error)
        names = ", ".join("{" + n + "}" for n in mail.MAIL_PLACEHOLDERS)
        hint = QLabel(f"Pladsholdere: {names}")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox()
        save = buttons.addButton("&Gem", QDialogButtonBox.ButtonRole.AcceptRole)
        reset = buttons.addButton("Stan&dardtekst", QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton("&Luk", QDialogButtonBox.ButtonRole.RejectRole)
        save.clicked.connect(self.save)
        reset.clicked.connect(self._show_default)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._show())
        self._show()

    def current_kind(self) -> MailKind:
        return MailKind(self.kind.currentData())

    def _show(self) -> None:
        template = mail.mail_template(self.ctx.db, self.current_kind())
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)
        self.error.clear()

    def _show_default(self) -> None:
        template = mail.DEFAULT_TEMPLATES[self.current_kind()]
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)

    def save(self) -> bool:
        new = MailTemplate(self.subject.text(), self.body.toPlainText())
        kind = self.current_kind()
        try:
            with self.ctx.undo_entry(f"Gem e-mailskabelon: {mail.MAIL_KIND_LABELS[kind]}"):
                mail.save_mail_template(self.ctx.db, kind, new)
        except ValidationError as exc:
            self.error.setText("Ikke gemt: " + " ".join(exc.errors.values()))
            return False
        self.error.setText("Gemt. Fortryd med Ctrl+Z.")
        return True


def show_draft_dialog(dialog: MailDraftDialog) -> None:
    """Show a draft (tests replace this)."""
    dialog.exec()


def write_mail(ctx: DeskContext, parent: QWidget | None, make: Callable[[], MailDraft]) -> bool:
    """Make a draft and show it; a Danish reason when it cannot be made."""
    from PySide6.QtWidgets import QMessageBox

    try:
        draft = make()
    except DeskError as exc:
        QMessageBox.warning(parent, "Skriv e-mail", str(exc))
        return False
    show_draft_dialog(MailDraftDialog(ctx, draft, parent))
    return True


def area_mail_button(ctx: DeskContext, area_of: Callable[[], str | None]) -> QPushButton:
    """ "Skriv e-mail" on an area's page: the agreement to its primary contact, or its
    steering group's addresses copied in one click."""
    from PySide6.QtWidgets import QMenu

    button = QPushButton("Skriv e-&mail")
    menu = QMenu(button)

    def agreement() -> None:
        area_id = area_of()
        if area_id is not None:
            write_mail(ctx, button, lambda: mail.agreement_mail(ctx.db, area_id))

    def addresses() -> None:
        area_id = area_of()
        if area_id is not None:
            found, _missing = mail.steering_group_addresses(ctx.db, area_id)
            copy_addresses(found)
            button.setToolTip(f"{len(found)} e-mailadresser kopieret")

    menu.addAction("&Samarbejdsaftale til kontaktperson…").triggered.connect(agreement)
    menu.addAction("&Kopiér styregruppens e-mailadresser").triggered.connect(addresses)
    button.setMenu(menu)
    return button
