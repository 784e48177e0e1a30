"""Sikkerhedskopier: the list of backups, take one now, restore one, how many to keep.

Also `open_desk`, the start-up flow the application calls: it takes the desk lock, runs the
checks, and asks the user when the file is in use elsewhere (open read-only?) or damaged
(restore the newest backup?), and shows start-up warnings (a network or cloud folder).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import date_time
from kulturpunkt_desk.domain.services import backups
from kulturpunkt_desk.storage.desk_lock import DeskLockedError, LockUnavailableError
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import DatabaseFileError
from kulturpunkt_desk.storage.paths import backup_dir
from kulturpunkt_desk.storage.startup import DeskSession, restore_from_backup, start_desk

from .accessibility import name_list
from .failure import in_box, told_on_failure


def tr(text: str) -> str:
    return QCoreApplication.translate("backup", text)


class BackupDialog(QDialog):
    """Emits `restored` after a restore, so the window can reload and clear its undo stack."""

    restored = Signal(Path)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Sikkerhedskopier"))
        intro = QLabel(
            self.tr(
                "Der tages en sikkerhedskopi ved hver opstart og før hver opgradering. "
                "Ved gendannelse gemmes den nuværende fil også som sikkerhedskopi."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        name_list(self.table, self.tr("Sikkerhedskopier"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taget"), self.tr("Anledning"), self.tr("Størrelse")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.keep = QSpinBox()
        self.keep.setAccessibleName(self.tr("Behold de nyeste"))
        self.keep.setRange(1, 1000)
        self.keep.setValue(backups.backup_keep(db))
        self.keep.setSuffix(self.tr(" kopier"))
        save_keep = QPushButton(self.tr("Gem antal"))
        save_keep.clicked.connect(self.save_keep)
        self.backup_button = QPushButton(self.tr("Tag sikkerhedskopi nu"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Gendan den valgte…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # Where the copies are, so they can also be copied to a USB stick or a network drive.
        self.folder = QLabel(self.tr("Mappe: {0}").format(backup_dir(db.path)))
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_folder = QPushButton(self.tr("Åbn mappen"))
        open_folder.clicked.connect(self.open_folder)

        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Behold de nyeste")))
        keep_row.addWidget(self.keep)
        keep_row.addWidget(save_keep)
        keep_row.addStretch()
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addStretch()
        actions.addWidget(open_folder)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.folder)
        layout.addLayout(keep_row)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(620, 420)
        self.reload()

    def reload(self) -> None:
        self.items = backups.list_backup_files(self.db)
        self.table.setRowCount(len(self.items))
        for row, info in enumerate(self.items):
            taken = date_time(info.taken_at) if info.taken_at else info.path.name
            size = f"{info.size_bytes / 1024:,.0f} kB".replace(",", ".")
            for col, text in enumerate([taken, info.reason, size]):
                cell = QTableWidgetItem(text)
                cell.setToolTip(str(info.path))
                self.table.setItem(row, col, cell)
        if self.items:
            self.table.selectRow(0)
        elif not self.status.text():
            self.status.setText(
                self.tr("Der er ingen sikkerhedskopier af denne fil endnu. Tag en nu.")
            )
        self.restore_button.setEnabled(bool(self.items) and not self.db.read_only)

    def selected(self) -> Path | None:
        row = self.table.currentRow()
        return self.items[row].path if 0 <= row < len(self.items) else None

    def open_folder(self) -> None:
        from .documents_actions import open_document

        folder = backup_dir(self.db.path)
        folder.mkdir(parents=True, exist_ok=True)
        open_document(folder)

    def save_keep(self) -> None:
        with told_on_failure(in_box(self, self.tr("Kan ikke gemme"))) as outcome:
            backups.set_backup_keep(self.db, self.keep.value())
        if outcome.failed:
            return
        self.status.setText(
            self.tr("De nyeste {0} sikkerhedskopier gemmes.").format(self.keep.value())
        )
        self.reload()

    def backup_now(self) -> None:
        with told_on_failure(in_box(self, self.tr("Sikkerhedskopi mislykkedes"))) as outcome:
            path = backups.backup_now(self.db)
        if outcome.failed:
            return
        self.status.setText(self.tr("Sikkerhedskopi gemt: {0}").format(path.name))
        self.reload()

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Gendan sikkerhedskopi"),
            self.tr(
                "Databasen erstattes af sikkerhedskopien {0}. Ændringer gemt efter den "
                "forsvinder fra databasen, men den nuværende fil gemmes som sikkerhedskopi, "
                "så intet går tabt. Fortsæt?"
            ).format(chosen.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore(chosen)

    def restore(self, chosen: Path) -> None:
        with told_on_failure(in_box(self, self.tr("Gendannelse mislykkedes"))) as outcome:
            kept = backups.restore(self.db, chosen)
        if outcome.failed:
            return
        kept_text = kept.name if kept else self.tr("(ingen tidligere fil)")
        self.status.setText(
            self.tr("Gendannet fra {0}. Den tidligere fil er gemt som {1}.").format(
                chosen.name, kept_text
            )
        )
        self.reload()
        self.restored.emit(chosen)


def open_desk(
    path: Path | str,
    parent: QWidget | None = None,
    *,
    create: bool = True,
    start: Callable[..., DeskSession] = start_desk,
) -> DeskSession | None:
    """Open `path` with the desk lock and the start-up checks, asking the user when needed.

    `start` is storage.startup.start_desk or a wrapper running it off the GUI thread.
    Returns None when the user gave up (the reason was shown). The lock is let go by
    `session.db.close()` (use it instead of dispose() when switching files) and, at the
    latest, when the application quits.
    """
    read_only = False
    restored = False
    while True:
        try:
            session = start(path, create=create, read_only=read_only)
            break
        except (DeskLockedError, LockUnavailableError) as exc:
            answer = QMessageBox.question(
                parent,
                tr("Databasen er i brug"),
                str(exc) + "\n\n" + tr("Vil du åbne den skrivebeskyttet?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            read_only = True
        except DatabaseFileError as exc:
            if exc.newest_backup is None or restored:
                QMessageBox.critical(parent, tr("Databasen kan ikke åbnes"), str(exc))
                return None
            answer = QMessageBox.question(
                parent,
                tr("Databasen kan ikke åbnes"),
                str(exc) + "\n\n" + tr("Vil du gendanne den nyeste sikkerhedskopi nu?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            newest = exc.newest_backup
            with told_on_failure(in_box(parent, tr("Gendannelse mislykkedes"))) as outcome:
                restore_from_backup(path, newest)
            if outcome.failed:
                return None
            restored = True
    for warning in session.warnings:
        QMessageBox.warning(parent, tr("Advarsel om databasen"), warning)
    app = QCoreApplication.instance()
    if app is not None:
        # A lambda, not the bound method: PySide holds bound methods of plain objects weakly.
        app.aboutToQuit.connect(lambda: session.close())
    return session
