"""Personoplysninger: export all that is held about one person (JSON, PDF) and anonymise them;
and Sletning: the people whose programmes' retention period has run out."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.services import personal_data, retention
from kulturpunkt_desk.domain.services.personal_data import AnonymiseResult
from kulturpunkt_desk.storage.engine import Database

from .accessibility import name_list
from .failure import attempt, in_box


def confirm_anonymise(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.warning(
        parent,
        parent.tr("Anonymisér person"),
        parent.tr(
            "{0}s navn, e-mail, telefon, titel og noter slettes for altid, også i "
            "ændringsloggen og i noter, der nævner personen. Lokalområder, aftaler og "
            "tilskud bevares. Det kan ikke fortrydes. Fortsæt?"
        ).format(name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def result_text(parent: QWidget, result: AnonymiseResult) -> str:
    text = parent.tr("Personen er anonymiseret. {0} og {1} i ændringsloggen er renset.").format(
        count(result.records_scrubbed, "anden post"), count(result.audit_entries_scrubbed, "linje")
    )
    if result.file_purged:
        text += " " + parent.tr("Databasefilen er renset: der er intet spor af personen i den.")
    else:
        text += " " + parent.tr(
            "Databasefilen er endnu ikke renset helt: den er åben i en anden Kulturpunkt Desk, "
            "eller der er stadig spor af personen i den. Luk den anden Kulturpunkt Desk og "
            "tryk «Rens databasefilen»."
        )
    if result.attachments:
        text += " " + parent.tr("{0} bilag nævner personen: {1}.").format(
            len(result.attachments), ", ".join(m.filename for m in result.attachments)
        )
    if result.backups_with_old_data:
        text += " " + parent.tr(
            "{0} ældre sikkerhedskopier indeholder stadig oplysningerne; de udskiftes, "
            "efterhånden som nye tages."
        ).format(result.backups_with_old_data)
    return text


def offer_to_delete_attachments(parent: QWidget, db: Database, result: AnonymiseResult) -> None:
    """List the attachments that mention the person; the user deletes them or keeps them."""
    if not result.attachments:
        return
    names = "\n".join(f"• {m.filename} ({m.area_name})" for m in result.attachments)
    answer = QMessageBox.question(
        parent,
        parent.tr("Bilag nævner personen"),
        parent.tr(
            "Disse bilag nævner personen, og Kulturpunkt Desk kan ikke rette i dem:\n\n{0}\n\n"
            "Vil du slette dem? Vælg Nej for at beholde dem (fx som dokumentation for "
            "tilskuddet)."
        ).format(names),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer == QMessageBox.StandardButton.Yes:
        ids = [m.attachment_id for m in result.attachments]
        attempt(
            lambda: personal_data.delete_attachments(db, ids),
            in_box(parent, parent.tr("Bilagene kunne ikke slettes")),
        )


def purge_button(dialog: QDialog, db: Database, status: QLabel) -> QPushButton:
    """Shown when an anonymisation could not empty the -wal (another desk was reading)."""
    button = QPushButton(dialog.tr("Rens databasefilen"))
    button.setVisible(False)

    def purge() -> None:
        if personal_data.purge_free_pages(db):
            status.setText(dialog.tr("Databasefilen er renset."))
            button.setVisible(False)
        else:
            QMessageBox.warning(
                dialog,
                dialog.tr("Rens databasefilen"),
                dialog.tr(
                    "Databasen er stadig åben et andet sted. Luk Kulturpunkt Desk dér først."
                ),
            )

    button.clicked.connect(purge)
    return button


class PersonDataDialog(QDialog):
    def __init__(self, db: Database, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.person_id = person_id
        self.setWindowTitle(self.tr("Personoplysninger"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        json_button = QPushButton(self.tr("Gem som JSON…"))
        json_button.clicked.connect(self.save_json)
        pdf_button = QPushButton(self.tr("Gem som PDF…"))
        pdf_button.clicked.connect(self.save_pdf)
        self.anonymise_button = QPushButton(self.tr("Anonymisér…"))
        self.anonymise_button.clicked.connect(self.anonymise)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        self.purge_button = purge_button(self, db, self.status)
        for button in (json_button, pdf_button, self.anonymise_button, self.purge_button):
            buttons.addWidget(button)
        buttons.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(560, 300)
        self.reload()

    def reload(self) -> None:
        record = personal_data.person_record(self.db, self.person_id)
        person = record["person"]
        lines = [
            self.tr("E-mail: {0}").format(person["e-mail"] or "–"),
            self.tr("Telefon: {0}").format(person["telefon"] or "–"),
            self.tr("Lokalområder: {0}").format(
                ", ".join(m["område"] for m in record["lokalområder"]) or "–"
            ),
            self.tr("Sparringsmøder: {0}, netværksmøder: {1}, nævnt i {2}").format(
                len(record["sparringsmøder"]),
                len(record["netværksmøder"]),
                count(len(record["nævnt i"]), "anden post"),
            ),
            self.tr("Linjer i ændringsloggen: {0}").format(len(record["ændringslog"])),
        ]
        self.name = str(person["navn"])
        # Rich text for the bold name; user text is escaped so "<" stays a character.
        self.details.setText("<br/>".join([f"<b>{escape(self.name)}</b>", *map(escape, lines)]))
        anonymised = bool(person["anonymiseret"])
        self.anonymise_button.setEnabled(not anonymised and not self.db.read_only)

    def _target(self, suffix: str, kind: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Gem personoplysninger"),
            f"personoplysninger-{self.person_id}.{suffix}",
            f"{kind} (*.{suffix})",
        )
        return Path(name) if name else None

    def save_json(self) -> None:
        target = self._target("json", "JSON")
        if target is not None:
            personal_data.export_person_json(self.db, self.person_id, target)
            self.status.setText(self.tr("Gemt: {0}").format(target))

    def save_pdf(self) -> None:
        target = self._target("pdf", "PDF")
        if target is not None:
            from kulturpunkt_desk.documents.person_export import write_person_pdf

            write_person_pdf(self.db, self.person_id, target)
            self.status.setText(self.tr("Gemt: {0}").format(target))

    def anonymise(self) -> None:
        if not confirm_anonymise(self, self.name):
            return
        ok, result = attempt(
            lambda: personal_data.anonymise_person(self.db, self.person_id),
            in_box(self, self.tr("Anonymisering mislykkedes")),
        )
        if not ok or result is None:
            return
        self.status.setText(result_text(self, result))
        self.purge_button.setVisible(not result.file_purged)
        offer_to_delete_attachments(self, self.db, result)
        self.reload()


class RetentionDialog(QDialog):
    """People due for deletion (every programme closed and its retention run out)."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.setWindowTitle(self.tr("Personoplysninger til sletning"))
        self.programmes = QLabel()
        self.programmes.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        name_list(self.table, self.tr("Personoplysninger til sletning"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Navn"), self.tr("Program"), self.tr("Skulle slettes")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.anonymise_button = QPushButton(self.tr("Anonymisér den valgte…"))
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.programmes)
        layout.addWidget(self.table)
        layout.addWidget(self.anonymise_button)
        self.purge_button = purge_button(self, db, self.status)
        layout.addWidget(self.purge_button)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(640, 420)
        self.reload()

    def reload(self) -> None:
        lines = []
        for programme, due in retention.programme_retention(self.db):
            if due is None:
                lines.append(self.tr("{0}: kører stadig (opbevares {1} år efter afslutning)"))
            else:
                lines.append(self.tr("{0}: personoplysninger opbevares til {2}"))
            lines[-1] = lines[-1].format(programme.name, programme.retention_years, short_date(due))
        self.programmes.setText("\n".join(lines))
        self.due = retention.people_due_for_deletion(self.db, self.today)
        self.table.setRowCount(len(self.due))
        for r, item in enumerate(self.due):
            texts = [item.name, ", ".join(item.programmes), short_date(item.due_on)]
            for c, text in enumerate(texts):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if self.due:
            self.table.selectRow(0)
        self.anonymise_button.setEnabled(bool(self.due) and not self.db.read_only)

    def anonymise_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.due):
            return
        item = self.due[row]
        if not confirm_anonymise(self, item.name):
            return
        ok, result = attempt(
            lambda: personal_data.anonymise_person(self.db, item.person_id),
            in_box(self, self.tr("Anonymisering mislykkedes")),
        )
        if not ok or result is None:
            return
        self.status.setText(result_text(self, result))
        self.purge_button.setVisible(not result.file_purged)
        offer_to_delete_attachments(self, self.db, result)
        self.reload()
