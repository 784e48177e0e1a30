"""Netværksmøder: the network and inspiration meetings and who came from which area.

The list on the left shows how many of the areas were represented at each meeting; the
meeting's page on the right holds its agenda, notes and the attendance grid.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.dates import long_date, short_date
from kulturpunkt_desk.domain.models import MEETING_KIND_LABELS, NetworkMeeting
from kulturpunkt_desk.domain.services import areas, meetings
from kulturpunkt_desk.domain.services.meetings import MeetingRow

from .. import palette, scale
from ..context import DeskContext
from ..dialogs.meeting import MeetingDialog
from ..failure import told_on_failure
from ..models.record_table import WARNING_COLOUR, Column, RecordTableModel
from ..undo import confirm_and_delete
from ..widgets.attendance_grid import AttendanceGrid
from ..widgets.record_table import RecordTable
from .base import View


def _represented(meeting: MeetingRow) -> int:
    return meeting.represented


class MeetingsView(View):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.area_count = 0
        self.dialog: MeetingDialog | None = None
        self.shown_id: str | None = None
        self.dirty = False

        self.model: RecordTableModel[MeetingRow] = RecordTableModel(
            [
                Column(self.tr("Dato"), lambda m: short_date(m.held_on), lambda m: m.held_on),
                Column(
                    self.tr("Repræsenteret"),
                    lambda m: f"{_represented(m)}/{self.area_count}",
                    _represented,
                    right=True,
                    colour=lambda m: WARNING_COLOUR if _represented(m) < self.area_count else None,
                    tooltip=lambda m: self.tr("{0} af {1} var repræsenteret").format(
                        _represented(m), count(self.area_count, "lokalområde")
                    ),
                ),
                Column(
                    "Runde", lambda m: f"{m.round}." if m.round else "–", lambda m: m.round or 0
                ),
                Column(self.tr("Titel"), lambda m: m.title),
                Column(self.tr("Sted"), lambda m: m.place),
                Column(self.tr("Type"), lambda m: self.tr(MEETING_KIND_LABELS[m.kind])),
            ],
            lambda m: m.id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Netværksmøder"))
        self.table.activated_id.connect(lambda _id: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.new_button = QPushButton(self.tr("Nyt møde (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton(self.tr("Redigér"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Slet"))
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        # Per round of the timeline: the designated areas that came to none of its meetings.
        self.rounds_label = QLabel()
        self.rounds_label.setWordWrap(True)
        self.rounds_label.setAccessibleName("Fremmøde i runderne")

        self.heading = QLabel()
        scale.heading(self.heading, 1.6)
        self.heading.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setWordWrap(True)  # date, place, kind and round: long at a large font
        self.agenda = QPlainTextEdit()
        self.agenda.setAccessibleName(self.tr("Dagsorden"))
        self.agenda.setReadOnly(True)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Noter"))
        self.notes.setReadOnly(True)
        texts = QTabWidget()
        texts.addTab(self.agenda, self.tr("Dagsorden"))
        texts.addTab(self.notes, self.tr("Noter"))
        texts.setMaximumHeight(scale.lines_high(texts, 7))  # the attendance grid needs the room
        self.absent_label = QLabel()
        self.absent_label.setWordWrap(True)
        self.grid = AttendanceGrid()
        self.grid.setAccessibleName(self.tr("Fremmøde"))
        self.grid.changed.connect(self._grid_changed)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(palette.style(palette.WARNING))
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.save_button = QPushButton(self.tr("Gem fremmøde (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_attendance)
        self.reset_button = QPushButton(self.tr("Fortryd ændringer"))
        self.reset_button.clicked.connect(self._load_page)
        QShortcut(
            QKeySequence.StandardKey.Save,
            self,
            self.save_attendance,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(8, 0, 0, 0)
        page_layout.addWidget(self.heading)
        page_layout.addWidget(self.meta)
        page_layout.addWidget(texts)
        attendance_head = QHBoxLayout()
        title = QLabel(self.tr("Fremmøde"))
        title.setStyleSheet("font-weight: bold;")
        attendance_head.addWidget(title)
        attendance_head.addStretch(1)
        attendance_head.addWidget(self.reset_button)
        attendance_head.addWidget(self.save_button)
        page_layout.addLayout(attendance_head)
        page_layout.addWidget(self.absent_label)
        page_layout.addWidget(self.grid, 1)
        page_layout.addWidget(self.error_label)
        self.page = page

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(page)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter)
        # Under both panes: its dates do not wrap, and beside the page a large font was too wide.
        layout.addWidget(self.rounds_label)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            self.delete_selected,
            Qt.ShortcutContext.WidgetShortcut,
        )

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.table.keep_selection() or self.shown_id
        self.all_areas = areas.area_names(self.ctx.db, self.ctx.programme_id)
        self.area_count = len(self.all_areas)
        self.members = meetings.programme_members(self.ctx.db, self.ctx.programme_id)
        self.model.set_rows(meetings.meeting_rows(self.ctx.db, self.ctx.programme_id))
        self._show_rounds()
        self.table.fit_columns(260)
        # The page is loaded once, below, not again for each selection change on the way.
        self._refreshing = True
        try:
            self.table.restore_selection(keep)
            if self.table.current_id() is None and self.model.rows:
                self.table.selectRow(0)
        finally:
            self._refreshing = False
        self._load_page()

    _refreshing = False

    def _show_rounds(self) -> None:
        lines = []
        for r, absent in meetings.absences_by_round(self.ctx.db, self.ctx.programme_id):
            span = f"{short_date(r.starts_on)}–{short_date(r.ends_on)}"
            if absent:
                names = ", ".join(a.name for a in absent)
                count = (
                    "1 udpeget lokalområde"
                    if len(absent) == 1
                    else f"{len(absent)} udpegede lokalområder"
                )
                lines.append(
                    f"<b>{r.number}. runde</b> ({span}): {count} "
                    f"har ikke været med til noget møde: {escape(names)}"
                )
            else:
                lines.append(
                    f"<b>{r.number}. runde</b> ({span}): alle udpegede lokalområder har været med."
                )
        self.rounds_label.setText("<br>".join(lines))

    def _selection_changed(self) -> None:
        if self._refreshing:
            return
        if self.table.current_id() != self.shown_id and not self.settle_input():
            self._refreshing = True  # Bliv: back to the meeting with the ticks
            self.table.select_id(self.shown_id)
            self._refreshing = False
            return
        self._load_page()

    def unsaved_input(self) -> str:
        if not self.dirty or self.shown_id is None:
            return ""
        return self.tr("Fremmødet til «{0}»").format(self.heading.text())

    def save_input(self) -> bool:
        if self.shown_id is not None:
            self._save(self.shown_id)
        return not self.dirty

    def discard_input(self) -> None:
        self._set_dirty(False)

    def _load_page(self) -> None:
        meeting = self.table.current_record()
        self.shown_id = meeting.id if meeting else None
        self.page.setEnabled(meeting is not None)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(meeting is not None)
        self.error_label.hide()
        if meeting is None:
            self.heading.setText(self.tr("Intet møde valgt"))
            self.meta.setText(self.tr("Opret et møde med Ctrl+N."))
            self.agenda.clear()
            self.notes.clear()
            self.grid.clear()
            self.absent_label.clear()
            self._set_dirty(False)
            return
        self.heading.setText(meeting.title)
        parts = [long_date(meeting.held_on), self.tr(MEETING_KIND_LABELS[meeting.kind])]
        parts.append(f"{meeting.round}. runde" if meeting.round else "uden runde")
        if meeting.place:
            parts.insert(1, meeting.place)
        self.meta.setText(" · ".join(parts))
        self.agenda.setPlainText(meeting.agenda)
        self.notes.setPlainText(meeting.notes)
        present = meetings.attendees(self.ctx.db, meeting.id)
        self.grid.load(self.members, present)
        with_people = {m.area_id for m in self.members}
        for area in self.all_areas:
            if area.id not in with_people:
                self.grid.add_area_without_people(area.id, area.name)
        self._update_absent()
        self._set_dirty(False)

    def _update_absent(self) -> None:
        absent = self.grid.absent_areas()
        if absent:
            self.absent_label.setText(
                self.tr("{0} af {1} ikke repræsenteret: {2}").format(
                    len(absent), count(self.area_count, "lokalområde"), ", ".join(absent)
                )
            )
            self.absent_label.setStyleSheet(palette.style(palette.WARNING, bold=True))
        else:
            self.absent_label.setText(
                self.tr("Alle {0} var repræsenteret.").format(count(self.area_count, "lokalområde"))
            )
            self.absent_label.setStyleSheet(palette.style(palette.SUCCESS, bold=True))

    def _grid_changed(self) -> None:
        self._update_absent()
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
        self.reset_button.setEnabled(dirty)

    # --- actions ------------------------------------------------------------------------

    def save_attendance(self) -> None:
        if self.shown_id is not None and self.dirty:
            self._save(self.shown_id)

    def _save(self, meeting_id: str) -> None:
        with told_on_failure(self.error_label.setText) as outcome:
            meetings.set_attendance(self.ctx.db, meeting_id, self.grid.attendees())
        if outcome.failed:
            self.error_label.show()
            return
        self._set_dirty(False)

    def new_record(self) -> None:
        self._open_dialog(MeetingDialog(self.ctx, self))

    def edit_selected(self) -> None:
        meeting = self.table.current_record()
        if meeting is not None:
            full = meetings.get_meeting(self.ctx.db, meeting.id)
            self._open_dialog(MeetingDialog(self.ctx, self, full))

    def _open_dialog(self, dialog: MeetingDialog) -> None:
        self.dialog = dialog  # kept: the open form must outlive this call
        self.table.open_form(dialog)

    def delete_selected(self) -> None:
        meeting = self.table.current_record()
        if meeting is None:
            return
        confirm_and_delete(
            self.ctx,
            self,
            NetworkMeeting,
            meeting.id,
            self.tr("mødet «{0}» den {1}").format(meeting.title, short_date(meeting.held_on)),
            self.tr("Fremmødet til mødet slettes også."),
        )

    def open_record(self, kind: str, record_id: str) -> bool:
        if kind != "network_meeting" and kind != "meeting":
            return False
        if self._stale:
            self._stale = False
            self.refresh()
        return self.table.select_id(record_id)
