"""Start-up: one QApplication, the database opened (migrated after a backup), the window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from kulturpunkt_desk import __version__
from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.resources import resource
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import collection, palette

if TYPE_CHECKING:
    from kulturpunkt_desk.ui.main_window import MainWindow


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
    # Qt's own dialogs (file chooser, message boxes) in Danish.
    qt_da = QTranslator(app)
    if qt_da.load(
        QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_da)
    return app


def open_or_explain(path: Path | str) -> Database | None:
    """Open the database, creating it on first start; explain in Danish what went wrong."""
    from kulturpunkt_desk.domain.services import programmes
    from kulturpunkt_desk.resources import default_agreement_text
    from kulturpunkt_desk.ui.backup_dialog import open_desk

    try:
        # The desk lock, quick and foreign-key checks, a start-up backup; asks the user
        # when the file is in use (read-only?) or damaged (restore the newest backup?).
        session = open_desk(path)
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
    from kulturpunkt_desk.ui.failure import install_crash_handler
    from kulturpunkt_desk.ui.main_window import MainWindow

    app = make_application()
    # No console in the windowed program: every uncaught error is logged and shown.
    install_crash_handler()
    db = open_or_explain(path)
    if db is None:
        return 1
    window = MainWindow(db)
    window.show()
    QTimer.singleShot(0, collection.settle_after_start)  # start-up's objects are done
    if smoke_test:
        QTimer.singleShot(0, lambda: smoke_report(window))
    else:
        from kulturpunkt_desk.ui.widgets.week_panel import announce_once_a_day

        QTimer.singleShot(0, lambda: announce_once_a_day(window, window.ctx))
    code = app.exec()
    from kulturpunkt_desk.ui.background import stop_all

    stop_all()  # an import still running is cancelled (rolled back), not cut off mid-write
    db.dispose()
    return int(code)


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
