"""A failed save is always told: by SQLite's error code, in Danish, with the input kept, the
details in the log, and an undo entry only for what really happened. Nothing that escapes
(a slot, a worker thread) ends as a silent traceback."""

from __future__ import annotations

import sqlite3
import sys
import threading
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from kulturpunkt_desk.domain.services import areas, trash
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.storage.desk_log import log_file
from kulturpunkt_desk.storage.engine import Database, DatabaseBusyError
from kulturpunkt_desk.storage.failures import StorageError, user_error
from kulturpunkt_desk.ui import failure
from kulturpunkt_desk.ui.context import DeskContext
from kulturpunkt_desk.ui.dialogs.area_dialogs import AreaDialog
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.views.areas import AreasView


def fill_the_disk(db: Database) -> None:
    """Let the file grow by one page at most: SQLite then fails with SQLITE_FULL, exactly
    as on a full disk (https://sqlite.org/pragma.html#pragma_max_page_count)."""
    with db.read() as session:
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar_one()

    @event.listens_for(db.engine, "connect")
    def _limit(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {int(pages) + 1}")

    db.engine.dispose()


def big_area(name: str = "Klithuse") -> AreaData:
    return AreaData(name=name, municipality="Hjørring", notes="referat " * 2_000)


def test_a_full_disk_is_told_in_danish_by_its_error_code_and_nothing_is_saved(
    db: Database, programme_id: int
) -> None:
    fill_the_disk(db)
    with pytest.raises(StorageError, match="Disken er fuld") as raised:
        areas.create_area(db, programme_id, big_area())
    assert raised.value.code == "SQLITE_FULL"
    assert areas.list_areas(db, programme_id) == []


def test_sqlite_errors_are_sorted_by_code_never_by_message_text() -> None:
    def error(text: str, code: int, name: str) -> sqlite3.OperationalError:
        exc = sqlite3.OperationalError(text)
        exc.sqlite_errorcode = code
        exc.sqlite_errorname = name
        return exc

    # The words say "locked", the code says the disk is full: the code wins.
    full = user_error(error("database is locked", 13, "SQLITE_FULL"))
    assert full is not None and "Disken er fuld" in str(full)
    # An extended code (SQLITE_BUSY_SNAPSHOT = 5 | 2<<8) is still "busy", in any language.
    assert isinstance(user_error(error("base de données occupée", 517, "X")), DatabaseBusyError)
    readonly = user_error(error("attempt to write a readonly database", 8, "SQLITE_READONLY"))
    assert readonly is not None and "skrivebeskyttet" in str(readonly)
    assert user_error(error("no such column: x", 1, "SQLITE_ERROR")) is None  # a bug
    assert user_error(RuntimeError("full")) is None


def test_a_failed_save_keeps_the_form_open_with_the_input_and_says_why(
    qtbot: QtBot, db: Database, programme_id: int
) -> None:
    ctx = DeskContext(db)
    dialog = AreaDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Klithuse")
    dialog.municipality.setCurrentText("Hjørring")
    dialog.notes.setPlainText(big_area().notes)
    fill_the_disk(db)
    dialog.try_save()
    assert dialog.result() == 0  # not accepted: still open
    assert dialog.general_error.isVisibleTo(dialog)
    assert "Disken er fuld" in dialog.general_error.text()
    assert "det du har skrevet, står der stadig" in dialog.general_error.text()
    assert dialog.name.text() == "Klithuse" and dialog.notes.toPlainText().startswith("referat")
    assert areas.list_areas(db, programme_id) == []


def test_an_unexpected_error_while_saving_is_told_and_its_details_logged(
    qtbot: QtBot, db: Database, programme_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> int:
        raise KeyError("programme_id")

    monkeypatch.setattr(areas, "create_area", broken)
    dialog = AreaDialog(DeskContext(db))
    qtbot.addWidget(dialog)
    dialog.name.setText("Klithuse")
    dialog.municipality.setCurrentText("Hjørring")
    dialog.try_save()
    text = dialog.general_error.text()
    assert "uventet fejl" in text and str(log_file()) in text
    assert dialog.name.text() == "Klithuse"
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "KeyError: 'programme_id'" in logged


def test_a_delete_that_failed_leaves_no_undo_entry(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("areas")
    assert isinstance(view, AreasView)
    target = areas.find_area(demo_db, window.ctx.programme_id, "Fjordglimt")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: told.append(text))

    def busy(*_args: object) -> object:
        raise DatabaseBusyError()

    monkeypatch.setattr(trash, "delete_record", busy)
    assert view.table.select_id(target.id)
    view.delete_selected()
    assert len(told) == 1 and "optaget" in told[0]
    assert window.ctx.undo_stack.count() == 0
    assert areas.find_area(demo_db, window.ctx.programme_id, "Fjordglimt").id == target.id


@pytest.fixture
def crash_handler(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The windowed program's handler, installed as at start; what its dialog showed."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(
        failure.QMessageBox, "critical", lambda _p, title, text: shown.append((title, text))
    )
    failure.install_crash_handler(hard_crashes=False)
    return shown


class Emitter(QObject):
    clicked = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown_in_a_danish_dialog(
    qtbot: QtBot, crash_handler: list[tuple[str, str]]
) -> None:
    def slot() -> None:
        raise ZeroDivisionError("division by zero in a slot")

    emitter = Emitter()
    emitter.clicked.connect(slot)
    emitter.clicked.emit()
    qtbot.waitUntil(lambda: bool(crash_handler))
    title, text = crash_handler[0]
    assert title == "Uventet fejl i Kulturpunkt Desk"
    assert "Der skete en uventet fejl" in text and str(log_file()) in text
    logged = log_file().read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero in a slot" in logged and "Traceback" in logged


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_background_thread_reaches_the_dialog(
    qtbot: QtBot, crash_handler: list[tuple[str, str]]
) -> None:
    def work() -> None:
        raise LookupError("lost in a thread")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(crash_handler))
    assert "LookupError: lost in a thread" in crash_handler[0][1]
    assert "LookupError: lost in a thread" in log_file().read_text(encoding="utf-8")


def test_without_a_console_an_uncaught_error_is_still_logged_and_shown(
    qtbot: QtBot, crash_handler: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The windowed Windows program has no stdout or stderr at all (they are None)."""
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    try:
        raise OSError(28, "No space left on device", "Statusoverblik.pdf")
    except OSError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: bool(crash_handler))
    assert "Disken er fuld" in crash_handler[0][1]  # sorted by its errno, even uncaught
    assert "No space left on device" in log_file().read_text(encoding="utf-8")
