"""Returned forms in the window: the preview before anything changes, bad values by field,
a form dropped on another area refused, import undone and redone with Ctrl+Z/Ctrl+Shift+Z."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_returned_forms import fill

from kulturpunkt_desk.documents.fillable_forms import render_form
from kulturpunkt_desk.domain.form_fields import FormKind
from kulturpunkt_desk.domain.services import areas, programmes
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import form_import_dialog, week_menu
from kulturpunkt_desk.ui.form_import_dialog import FormImportDialog
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.views.areas import AreasView


def _area(db: Database, name: str) -> int:
    programme = programmes.current_programme(db)
    assert programme is not None
    return areas.find_area(db, programme.id, name).id


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database) -> MainWindow:
    main = MainWindow(demo_db)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def evaluation_pdf(demo_db: Database, tmp_path: Path) -> Path:
    blank = render_form(
        demo_db, _area(demo_db, "Østerø Havn"), FormKind.EVALUATION, tmp_path / "b.pdf"
    )
    return fill(
        blank,
        tmp_path / "Evaluering Østerø Havn.pdf",
        {"summary": "Godt år.", "activities_held": "4", "signed_on": "10.06.2026"},
    )


def _evaluated(db: Database, name: str) -> int:
    return len(areas.get_area(db, _area(db, name)).evaluations)


def test_menu_import_shows_the_preview_and_can_be_undone(
    qtbot: QtBot,
    window: MainWindow,
    demo_db: Database,
    evaluation_pdf: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[FormImportDialog] = []

    def look_and_import(dialog: FormImportDialog) -> int:
        seen.append(dialog)
        assert dialog.import_button.isEnabled()
        assert dialog.table.item(0, 0).text() == "Ny evaluering"
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(week_menu, "ask_open_form", lambda _w: evaluation_pdf)
    monkeypatch.setattr(FormImportDialog, "exec", look_and_import)
    before = _evaluated(demo_db, "Østerø Havn")
    window.week_menu.import_form()  # type: ignore[attr-defined]
    assert seen and _evaluated(demo_db, "Østerø Havn") == before + 1
    window.ctx.undo_stack.undo()
    assert _evaluated(demo_db, "Østerø Havn") == before
    evaluation_pdf.unlink()  # redo works from the desk's own copy of the form
    window.ctx.undo_stack.redo()
    assert _evaluated(demo_db, "Østerø Havn") == before + 1
    kept = areas.get_area(demo_db, _area(demo_db, "Østerø Havn")).attachments
    assert [a.filename for a in kept if a.evaluation_id] == ["Evaluering Østerø Havn.pdf"]


def test_bad_values_are_listed_by_field_and_cannot_be_imported(
    qtbot: QtBot, window: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    blank = render_form(
        demo_db, _area(demo_db, "Fjordglimt"), FormKind.INTEREST, tmp_path / "i.pdf"
    )
    bad = fill(blank, tmp_path / "forkert.pdf", {"recipient_cvr": "1234", "contact_phone": "12"})
    dialog = FormImportDialog(window.ctx, bad, None, window)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    fields = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert fields == ["CVR-nummer", "Telefon"]
    assert "2 felter skal rettes" in dialog.message.text()


def test_a_form_dropped_on_another_areas_page_is_refused(
    qtbot: QtBot,
    window: MainWindow,
    demo_db: Database,
    evaluation_pdf: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[tuple[Path, int | None]] = []
    monkeypatch.setattr(
        form_import_dialog, "open_import", lambda _c, path, area, _p: opened.append((path, area))
    )
    view = window.show_view("areas")
    assert isinstance(view, AreasView)
    fjordglimt = _area(demo_db, "Fjordglimt")
    view.show_area(fjordglimt)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(evaluation_pdf))])
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide marks the only constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, left, none)
    assert QApplication.sendEvent(view.page, enter) and enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, left, none, QEvent.Type.Drop)
    QApplication.sendEvent(view.page, drop)
    assert opened == [(evaluation_pdf, fjordglimt)]
    dialog = FormImportDialog(window.ctx, evaluation_pdf, fjordglimt, window)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert "lavet til Østerø Havn" in dialog.message.text()
