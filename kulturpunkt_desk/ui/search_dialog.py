"""Søg (Ctrl+F): type a few words, see every area, person, organisation, note and
activity that holds them, and open one with Enter or a double click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from kulturpunkt_desk.domain.services import search
from kulturpunkt_desk.domain.services.search import KIND_LABELS, SearchHit

from .context import DeskContext
from .models.record_table import Column, RecordTableModel
from .widgets.record_table import RecordTable

# Typing pauses this long before the search runs, so each key does not query.
TYPING_PAUSE_MS = 200


class SearchDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Søg"))
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr("Søg i lokalområder, personer, organisationer, noter og aktiviteter…")
        )
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Søg efter"))
        self.query.installEventFilter(self)
        t = self.tr
        self.model: RecordTableModel[SearchHit] = RecordTableModel(
            [
                Column(t("Hvad"), lambda h: t(KIND_LABELS[h.kind])),
                Column(t("Titel"), lambda h: h.title),
                Column(t("Fundet i"), lambda h: h.snippet, tooltip=lambda h: h.snippet),
            ],
            lambda h: self.model.rows.index(h),
        )
        self.results = RecordTable(self.model)
        self.results.setAccessibleName(self.tr("Søgeresultater"))
        self.results.activated_id.connect(self._open_row)
        self.status = QLabel()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self.timer.start())
        self.query.returnPressed.connect(self.open_current)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        self.resize(760, 460)

    def run_search(self) -> None:
        self.timer.stop()
        text = self.query.text()
        hits = search.search(self.ctx.db, self.ctx.programme_id, text)
        self.model.set_rows(hits)
        self.results.fit_columns(max_width=260)
        if hits:
            self.results.selectRow(0)
            self.status.setText(self.tr("{0} fundet. Enter åbner det valgte.").format(len(hits)))
        else:
            self.status.setText(self.tr("Intet fundet.") if text.strip() else "")

    def open_current(self) -> None:
        if self.timer.isActive():  # Enter before the pause ended: search now
            self.run_search()
        hit = self.results.current_record()
        if hit is not None:
            self.open_hit(hit)

    def _open_row(self, row: int) -> None:
        self.open_hit(self.model.rows[row])

    def open_hit(self, hit: SearchHit) -> None:
        self.accept()
        self.ctx.open_record(hit.open_kind, hit.open_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Arrow keys in the search field move through the results.
        arrow = (Qt.Key.Key_Down, Qt.Key.Key_Up)
        if (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in arrow
        ):
            self.results.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)
