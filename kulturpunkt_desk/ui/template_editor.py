"""Redigér aftaleskabelon: the collaboration agreement's text, its placeholders and versions.

Saving never changes a stored version: it adds the next one (services.templates), and each
agreement keeps the version it was made from. A text with an unknown placeholder is refused
before anything is saved, and the offending placeholder is selected in the text.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import UTC
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import date_time
from kulturpunkt_desk.domain.errors import DeskError, ValidationError
from kulturpunkt_desk.domain.models import AgreementTemplate
from kulturpunkt_desk.domain.services import areas as area_service
from kulturpunkt_desk.domain.services import templates
from kulturpunkt_desk.storage.engine import Database

from . import palette, scale, unsaved
from .accessibility import name_list
from .background import BackgroundTask, Progress, run_with_progress
from .context import DeskContext
from .documents_actions import open_document
from .failure import explain

ERROR_STYLE = palette.style(palette.WARNING)
KNOWN_COLOUR = QColor(palette.PLACEHOLDER_KNOWN)
UNKNOWN_COLOUR = QColor(palette.WARNING)
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Known placeholders in blue, unknown ones red and underlined, as the user types."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.known = QTextCharFormat()
        self.known.setForeground(KNOWN_COLOUR)
        self.unknown = QTextCharFormat()
        self.unknown.setForeground(UNKNOWN_COLOUR)
        self.unknown.setFontUnderline(True)
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(700)

    def highlightBlock(self, text: str) -> None:
        if text.startswith("# "):
            self.setFormat(0, len(text), self.heading)
        for match in PLACEHOLDER.finditer(text):
            if text[max(match.start() - 1, 0) : match.start()] == "{":
                continue  # {{ is a literal brace
            known = match.group(1) in templates.PLACEHOLDERS
            self.setFormat(
                match.start(), match.end() - match.start(), self.known if known else self.unknown
            )


def saved_on(template: AgreementTemplate) -> str:
    """When a version was saved, in local time (SQLite hands back UTC without its zone)."""
    moment = template.created_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return date_time(moment.astimezone())


class VersionViewer(QDialog):
    """An old version's text, read-only."""

    def __init__(self, template: AgreementTemplate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Aftaleskabelon, version {0} (kun visning)").format(template.version)
        )
        about = QLabel(
            self.tr("«{0}», gemt {1}. {2}").format(
                template.title, saved_on(template), template.note or self.tr("Ingen note.")
            )
        )
        about.setWordWrap(True)
        self.text = QPlainTextEdit(template.body)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Aftaletekst"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Luk"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.text)
        layout.addWidget(close)
        self.resize(640, 520)


class TemplateEditor(QDialog):
    """Edit the newest version's text and save it as the next version."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.versions: list[AgreementTemplate] = []
        self.preview_task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Redigér aftaleskabelon"))

        self.editing = QLabel()
        self.editing.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Pladsholdere som {område} udfyldes for hvert lokalområde, når aftalen laves. "
                "En linje, der begynder med «# », er en overskrift, og «- » et punkt."
            )
        )
        hint.setWordWrap(True)
        self.title = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Aftaletekst"))
        self.body.setTabChangesFocus(True)
        self.body.setMinimumWidth(scale.chars_wide(self.body, 70))
        # A message about the old text must not linger once the user starts fixing it.
        self.body.textChanged.connect(self._text_changed)

        self.highlighter = PlaceholderHighlighter(self.body.document())
        self.placeholders = QListWidget()
        name_list(self.placeholders, self.tr("Pladsholdere"))
        # Long descriptions wrap instead of hiding behind a horizontal scroll bar.
        self.placeholders.setWordWrap(True)
        self.placeholders.setResizeMode(QListView.ResizeMode.Adjust)
        self.placeholders.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.placeholders.setToolTip(self.tr("Dobbeltklik for at indsætte ved markøren"))
        for name, description in templates.PLACEHOLDERS.items():
            item = QListWidgetItem(f"{{{name}}} – {self.tr(description)}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(self.tr(description))
            self.placeholders.addItem(item)
        # Activated: a double click, or Enter from the keyboard.
        self.placeholders.itemActivated.connect(self.insert_placeholder)

        self.history = QTableWidget(0, 3)
        name_list(self.history, self.tr("Versioner"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("Version"), self.tr("Gemt"), self.tr("Note")]
        )
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.history.verticalHeader().hide()
        self.history.cellDoubleClicked.connect(lambda row, _col: self.view_version(row))
        view_button = QPushButton(self.tr("&Vis den valgte version…"))
        view_button.clicked.connect(lambda: self.view_version(self.history.currentRow()))

        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Fx «Nye frister for evalueringen»"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.preview_button = QPushButton(self.tr("Vis &eksempel"))
        self.preview_button.setToolTip(
            self.tr("Laver en PDF med teksten udfyldt for det første lokalområde (gemmer intet)")
        )
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton(self.tr("&Gem som ny version"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close_button = QPushButton(self.tr("&Luk"))
        close_button.clicked.connect(self.reject)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("<b>Pladsholdere</b> (dobbeltklik indsætter)")))
        side_layout.addWidget(self.placeholders, 5)
        side_layout.addWidget(QLabel(self.tr("<b>Versioner</b>")))
        side_layout.addWidget(self.history, 2)
        self.history.setMinimumHeight(110)
        side_layout.addWidget(view_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter()
        splitter.addWidget(self.body)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([580, 400])

        form = QFormLayout()
        form.addRow(self.tr("&Titel:"), self.title)
        notes = QFormLayout()
        notes.addRow(self.tr("&Note om ændringen:"), self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.status, 1)  # beside the buttons: no empty line when quiet
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editing)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addLayout(notes)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(1000, 640)
        self.load()
        self.body.setFocus()

    # --- loading --------------------------------------------------------------------

    def load(self) -> None:
        """Show the newest version in the editor and the whole history beside it."""
        self.versions = templates.list_template_versions(self.ctx.db, self.ctx.programme_id)
        newest = self.versions[-1] if self.versions else None
        if newest is None:
            self.editing.setText(self.tr("Programmet har ingen aftaleskabelon endnu."))
        else:
            self.editing.setText(
                self.tr(
                    "<b>Version {0}</b>, gemt {1}. Gem ændringer som en ny version: "
                    "aftaler, der allerede er lavet, beholder deres version."
                ).format(newest.version, saved_on(newest))
            )
        self.title.setText(newest.title if newest else self.tr("Samarbejdsaftale"))
        self.body.setPlainText(newest.body if newest else "")
        self.body.document().setModified(False)
        self.title.setModified(False)
        self.note.clear()
        self.history.setRowCount(len(self.versions))
        # Newest first: that is the one people look for.
        for row, template in enumerate(reversed(self.versions)):
            note = template.note or self.tr("(ingen note)")
            for col, text in enumerate([str(template.version), saved_on(template), note]):
                cell = QTableWidgetItem(text)
                cell.setToolTip(template.note or template.title)
                self.history.setItem(row, col, cell)
        if self.versions:
            self.history.selectRow(0)
        read_only = self.ctx.db.read_only
        self.save_button.setEnabled(not read_only)
        if read_only:
            self.status.setText(self.tr("Databasen er åbnet skrivebeskyttet: intet kan gemmes."))

    def version_at(self, row: int) -> AgreementTemplate | None:
        index = len(self.versions) - 1 - row
        return self.versions[index] if 0 <= index < len(self.versions) else None

    def view_version(self, row: int) -> None:
        template = self.version_at(row)
        if template is not None:
            VersionViewer(template, self).exec()

    def is_modified(self) -> bool:
        return self.body.document().isModified() or self.title.isModified()

    # --- editing --------------------------------------------------------------------

    def _text_changed(self) -> None:
        if self.body.document().isModified():
            self.error.hide()

    def insert_placeholder(self, item: QListWidgetItem) -> None:
        self.body.insertPlainText("{" + str(item.data(Qt.ItemDataRole.UserRole)) + "}")
        self.body.setFocus()

    def show_error(self, exc: DeskError) -> None:
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(exc.errors.values()))
        else:
            self.error.setText(str(exc))
        self.error.show()
        self.status.clear()
        self.select_unknown_placeholder()

    def select_unknown_placeholder(self) -> None:
        """Put the cursor on the first placeholder the desk does not know."""
        text = self.body.toPlainText()
        try:
            unknown = [
                n for n in templates.placeholders_in(text) if n not in templates.PLACEHOLDERS
            ]
        except ValueError:
            return
        if not unknown:
            return
        needle = "{" + unknown[0] + "}"
        start = text.find(needle)
        if start < 0:
            return
        cursor = self.body.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + len(needle), QTextCursor.MoveMode.KeepAnchor)
        self.body.setTextCursor(cursor)
        self.body.setFocus()

    def save(self) -> bool:
        data = templates.TemplateData(
            title=self.title.text(), body=self.body.toPlainText(), note=self.note.text()
        )
        try:
            templates.save_template_version(self.ctx.db, self.ctx.programme_id, data)
        except ValidationError as exc:
            self.show_error(exc)
            return False
        except Exception as exc:  # told beside the text, which stays as typed
            self.show_error(DeskError(explain(exc)))
            return False
        self.error.hide()
        self.load()
        newest = self.versions[-1]
        self.status.setText(
            self.tr("Gemt som version {0}. Nye aftaler laves med den.").format(newest.version)
        )
        return True

    def reject(self) -> None:
        if (
            self.is_modified()
            and not self.ctx.db.read_only
            and not unsaved.settle(self, self.tr("Aftaleteksten"), self.save)
        ):
            return
        super().reject()

    # --- preview --------------------------------------------------------------------

    def preview(self) -> None:
        """The text as it stands (saved or not), filled in for one area, as a PDF."""
        title, body = self.title.text().strip(), self.body.toPlainText()
        try:
            templates.check_body(body)
        except DeskError as exc:
            self.show_error(exc)
            return
        self.error.hide()
        area_list = area_service.list_areas(self.ctx.db, self.ctx.programme_id)
        if not area_list:
            self.status.setText(self.tr("Der er intet lokalområde at vise et eksempel for."))
            return
        # The first area with its facts filled in shows the most of the text.
        area = next((a for a in area_list if a.vision and a.recipient_name), area_list[0])
        area_id, area_name = area.id, area.name
        out = Path(tempfile.mkdtemp(prefix="kulturpunkt-eksempel-")) / "Eksempel.pdf"

        def job(db: Database, progress: Progress) -> Path:
            return render_preview(db, area_id, title, body, out)

        def done(path: object) -> None:
            self.preview_path = Path(str(path))
            self.status.setText(
                self.tr("Eksemplet for {0} er åbnet i PDF-læseren (intet er gemt).").format(
                    area_name
                )
            )
            open_document(self.preview_path)

        self.preview_task = run_with_progress(
            self, self.tr("Laver et eksempel…"), self.ctx, job, on_done=done
        )


def render_preview(db: Database, area_id: str, title: str, body: str, out: Path) -> Path:
    """An agreement for `area_id` from an unsaved text, marked as an example."""
    from kulturpunkt_desk.documents.agreement import agreement_story
    from kulturpunkt_desk.documents.layout import PdfInfo, build_pdf

    content = templates.agreement_content(db, area_id)
    values = templates.placeholder_values(content.area, content.programme, content.primary_contact)
    content = replace(content, title=title or content.title, text=templates.fill(body, values))
    build_pdf(
        out,
        agreement_story(content),
        PdfInfo(
            title=f"Eksempel: {content.title} – {content.area.name}",
            author=content.programme.contact_organisation,
            subject="Eksempel på aftaleskabelonen (ikke gemt)",
            footer=f"EKSEMPEL · {content.title} · {content.area.name} · ikke gemt skabelon",
        ),
        aligned=True,
    )
    return out
