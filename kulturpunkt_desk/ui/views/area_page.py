"""An area's page: everything about one local area, in tabs that fit a 1366x768 laptop.

The first tab answers "where does this area stand": vision, idea and goals, the
programme's conditions as a check list, the expression of interest, the agreement and the
grant recipient. The other tabs (area_sections.py) hold the lists: people and partners,
grant and instalments, sparring and activities, evaluation and attachments, history.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.errors import NotFoundError
from kulturpunkt_desk.domain.models import INTEREST_DECISION_LABELS, Area
from kulturpunkt_desk.domain.services import areas, overview
from kulturpunkt_desk.domain.services.conditions import conditions_for
from kulturpunkt_desk.domain.status import STATUS_LABELS

from .. import palette, scale
from ..context import DeskContext
from ..dialogs.agreements import AgreementDialog, InterestDialog
from ..dialogs.area_dialogs import AreaDialog
from ..form_import_dialog import FormDropFilter
from ..mail_dialog import area_mail_button
from ..undo import confirm_and_delete
from .area_activity_sections import EvaluationSection, HistorySection, SparringSection
from .area_goals import assessment_lines, goal_levels_html
from .area_sections import MoneySection, PeopleSection, short

MET_COLOUR, UNMET_COLOUR = palette.SUCCESS, palette.WARNING


def wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class AreaPage(QWidget):
    back_requested = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.area_id: str | None = None
        # A returned form (PDF) dropped on the page is read into this area.
        FormDropFilter(self, ctx, lambda: self.area_id)
        self.area: Area | None = None

        back = QPushButton(self.tr("← &Alle lokalområder"))
        back.clicked.connect(self.back_requested)
        back.setToolTip(self.tr("Esc"))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested.emit)
        self.title = QLabel()
        self.title.setObjectName("areaTitle")
        scale.heading(self.title, 1.4)
        self.status = QLabel()
        # Long names and statuses give way before the buttons do on a narrow window.
        for label in (self.title, self.status):
            label.setMinimumWidth(40)
        edit = QPushButton(self.tr("Redigér lokalomr&åde…"))
        edit.clicked.connect(self.edit_area)
        delete = QPushButton(self.tr("S&let lokalområde…"))
        delete.clicked.connect(self.delete_area)
        # The name on a line of its own: beside the buttons a large system font cut it.
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch()
        buttons.addWidget(edit)
        buttons.addWidget(delete)
        name_line = QHBoxLayout()
        name_line.addWidget(self.title)
        name_line.addWidget(self.status)
        name_line.addStretch()
        # Beside the name, not among the buttons: with a large font that row was too wide.
        name_line.addWidget(area_mail_button(ctx, lambda: self.area_id))
        header = QVBoxLayout()
        header.addLayout(buttons)
        header.addLayout(name_line)

        self.people = PeopleSection(ctx)
        self.money = MoneySection(ctx)
        self.sparring = SparringSection(ctx)
        self.evaluation = EvaluationSection(ctx)
        self.history = HistorySection(ctx)
        self.tabs = QTabWidget()
        # Ctrl+Tab from anywhere on the page, also from inside a table that would keep it.
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+Backtab", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step_tab(step))
        self.tabs.addTab(self._about_tab(), self.tr("Om lokalområdet"))
        self.tabs.addTab(self.people, self.tr("Styregruppe og partnerskab"))
        self.tabs.addTab(self.money, self.tr("Tilskud og rater"))
        self.tabs.addTab(self.sparring, self.tr("Sparring og aktiviteter"))
        self.tabs.addTab(self.evaluation, self.tr("Evaluering og bilag"))
        self.tabs.addTab(self.history, self.tr("Historik"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.tabs)

    def _about_tab(self) -> QWidget:
        self.vision, self.idea, self.goals = wrapped(), wrapped(), wrapped()
        self.notes = wrapped()
        ideas = QGroupBox(self.tr("Vision og idé"))
        form = QFormLayout(ideas)
        form.addRow(self.tr("Fælles udfordring/vision:"), self.vision)
        form.addRow(self.tr("Idé:"), self.idea)
        form.addRow(self.tr("Noter:"), self.notes)
        self.goals.setTextFormat(Qt.TextFormat.RichText)
        goals = QGroupBox("Mål på tre niveauer")
        QVBoxLayout(goals).addWidget(self.goals)

        self.conditions = wrapped()
        self.conditions.setTextFormat(Qt.TextFormat.RichText)
        checks = QGroupBox(self.tr("Programmets betingelser"))
        QVBoxLayout(checks).addWidget(self.conditions)

        self.interest = wrapped()
        self.interest_button = QPushButton()
        self.interest_button.clicked.connect(self.edit_interest)
        interest = QGroupBox(self.tr("Interessetilkendegivelse"))
        box = QVBoxLayout(interest)
        box.addWidget(self.interest)
        box.addWidget(self.interest_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.agreement = wrapped()
        self.agreement_button = QPushButton()
        self.agreement_button.clicked.connect(self.edit_agreement)
        agreement = QGroupBox(self.tr("Samarbejdsaftale og tilskudsmodtager"))
        box = QVBoxLayout(agreement)
        box.addWidget(self.agreement)
        box.addWidget(self.agreement_button, 0, Qt.AlignmentFlag.AlignLeft)

        left = QVBoxLayout()
        left.addWidget(ideas)
        left.addWidget(goals)
        left.addWidget(checks)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(interest)
        right.addWidget(agreement)
        right.addStretch()
        content = QWidget()
        columns = QHBoxLayout(content)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    # --- loading ----------------------------------------------------------------------

    def show_area(self, area_id: str) -> None:
        if area_id != self.area_id:
            self.tabs.setCurrentIndex(0)
        self.area_id = area_id
        self.refresh()

    def refresh(self) -> None:
        if self.area_id is None:
            return
        try:
            area = areas.get_area(self.ctx.db, self.area_id)
        except NotFoundError:  # deleted (here, by undo, or by a colleague)
            self.area_id = self.area = None
            self.back_requested.emit()
            return
        self.area = area
        self.title.setText(area.name)
        status = overview.area_status(self.ctx.db, area.id)
        self.status.setText(
            self.tr("{0} · {1}").format(area.municipality, self.tr(STATUS_LABELS[status]))
        )
        none = self.tr("(ikke udfyldt)")
        self.vision.setText(area.vision or none)
        self.idea.setText(area.idea or none)
        self.goals.setText(goal_levels_html(area))
        self.notes.setText(area.notes or self.tr("(ingen)"))
        self.conditions.setText(self._conditions_html(area))
        self._show_interest(area)
        self._show_agreement(area)
        for section in (self.people, self.money, self.sparring, self.evaluation, self.history):
            section.load(area)

    def _conditions_html(self, area: Area) -> str:
        rows = []
        for c in conditions_for(area):
            mark, colour = ("✔", MET_COLOUR) if c.met else ("✘", UNMET_COLOUR)
            rows.append(
                f"<tr><td style='color:{colour}; font-weight:bold; padding-right:6px'>{mark}</td>"
                f"<td><b>{escape(self.tr(c.label))}</b><br>"
                f"<span style='color:{palette.HINT}'>{escape(c.detail)}</span></td></tr>"
            )
        return "<table cellspacing='4'>" + "".join(rows) + "</table>"

    def _show_interest(self, area: Area) -> None:
        interest = area.interest
        if interest is None:
            self.interest.setText(self.tr("Ikke modtaget."))
            self.interest_button.setText(self.tr("Registrér &interessetilkendegivelse…"))
            return
        lines = [
            self.tr("Modtaget {0}.").format(short(interest.received_on)),
            self.tr("Beslutning: {0}{1}.").format(
                self.tr(INTEREST_DECISION_LABELS[interest.decision]).lower(),
                f" ({short(interest.decided_on)})" if interest.decided_on else "",
            ),
        ]
        lines += assessment_lines(interest)
        if interest.content:
            lines.append("")
            lines.append(interest.content)
        self.interest.setText("\n".join(lines))
        self.interest_button.setText(self.tr("Redigér &interessetilkendegivelse…"))

    def _show_agreement(self, area: Area) -> None:
        a = area.agreement
        dash = self.tr("–")
        if a is None:
            lines = [self.tr("Ingen aftale endnu.")]
            self.agreement_button.setText(self.tr("Registrér &aftale…"))
        else:
            lines = [
                self.tr("Sendt: {0}").format(short(a.sent_on) or dash),
                self.tr("Underskrevet af lokalområdet: {0}").format(
                    short(a.signed_by_area_on) or dash
                ),
                self.tr("Underskrevet af regionen: {0}").format(
                    short(a.signed_by_region_on) or dash
                ),
            ]
            if a.template is not None:
                lines.append(self.tr("Skabelon: version {0}").format(a.template.version))
            self.agreement_button.setText(self.tr("Redigér af&taledatoer…"))
        lines += [
            "",
            self.tr("Tilskudsmodtager: {0}").format(area.recipient_name or dash),
            self.tr("CVR-nummer: {0}").format(area.recipient_cvr or dash),
            self.tr("Adresse: {0}").format(area.recipient_address or dash),
        ]
        self.agreement.setText("\n".join(lines))

    def step_tab(self, step: int) -> None:
        count = self.tabs.count()
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    # --- actions ----------------------------------------------------------------------

    def _run(self, dialog: QWidget) -> None:
        dialog.exec()  # type: ignore[attr-defined]  # the views hear of the save from the bus

    def edit_area(self) -> None:
        if self.area is not None:
            self._run(AreaDialog(self.ctx, self, self.area))

    # These forms tell every view themselves when they have saved.
    def edit_interest(self) -> None:
        if self.area is not None:
            InterestDialog(self.ctx, self.area, self).exec()

    def edit_agreement(self) -> None:
        if self.area is not None:
            AgreementDialog(self.ctx, self.area, self).exec()

    def delete_area(self) -> None:
        if self.area is not None:
            delete_area(self.ctx, self, self.area.id, self.area.name)


def delete_area(ctx: DeskContext, parent: QWidget, area_id: str, name: str) -> bool:
    """Ask, then delete the area and everything that is part of it (undoable)."""
    return confirm_and_delete(
        ctx,
        parent,
        Area,
        area_id,
        QCoreApplication.translate("AreaPage", "lokalområdet «{0}»").format(name),
        QCoreApplication.translate(
            "AreaPage",
            "Alt om lokalområdet slettes med: personernes roller, partnerskab, aftale, "
            "tilskud, sparring, aktiviteter, evaluering og bilag.",
        ),
    )
