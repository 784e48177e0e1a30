"""Importér lokalområder: choose the team's spreadsheet, see what would be created and every
bad row (row number as the spreadsheet shows it, column, reason), then import all or none.

Reading, checking and saving run off the GUI thread behind a progress dialog that can
cancel (a cancelled import saves nothing); a sheet of 100,000 rows takes seconds, and the
window keeps painting. The table shows the first PREVIEW_ROWS areas.
"""

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

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.services import import_areas
from kulturpunkt_desk.domain.services.import_areas import ImportPreview
from kulturpunkt_desk.storage.engine import Database

from . import palette
from .accessibility import name_list
from .background import BackgroundTask, Progress, run_with_progress
from .failure import explain, in_box

ERROR_COLOUR = QColor(palette.IMPORT_ERROR)
PREVIEW_ROWS = 1000  # a table of 100,000 rows would take longer to fill than the import


class ImportDialog(QDialog):
    def __init__(self, db: Database, programme_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.programme_id = programme_id
        self.preview: ImportPreview | None = None
        self.imported: list[int] = []
        self.task: BackgroundTask | None = None  # the newest reading or import (tests wait)
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
        name_list(self.table, self.tr("Lokalområder i regnearket"))
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
        name_list(self.problems, self.tr("Fejl i regnearket"))
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
        """Read and check `path` in the background; the preview shows when it is done."""
        self.file_label.setText(str(path))
        self.preview = None
        self.show_preview()
        self.summary.setText(self.tr("Læser {0}…").format(path.name))
        programme_id = self.programme_id

        def job(db: Database, progress: Progress) -> ImportPreview:
            return import_areas.preview_import(db, programme_id, path, progress)

        def read(preview: object) -> None:
            self.preview = preview if isinstance(preview, ImportPreview) else None
            self.show_preview()

        def failed(exc: BaseException) -> None:
            self.show_preview()
            self.summary.setText(explain(exc))

        self.task = run_with_progress(
            self,
            self.tr("Læser regnearket…"),
            self.db,
            job,
            on_done=read,
            on_error=failed,
            on_cancel=lambda: self.summary.setText(self.tr("Indlæsningen er annulleret.")),
        )

    def show_preview(self) -> None:
        preview = self.preview
        planned = preview.areas if preview else []
        problems = preview.problems if preview else []
        self.table.setRowCount(min(len(planned), PREVIEW_ROWS))
        for r, item in enumerate(planned[:PREVIEW_ROWS]):
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
            text = self.tr("{0} kan importeres. Intet er gemt endnu.").format(
                count(len(planned), "lokalområde")
            )
            if len(planned) > PREVIEW_ROWS:
                text += " " + self.tr("Tabellen viser de første {0}.").format(PREVIEW_ROWS)
            self.summary.setText(text)
        else:
            self.summary.setText(
                self.tr("{0} fejl. Ret regnearket og vælg filen igen; intet er importeret.").format(
                    len(problems)
                )
            )

    def run_import(self) -> None:
        """Save everything in the background, all or nothing; cancelling saves nothing."""
        if self.preview is None or not self.preview.ok:
            return
        preview, source, programme_id = self.preview, self.preview.source, self.programme_id
        self.import_button.setEnabled(False)

        def job(db: Database, progress: Progress) -> list[int]:
            return import_areas.import_areas(
                db, programme_id, source, preview=preview, progress=progress
            )

        def saved(ids: object) -> None:
            self.imported = list(ids) if isinstance(ids, list) else []
            self.accept()

        def failed(exc: BaseException) -> None:
            in_box(self, self.tr("Intet er importeret"))(explain(exc))
            self.load(source)  # show what changed since the preview

        def cancelled() -> None:
            self.import_button.setEnabled(True)
            self.summary.setText(self.tr("Importen er annulleret; intet er gemt."))

        self.task = run_with_progress(
            self,
            self.tr("Importerer lokalområder…"),
            self.db,
            job,
            on_done=saved,
            on_error=failed,
            on_cancel=cancelled,
        )
