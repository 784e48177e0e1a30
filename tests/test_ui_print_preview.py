"""Udskriv: the print preview inside the desk and Qt's print dialog, tested offscreen by
printing to a PDF printer and comparing the printed pages with the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from documents_support import make_area
from pypdf import PdfReader
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.documents.agreement import render_all_agreements
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import documents_actions, print_preview
from kulturpunkt_desk.ui.print_preview import PrintPreview


@pytest.fixture
def combined(db: Database, programme_id: int, tmp_path: Path) -> Path:
    for name in ("Fjordglimt", "Havnestrøget"):
        make_area(db, programme_id, name)
    (path,) = render_all_agreements(db, programme_id, tmp_path / "alle.pdf", combined=True)
    return path


def pdf_printer(out: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return printer


def page_image(path: Path, page: int) -> list[int]:
    """The page at 72 dpi as one bit mask per pixel row: 1 where there is ink."""
    document = QPdfDocument()
    document.load(str(path))
    rendered = document.render(page, QSize(595, 842))  # transparent where there is no ink
    document.close()
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(grey.constBits()), grey.bytesPerLine()
    return [
        int(
            "".join("1" if v < 140 else "0" for v in data[y * stride : y * stride + grey.width()]),
            2,
        )
        for y in range(grey.height())
    ]


def difference(a: list[int], b: list[int]) -> float:
    """Per mille of ink pixels in either page with no ink within a pixel of them in the
    other (a pixel's tolerance for the printer's resampling)."""

    def grown(rows: list[int]) -> list[int]:
        wide = [r | r << 1 | r >> 1 for r in rows]
        return [
            wide[y] | (wide[y - 1] if y else 0) | (wide[y + 1] if y + 1 < len(wide) else 0)
            for y in range(len(wide))
        ]

    missing = sum((x & ~gy).bit_count() for x, gy in zip(a, grown(grown(b)), strict=True))
    extra = sum((y & ~gx).bit_count() for y, gx in zip(b, grown(grown(a)), strict=True))
    ink = sum(r.bit_count() for r in a) + sum(r.bit_count() for r in b)
    return 1000 * (missing + extra) / max(ink, 1)


def answer_print_dialog(
    monkeypatch: pytest.MonkeyPatch, out: Path, pages: tuple[int, int] | None
) -> None:
    """Stand in for the user in Qt's print dialog: a PDF printer, maybe a page range."""

    def ask(_parent: object, printer: QPrinter, _count: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        if pages:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*pages)
        return True

    monkeypatch.setattr(print_preview, "ask_printer", ask)


def test_combined_agreements_print_as_one_job_page_for_page(
    qtbot: QtBot, combined: Path, tmp_path: Path
) -> None:
    document = QPdfDocument()
    document.load(str(combined))
    out = tmp_path / "printet.pdf"
    sent = print_preview.print_document(document, pdf_printer(out))
    source, printed = PdfReader(str(combined)), PdfReader(str(out))
    assert sent == len(source.pages) == len(printed.pages)  # one job, every page
    # The printed pages are images of the source pages (QtPdf renders pages, it cannot pass
    # their text on), so they are compared as pictures: each printed page is nearly its
    # source page, and closer to it than to any page that differs from it by more than a
    # word or two (two agreements' last pages differ only by the name in the footer).
    originals = [page_image(combined, n) for n in range(len(source.pages))]
    for n in range(len(source.pages)):
        printed_page = page_image(out, n)
        distances = [difference(printed_page, original) for original in originals]
        assert distances[n] < 20, (n, distances)
        closest = min(range(len(distances)), key=distances.__getitem__)
        assert closest == n or difference(originals[closest], originals[n]) < 3, (n, distances)
    # The source text the preview shows is the agreement's own.
    assert "Fjordglimt" in (source.pages[0].extract_text() or "")


def test_preview_shows_every_page_and_prints_the_chosen_range(
    qtbot: QtBot, combined: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "side2-3.pdf"
    answer_print_dialog(monkeypatch, out, (2, 3))
    preview = PrintPreview(combined)
    qtbot.addWidget(preview)
    pages = len(PdfReader(str(combined)).pages)
    assert preview.view.document().pageCount() == pages
    assert preview.summary.text() == f"{pages} sider"
    assert preview.windowTitle() == "Vis udskrift – Samarbejdsaftaler – Kulturpunkt 2025-26"
    preview.print_button.click()
    assert preview.printed == 2
    assert len(PdfReader(str(out)).pages) == 2
    assert difference(page_image(out, 0), page_image(combined, 1)) < 20


def test_copies_are_made_by_the_desk_when_the_printer_cannot(
    qtbot: QtBot, combined: Path, tmp_path: Path
) -> None:
    printer = pdf_printer(tmp_path / "kopier.pdf")
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 2)
    assert print_preview.pages_to_print(printer, 8) == [0, 1, 0, 1]
    printer.setCollateCopies(False)
    assert print_preview.pages_to_print(printer, 8) == [0, 0, 1, 1]


def test_udskriv_opens_the_preview_and_aabn_the_system_viewer(
    qtbot: QtBot, combined: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[PrintPreview] = []
    opened: list[Path] = []
    monkeypatch.setattr(PrintPreview, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(documents_actions, "open_document", lambda p: opened.append(p) or True)
    assert documents_actions.print_pdf(None, combined) is False  # closed without printing
    assert shown and shown[0].path == combined
    shown[0].open_button.click()
    assert opened == [combined]


def test_a_file_that_is_not_a_pdf_is_refused_in_danish(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    bad = tmp_path / "ikke.pdf"
    bad.write_bytes(b"ikke en pdf")
    assert documents_actions.print_pdf(None, bad) is False
    assert "kunne ikke læses som PDF" in warned[0]
