"""Importér lokalområder: choose the team's spreadsheet, see what would be created and every
bad row (row number as the spreadsheet shows it, column, reason), then import all or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.services import import_areas
from kulturpunkt_desk.domain.services.import_areas import ImportPreview
from kulturpunkt_desk.storage.engine import Database

from .failure import in_box, told_on_failure

ERROR_COLOUR = QColor("#9B1C1C")


class ImportDialog(QDialog):
    def __init__(self, db: Database, programme_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.programme_id = programme_id
        self.preview: ImportPreview | None = None
        self.imported: list[int] = []
        self.setWindowTitle(self.tr("Importér lokalområder fra regneark"))
        self.file_label = QLabel(self.tr("Vælg et regneark (.xlsx eller .csv)."))
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Vælg fil…"))
        choose.clicked.connect(self.choose_file)
        hint = QLabel(
            self.tr(
                "Første række skal være overskrifter: navn, kommune og gerne "
                "tilskudsmodtager, cvr, kontaktperson, email og telefon (dansk eller engelsk)."
            )
        )
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Række"),
                self.tr("Navn"),
                self.tr("Kommune"),
                self.tr("Tilskudsmodtager"),
                self.tr("CVR"),
                self.tr("Primær kontaktperson"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Række"), self.tr("Kolonne"), self.tr("Fejl")]
        )
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Importér alle"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(QLabel(self.tr("Oprettes:")))
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("Fejl (intet importeres, før de er rettet i regnearket):")))
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(900, 600)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Vælg regneark"), "", self.tr("Regneark (*.xlsx *.csv)")
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.file_label.setText(str(path))
        self.preview = None
        with told_on_failure(self.summary.setText) as outcome:
            self.preview = import_areas.preview_import(self.db, self.programme_id, path)
        if outcome.failed:
            message = self.summary.text()
            self.show_preview()
            self.summary.setText(message)
            return
        self.show_preview()

    def show_preview(self) -> None:
        preview = self.preview
        planned = preview.areas if preview else []
        problems = preview.problems if preview else []
        self.table.setRowCount(len(planned))
        for r, item in enumerate(planned):
            area = item.area
            contact = item.contact.name if item.contact else ""
            values = [str(item.row), area.name, area.municipality, area.recipient_name]
            for c, text in enumerate([*values, area.recipient_cvr, contact]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.problems.setRowCount(len(problems))
        for r, problem in enumerate(problems):
            for c, text in enumerate([str(problem.row), problem.column, problem.message]):
                cell = QTableWidgetItem(text)
                cell.setForeground(ERROR_COLOUR)
                self.problems.setItem(r, c, cell)
        self.problems.resizeColumnsToContents()
        self.problems.horizontalHeader().setStretchLastSection(True)
        ok = preview is not None and preview.ok
        self.import_button.setEnabled(ok and not self.db.read_only)
        if preview is None:
            self.summary.setText("")
        elif ok:
            self.summary.setText(
                self.tr("{0} lokalområder kan importeres. Intet er gemt endnu.").format(
                    len(planned)
                )
            )
        else:
            self.summary.setText(
                self.tr("{0} fejl. Ret regnearket og vælg filen igen; intet er importeret.").format(
                    len(problems)
                )
            )

    def run_import(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        source = self.preview.source
        with told_on_failure(in_box(self, self.tr("Intet er importeret"))) as outcome:
            self.imported = import_areas.import_areas(self.db, self.programme_id, source)
        if outcome.failed:
            self.load(source)  # show what changed since the preview
            return
        self.accept()
