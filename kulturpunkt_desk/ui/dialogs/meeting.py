"""The form for a network or inspiration meeting: title, date, place, kind, agenda, notes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.models import MEETING_KIND_LABELS, MeetingKind, NetworkMeeting
from kulturpunkt_desk.domain.services import meetings
from kulturpunkt_desk.domain.services.meetings import MeetingData

from .. import scale
from ..context import DeskContext
from ..widgets.fields import DateField
from ..widgets.form import FormDialog


class MeetingDialog(FormDialog):
    def __init__(
        self, ctx: DeskContext, parent: QWidget | None = None, meeting: NetworkMeeting | None = None
    ) -> None:
        super().__init__(self.tr("Redigér møde") if meeting else self.tr("Nyt møde"), parent)
        self.editing(meeting)
        self.ctx = ctx
        self.meeting = meeting
        self.saved_id: str | None = None
        self.setMinimumWidth(scale.chars_wide(self, 93))
        self.title = QLineEdit(meeting.title if meeting else "")
        self.title.setPlaceholderText(self.tr("fx Netværks- og inspirationsmøde, 1. runde"))
        self.held_on = DateField(meeting.held_on if meeting else None)
        self.place = QLineEdit(meeting.place if meeting else "")
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(self.tr(MEETING_KIND_LABELS[kind]), kind)
        if meeting:
            self.kind.setCurrentIndex(self.kind.findData(meeting.kind))
        self.round = QComboBox()
        self.round.addItem("Efter datoen", None)
        for r in meetings.network_rounds(ctx.db, ctx.programme_id):
            self.round.addItem(
                f"{r.number}. runde ({short_date(r.starts_on)}–{short_date(r.ends_on)})", r.number
            )
        if meeting and meeting.round is not None:
            found = self.round.findData(meeting.round)
            if found < 0:
                self.round.addItem(f"{meeting.round}. runde", meeting.round)
                found = self.round.count() - 1
            self.round.setCurrentIndex(found)
        self.agenda = QPlainTextEdit(meeting.agenda if meeting else "")
        self.agenda.setTabChangesFocus(True)
        self.notes = QPlainTextEdit(meeting.notes if meeting else "")
        self.notes.setTabChangesFocus(True)
        self.add_field("title", self.tr("&Titel"), self.title)
        self.add_field("held_on", self.tr("&Dato"), self.held_on)
        self.add_field("place", self.tr("&Sted"), self.place)
        self.add_field("kind", self.tr("T&ype"), self.kind)
        self.add_field("round", "&Runde", self.round)
        self.add_field("agenda", self.tr("D&agsorden"), self.agenda)
        self.add_field("notes", self.tr("&Noter"), self.notes)
        self.title.setFocus()

    def save(self) -> None:
        data = MeetingData(
            title=self.title.text(),
            held_on=self.held_on.required_value(),
            place=self.place.text(),
            agenda=self.agenda.toPlainText(),
            notes=self.notes.toPlainText(),
            kind=MeetingKind(self.kind.currentData()),
            round=self.round.currentData(),
        )
        if self.meeting is None:
            self.saved_id = meetings.create_meeting(self.ctx.db, self.ctx.programme_id, data)
        else:
            meetings.update_meeting(self.ctx.db, self.meeting.id, data)
            self.saved_id = self.meeting.id
