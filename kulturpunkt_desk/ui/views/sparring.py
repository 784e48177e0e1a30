"""Sparring: the log of every sparring session, filtered by area and round, with follow-ups.

Ctrl+N logs a new session (see dialogs/sparring_session.py); Enter or a double click
edits the selected one; follow-ups are marked done in the lower half.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.models import (
    CORE_ELEMENT_LABELS,
    SESSION_FORM_LABELS,
    SparringSession,
)
from kulturpunkt_desk.domain.services import areas, sparring
from kulturpunkt_desk.domain.services.sparring import FollowUpRow, SessionRow

from ..context import DeskContext
from ..dialogs.sparring_session import SessionDialog
from ..models.record_table import MUTED_COLOUR, WARNING_COLOUR, Column, RecordTableModel
from ..undo import confirm_and_delete
from ..widgets.record_table import RecordTable
from .base import View

NO_ROUND = 0  # the round filter's value for sessions before the first round


def _open(session: SessionRow) -> list[FollowUpRow]:
    return [a for a in session.follow_ups if a.done_on is None]


class SparringView(View):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: SessionDialog | None = None
        today = date.today()

        def round_text(s: SessionRow) -> str:
            n = s.round
            return self.tr("{0}. runde").format(n) if n else self.tr("Før 1. runde")

        def open_text(s: SessionRow) -> str:
            actions = _open(s)
            late = [a for a in actions if a.due_on is not None and a.due_on < today]
            if not actions:
                return "–"
            text = "; ".join(a.description for a in actions)
            return self.tr("{0} overskredet: {1}").format(len(late), text) if late else text

        # Looked up per painted cell: translated once here.
        forms = {form: self.tr(label) for form, label in SESSION_FORM_LABELS.items()}
        element_labels = {e.value: self.tr(label) for e, label in CORE_ELEMENT_LABELS.items()}

        def open_colour(s: SessionRow) -> object:
            late = any(a.due_on is not None and a.due_on < today for a in _open(s))
            return WARNING_COLOUR if late else None

        self.model: RecordTableModel[SessionRow] = RecordTableModel(
            [
                Column(self.tr("Dato"), lambda s: short_date(s.held_on), lambda s: s.held_on),
                Column(self.tr("Lokalområde"), lambda s: s.area_name),
                Column(self.tr("Form"), lambda s: forms[s.form]),
                Column(self.tr("Runde"), round_text, lambda s: s.round or 0),
                Column(
                    self.tr("Deltagere"),
                    lambda s: ", ".join(s.participants),
                ),
                Column(
                    self.tr("Kerneelementer"),
                    lambda s: ", ".join(element_labels[e] for e in s.core_elements),
                ),
                Column(
                    self.tr("Åbne opfølgninger"),
                    open_text,
                    lambda s: len(_open(s)),
                    colour=open_colour,  # type: ignore[arg-type]
                    tooltip=open_text,
                ),
            ],
            lambda s: s.id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Sparringsmøder"))
        self.table.activated_id.connect(lambda _id: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._show_details)

        self.follow_model: RecordTableModel[FollowUpRow] = RecordTableModel(
            [
                Column(self.tr("Opfølgning"), lambda a: a.description),
                Column(self.tr("Ansvarlig"), lambda a: a.responsible),
                Column(
                    self.tr("Frist"),
                    lambda a: short_date(a.due_on),
                    lambda a: a.due_on,
                    colour=lambda a: (
                        WARNING_COLOUR
                        if a.done_on is None and a.due_on is not None and a.due_on < today
                        else None
                    ),
                ),
                Column(
                    self.tr("Udført"),
                    lambda a: short_date(a.done_on, self.tr("Ikke udført")),
                    lambda a: a.done_on,
                    colour=lambda a: MUTED_COLOUR if a.done_on is None else None,
                ),
            ],
            lambda a: a.id,
        )
        self.follow_table = RecordTable(self.follow_model)
        self.follow_table.setAccessibleName(self.tr("Opfølgninger"))
        self.follow_table.activated_id.connect(lambda _id: self.toggle_done())
        self.follow_table.selectionModel().selectionChanged.connect(self._update_done_button)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Noter"))
        self.notes.setReadOnly(True)
        self.notes.setPlaceholderText(self.tr("Vælg et møde for at se noterne."))

        self.new_button = QPushButton(self.tr("Nyt sparringsmøde (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton(self.tr("Redigér"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Slet"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.done_button = QPushButton(self.tr("Markér som udført"))
        self.done_button.clicked.connect(self.toggle_done)
        self.area_filter = QComboBox()
        self.round_filter = QComboBox()
        self.area_filter.currentIndexChanged.connect(self._apply_filters)
        self.round_filter.currentIndexChanged.connect(self._apply_filters)
        self.count_label = QLabel()

        bar = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        filters = QHBoxLayout()
        area_label = QLabel(self.tr("&Lokalområde:"))
        area_label.setBuddy(self.area_filter)
        round_label = QLabel(self.tr("R&unde:"))
        round_label.setBuddy(self.round_filter)
        for item in (area_label, self.area_filter, round_label, self.round_filter):
            filters.addWidget(item)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        notes_box = QVBoxLayout()
        notes_box.addWidget(QLabel(self.tr("Noter")))
        notes_box.addWidget(self.notes)
        follow_box = QVBoxLayout()
        follow_head = QHBoxLayout()
        follow_head.addWidget(QLabel(self.tr("Opfølgninger")))
        follow_head.addStretch(1)
        follow_head.addWidget(self.done_button)
        follow_box.addLayout(follow_head)
        follow_box.addWidget(self.follow_table)
        lower_layout.addLayout(notes_box, 2)
        lower_layout.addLayout(follow_box, 3)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([420, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addWidget(splitter)

        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            self.delete_selected,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.all_sessions: list[SessionRow] = []

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.table.keep_selection()
        listed = sparring.session_list(self.ctx.db, self.ctx.programme_id)
        self.all_sessions = listed.rows
        self._fill_filters(listed.rounds)
        self._apply_filters()
        self.table.restore_selection(keep)
        if self.table.current_id() is None and self.model.rows:
            self.table.selectRow(0)
        self._show_details()

    def _fill_filters(self, rounds: tuple[int, ...]) -> None:
        area_id, round_no = self.area_filter.currentData(), self.round_filter.currentData()
        for combo in (self.area_filter, self.round_filter):
            combo.blockSignals(True)
            combo.clear()
        self.area_filter.addItem(self.tr("Alle lokalområder"), None)
        for area in areas.area_names(self.ctx.db, self.ctx.programme_id):
            self.area_filter.addItem(area.name, area.id)
        self.round_filter.addItem(self.tr("Alle runder"), None)
        held = {s.round for s in self.all_sessions}
        numbers = sorted({n for n in held if n} | set(rounds))
        for n in numbers:
            self.round_filter.addItem(self.tr("{0}. runde").format(n), n)
        if None in held:
            self.round_filter.addItem(self.tr("Før 1. runde"), NO_ROUND)
        self.area_filter.setCurrentIndex(max(self.area_filter.findData(area_id), 0))
        self.round_filter.setCurrentIndex(max(self.round_filter.findData(round_no), 0))
        for combo in (self.area_filter, self.round_filter):
            combo.blockSignals(False)

    def _apply_filters(self) -> None:
        area_id, round_no = self.area_filter.currentData(), self.round_filter.currentData()
        shown = [
            s
            for s in self.all_sessions
            if (area_id is None or s.area_id == area_id)
            and (round_no is None or (s.round or NO_ROUND) == round_no)
        ]
        self.model.set_rows(shown)
        self.table.fit_columns()
        self.count_label.setText(
            self.tr("{0} af {1}").format(len(shown), count(len(self.all_sessions), "møde"))
        )

    def _show_details(self) -> None:
        session = self.table.current_record()
        self.notes.setPlainText(sparring.session_notes(self.ctx.db, session.id) if session else "")
        self.follow_model.set_rows(list(session.follow_ups) if session else [])
        self.follow_table.fit_columns()
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(session is not None)
        self._update_done_button()

    def _update_done_button(self) -> None:
        action = self.follow_table.current_record()
        self.done_button.setEnabled(action is not None)
        done = action is not None and action.done_on is not None
        self.done_button.setText(
            self.tr("Markér som ikke udført") if done else self.tr("Markér som udført")
        )

    # --- actions ------------------------------------------------------------------------

    def new_record(self) -> None:
        self._open_dialog(SessionDialog(self.ctx, self, area_id=self.area_filter.currentData()))

    def edit_selected(self) -> None:
        session = self.table.current_record()
        if session is not None:
            full = sparring.get_session(self.ctx.db, session.id)
            self._open_dialog(SessionDialog(self.ctx, self, session=full))

    def _open_dialog(self, dialog: SessionDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_save(dialog))
        dialog.open()

    def _after_save(self, dialog: SessionDialog) -> None:
        if dialog.saved_id is not None:
            self.open_record("sparring_session", dialog.saved_id)

    def delete_selected(self) -> None:
        session = self.table.current_record()
        if session is None:
            return
        label = self.tr("sparringsmødet med {0} den {1}").format(
            session.area_name, short_date(session.held_on)
        )
        confirm_and_delete(
            self.ctx,
            self,
            SparringSession,
            session.id,
            label,
            self.tr("Deltagere, noter og opfølgninger slettes sammen med mødet."),
        )

    def toggle_done(self) -> None:
        action = self.follow_table.current_record()
        if action is None:
            return
        sparring.set_follow_up_done(
            self.ctx.db, action.id, None if action.done_on else date.today()
        )
        self.follow_table.select_id(action.id)

    def open_record(self, kind: str, record_id: str) -> bool:
        if kind not in ("sparring_session", "follow_up"):
            return False
        if self._stale or not self.all_sessions:
            self._stale = False
            self.refresh()
        session_id = record_id
        if kind == "follow_up":
            owner = next(
                (s for s in self.all_sessions if any(a.id == record_id for a in s.follow_ups)),
                None,
            )
            if owner is None:
                return False
            session_id = owner.id
        if self.model.row_of_id(session_id) < 0:
            self.area_filter.setCurrentIndex(0)
            self.round_filter.setCurrentIndex(0)
        if not self.table.select_id(session_id):
            return False
        if kind == "follow_up":
            self.follow_table.select_id(record_id)
        return True
