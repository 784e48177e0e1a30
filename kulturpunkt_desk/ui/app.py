"""Start-up: one QApplication, the database opened (migrated after a backup), the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.storage.engine import Database


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
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    # Qt's own dialogs (file chooser, message boxes) in Danish.
    qt_da = QTranslator(app)
    if qt_da.load(
        QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_da)
    return app


def open_or_explain(path: Path) -> Database | None:
    """Open the database, creating it on first start; explain in Danish what went wrong."""
    from kulturpunkt_desk.domain.services import programmes
    from kulturpunkt_desk.resources import default_agreement_text
    from kulturpunkt_desk.storage.migrate import open_database

    try:
        db = open_database(path, create=True)
        if not programmes.list_programmes(db):
            programmes.create_programme(
                db, programmes.kulturpunkt_2025_26(), default_agreement_text()
            )
        return db
    except DeskError as exc:
        QMessageBox.critical(None, tr("Databasen kan ikke åbnes"), str(exc))
        return None


def run(path: Path) -> int:
    from kulturpunkt_desk.ui.main_window import MainWindow

    app = make_application()
    db = open_or_explain(path)
    if db is None:
        return 1
    window = MainWindow(db)
    window.show()
    code = app.exec()
    db.dispose()
    return int(code)
