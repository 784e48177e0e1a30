"""Document actions for menus and buttons: make a document, open it, print it.

PySide6-Essentials has QPrintDialog but not QtPdf, so a PDF cannot be rasterised for the
Qt print dialog here. Printing therefore opens the PDF in the system's viewer, whose print
dialog prints it with the fonts embedded. If QtPdf is present (full PySide6), the pages are
rendered and sent through QPrintDialog instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QCursor, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

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
    """Print a PDF: through QPrintDialog when QtPdf is available, else via the system viewer."""
    try:
        from PySide6.QtPdf import QPdfDocument  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        opened = open_document(path)
        if opened:
            QMessageBox.information(
                parent,
                tr("Udskriv"),
                tr("Dokumentet er åbnet i din PDF-læser. Udskriv det derfra (Ctrl+P)."),
            )
        return opened
    return _print_with_qtpdf(parent, path)


def _print_with_qtpdf(parent: QWidget | None, path: Path) -> bool:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    document = QPdfDocument(parent)
    document.load(str(path))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            rect = painter.viewport()
            image = document.render(page, QSize(rect.width(), rect.height()))
            painter.drawImage(rect, image)
    finally:
        painter.end()
    return True
