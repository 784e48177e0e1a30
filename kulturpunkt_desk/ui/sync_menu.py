"""Filer ▸ Synkronisér, and the open conflicts counted in the window.

Synkronisér is there for a laptop copy (a file made by `kulturpunkt-desk sync`): it runs
`services.sync.sync` off the GUI thread behind a progress dialog fed by the sync's own
steps, then reloads every view and says what was sent, received and left as conflicts.
A sync cannot be stopped halfway by the user (it finishes or changes nothing by itself);
a failure is told in Danish, and the sync leaves the laptop and the server as before.

The count of open conflicts (`sync_conflicts.count_open`, the figure the `conflicts`
command gives) stands in the navigation ("Konflikter (3)") and in the status bar, in words.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMessageBox, QProgressDialog, QWidget

from kulturpunkt_desk.domain.changes import ChangeSet
from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.services import sync_conflicts
from kulturpunkt_desk.storage.engine import Database

from .background import BackgroundTask
from .failure import explain
from .safety_menu import file_menu
from .view_list import VIEWS

if TYPE_CHECKING:
    from kulturpunkt_desk.domain.services.sync import Progress, SyncReport

    from .main_window import MainWindow

KEY = "conflicts"
STEPS = 1000  # the dialog's range for the sync's fraction 0..1


def laptop_server(db: Database) -> str | None:
    """The server this file syncs with, or None for any other database."""
    from kulturpunkt_desk.domain.services import sync

    return sync.laptop_server(db)


def run_sync(laptop: Path, progress: Progress) -> SyncReport:
    """One sync of the laptop copy with its remembered server (runs on a worker thread)."""
    from kulturpunkt_desk.domain.services import sync

    return sync.sync(laptop, progress=progress)


def nav_title(open_count: int) -> str:
    return f"Konflikter ({open_count})" if open_count else "Konflikter"


def status_text(open_count: int) -> str:
    return f"{count(open_count, 'åben konflikt')} fra synkronisering" if open_count else ""


class SyncProgress(QProgressDialog):
    """The sync's steps; no Annullér, and Escape does not hide it while the sync runs."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("Synkroniserer med serveren…", "", 0, STEPS, parent)
        self.setWindowTitle("Synkronisér")
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.running = True

    def step(self, text: str, fraction: float) -> None:
        self.setLabelText(text or "Synkroniserer med serveren…")
        self.setValue(max(0, min(STEPS, round(fraction * STEPS))))

    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
        else:
            super().closeEvent(event)


class SyncControls:
    """The Synkronisér action and the conflict count of one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.ctx = window.ctx
        self.action = QAction("S&ynkronisér med serveren…", window)
        self.action.setToolTip("Send den bærbares ændringer og hent kollegernes")
        self.action.triggered.connect(self.start)
        self.file_menu = menu = file_menu(window)
        after = next(
            (a for a in menu.actions() if a.text().replace("&", "").startswith("Flet en fil")),
            None,
        )
        actions = menu.actions()
        before = actions[actions.index(after) + 1] if after in actions[:-1] else None
        menu.insertAction(before, self.action)  # type: ignore[arg-type]
        self.status = QLabel()
        self.status.setAccessibleName("Åbne konflikter")
        window.statusBar().addPermanentWidget(self.status)
        self.task: BackgroundTask | None = None
        self.dialog: SyncProgress | None = None
        self.last_report: SyncReport | None = None
        self.ctx.records_changed.connect(self._on_change)
        self.ctx.database_replaced.connect(self.update)
        # Whether the file is a laptop copy is asked when Filer opens: the sync's modules
        # (and APSW) are not loaded at start-up for it.
        menu.aboutToShow.connect(self.update_action)
        self.action.setEnabled(False)
        self.show_count(sync_conflicts.count_open(self.ctx.db))

    def nav_item(self) -> QListWidgetItem:
        row = next(n for n, spec in enumerate(VIEWS) if spec.key == KEY)
        return self.window.nav.item(row)

    def update(self) -> None:
        """The count in the navigation and the status bar; Synkronisér on a laptop copy."""
        self.update_action()
        self.show_count(sync_conflicts.count_open(self.ctx.db))

    def update_action(self) -> None:
        self.action.setEnabled(self.task is None and laptop_server(self.ctx.db) is not None)

    def show_count(self, open_count: int) -> None:
        self.nav_item().setText(nav_title(open_count))
        self.status.setText(status_text(open_count))
        self.status.setVisible(bool(open_count))

    def _on_change(self, change: ChangeSet) -> None:
        # Only conflicts move the count; news without kinds (F5, a sync) may hold any.
        if not change.kinds or change.touches("sync_conflict", "*"):
            self.show_count(sync_conflicts.count_open(self.ctx.db))

    def start(self) -> None:
        if self.task is not None or not self.window.settle_input():
            return
        if laptop_server(self.ctx.db) is None:  # not a laptop copy (any more)
            self.update_action()
            return
        laptop = self.ctx.db.path
        self.dialog = dialog = SyncProgress(self.window)
        task = BackgroundTask.for_context(self.ctx, lambda _db, _p: self._sync(task, laptop))
        task.progress.connect(lambda done, _total, text: self._step(text, done / STEPS))
        task.finished.connect(self._done)
        task.failed.connect(self._failed)
        self.task = task
        self.action.setEnabled(False)
        dialog.show()
        task.start()

    @staticmethod
    def _sync(task: BackgroundTask, laptop: Path) -> Any:
        """On the worker: the sync, its steps sent to the dialog through the task's signal."""
        return run_sync(
            laptop, lambda text, fraction: task.progress.emit(round(fraction * STEPS), STEPS, text)
        )

    def _step(self, text: str, fraction: float) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.step(text, fraction)

    def _end(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.running = False
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None
        self.ctx.changed()  # the sync wrote the file around this window: read all again

    def _done(self, report: SyncReport) -> None:
        self._end()
        self.last_report = report
        self.window.statusBar().showMessage("Synkroniseret med serveren.", 8000)
        QMessageBox.information(self.window, "Synkroniseret", report.summary())
        if report.conflicts:
            self.window.show_view(KEY)
        self._ready()

    def _failed(self, exc: BaseException) -> None:
        self._end()
        QMessageBox.warning(
            self.window,
            "Synkroniseringen lykkedes ikke",
            f"{explain(exc)}\n\nIntet er gået tabt: den bærbare og serveren er, som de var, "
            "eller synkroniseringen gøres færdig næste gang.",
        )
        self._ready()

    def _ready(self) -> None:
        """Last, once the user has been told: Synkronisér can be chosen again."""
        self.task = None
        self.update()


def install_sync(window: MainWindow) -> SyncControls:
    controls = SyncControls(window)
    window.sync_controls = controls  # type: ignore[attr-defined]
    return controls
