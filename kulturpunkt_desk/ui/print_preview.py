"""Printing from the desk: a print preview of the PDF (QtPdf's QPdfView) and Qt's print
dialog (printer, copies, duplex, page range); all chosen pages go to the printer as one job.

QtPdf renders a page only as an image, so the pages are printed as images at up to 300 dpi
(the PDF's own page size kept, margins included); "Åbn" in the desk still hands the file to
the system's PDF viewer for anyone who prefers to print from there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kulturpunkt_desk.domain.errors import DeskError

PRINT_DPI = 300  # sharp on paper; 1200 dpi (Qt's HighResolution) would need 0.5 GB a page


def tr(text: str) -> str:
    return QCoreApplication.translate("PrintPreview", text)


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """The 0-based pages in print order: the chosen range, each copy when the printer cannot
    make copies itself (collated or not, as chosen)."""
    first, last = 1, page_count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), min(printer.toPage() or page_count, page_count)
    pages = list(range(first - 1, last))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Print `document` on `printer` as one job; return the number of sheets sides sent."""
    order = pages_to_print(printer, document.pageCount())
    printer.setFullPage(True)  # the PDF brings its own margins
    painter = QPainter()
    if not painter.begin(printer):
        raise DeskError(tr("Printeren kunne ikke startes. Er den tændt og tilsluttet?"))
    try:
        for n, page in enumerate(order):
            if n:
                printer.newPage()
            _draw_page(painter, document, page)
    finally:
        painter.end()
    return len(order)


def _draw_page(painter: QPainter, document: QPdfDocument, page: int) -> None:
    area = painter.viewport()
    points = document.pagePointSize(page)
    scale = min(area.width() / points.width(), area.height() / points.height())
    target = QRect(0, 0, round(points.width() * scale), round(points.height() * scale))
    target.moveCenter(area.center())
    pixels = min(1.0, PRINT_DPI / 72 / scale) * scale
    image = document.render(
        page, QSize(round(points.width() * pixels), round(points.height() * pixels))
    )
    painter.drawImage(target, image)


def ask_printer(parent: QWidget | None, printer: QPrinter, page_count: int) -> bool:
    """Qt's print dialog: printer, copies, duplex and page range. True when accepted."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Udskriv"))
    dialog.setMinMax(1, page_count)
    option = QAbstractPrintDialog.PrintDialogOption
    dialog.setOptions(option.PrintPageRange | option.PrintCollateCopies | option.PrintShowPageSize)
    return dialog.exec() == QDialog.DialogCode.Accepted


class PrintPreview(QDialog):
    """The PDF's pages as they will print, with Udskriv…, Åbn i PDF-læser and Luk."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        if self.document.status() != QPdfDocument.Status.Ready:
            raise DeskError(tr("«{0}» kunne ikke læses som PDF.").format(self.path.name))
        title = self.document.metaData(QPdfDocument.MetaDataField.Title) or self.path.name
        self.setWindowTitle(tr("Vis udskrift – {0}").format(title))
        self.view = QPdfView(self)
        self.view.setAccessibleName(tr("Sidevisning af {0}").format(title))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = self.document.pageCount()
        self.summary = QLabel(
            tr("{0} side").format(pages) if pages == 1 else tr("{0} sider").format(pages)
        )
        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton(
            tr("&Udskriv…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button = self.buttons.addButton(
            tr("&Åbn i PDF-læser"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(tr("&Luk"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pages)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(760, 900)
        self.printed = 0

    def print_pages(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        # The document's paper (A4) unless the user picks another in the dialog.
        printer.setPageSize(QPageSize(self.document.pagePointSize(0), QPageSize.Unit.Point))
        if not ask_printer(self, printer, self.document.pageCount()):
            return
        self.printed = print_document(self.document, printer)
        self.accept()

    def open_in_viewer(self) -> None:
        from .documents_actions import open_document

        open_document(self.path)
