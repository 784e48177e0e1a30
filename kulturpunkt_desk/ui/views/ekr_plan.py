"""EKR's yearly action plan (handleplan): the efforts under the three focus areas and the
cross-cutting communication, each with the members taking part, a responsible member, a
status and a deadline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.models import ACTION_STATUS_LABELS, ActionStatus, PlanAction
from kulturpunkt_desk.domain.services import ekr_action_plan, ekr_partnership, ekr_themes
from kulturpunkt_desk.domain.services.ekr_action_plan import (
    COMMUNICATION,
    PlanActionData,
    PlanActionRow,
)

from .. import palette
from ..context import DeskContext
from ..models.record_table import WARNING_COLOUR, Column, RecordTableModel
from ..undo import confirm_and_delete
from ..widgets.fields import DateField
from ..widgets.form import FormDialog
from ..widgets.record_table import RecordTable
from .ekr_common import EkrTab, YearBox


class PlanActionDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        partnership_id: str,
        year: int,
        action_id: str | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(
            self.tr("Redigér indsats") if action_id else self.tr("Ny indsats {0}").format(year),
            parent,
        )
        self.ctx, self.partnership_id, self.year = ctx, partnership_id, year
        self.action_id = self.saved_id = action_id
        self.setMinimumWidth(560)
        data = ekr_action_plan.action_data(ctx.db, action_id) if action_id else None
        self.area = QComboBox()
        for area in ekr_themes.list_focus_areas(ctx.db, partnership_id):
            self.area.addItem(f"{area.number}. {area.name}", area.id)
        self.area.addItem(self.tr(COMMUNICATION), None)
        self.title = QLineEdit(data.title if data else "")
        self.responsible = QComboBox()
        self.responsible.addItem(self.tr("(vælg medlem)"), None)
        self.members = QListWidget()
        self.members.setMaximumHeight(170)
        for member in ekr_partnership.list_members(ctx.db, partnership_id):
            self.responsible.addItem(member.name, member.id)
            item = QListWidgetItem(member.name)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            taking_part = bool(data and member.id in data.member_ids)
            item.setCheckState(Qt.CheckState.Checked if taking_part else Qt.CheckState.Unchecked)
            self.members.addItem(item)
        self.status = QComboBox()
        for status in ActionStatus:
            self.status.addItem(self.tr(ACTION_STATUS_LABELS[status]), status)
        self.deadline = DateField(data.deadline if data else None, optional=True)
        self.description = QPlainTextEdit(data.description if data else "")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        if data:
            self.area.setCurrentIndex(self.area.findData(data.focus_area_id))
            self.responsible.setCurrentIndex(self.responsible.findData(data.responsible_id))
            self.status.setCurrentIndex(self.status.findData(data.status))
        self.add_field("focus_area_id", self.tr("&Indsatsområde"), self.area)
        self.add_field("title", self.tr("Ind&sats"), self.title)
        self.add_field("responsible_id", self.tr("&Ansvarlig"), self.responsible)
        self.add_field("member_ids", self.tr("&Deltagende medlemmer"), self.members)
        self.add_field("status", self.tr("S&tatus"), self.status)
        self.add_field("deadline", self.tr("&Frist"), self.deadline)
        self.add_field("description", self.tr("&Beskrivelse"), self.description)

    def save(self) -> None:
        checked = tuple(
            str(self.members.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        )
        data = PlanActionData(
            self.title.text(),
            self.responsible.currentData(),
            self.area.currentData(),
            ActionStatus(self.status.currentData()),
            self.deadline.value(),
            checked,
            self.description.toPlainText(),
        )
        if self.action_id is None:
            with self.ctx.undo_entry(self.tr("Opret {0}").format(data.title.strip())):
                self.saved_id = ekr_action_plan.create_action(
                    self.ctx.db, self.partnership_id, self.year, data
                )
        else:
            before = ekr_action_plan.action_data(self.ctx.db, self.action_id)
            with self.ctx.undo_entry(self.tr("Ret {0}").format(before.title)):
                ekr_action_plan.update_action(self.ctx.db, self.action_id, data)


class ActionPlanTab(EkrTab):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: PlanActionDialog | None = None
        self.overdue: set[str] = set()
        self.year = YearBox()
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.model: RecordTableModel[PlanActionRow] = RecordTableModel(
            [
                Column(self.tr("Indsatsområde"), lambda r: r.heading),
                Column(self.tr("Indsats"), lambda r: r.title),
                Column(self.tr("Ansvarlig"), lambda r: r.responsible),
                Column(
                    self.tr("Deltagere"),
                    lambda r: ", ".join(m.removesuffix(" Kommune") for m in r.members),
                ),
                Column(
                    self.tr("Status"),
                    lambda r: (
                        self.tr(r.status_label)
                        + (self.tr(" (overskredet)") if r.action_id in self.overdue else "")
                    ),
                    colour=lambda r: WARNING_COLOUR if r.action_id in self.overdue else None,
                ),
                Column(self.tr("Frist"), lambda r: short_date(r.deadline), lambda r: r.deadline),
            ],
            lambda r: r.action_id,
        )
        self.table = RecordTable(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setAccessibleName(self.tr("Handleplanens indsatser"))
        self.table.activated_id.connect(lambda _id: self.edit_selected())
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(palette.style(palette.WARNING))
        new_button = QPushButton(self.tr("Ny indsats"))
        new_button.clicked.connect(self.new_action)
        edit_button = QPushButton(self.tr("Redigér"))
        edit_button.clicked.connect(self.edit_selected)
        delete_button = QPushButton(self.tr("Slet"))
        delete_button.clicked.connect(self.delete_selected)
        top = QHBoxLayout()
        year_label = QLabel(self.tr("&År"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        intro = QLabel(self.tr("Fællessekretariatets handleplan; direktørmødet sætter rammen."))
        intro.setWordWrap(True)  # beside the buttons it must wrap at a large font
        top.addWidget(intro, 1)
        for button in (new_button, edit_button, delete_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.message)

    def reload(self) -> None:
        self.year.set_years(ekr_action_plan.plan_years(self.ctx.db, self.partnership_id))
        plan = ekr_action_plan.action_plan(self.ctx.db, self.partnership_id, self.year.year())
        today = date.today()
        self.overdue = {r.action_id for r in plan.rows if r.overdue(today)}
        keep = self.table.keep_selection()
        self.model.set_rows(plan.rows)
        self.table.fit_columns(280)
        self.table.restore_selection(keep)
        warnings = plan.warnings(today)
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))

    def current_action(self) -> PlanActionRow | None:
        row = self.table.current_record()
        return row if isinstance(row, PlanActionRow) else None

    def _open(self, action_id: str | None) -> None:
        self.dialog = PlanActionDialog(
            self.ctx, self.partnership_id, self.year.year(), action_id, self
        )
        self.table.open_form(self.dialog)

    def new_action(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        row = self.current_action()
        if row is not None:
            self._open(row.action_id)

    def delete_selected(self) -> None:
        row = self.current_action()
        if row is not None:
            label = self.tr("indsatsen «{0}»").format(row.title)
            confirm_and_delete(self.ctx, self, PlanAction, row.action_id, label)
