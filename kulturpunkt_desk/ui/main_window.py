"""The main window: navigation on the left, one view at a time, menus and shortcuts.

Views are listed in VIEWS and built the first time they are shown, so start-up only pays
for the first view.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
)

from kulturpunkt_desk import __version__
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.storage.engine import Database

from . import preferences
from .context import DeskContext
from .failure import in_box, told_on_failure
from .view_list import VIEWS as VIEWS
from .view_list import ViewSpec as ViewSpec
from .views.base import View


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, db: Database, first_view: str | None = None) -> None:
        """`first_view` overrides the remembered view (the start-up shell showed Overblik)."""
        super().__init__()
        self.ctx = DeskContext(db, self)
        self.views: dict[str, View] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(tr("Visninger"))
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        for n, spec in enumerate(VIEWS, start=1):
            item = QListWidgetItem(tr(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if n <= 9:
                item.setToolTip(tr("Ctrl+{0}").format(n))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        # As wide as its longest item in the user's font, so no view's name is ever cut.
        self.nav.setMinimumWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self._build_menus()
        self.ctx.open_requested.connect(self.open_record)
        self.ctx.database_replaced.connect(self._update_title)
        self.ctx.colleague_saved.connect(self._tell_colleague_saved)
        self._update_title()
        self._restore_layout(first_view)

    def _tell_colleague_saved(self, _kinds: frozenset[str], who: str) -> None:
        self.statusBar().showMessage(
            tr("{0} har gemt ændringer; det viste er opdateret.").format(who or tr("En kollega")),
            8000,
        )

    # --- views ------------------------------------------------------------------------

    def view(self, key: str) -> View:
        """The view for `key`, built on first use."""
        if key not in self.views:
            spec = next(s for s in VIEWS if s.key == key)
            module = importlib.import_module(f"kulturpunkt_desk.ui.views.{spec.module}")
            view: View = getattr(module, spec.class_name)(self.ctx)
            self.views[key] = view
            self.stack.addWidget(view)
        return self.views[key]

    def show_view(self, key: str) -> View:
        row = next(n for n, s in enumerate(VIEWS) if s.key == key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # calls _show_row
        return self.view(key)

    def _show_row(self, row: int) -> None:
        shown = self.stack.currentWidget()
        leaving = isinstance(shown, View) and shown is not self.views.get(VIEWS[row].key)
        if leaving and not shown.settle_input():  # type: ignore[union-attr]
            # Bliv: the navigation goes back to the view with the unsaved input.
            back = next(n for n, s in enumerate(VIEWS) if self.views.get(s.key) is shown)
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(back)
            self.nav.blockSignals(False)
            return
        if 0 <= row < len(VIEWS):
            self.stack.setCurrentWidget(self.view(VIEWS[row].key))

    def settle_input(self) -> bool:
        """Every view's unsaved input saved or discarded (asked); False: the user stays."""
        return all(view.settle_input() for view in self.views.values())

    def current_view_key(self) -> str:
        row = self.nav.currentRow()
        return VIEWS[row].key if 0 <= row < len(VIEWS) else VIEWS[0].key

    def open_record(self, kind: str, record_id: str) -> None:
        """Show a record (from Overblik, search...) in the view that owns its kind."""
        for spec in VIEWS:
            view = self.view(spec.key)
            if view.open_record(kind, record_id):
                self.show_view(spec.key)
                return
        self.statusBar().showMessage(tr("Posten kan ikke vises her."), 5000)

    def new_record(self) -> None:
        """Ctrl+N: a new record of the kind the current view lists, or a word saying that
        there is none here (rather than nothing happening)."""
        view = self.view(self.current_view_key())
        if type(view).new_record is View.new_record:
            title = next(tr(s.title) for s in VIEWS if s.key == self.current_view_key())
            self.statusBar().showMessage(
                tr("{0} har intet at oprette med Ctrl+N.").format(title), 8000
            )
            return
        view.new_record()

    def reload(self) -> None:
        """F5: read everything again (a colleague may have changed the file)."""
        if self.settle_input():
            self.ctx.changed()

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def open_search(self) -> None:
        from .search_dialog import SearchDialog

        SearchDialog(self.ctx, self).exec()

    # --- menus ------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&Filer"))
        self._action(
            file_menu, tr("&Åbn database…"), self.choose_database, QKeySequence.StandardKey.Open
        )
        self._action(
            file_menu,
            tr("&Ny database fra programskabelon…"),
            self.new_database,
            QKeySequence("Ctrl+Shift+N"),  # Ctrl+N makes a record in the current view
        )
        self._action(file_menu, tr("Forbind til se&rver…"), self.connect_to_server)
        self._action(file_menu, tr("F&let en fil ind i teamets database…"), self.join_a_file)
        file_menu.addSeparator()
        self._action(file_menu, tr("&Afslut"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(tr("&Redigér"))
        undo = self.ctx.undo_stack.createUndoAction(self, tr("&Fortryd"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, tr("&Gentag"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        edit_menu.addSeparator()
        self.new_action = self._action(
            edit_menu, tr("&Ny…"), self.new_record, QKeySequence.StandardKey.New
        )
        self.new_action.setToolTip(tr("Opret en ny post i den viste liste"))
        self.search_action = self._action(
            edit_menu, tr("&Søg…"), self.open_search, QKeySequence.StandardKey.Find
        )
        self.reload_action = self._action(
            edit_menu, tr("&Opdatér"), self.reload, QKeySequence("F5")
        )

        view_menu = self.menuBar().addMenu(tr("&Vis"))
        for n, spec in enumerate(VIEWS, start=1):
            action = self._action(
                view_menu, tr(spec.title), lambda _=False, k=spec.key: self.show_view(k)
            )
            if n <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{n}"))

        help_menu = self.menuBar().addMenu(tr("&Hjælp"))
        self._action(help_menu, tr("&Om Kulturpunkt Desk"), self.about)
        from .help_menu import install_help_menu

        install_help_menu(self, help_menu)

        from .documents_menu import install_documents_menu
        from .safety_menu import install_safety_menu

        install_documents_menu(self)
        install_safety_menu(self)
        from .week_menu import install_week_menu

        install_week_menu(self)
        from .recent_files import install_recent_files

        install_recent_files(self)
        from .sync_menu import install_sync

        install_sync(self)

    def _action(
        self,
        menu: object,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # --- files ------------------------------------------------------------------------

    def choose_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Åbn database"),
            str(self.ctx.db.path.parent),
            tr("Kulturpunkt-database (*.sqlite *.db);;Alle filer (*)"),
        )
        if name:
            self.switch_database(Path(name), create=False)

    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr("Ny database fra programskabelon"),
            str(self.ctx.db.path.parent / "kulturpunkt-ny.sqlite"),
            tr("Kulturpunkt-database (*.sqlite)"),
        )
        if name:
            path = Path(name)
            if path.exists():
                QMessageBox.warning(
                    self,
                    tr("Filen findes allerede"),
                    tr("Vælg et nyt filnavn; en eksisterende database overskrives aldrig."),
                )
                return
            self.switch_database(path, create=True)

    def connect_to_server(self) -> None:
        """Filer > Forbind til server…: the team's database instead of this file."""
        from .server_dialog import ServerDialog

        dialog = ServerDialog(self)
        if dialog.exec() and dialog.url:
            self.switch_database(dialog.url, create=False)

    def join_a_file(self) -> None:
        """Filer > Flet en fil ind i teamets database… (ui/join_dialog.py)."""
        from .join_dialog import join_a_file

        join_a_file(self.ctx, self)

    def switch_database(self, path: Path | str, *, create: bool) -> bool:
        from kulturpunkt_desk.resources import default_agreement_text
        from kulturpunkt_desk.storage.paths import file_identity

        from .backup_dialog import open_desk

        # The same file however it is spelt (case on Windows, a link): not opened twice.
        if isinstance(path, Path) and file_identity(path) == file_identity(self.ctx.db.path):
            return True  # already open here: a second open would be locked out by our own lock
        # The desk lock and the start-up checks; asks about read-only use or the newest backup.
        session = open_desk(path, self, create=create)
        if session is None:
            return False
        db = session.db
        with told_on_failure(in_box(self, tr("Databasen kan ikke åbnes"))) as outcome:
            if not programmes.list_programmes(db):
                programmes.create_programme(
                    db, programmes.kulturpunkt_2025_26(), default_agreement_text()
                )
        if outcome.failed:
            db.close()
            return False
        self.ctx.replace_database(db)
        return True

    def _update_title(self) -> None:
        name = self.ctx.programme_name or tr("Intet program")
        self.setWindowTitle(tr("{0} – {1} – Kulturpunkt Desk").format(name, self.ctx.db.name))

    def about(self) -> None:
        QMessageBox.about(
            self,
            tr("Om Kulturpunkt Desk"),
            tr(
                "Kulturpunkt Desk {0}\n\nRegion Nordjylland, Regional Udvikling.\nDatabase: {1}"
            ).format(__version__, self.ctx.db.backend.shown),
        )

    # --- remembered layout --------------------------------------------------------------

    def _restore_layout(self, first_view: str | None = None) -> None:
        store = preferences.settings()
        preferences.restore_window_size(self, self.splitter)
        state = store.value(preferences.STATE)
        if state is not None:
            self.restoreState(state)  # type: ignore[arg-type]
        last = first_view or str(store.value(preferences.LAST_VIEW, VIEWS[0].key))
        keys = [s.key for s in VIEWS]
        self.show_view(last if last in keys else keys[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.settle_input():
            event.ignore()
            return
        self.ctx.close()
        store = preferences.settings()
        store.setValue(preferences.GEOMETRY, self.saveGeometry())
        store.setValue(preferences.STATE, self.saveState())
        store.setValue(preferences.SPLITTER, self.splitter.saveState())
        store.setValue(preferences.LAST_VIEW, self.current_view_key())
        store.sync()
        super().closeEvent(event)
