"""The sparring session form, built to be filled in under a minute from the keyboard.

Focus starts on the area (type the first letters), Tab walks date → form (1/2/3) →
participants (Space ticks) → core elements (Alt+letter) → notes → follow-ups, and
Ctrl+Enter saves from anywhere in the form (as in every FormDialog).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import (
    CORE_ELEMENT_LABELS,
    SESSION_FORM_LABELS,
    CoreElement,
    SessionForm,
    SparringSession,
)
from kulturpunkt_desk.domain.services import areas, sparring
from kulturpunkt_desk.domain.services.sparring import FollowUpData, SessionData

from .. import preferences, scale
from ..context import DeskContext
from ..widgets.check_list import CheckList
from ..widgets.choice_buttons import ChoiceButtons
from ..widgets.fields import DateField
from ..widgets.follow_up_rows import FollowUpRows
from ..widgets.form import FormDialog

# Mnemonics chosen not to clash with the form's own labels (L, D, O, E, N, T).
CORE_ELEMENT_MNEMONICS: dict[CoreElement, str] = {
    CoreElement.ANCHORING: "For&ankring",
    CoreElement.DEVELOPMENT: "&Udvikling",
    CoreElement.ACROSS: "&Samler lokalområdet på tværs",
    CoreElement.LOCAL_STRENGTHS: "Lokale st&yrker og kvaliteter",
    CoreElement.COMMUNITY: "Kul&tur = fællesskab",
}


class SessionDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        parent: QWidget | None = None,
        *,
        session: SparringSession | None = None,
        area_id: str | None = None,
    ) -> None:
        super().__init__(
            self.tr("Redigér sparringsmøde") if session else self.tr("Nyt sparringsmøde"), parent
        )
        self.editing(session)
        self.ctx = ctx
        self.session = session
        self.saved_id: str | None = None
        self.setMinimumWidth(scale.chars_wide(self, 120))
        screen = self.screen().availableGeometry() if self.screen() else None
        # Tall enough to show the whole form with a follow-up or two at 1366x768.
        self.resize(720, min(620, screen.height() - 60) if screen else 620)

        self.area = QComboBox()
        self.area.setPlaceholderText(self.tr("Skriv de første bogstaver i lokalområdets navn"))
        for area in areas.list_areas(ctx.db, ctx.programme_id):
            self.area.addItem(area.name, area.id)
        self.held_on = DateField(session.held_on if session else date.today())
        self.form_choice: ChoiceButtons[SessionForm] = ChoiceButtons(
            [(f, self.tr(SESSION_FORM_LABELS[f])) for f in SessionForm]
        )
        self.participants = CheckList()
        self.participants.setMinimumHeight(70)
        self.participants.setMaximumHeight(scale.lines_high(self.participants, 7))
        self.elements = QWidget()
        grid = QGridLayout(self.elements)
        grid.setContentsMargins(0, 0, 0, 0)
        self.element_boxes: dict[CoreElement, QCheckBox] = {}
        for n, element in enumerate(CoreElement):
            box = QCheckBox(self.tr(CORE_ELEMENT_MNEMONICS[element]))
            box.setToolTip(self.tr(CORE_ELEMENT_LABELS[element]))
            self.element_boxes[element] = box
            grid.addWidget(box, n // 2, n % 2)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Hvad blev drøftet?"))
        self.notes.setMinimumHeight(70)
        self.notes.setMaximumHeight(scale.lines_high(self.notes, 7))  # fits 768 pixels unscrolled
        self.follow_ups = FollowUpRows()
        self.consultant = QLineEdit()
        self.consultant.setPlaceholderText(self.tr("Regionens konsulent(er) til stede"))

        self.add_field("area_id", self.tr("&Lokalområde"), self.area)
        self.add_field("held_on", self.tr("&Dato"), self.held_on)
        self.add_field("form", self.tr("F&orm"), self.form_choice)
        self.add_field("participant_ids", self.tr("D&eltagere"), self.participants)
        self.add_field("core_elements", self.tr("Kerneelementer"), self.elements)
        self.add_field("notes", self.tr("&Noter"), self.notes)
        self.add_field("follow_ups", self.tr("Opfølgning"), self.follow_ups)
        self.add_field("consultant", self.tr("&Konsulent"), self.consultant)

        self.area.currentIndexChanged.connect(self._load_people)
        self.follow_ups.rows_changed.connect(self.fit_to_content)
        self._fill(session, area_id)

    def _fill(self, session: SparringSession | None, area_id: str | None) -> None:
        chosen = session.area_id if session else area_id
        if chosen is not None:
            self.area.setCurrentIndex(self.area.findData(chosen))
        else:
            self.area.setCurrentIndex(-1)
        if session is None:
            last = preferences.settings().value(preferences.LAST_CONSULTANT, "")
            self.consultant.setText(str(last or ""))
            self.area.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.area.setEnabled(False)  # a logged session stays with its area
        self.form_choice.set_value(session.form)
        self.participants_checked = [p.person_id for p in session.participants]
        self._load_people()
        for element, box in self.element_boxes.items():
            box.setChecked(element.value in session.core_elements)
        self.notes.setPlainText(session.notes)
        self.consultant.setText(session.consultant)
        self.follow_ups.set_actions(
            [
                FollowUpData(a.description, a.due_on, a.responsible, a.done_on)
                for a in session.follow_ups
            ]
        )
        self.held_on.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load_people(self) -> None:
        """The participants are the chosen area's people; ticks survive for the same area."""
        area_id = self.area.currentData()
        keep = getattr(self, "participants_checked", None) or self.participants.checked_ids()
        self.participants_checked = []
        if area_id is None:
            self.participants.set_placeholder(self.tr("Vælg først et lokalområde."))
            return
        members = areas.area_people(self.ctx.db, str(area_id))
        items = [(m.person_id, _member_label(m.person.name, m.role)) for m in members]
        known = {person_id for person_id, _ in items}
        if not items:
            self.participants.set_placeholder(self.tr("Lokalområdet har ingen personer endnu."))
            return
        self.participants.set_items(items, [p for p in keep if p in known])

    def data(self) -> SessionData:
        return SessionData(
            held_on=self.held_on.required_value(),
            form=self.form_choice.value(),
            participant_ids=self.participants.checked_ids(),
            core_elements=[e for e, box in self.element_boxes.items() if box.isChecked()],
            notes=self.notes.toPlainText(),
            consultant=self.consultant.text(),
            follow_ups=self.follow_ups.follow_up_data(),
        )

    def save(self) -> None:
        area_id = self.area.currentData()
        if area_id is None:
            raise ValidationError.single("area_id", self.tr("Lokalområde: vælg et lokalområde."))
        data = self.data()
        if self.session is None:
            self.saved_id = sparring.log_session(self.ctx.db, str(area_id), data)
        else:
            sparring.update_session(self.ctx.db, self.session.id, data)
            self.saved_id = self.session.id
        preferences.settings().setValue(preferences.LAST_CONSULTANT, data.consultant.strip())


def _member_label(name: str, role: str) -> str:
    return f"{name} ({role})" if role else name
