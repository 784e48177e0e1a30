"""The one way the window tells the user that something failed, and the last-resort handler.

Every save, delete and one-click action runs inside `told_on_failure(tell)` (or
`FormDialog.try_save`, which uses `explain`), where `tell` shows a message: in the view's
message line, or in a message box (`in_box`). A `DeskError` is told as it is, a failure of
the disk or the file (sorted by its code in `storage/failures.py`) as a Danish explanation,
and anything else as "an unexpected error" with the details written to the log file. The
caller goes on (reload, push an undo entry) only when nothing failed: the service rolled
the failure back, so nothing happened. Nothing else in the UI catches exceptions to show them.

`install_crash_handler` is the net under it all: the windowed program has no console, so an
exception that escapes a slot, a Qt virtual method, a timer or a background thread would
otherwise vanish (or end the program). It is logged with its traceback and shown in a Danish
dialog on the GUI thread. Qt's own warnings go to the log as well.
"""

from __future__ import annotations

import atexit
import faulthandler
import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import IO, TypeVar

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.storage.desk_log import LOGGER_NAME, configure_logging, log_file
from kulturpunkt_desk.storage.failures import user_error

T = TypeVar("T")
log = logging.getLogger(f"{LOGGER_NAME}.ui")


def _log_path_text() -> str:
    try:
        return str(configure_logging())
    except OSError:  # no data folder at all: the message still has to be shown
        return str(log_file())


def unexpected_text(exc: BaseException) -> str:
    return (
        f"Der skete en uventet fejl ({type(exc).__name__}: {exc}). Det er ikke din skyld. "
        f"Detaljerne er skrevet i logfilen {_log_path_text()}; send den gerne til "
        "den, der hjælper med Kulturpunkt Desk."
    )


def explain(exc: BaseException) -> str:
    """The Danish message for any exception; logs the details of anything unexpected."""
    known = user_error(exc)
    if known is not None:
        if not isinstance(exc, ValidationError):
            log.warning("%s: %s", type(exc).__name__, exc)
        return str(known)
    _log_exception("Uventet fejl", exc)
    return unexpected_text(exc)


def _log_exception(what: str, exc: BaseException) -> None:
    _log_path_text()  # make sure the log file handler exists
    log.error(what, exc_info=(type(exc), exc, exc.__traceback__))


Tell = Callable[[str], None]


def in_box(parent: QWidget | None, title: str) -> Tell:
    """Tell in a message box titled `title`."""
    return lambda text: QMessageBox.warning(parent, title, text)


class told_on_failure:
    """Run the block; any exception is explained to `tell` (and logged) instead of raised.

    with told_on_failure(self.message.error) as outcome:
        service.save(...)
    if outcome.failed:
        return
    """

    def __init__(self, tell: Tell) -> None:
        self.tell = tell
        self.failed = False

    def __enter__(self) -> told_on_failure:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> bool:
        if exc is None or not isinstance(exc, Exception):
            return False
        self.failed = True
        self.tell(explain(exc))
        return True


def attempt(action: Callable[[], T], tell: Tell) -> tuple[bool, T | None]:
    """`action()` inside `told_on_failure`: (True, its result) or (False, None) when told."""
    with told_on_failure(tell) as outcome:
        return True, action()
    return not outcome.failed, None


# --- the last resort --------------------------------------------------------------------


class _CrashReporter(QObject):
    """Lives on the GUI thread; a worker thread's exception reaches the dialog via `seen`."""

    seen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.showing = False
        self.seen.connect(self.show)

    def show(self, text: str) -> None:
        if self.showing:  # one dialog at a time; the log has every one
            return
        self.showing = True
        try:
            parent = QApplication.activeWindow()
            QMessageBox.critical(parent, "Uventet fejl i Kulturpunkt Desk", text)
        finally:
            self.showing = False


_reporter: _CrashReporter | None = None
_fault_log: IO[str] | None = None


def report_uncaught(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """sys.excepthook: log with the traceback, then a Danish dialog (never a silent stderr)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    try:
        log.error("Uventet fejl, ikke fanget", exc_info=(kind, exc, tb))
        known = user_error(exc) if isinstance(exc, Exception) else None
        text = str(known) if known is not None else unexpected_text(exc)
        if _reporter is not None:
            _reporter.seen.emit(text)  # queued when we are on a worker thread
    except Exception:  # the handler of last resort must never raise itself
        sys.__excepthook__(kind, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        report_uncaught(args.exc_type, args.exc_value, args.exc_traceback)


def _qt_message(mode: QtMsgType, _context: object, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger(f"{LOGGER_NAME}.qt").log(level, "%s", message)


def install_crash_handler(*, hard_crashes: bool = True, log_file_now: bool = True) -> None:
    """Route every uncaught exception (GUI thread, Qt slots, worker threads) and Qt's own
    warnings to the log and the user. Called once by the windowed program at start;
    `hard_crashes=False` leaves faulthandler alone (the test runner has its own).
    `log_file_now=False` leaves the log file's handler to the first record that needs it
    or to the caller (the start-up shell paints first); an error report makes it at once."""
    global _reporter, _fault_log
    if log_file_now:
        configure_logging()
    if _reporter is None:
        _reporter = _CrashReporter()
    sys.excepthook = report_uncaught
    threading.excepthook = _thread_hook
    qInstallMessageHandler(_qt_message)
    if hard_crashes and _fault_log is None:
        # A hard crash (a fault inside Qt) cannot run Python code; faulthandler still
        # writes the Python stack of every thread to the log folder.
        folder = log_file().parent
        folder.mkdir(parents=True, exist_ok=True)
        _fault_log = (folder / "nedbrud.log").open("a", encoding="utf-8")
        faulthandler.enable(_fault_log, all_threads=True)
        atexit.register(_close_fault_log)


def _close_fault_log() -> None:
    """At a normal exit: stop writing crash stacks and close the file (no ResourceWarning)."""
    global _fault_log
    if _fault_log is not None:
        faulthandler.disable()
        _fault_log.close()
        _fault_log = None
