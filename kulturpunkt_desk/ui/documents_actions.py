"""Document actions for menus and buttons: make a document, open it in the system's
viewer ("Åbn"), or print it through the desk's own print preview ("Udskriv")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QCursor, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from .failure import attempt, in_box


def tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsActions", text)


def documents_folder() -> Path:
    """Where documents are suggested saved: the user's Documents/Kulturpunkt."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(base or Path.home()) / "Kulturpunkt"


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    """A save dialog starting in the documents folder; None when the user cancels."""
    folder = documents_folder()
    folder.mkdir(parents=True, exist_ok=True)
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(folder / suggested), filters)
    return Path(chosen) if chosen else None


def make_document(parent: QWidget | None, make: Callable[[], Path]) -> Path | None:
    """Run a document function with a busy cursor; show a Danish error instead of crashing."""
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        _ok, path = attempt(make, in_box(parent, tr("Dokumentet kunne ikke laves")))
    finally:
        QApplication.restoreOverrideCursor()
    return path


def open_document(path: Path) -> bool:
    """Open a file in the system's viewer (PDF reader, spreadsheet, archive tool)."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve()))))


def print_pdf(parent: QWidget | None, path: Path) -> bool:
    """The print preview inside the desk (ui/print_preview.py); True when it printed."""
    from .print_preview import PrintPreview

    made, preview = attempt(lambda: PrintPreview(path, parent), in_box(parent, tr("Udskriv")))
    if not made or preview is None:
        return False
    preview.exec()
    return preview.printed > 0
