"""Start-up: one QApplication, the database opened (migrated after a backup), the window.

The order of `run`: the start-up shell (ui/shell.py) paints the Overblik's snapshot, or a
loading state, before SQLAlchemy is imported; after that first paint the file is opened,
with the lock, checks and start-up backup off the GUI thread (`off_gui_thread`); then the
live window replaces the shell. Nothing can write before the checks passed: only the live
window edits, and it is built from the session the checks returned.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLocale,
    Qt,
    QTimer,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QWidget

from kulturpunkt_desk import __version__
from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.resources import resource
from kulturpunkt_desk.ui import collection, palette, pyside_imports
from kulturpunkt_desk.ui.qt_danish import install_qt_danish

# Before SQLAlchemy and the rest are imported: PySide6's hook would keep their source.
pyside_imports.lighten()

if TYPE_CHECKING:
    from kulturpunkt_desk.storage.engine import Database
    from kulturpunkt_desk.storage.startup import DeskSession
    from kulturpunkt_desk.ui.main_window import MainWindow
    from kulturpunkt_desk.ui.shell import StartShell

T = TypeVar("T")
# The shell waits this long for its first paint (a minimised window may never paint).
PAINT_WAIT_MS = 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Kulturpunkt Desk")
    app.setOrganizationName("Region Nordjylland")
    app.setOrganizationDomain("rn.dk")
    # Matches the installed .desktop file, so Linux docks show the desk's own icon.
    app.setDesktopFileName("dk.rn.kulturpunktdesk")
    app.setWindowIcon(QIcon(str(resource("icons", "kulturpunkt.png"))))
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    palette.apply_to(app)  # placeholder text dark enough to read (4.5:1)
    # Qt's own dialogs (file chooser, message boxes) in the desk's Danish.
    install_qt_danish(app)
    return app


class Pending(Generic[T]):
    """`work` running in a worker thread, begun now; `wait()` returns its result (or raises
    its error) on the GUI thread, which keeps painting meanwhile. `work` never touches Qt."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._outcome: dict[str, object] = {}
        self._finished = threading.Event()

        def worker() -> None:
            try:
                self._outcome["result"] = work()
            except BaseException as exc:  # handed to the GUI thread, raised there
                self._outcome["error"] = exc
            finally:
                self._finished.set()

        self._thread = threading.Thread(target=worker, name="desk-start", daemon=True)
        self._thread.start()

    def wait(self) -> T:
        if not self._finished.is_set():
            loop = QEventLoop()
            poll = QTimer()
            poll.setInterval(5)
            poll.timeout.connect(lambda: loop.quit() if self._finished.is_set() else None)
            poll.start()
            loop.exec()
            poll.stop()
        self._thread.join()
        if "error" in self._outcome:
            raise self._outcome["error"]  # type: ignore[misc]
        return self._outcome["result"]  # type: ignore[return-value]


def off_gui_thread(work: Callable[[], T]) -> T:
    """Run `work` in a worker thread while the GUI thread keeps painting."""
    return Pending(work).wait()


def start_desk_in_worker(path: Path | str, **options: bool) -> Pending[DeskSession]:
    """storage.startup.start_desk (lock, checks, start-up backup) begun in a worker thread.

    The worker's SQLite connections are closed before it returns: connections must not
    cross threads, and the GUI thread opens its own at its first query."""

    def work() -> DeskSession:
        from kulturpunkt_desk.storage.startup import start_desk

        session = start_desk(path, **options)
        session.db.dispose()
        return session

    return Pending(work)


class EarlyStart:
    """The start path's `start` for open_desk: start_desk is begun in a worker at once, so
    its checks and backup (mostly in SQLite, which releases the GIL) overlap the GUI
    thread's loading of the window's modules; open_desk's first call collects it, and its
    retries (read-only, after a restore) run off the GUI thread too."""

    def __init__(self, path: Path | str) -> None:
        from kulturpunkt_desk.storage.startup import opens_as_is, preload

        self.path = path
        # The worker must import nothing while the GUI thread imports: two threads importing
        # one package can meet it half initialised (a rare crash at start). So what
        # start_desk imports on first use is imported here, and a file to be created or
        # migrated (Alembic, the migrations) is started only after the window's imports.
        preload()
        self.first: Pending[DeskSession] | None = (
            start_desk_in_worker(path) if opens_as_is(path) else None
        )

    def __call__(self, path: Path | str, **options: bool) -> DeskSession:
        first, self.first = self.first, None
        if first is not None and path == self.path and not options.get("read_only"):
            return first.wait()
        if first is not None:
            first.wait()  # never two starts at once: the first holds or fails the lock
        return start_desk_in_worker(path, **options).wait()


def open_or_explain(
    path: Path | str, start: Callable[..., DeskSession] | None = None
) -> Database | None:
    """Open the database, creating it on first start; explain in Danish what went wrong."""
    from kulturpunkt_desk.domain.services import programmes
    from kulturpunkt_desk.resources import default_agreement_text
    from kulturpunkt_desk.ui.backup_dialog import open_desk

    try:
        # The desk lock, quick and foreign-key checks, a start-up backup; asks the user
        # when the file is in use (read-only?) or damaged (restore the newest backup?).
        session = open_desk(path, start=start) if start else open_desk(path)
        if session is None:
            return None
        db = session.db
        if not programmes.list_programmes(db):
            programmes.create_programme(
                db, programmes.kulturpunkt_2025_26(), default_agreement_text()
            )
        return db
    except Exception as exc:
        from kulturpunkt_desk.ui.failure import explain

        QMessageBox.critical(None, tr("Databasen kan ikke åbnes"), explain(exc))
        return None


def run(path: Path | str, *, smoke_test: bool = False) -> int:
    if isinstance(path, str):  # a server: no file to snapshot; the window opens directly
        return run_on_server(path, smoke_test=smoke_test)
    from kulturpunkt_desk.ui.failure import install_crash_handler
    from kulturpunkt_desk.ui.shell import StartShell

    app = make_application()
    # No console in the windowed program: every uncaught error is logged and shown. The
    # log file itself is opened once the shell is painted (start_desk does).
    install_crash_handler(log_file_now=False)
    shell = StartShell(path)
    live: dict[str, object] = {}

    def go_live() -> None:
        if live:
            return
        live["started"] = True
        window = open_live_window(path, shell)
        if window is None:
            app.exit(1)
            return
        live["window"] = window
        # Once live only: the shell's snapshot may be stale, the live window is not.
        after_window_shown(window, smoke_test=smoke_test)

    def before_close() -> None:
        # Connected before open_desk's own aboutToQuit (which lets go of the file and its
        # lock), so the snapshot is settled while the file is still this desk's. An import
        # still running is cancelled (rolled back) first, not cut off mid-write.
        from kulturpunkt_desk.ui.background import stop_all

        stop_all()
        window = live.get("window")
        if isinstance(window, QWidget):
            from kulturpunkt_desk.domain.services.overblik import close_keeping_snapshot

            ctx = window.ctx  # type: ignore[attr-defined]
            close_keeping_snapshot(ctx.db, ctx.programme_id, date.today())

    app.aboutToQuit.connect(before_close)
    # Paint first: the file is opened once the shell is on screen.
    shell.painted.connect(go_live, Qt.ConnectionType.QueuedConnection)
    QTimer.singleShot(PAINT_WAIT_MS, go_live)
    shell.show()
    code = app.exec()
    app.aboutToQuit.disconnect(before_close)
    from kulturpunkt_desk.ui.background import stop_all

    stop_all()  # nothing may outlive the application's objects
    return int(code)


def after_window_shown(window: MainWindow, *, smoke_test: bool) -> None:
    """What follows the live window's first show, on a file or a server: start-up's
    objects are done; then the smoke test's report, or the day's notice."""
    QTimer.singleShot(0, collection.settle_after_start)
    if smoke_test:
        QTimer.singleShot(0, lambda: smoke_report(window))
    else:
        from kulturpunkt_desk.ui.widgets.week_panel import announce_once_a_day

        QTimer.singleShot(0, lambda: announce_once_a_day(window, window.ctx))


def run_on_server(url: str, *, smoke_test: bool = False) -> int:
    """The window on the team's server. The start-up shell paints a snapshot of a file;
    a server has none, so the window opens once the server has answered."""
    from kulturpunkt_desk.ui.failure import install_crash_handler
    from kulturpunkt_desk.ui.main_window import MainWindow

    app = make_application()
    install_crash_handler()
    db = open_or_explain(url)
    if db is None:
        return 1
    window = MainWindow(db)
    window.show()
    after_window_shown(window, smoke_test=smoke_test)
    code = app.exec()
    from kulturpunkt_desk.ui.background import stop_all

    stop_all()  # an import still running is cancelled (rolled back), not cut off mid-write
    db.close()
    return int(code)


def open_live_window(path: Path, shell: StartShell) -> MainWindow | None:
    """Open the file (checks off the GUI thread) and put the live window in the shell's
    place, on the Overblik if the shell showed it; None when the file could not be opened."""
    start = EarlyStart(path)
    # Meanwhile, on the GUI thread: the window's modules (SQLAlchemy, the models, the views).
    from kulturpunkt_desk.ui import backup_dialog, main_window  # noqa: F401

    db = open_or_explain(path, start=start)
    if db is None:
        shell.close()
        return None
    from kulturpunkt_desk.ui.main_window import MainWindow

    window = MainWindow(db, first_view="overview" if shell.shows_snapshot else None)
    window.setGeometry(shell.geometry())
    window.show()
    shell.close()
    shell.deleteLater()
    return window


def smoke_report(window: MainWindow) -> None:
    """Print how many areas the shown window lists, then leave the event loop.

    Used by the packaged desk's test; exit() rather than quit() so no window is closed and
    no preferences are written.
    """
    QApplication.processEvents()
    view = window.show_view("areas")
    # The list itself; its filter combo boxes hold item views of their own.
    table = getattr(view, "table", None)
    tables = (
        [table] if isinstance(table, QAbstractItemView) else view.findChildren(QAbstractItemView)
    )
    rows = max((t.model().rowCount() for t in tables if t.model() is not None), default=0)
    print(f"Kulturpunkt Desk {__version__}: vinduet er vist med {count(rows, 'lokalområde')}")
    danish = QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    print(f"Qt's egne knapper på dansk: {'ja' if danish else 'nej'}", flush=True)
    QApplication.exit(0)
