"""The EKR year wheel (årshjul): propose next year from the host rotation, adjust dates,
hosts and chairs, keep agenda and minutes, record attendance and see who keeps away."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.models import PartnerMember, WheelMeeting
from kulturpunkt_desk.domain.services import ekr_partnership, ekr_wheel

from .. import palette, scale, unsaved
from ..accessibility import name_list
from ..context import DeskContext
from ..documents_actions import ask_save_path, make_document
from ..failure import told_on_failure
from ..models.record_table import Column, RecordTableModel
from ..widgets.fields import DateField
from ..widgets.record_table import RecordTable
from .ekr_common import EkrTab


def _attendance(m: WheelMeeting) -> str:
    if not m.attendance:
        return "–"
    return f"{sum(1 for a in m.attendance if a.present)}/{len(m.attendance)}"


class WheelTab(EkrTab):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.members: list[PartnerMember] = []
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(self._year_changed)
        self.shown_year: int | None = None
        self.propose_button = QPushButton()
        self.propose_button.clicked.connect(self.propose_next_year)
        self.ics_button = QPushButton(self.tr("Gem som kalenderfil (.ics)…"))
        self.ics_button.clicked.connect(self.export_calendar)
        self.model: RecordTableModel[WheelMeeting] = RecordTableModel(
            [
                Column(self.tr("Dato"), lambda m: short_date(m.held_on), lambda m: m.held_on),
                Column(self.tr("Møde"), lambda m: m.title),
                Column(self.tr("Vært"), lambda m: m.host.name if m.host else "–"),
                Column(self.tr("Mødestyrer"), lambda m: m.chair.name if m.chair else "–"),
                Column(self.tr("Fremmøde"), _attendance, right=True),
            ],
            lambda m: m.id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Møder i årshjulet"))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # The meeting whose ticks the list shows, and the ticks as saved (see unsaved_input).
        self.shown_id: str | None = None
        self.shown_title = ""
        self.saved_ticks: dict[str, bool] = {}
        self.shown_meeting: WheelMeeting | None = None
        self.saved_fields: list[object] = []
        self.warnings = QLabel()
        self.warnings.setStyleSheet(palette.style(palette.WARNING))
        self.warnings.setWordWrap(True)
        self.away = QLabel()
        self.away.setWordWrap(True)

        self.held_on = DateField()
        self.host = QComboBox()
        self.host.currentIndexChanged.connect(self._host_changed)
        self.chair = QComboBox()
        self.agenda = QPlainTextEdit()
        self.agenda.setTabChangesFocus(True)
        self.minutes = QPlainTextEdit()
        self.minutes.setTabChangesFocus(True)
        for text in (self.agenda, self.minutes):
            text.setMaximumHeight(scale.lines_high(text, 7))  # room for the attendance list
        self.save_button = QPushButton(self.tr("Gem mødet"))
        self.save_button.clicked.connect(self.save_meeting)
        self.attendance = QListWidget()
        name_list(self.attendance, self.tr("Fremmøde"))
        self.save_attendance_button = QPushButton(self.tr("Gem fremmøde"))
        self.save_attendance_button.clicked.connect(self.save_attendance)

        self.fields_box = QWidget()  # the meeting's fields, compared in unsaved_input
        form = QFormLayout(self.fields_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Da&to"), self.held_on)
        form.addRow(self.tr("V&ært"), self.host)
        form.addRow(self.tr("&Mødestyrer"), self.chair)
        form.addRow(self.tr("D&agsorden"), self.agenda)
        form.addRow(self.tr("R&eferat"), self.minutes)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.fields_box)
        side_layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        side_layout.addWidget(QLabel(self.tr("Fremmøde (sæt flueben ved de repræsenterede)")))
        side_layout.addWidget(self.attendance, 1)
        side_layout.addWidget(self.save_attendance_button, 0, Qt.AlignmentFlag.AlignRight)

        top = QHBoxLayout()
        label = QLabel(self.tr("&År"))
        label.setBuddy(self.year)
        top.addWidget(label)
        top.addWidget(self.year)
        top.addWidget(self.propose_button)
        top.addStretch(1)
        top.addWidget(self.ics_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.warnings)
        left_layout.addWidget(self.away)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setSizes([680, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        self.members = ekr_partnership.list_members(self.ctx.db, self.partnership_id)
        for combo in (self.host, self.chair):
            chosen_member = combo.currentData()  # kept, so a refill is no unsaved change
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(ingen)"), None)
            for member in self.members:
                combo.addItem(member.name, member.id)
            combo.setCurrentIndex(max(combo.findData(chosen_member), 0))
            combo.blockSignals(False)
        chosen = self.year.currentData()
        years = ekr_wheel.wheel_years(self.ctx.db, self.partnership_id)
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        if chosen in years:
            self.year.setCurrentIndex(years.index(chosen))
        elif date.today().year in years:
            self.year.setCurrentIndex(years.index(date.today().year))
        else:
            self.year.setCurrentIndex(len(years) - 1)
        self.year.blockSignals(False)
        next_year = max(years) + 1 if years else date.today().year
        self.propose_button.setText(self.tr("Foreslå årshjul for {0}").format(next_year))
        self.propose_button.setProperty("year", next_year)
        self._load_year()

    def _year_changed(self) -> None:
        if self.year.currentData() != self.shown_year and not self.settle_input():
            self.year.blockSignals(True)  # Bliv: back to the year with the ticks
            self.year.setCurrentIndex(self.year.findData(self.shown_year))
            self.year.blockSignals(False)
            return
        self._load_year()

    def _load_year(self) -> None:
        year = self.year.currentData()
        self.shown_year = year
        keep = self.table.keep_selection()
        meetings = ekr_wheel.list_wheel(self.ctx.db, self.partnership_id, year) if year else []
        self.model.set_rows(meetings)
        self.table.fit_columns()
        self.table.restore_selection(keep)
        if self.table.current_id() is None and meetings:
            self.table.selectRow(0)
        warnings = ekr_wheel.wheel_warnings(self.ctx.db, self.partnership_id, year) if year else []
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        away = [
            r
            for r in ekr_wheel.absence_report(self.ctx.db, self.partnership_id, year)
            if r.keeps_away
        ]
        self.away.setText(
            self.tr("Holder sig væk: {0}").format(
                ", ".join(f"{r.name} ({r.absent} af {r.meetings})" for r in away)
            )
            if away
            else self.tr("Ingen medlemmer holder sig væk.")
        )
        self._show_meeting()

    def current_meeting(self) -> WheelMeeting | None:
        meeting = self.table.current_record()
        return meeting if isinstance(meeting, WheelMeeting) else None

    def _selection_changed(self) -> None:
        meeting = self.current_meeting()
        if (meeting.id if meeting else None) != self.shown_id and not self.settle_input():
            self.table.select_id(self.shown_id)  # Bliv: back to the meeting with the ticks
            return
        self._show_meeting()

    def ticks(self) -> dict[str, bool]:
        items = (self.attendance.item(n) for n in range(self.attendance.count()))
        return {
            str(item.data(Qt.ItemDataRole.UserRole)): item.checkState() == Qt.CheckState.Checked
            for item in items
        }

    def fields(self) -> list[object]:
        """The meeting's fields as typed or chosen, to compare with them as saved."""
        return unsaved.input_state(self.fields_box)

    def fields_changed(self) -> bool:
        return self.shown_id is not None and self.fields() != self.saved_fields

    def ticks_changed(self) -> bool:
        return self.shown_id is not None and self.ticks() != self.saved_ticks

    def unsaved_input(self) -> str:
        """The meeting's fields or attendance changed but not saved, or ""."""
        title = self.shown_title
        if self.fields_changed() and self.ticks_changed():
            return self.tr("Mødet «{0}» og fremmødet til det").format(title)
        if self.fields_changed():
            return self.tr("Mødet «{0}»").format(title)
        if self.ticks_changed():
            return self.tr("Fremmødet til «{0}»").format(title)
        return ""

    def save_input(self) -> bool:
        if self.fields_changed():
            self.save_meeting()
        if self.ticks_changed():
            self.save_attendance()
        return not self.unsaved_input()

    def discard_input(self) -> None:
        for member_id, present in self.saved_ticks.items():
            self.set_present(member_id, present)
        if self.shown_meeting is not None:
            self._show_fields(self.shown_meeting)

    def settle_input(self) -> bool:
        what = self.unsaved_input()
        return not what or unsaved.settle(self, what, self.save_input, self.discard_input)

    def _show_meeting(self) -> None:
        meeting = self.current_meeting()
        # Reloaded (a colleague's save, say) while ticks are unsaved: they stay ticked.
        kept = self.ticks() if meeting and meeting.id == self.shown_id else {}
        kept = kept if self.ticks_changed() else {}
        same = meeting is not None and meeting.id == self.shown_id and self.fields_changed()
        kept_fields = self._field_values() if same else None
        self.shown_meeting = meeting
        self.shown_id = meeting.id if meeting else None
        self.shown_title = meeting.title if meeting else ""
        for widget in (self.save_button, self.save_attendance_button, self.attendance):
            widget.setEnabled(meeting is not None)
        self.attendance.clear()
        if meeting is None:
            return
        self._show_fields(meeting)
        self.saved_fields = self.fields()
        if kept_fields is not None:  # reloaded while the fields are unsaved: they stay typed
            self._show_fields(kept_fields)
        present = {a.member_id for a in meeting.attendance if a.present}
        for member in self.members:
            item = QListWidgetItem(member.name)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = member.id in present
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.attendance.addItem(item)
        self.saved_ticks = self.ticks()
        for member_id, present in kept.items():
            self.set_present(member_id, present)

    def _field_values(self) -> ekr_wheel.WheelMeetingData:
        """The shown meeting with the fields as typed (the record is not changed)."""
        assert self.shown_meeting is not None
        return replace(
            ekr_wheel.as_data(self.shown_meeting),
            held_on=self.held_on.value(),  # type: ignore[arg-type]  # may be cleared
            host_id=self.host.currentData(),
            chair_id=self.chair.currentData(),
            agenda=self.agenda.toPlainText(),
            minutes=self.minutes.toPlainText(),
        )

    def _show_fields(self, meeting: WheelMeeting | ekr_wheel.WheelMeetingData) -> None:
        self.held_on.set_value(meeting.held_on)
        self.host.blockSignals(True)
        self.host.setCurrentIndex(self.host.findData(meeting.host_id))
        self.host.blockSignals(False)
        self.chair.setCurrentIndex(self.chair.findData(meeting.chair_id))
        self.agenda.setPlainText(meeting.agenda)
        self.minutes.setPlainText(meeting.minutes)

    def _host_changed(self) -> None:
        # The host chairs: moving the meeting to another host moves the chair with it.
        self.chair.setCurrentIndex(self.chair.findData(self.host.currentData()))

    # --- actions ----------------------------------------------------------------------------

    def propose_next_year(self) -> None:
        """Show the proposal as a preview; the team adjusts it, and only then is it saved."""
        from ..wheel_preview_dialog import WheelPreviewDialog

        year = int(self.propose_button.property("year"))
        with told_on_failure(self.message.error) as outcome:
            self.preview = WheelPreviewDialog(self.ctx, self.partnership_id, year, self)
        if outcome.failed or not open_preview(self.preview):
            return
        self.message.info(self.tr("Årshjulet for {0} er gemt.").format(year))
        self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(year))

    def save_meeting(self) -> None:
        meeting = self.shown_meeting  # the meeting the fields belong to, also while leaving it
        if meeting is None:
            return
        with told_on_failure(self.message.error) as outcome:
            data = replace(self._field_values(), held_on=self.held_on.required_value())
            ekr_wheel.update_wheel_meeting(self.ctx.db, meeting.id, data)
        if outcome.failed:
            return
        self.saved_fields = self.fields()
        self.message.info(self.tr("Mødet er gemt."))

    def set_present(self, member_id: str, present: bool) -> None:
        """Tick or untick a member in the attendance list (also what a click does)."""
        for n in range(self.attendance.count()):
            item = self.attendance.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == member_id:
                state = Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
                item.setCheckState(state)

    def save_attendance(self) -> None:
        if self.shown_id is None:  # the meeting the ticks belong to, also while leaving it
            return
        present = self.ticks()
        with told_on_failure(self.message.error) as outcome:
            ekr_wheel.set_attendance(self.ctx.db, self.shown_id, present)
        if outcome.failed:
            return
        self.saved_ticks = present
        self.message.info(self.tr("Fremmødet er gemt."))

    def export_calendar(self) -> None:
        from kulturpunkt_desk.documents.ekr_calendar import write_wheel_calendar

        year = self.year.currentData()
        if year is None:
            return
        path = ask_save_path(
            self,
            self.tr("Gem årshjulet som kalenderfil"),
            f"EKR årshjul {year}.ics",
            self.tr("Kalenderfil (*.ics)"),
        )
        if path and make_document(
            self, lambda: write_wheel_calendar(self.ctx.db, self.partnership_id, int(year), path)
        ):
            self.message.info(self.tr("Gemt {0}; åbn den i Outlook for at importere.").format(path))


def open_preview(dialog: QDialog) -> bool:
    """Show the year wheel's preview; True when it was saved (tests drive the dialog)."""
    return bool(dialog.exec())
