"""Reading a returned form into the desk: a preview of what will change, the bad values by
field, or why the form is refused; importing is one undoable step. A PDF dropped on an
area's page opens the same preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.errors import DeskError, ValidationError
from kulturpunkt_desk.domain.form_fields import FORM_FIELDS, FORM_TITLES, FormKind
from kulturpunkt_desk.domain.services import returned_forms
from kulturpunkt_desk.domain.services.returned_forms import FormPreview, FormValues

from .context import DeskContext


def _field_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for kind in FormKind:
        labels |= {f.name: f.label for f in FORM_FIELDS[kind]}
    return labels


class FormImportDialog(QDialog):
    """Preview of a returned form; `Indlæs` writes it (Ctrl+Z undoes it)."""

    def __init__(
        self,
        ctx: DeskContext,
        path: Path,
        expected_area_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.path = ctx, Path(path)
        self.values: FormValues = {}
        self.preview: FormPreview | None = None
        self.setWindowTitle("Indlæs udfyldt skema")
        self.resize(720, 480)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Felt", "Nu", "Fra skemaet"])
        self.table.setAccessibleName("Ændringer fra skemaet")
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox()
        self.import_button = QPushButton("&Indlæs")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Annullér", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.do_import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._load(expected_area_id)

    def _load(self, expected_area_id: str | None) -> None:
        from kulturpunkt_desk.documents.form_reader import read_form

        self.import_button.setEnabled(False)
        self.heading.setText(f"Skema: {self.path.name}")
        try:
            self.values = read_form(self.path)
            preview = returned_forms.preview_form(self.ctx.db, self.ctx.programme_id, self.values)
        except ValidationError as exc:
            labels = _field_labels()
            self.table.setHorizontalHeaderLabels(["Felt", "Fejl", ""])
            self.table.setColumnHidden(2, True)
            self._rows([(labels.get(k, k), m, "") for k, m in exc.errors.items()])
            self.message.setText(
                f"Skemaet kan ikke indlæses: {len(exc.errors)} felter skal rettes. "
                "Intet er gemt; bed lokalområdet rette skemaet og sende det igen."
            )
            return
        except DeskError as exc:
            self.message.setText(f"Skemaet kan ikke indlæses: {exc}")
            return
        if expected_area_id is not None and preview.area_id != expected_area_id:
            self.message.setText(
                f"Skemaet kan ikke indlæses her: det er lavet til {preview.area_name}, "
                "ikke til det lokalområde, det blev sluppet på."
            )
            return
        self.preview = preview
        self.heading.setText(
            f"{FORM_TITLES[preview.kind]} fra {preview.area_name} ({self.path.name})"
        )
        self._rows([(c.label, c.before, c.after) for c in preview.changes])
        self.message.setText(
            "Sådan ændres Kulturpunkt Desk. Skemaet gemmes som bilag til lokalområdet. "
            "Du kan fortryde med Ctrl+Z."
        )
        self.import_button.setEnabled(True)
        self.import_button.setDefault(True)

    def _rows(self, rows: list[tuple[str, str, str]]) -> None:
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def do_import(self) -> None:
        if self.preview is None:
            return
        try:
            assert self.preview is not None
            kind = FORM_TITLES[self.preview.kind].lower()
            with self.ctx.undo_entry(f"Indlæs {kind} fra {self.preview.area_name}"):
                returned_forms.import_form(
                    self.ctx.db, self.ctx.programme_id, self.values, self.path
                )
        except DeskError as exc:
            self.message.setText(f"Skemaet blev ikke indlæst: {exc}")
            return
        self.accept()


def open_import(ctx: DeskContext, path: Path, area_id: str | None, parent: QWidget | None) -> None:
    """Show the preview (tests replace this to drive the dialog)."""
    FormImportDialog(ctx, path, area_id, parent).exec()


class FormDropFilter(QObject):
    """Lets a PDF be dropped on an area's page: the page's area must be the form's."""

    def __init__(
        self, widget: QWidget, ctx: DeskContext, area_of: Callable[[], str | None]
    ) -> None:
        super().__init__(widget)
        self.ctx, self.area_of = ctx, area_of
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    @staticmethod
    def _pdf(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        files = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return next((f for f in files if f.suffix.lower() == ".pdf"), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent) and self._pdf(event) is not None:
            event.acceptProposedAction()
            return True
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            pdf = self._pdf(event)
            if pdf is not None:
                event.acceptProposedAction()
                area_id = self.area_of()
                open_import(
                    self.ctx, pdf, area_id, watched if isinstance(watched, QWidget) else None
                )
                return True
        return super().eventFilter(watched, event)
