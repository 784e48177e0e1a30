"""Who came, by person and role: the directors' meetings, the secretariat and Kulturforum.

Pick a meeting of the year wheel or a Kulturforum; its participants show with their role
and member, whether they came, and (in the secretariat) whether they are one of the
member's fixed people. Kulturforum itself is edited here: date, programme, priorities.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import long_date, short_date
from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.models import (
    PARTICIPANT_ROLE_LABELS,
    Kulturforum,
    Participant,
    ParticipantRole,
    WheelMeetingKind,
)
from kulturpunkt_desk.domain.services import ekr_forum, ekr_partnership, ekr_wheel
from kulturpunkt_desk.domain.services.ekr_forum import (
    SECRETARIAT_KINDS,
    KulturforumData,
    ParticipantData,
    ParticipantRow,
)

from .. import palette
from ..context import DeskContext
from ..failure import told_on_failure
from ..models.record_table import WARNING_COLOUR, Column, RecordTableModel
from ..undo import confirm_and_delete
from ..widgets.fields import DateField
from ..widgets.form import FormDialog
from ..widgets.record_table import RecordTable
from .ekr_common import EkrTab, YearBox

# An occasion in the picker: ("meeting", id) or ("forum", id); "meeting:12" in the combo.
Occasion = tuple[str, str]


class ParticipantDialog(FormDialog):
    def __init__(
        self, ctx: DeskContext, partnership_id: str, occasion: Occasion, parent: QWidget | None
    ) -> None:
        super().__init__(self.tr("Tilføj deltager"), parent)
        self.ctx, self.occasion = ctx, occasion
        self.saved_id: str | None = None
        self.setMinimumWidth(480)
        self.member = QComboBox()
        self.member.addItem(self.tr("(intet medlem)"), None)
        for m in ekr_partnership.list_members(ctx.db, partnership_id):
            self.member.addItem(m.name, m.id)
        self.role = QComboBox()
        for role in ParticipantRole:
            self.role.addItem(self.tr(PARTICIPANT_ROLE_LABELS[role]), role)
        self.person = QComboBox()
        self.person.addItem(self.tr("(ny person)"), None)
        for person_id, name in ekr_forum.known_people(ctx.db, partnership_id):
            self.person.addItem(name, person_id)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Navn på en ny person"))
        self.title = QLineEdit()
        self.person.currentIndexChanged.connect(
            lambda _i: self.name.setEnabled(self.person.currentData() is None)
        )
        self.add_field("member_id", self.tr("&Medlem"), self.member)
        self.add_field("role", self.tr("&Rolle"), self.role)
        self.add_field("person_id", self.tr("&Person"), self.person)
        self.add_field("name", self.tr("&Navn"), self.name)
        self.add_field("title", self.tr("&Titel"), self.title)

    def save(self) -> None:
        data = ParticipantData(
            ParticipantRole(self.role.currentData()),
            self.member.currentData(),
            self.person.currentData(),
            self.name.text(),
            self.title.text(),
        )
        kind, occasion_id = self.occasion
        where = (
            {"meeting_id": occasion_id} if kind == "meeting" else {"kulturforum_id": occasion_id}
        )
        label = self.person.currentText() if data.person_id else data.name.strip()
        with self.ctx.undo_entry(self.tr("Opret {0}").format(label)):
            self.saved_id = ekr_forum.add_participant(self.ctx.db, data, **where)


class KulturforumDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        partnership_id: str,
        year: int,
        forum: Kulturforum | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(
            self.tr("Redigér Kulturforum") if forum else self.tr("Nyt Kulturforum"), parent
        )
        self.editing(forum)
        self.ctx, self.partnership_id, self.forum = ctx, partnership_id, forum
        self.saved_id: str | None = forum.id if forum else None
        self.setMinimumWidth(560)
        meetings = [
            m
            for m in ekr_wheel.list_wheel(ctx.db, partnership_id, year)
            if m.kind == WheelMeetingKind.DIRECTORS_KULTURFORUM
        ]
        self.held_on = DateField(
            forum.held_on if forum else (meetings[0].held_on if meetings else None)
        )
        self.place = QLineEdit(forum.place if forum else "")
        self.meeting = QComboBox()
        self.meeting.addItem(self.tr("(intet direktørmøde)"), None)
        for m in meetings:
            self.meeting.addItem(f"{m.title} {short_date(m.held_on)}", m.id)
        self.meeting.setCurrentIndex(
            self.meeting.findData(forum.meeting_id) if forum else min(1, len(meetings))
        )
        self.programme = QPlainTextEdit(forum.programme if forum else "")
        self.programme.setTabChangesFocus(True)
        self.priorities = QPlainTextEdit(forum.priorities if forum else "")
        self.priorities.setTabChangesFocus(True)
        self.priorities.setPlaceholderText(self.tr("Én prioritering pr. linje"))
        self.notes = QPlainTextEdit(forum.notes if forum else "")
        self.notes.setTabChangesFocus(True)
        for box in (self.programme, self.priorities, self.notes):
            box.setMaximumHeight(100)
        self.add_field("held_on", self.tr("&Dato"), self.held_on)
        self.add_field("place", self.tr("&Sted"), self.place)
        self.add_field("meeting_id", self.tr("Di&rektørmøde"), self.meeting)
        self.add_field("programme", self.tr("&Program"), self.programme)
        self.add_field("priorities", self.tr("Pr&ioriteringer"), self.priorities)
        self.add_field("notes", self.tr("&Noter"), self.notes)

    def save(self) -> None:
        data = KulturforumData(
            self.held_on.required_value(),
            self.place.text(),
            self.programme.toPlainText(),
            self.priorities.toPlainText(),
            self.meeting.currentData(),
            self.notes.toPlainText(),
        )
        if self.forum is None:
            with self.ctx.undo_entry(self.tr("Opret Kulturforum")):
                self.saved_id = ekr_forum.create_kulturforum(self.ctx.db, self.partnership_id, data)
        else:
            with self.ctx.undo_entry(self.tr("Ret Kulturforum")):
                ekr_forum.update_kulturforum(self.ctx.db, self.forum.id, data)


class PeopleTab(EkrTab):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: FormDialog | None = None
        self.forums: dict[str, Kulturforum] = {}
        self.secretariat = False
        self.year = YearBox()
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.occasion = QComboBox()
        self.occasion.currentIndexChanged.connect(lambda _i: self._show_occasion())
        self.model: RecordTableModel[ParticipantRow] = RecordTableModel(
            [
                Column(self.tr("Navn"), lambda r: r.name),
                Column(self.tr("Rolle"), lambda r: self.tr(r.role_label)),
                Column(self.tr("Medlem"), lambda r: r.member),
                Column(self.tr("Deltog"), lambda r: self.tr("Ja") if r.present else self.tr("Nej")),
                Column(
                    self.tr("Fast repræsentant"),
                    lambda r: self._fixed_text(r),
                    colour=lambda r: WARNING_COLOUR if self._substitute(r) else None,
                ),
            ],
            lambda r: r.participant_id,
        )
        self.table = RecordTable(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setAccessibleName(self.tr("Deltagere"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(palette.style(palette.WARNING))
        self.add_button = QPushButton(self.tr("Tilføj deltager…"))
        self.add_button.clicked.connect(self.add_participant)
        self.presence_button = QPushButton(self.tr("Deltog / deltog ikke"))
        self.presence_button.clicked.connect(self.toggle_presence)
        self.remove_button = QPushButton(self.tr("Fjern deltager"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.prefill_button = QPushButton(self.tr("Udfyld med de faste deltagere"))
        self.prefill_button.setToolTip(
            self.tr(
                "Fællessekretariatet: medlemmernes faste repræsentanter. Direktørmøder: "
                "direktørerne fra det seneste direktørmøde."
            )
        )
        self.prefill_button.clicked.connect(self.prefill)
        self.forum_button = QPushButton(self.tr("Nyt Kulturforum…"))
        self.forum_button.clicked.connect(self.new_forum)
        self.edit_forum_button = QPushButton(self.tr("Redigér Kulturforum…"))
        self.edit_forum_button.clicked.connect(self.edit_forum)
        top = QHBoxLayout()
        for text, widget in ((self.tr("&År"), self.year), (self.tr("&Møde"), self.occasion)):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.forum_button)
        top.addWidget(self.edit_forum_button)
        # Two rows: with a large font the four buttons in one were wider than a laptop screen.
        prefill_line = QHBoxLayout()
        prefill_line.addWidget(self.prefill_button)
        prefill_line.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.presence_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.table, 1)
        layout.addLayout(prefill_line)
        layout.addLayout(buttons)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.message)

    def _fixed_text(self, row: ParticipantRow) -> str:
        if not self.secretariat or row.member_id is None:
            return ""
        return self.tr("Ja") if row.fixed else self.tr("Nej, stedfortræder")

    def _substitute(self, row: ParticipantRow) -> bool:
        return self.secretariat and row.member_id is not None and not row.fixed

    # --- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        pid = self.partnership_id
        self.year.set_years(ekr_wheel.wheel_years(self.ctx.db, pid))
        year = self.year.year()
        chosen = self.occasion.currentData()
        self.forums = {
            f.id: f for f in ekr_forum.list_kulturforums(self.ctx.db, pid) if f.held_on.year == year
        }
        self.occasion.blockSignals(True)
        self.occasion.clear()
        for m in ekr_wheel.list_wheel(self.ctx.db, pid, year):
            self.occasion.addItem(f"{short_date(m.held_on)} {m.title}", f"meeting:{m.id}")
        for forum in self.forums.values():
            self.occasion.addItem(
                self.tr("{0} Kulturforum").format(short_date(forum.held_on)), f"forum:{forum.id}"
            )
        index = self.occasion.findData(chosen)
        self.occasion.setCurrentIndex(index if index >= 0 else 0)
        self.occasion.blockSignals(False)
        self.forum_button.setEnabled(not self.forums)
        self._show_occasion()

    def current_occasion(self) -> Occasion | None:
        data = self.occasion.currentData()
        if not data:
            return None
        kind, _, occasion_id = str(data).partition(":")
        return kind, occasion_id

    def _show_occasion(self) -> None:
        occasion = self.current_occasion()
        keep = self.table.keep_selection()
        self.secretariat = False
        warnings: list[str] = []
        details = ""
        if occasion is None:
            rows: list[ParticipantRow] = []
            details = self.tr("Årshjulet for året er ikke lagt endnu.")
        elif occasion[0] == "meeting":
            meeting = next(
                m
                for m in ekr_wheel.list_wheel(self.ctx.db, self.partnership_id, self.year.year())
                if m.id == occasion[1]
            )
            self.secretariat = meeting.kind in SECRETARIAT_KINDS
            rows = ekr_forum.list_participants(self.ctx.db, meeting_id=occasion[1])
            warnings = ekr_forum.meeting_warnings(self.ctx.db, occasion[1])
        else:
            forum = self.forums[occasion[1]]
            rows = ekr_forum.list_participants(self.ctx.db, kulturforum_id=forum.id)
            priorities = "; ".join(ekr_forum.priorities_of(forum)) or self.tr("ingen endnu")
            details = self.tr("Kulturforum {0}, {1}. Prioriteringer: {2}").format(
                long_date(forum.held_on), forum.place or "-", priorities
            )
        self.model.set_rows(rows)
        self.table.fit_columns()
        self.table.restore_selection(keep)
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        self.edit_forum_button.setEnabled(occasion is not None and occasion[0] == "forum")
        self.add_button.setEnabled(occasion is not None)
        self.prefill_button.setEnabled(
            occasion is not None and occasion[0] == "meeting" and not rows
        )

    # --- actions ----------------------------------------------------------------------------

    def current_row(self) -> ParticipantRow | None:
        row = self.table.current_record()
        return row if isinstance(row, ParticipantRow) else None

    def add_participant(self) -> None:
        occasion = self.current_occasion()
        if occasion is not None:
            self.dialog = ParticipantDialog(self.ctx, self.partnership_id, occasion, self)
            self.table.open_form(self.dialog)

    def prefill(self) -> None:
        occasion = self.current_occasion()
        if occasion is None or occasion[0] != "meeting":
            return
        try:
            with self.ctx.undo_entry(self.tr("Udfyld deltagere")):
                made = ekr_forum.prefill_participants(self.ctx.db, occasion[1])
        except DeskError as exc:
            self.message.error(str(exc))
            return
        self.message.info(
            self.tr("{0} deltagere er sat på; markér dem, der ikke kom.").format(len(made))
        )

    def toggle_presence(self) -> None:
        row = self.current_row()
        if row is None:
            self.message.error(self.tr("Vælg den deltager, hvis fremmøde skal ændres."))
            return
        label = self.tr("Fremmøde for {0}").format(row.name)
        with self.ctx.undo_entry(label), told_on_failure(self.message.error):
            ekr_forum.set_present(self.ctx.db, row.participant_id, not row.present)

    def remove_selected(self) -> None:
        row = self.current_row()
        if row is not None:
            label = self.tr("{0} som deltager").format(row.name)
            confirm_and_delete(self.ctx, self, Participant, row.participant_id, label)

    def new_forum(self) -> None:
        self.dialog = KulturforumDialog(self.ctx, self.partnership_id, self.year.year(), None, self)
        self.dialog.open()

    def edit_forum(self) -> None:
        occasion = self.current_occasion()
        if occasion is not None and occasion[0] == "forum":
            self.dialog = KulturforumDialog(
                self.ctx, self.partnership_id, self.year.year(), self.forums[occasion[1]], self
            )
            self.dialog.open()
