"""The start-up shell: the window the user sees while the database layer loads.

It paints the Overblik from the start-up snapshot (storage/snapshot.py) when the snapshot
belongs to this very file, unchanged since, written today at today's schema; otherwise it
shows a loading state. It imports Qt and Qt-free, SQLAlchemy-free modules only, so it is on
screen before SQLAlchemy is imported (tests/test_start_shell.py checks both).

Nothing in it can edit: the shell holds no database, its navigation and panel are disabled,
and it has no menus. The live window replaces it as soon as the file has been opened and
checked (ui/app.py), with the live figures.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QWidget,
)

from kulturpunkt_desk.domain.overblik_data import OverblikData
from kulturpunkt_desk.storage.snapshot import read_snapshot

from . import preferences
from .view_list import VIEWS
from .views.overview_panel import OverviewPanel

UPDATING = "opdateres…"


def tr(text: str) -> str:
    return QCoreApplication.translate("StartShell", text)


def valid_snapshot(db_path: Path, today: date) -> OverblikData | None:
    """The snapshot's Overblik if it may be shown for `db_path` on `today`, else None."""
    content = read_snapshot(db_path, today)
    if content is None:
        return None
    try:
        return OverblikData.from_plain(content)
    except (KeyError, ValueError, TypeError):
        return None


class StartShell(QMainWindow):
    """Emits `painted` once, after its content was first painted on screen."""

    painted = Signal()

    def __init__(self, db_path: Path, today: date | None = None) -> None:
        super().__init__()
        self.setObjectName("start_shell")
        self.db_path = Path(db_path)
        self.data = valid_snapshot(self.db_path, today or date.today())
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(20, 20))
        for spec in VIEWS:
            self.nav.addItem(QListWidgetItem(QCoreApplication.translate("MainWindow", spec.title)))
        # As wide as the live window's navigation (its longest item in the user's font).
        self.nav.setMinimumWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8)
        self.nav.setCurrentRow(0)
        self.nav.setEnabled(False)
        self.panel: OverviewPanel | None = None
        self.loading: QLabel | None = None
        content: QWidget
        if self.data is not None:
            self.panel = OverviewPanel()
            self.panel.show_data(self.data)
            self.panel.set_state(tr(UPDATING))
            self.panel.setEnabled(False)  # read-only until the live data replace it
            content = self.panel
        else:
            self.loading = QLabel(tr("Åbner {0} …").format(self.db_path.name))
            self.loading.setObjectName("loading")
            self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            content = self.loading
        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(content)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.setWindowTitle(tr("{0} – Kulturpunkt Desk").format(self.db_path.name))
        preferences.restore_window_size(self, self.splitter)  # where the live window opens
        self._first_paint = _FirstPaint(self)
        content.installEventFilter(self._first_paint)

    @property
    def shows_snapshot(self) -> bool:
        return self.panel is not None


class _FirstPaint(QObject):
    def __init__(self, shell: StartShell) -> None:
        super().__init__(shell)
        self.shell = shell
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            self.shell.painted.emit()
        return False
