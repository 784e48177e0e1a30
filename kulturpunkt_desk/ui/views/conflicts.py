"""Konflikter: what laptops' syncs could not merge without a person, and deciding each.

The list is `sync_conflicts.open_conflicts` (the same as `kulturpunkt-desk conflicts`); the
panel under it shows the chosen conflict's three versions. A choice is an ordinary,
undoable edit (Ctrl+Z brings the conflict back); the list reloads on every change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from kulturpunkt_desk.domain.danish import count, sort_key
from kulturpunkt_desk.domain.models.sync import ConflictResolution
from kulturpunkt_desk.domain.services import sync_conflicts
from kulturpunkt_desk.domain.services.sync_conflicts import ConflictRow

from .. import palette, scale
from ..context import DeskContext
from ..failure import told_on_failure
from ..models.record_table import Column, RecordTableModel
from ..widgets.record_table import RecordTable
from ..widgets.sync_conflict_panel import SyncConflictPanel
from .base import View

_CHOICE_NAMES = {
    ConflictResolution.SERVER: "behold serverens",
    ConflictResolution.LAPTOP: "brug den bærbares",
    ConflictResolution.EDITED: "ny værdi",
}


def _when_key(row: ConflictRow) -> str:
    return row.laptop_at.isoformat() if row.laptop_at else ""


class ConflictsView(View):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model: RecordTableModel[ConflictRow] = RecordTableModel(
            [
                Column("Post", lambda r: r.record_label, lambda r: sort_key(r.record_label)),
                Column("Felt", lambda r: r.field_label, lambda r: sort_key(r.field_label)),
                Column("Serveren", lambda r: r.server, tooltip=lambda r: r.server),
                Column("Den bærbare", lambda r: r.laptop, tooltip=lambda r: r.laptop),
                Column("Ændret af", lambda r: r.laptop_user),
                Column("Ændret", lambda r: r.laptop_when, _when_key),
                # Last: the longest text, and the column that stretches.
                Column("Konflikt", lambda r: r.kind_label, tooltip=lambda r: r.kind_label),
            ],
            lambda r: r.id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName("Konflikter")
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated_id.connect(lambda _id: self.panel.keep_server.setFocus())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Konflikter i alt")
        hint = QLabel(
            "En konflikt opstår, når en bærbar og serveren har ændret det samme, mens den "
            "bærbare var uden net. Serverens udgave gælder, indtil du vælger; den bærbares er "
            "gemt her. Dit valg kan fortrydes med Ctrl+Z."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(palette.style(palette.HINT))
        self.panel = SyncConflictPanel(self.resolve)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.table)
        top_layout.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        kept = self.table.keep_selection()
        rows = sync_conflicts.open_conflicts(self.ctx.db)
        self.model.set_rows(rows)
        self.table.fit_columns(max_width=scale.chars_wide(self.table, 34))
        self.summary.setText(
            f"{count(len(rows), 'konflikt')} venter på en beslutning."
            if rows
            else "Ingen åbne konflikter. Alt fra de bærbare er flettet ind."
        )
        self.panel.setVisible(bool(rows))  # nothing to decide: no empty panel
        self.table.restore_selection(kept)
        if self.table.current_id() is None and rows:
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        current = self.table.current_record()
        self.panel.show_conflict(current if isinstance(current, ConflictRow) else None)

    def resolve(self, choice: ConflictResolution, value: str | None) -> None:
        row = self.panel.row
        if row is None:
            return
        what = f"{row.record_label} ({_CHOICE_NAMES[choice]})"
        # Told beside the buttons, as a refused save is; what was typed stays.
        with (
            told_on_failure(self.panel.tell) as outcome,
            self.ctx.undo_entry(f"Løs konflikt om {what}"),
        ):
            sync_conflicts.resolve(self.ctx.db, row.id, choice, value)
        window = self.window()
        if not outcome.failed and isinstance(window, QMainWindow):
            window.statusBar().showMessage(f"Konflikten er løst: {what}.", 8000)

    def open_record(self, kind: str, record_id: str) -> bool:
        if kind != "sync_conflict":
            return False
        if self._stale:
            self._stale = False
            self.refresh()
        return self.table.select_id(record_id)
