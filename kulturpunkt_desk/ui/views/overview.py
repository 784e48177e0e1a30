"""Overblik: what needs attention today.

The programme's timeline with today marked; the overdue and coming items grouped by kind
(most urgent group first, counts in the headings); money against the budget; and how
many areas stand at each status. Every item opens the record it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.dates import long_date
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import attention, overview, programmes, selection, week
from kulturpunkt_desk.domain.services.attention import ATTENTION_LABELS, AttentionItem
from kulturpunkt_desk.domain.status import STATUS_LABELS, STATUS_ORDER

from .. import palette, scale
from ..accessibility import name_list
from ..context import DeskContext
from ..models.record_table import MUTED_COLOUR, WARNING_COLOUR
from ..widgets.table_export import add_export_action
from ..widgets.timeline_strip import Phase, TimelineStrip
from ..widgets.week_panel import WeekPanel
from .areas import STATUS_KIND
from .base import View

ITEM_ROLE = Qt.ItemDataRole.UserRole


class OverviewView(View):
    # Tests replace this to see the desk on a fixed day.
    today: Callable[[], date] = staticmethod(date.today)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading = QLabel()
        scale.heading(self.heading, 1.3)
        self.phase = QLabel()
        self.phase.setWordWrap(True)
        self.timeline = TimelineStrip()

        self.items = QTreeWidget()
        name_list(self.items, self.tr("Kræver opmærksomhed"))
        add_export_action(self.items)  # right click or Ctrl+E: the list to Excel
        self.items.setColumnCount(4)
        self.items.setHeaderLabels(
            [self.tr("Lokalområde"), self.tr("Frist"), self.tr("Hvornår"), self.tr("Hvad")]
        )
        self.items.setRootIsDecorated(True)
        self.items.setUniformRowHeights(True)
        self.items.setAlternatingRowColors(True)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.items.header().setStretchLastSection(True)
        self.items.itemActivated.connect(self._open_item)
        self.items.itemDoubleClicked.connect(self._open_item)
        attention_box = QGroupBox(self.tr("Kræver opmærksomhed"))
        box = QVBoxLayout(attention_box)
        self.attention_summary = QLabel()
        self.attention_summary.setWordWrap(True)
        box.addWidget(self.attention_summary)
        box.addWidget(self.items)
        hint = QLabel(self.tr("Dobbeltklik eller Enter åbner det, punktet handler om."))
        hint.setStyleSheet(palette.style(palette.HINT))
        hint.setWordWrap(True)  # with a large system font it would widen the window
        box.addWidget(hint)

        money_box = QGroupBox(self.tr("Økonomi"))
        self.money_form = QFormLayout(money_box)
        self.money_labels = {key: QLabel() for key in ("budget", "awarded", "paid", "left", "free")}
        for key, text in (
            ("budget", self.tr("Budget:")),
            ("awarded", self.tr("Bevilget:")),
            ("paid", self.tr("Udbetalt:")),
            ("left", self.tr("Tilbage at udbetale:")),
            ("free", self.tr("Ikke bevilget:")),
        ):
            label = self.money_labels[key]
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.money_form.addRow(text, label)
        self.paid_bar = QProgressBar()
        self.paid_bar.setFormat(self.tr("%p %"))
        self.money_form.addRow(self.tr("Udbetalt af budget:"), self.paid_bar)

        self.status_box = QGroupBox(self.tr("Lokalområdernes status"))
        self.status_layout = QVBoxLayout(self.status_box)
        self.status_buttons: list[QPushButton] = []

        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        side_box.addWidget(money_box)
        side_box.addWidget(self.status_box)
        side_box.addStretch()
        side_scroll = QScrollArea()  # low screens: the status list scrolls, not the window
        side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the buttons inside
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        side_scroll.setWidget(side)
        side_scroll.setMinimumWidth(side.sizeHint().width() + 20)
        # Beside what is overdue: what lies ahead this week or in the next 14 days.
        self.week = WeekPanel()
        self.week.open_requested.connect(self.ctx.open_record)
        self.week.reminder_requested.connect(self._write_reminder)
        # A small floor: on a narrow window the panel gives way instead of widening the desk.
        self.week.setMinimumWidth(80)
        splitter = QSplitter()
        splitter.addWidget(attention_box)
        splitter.addWidget(self.week)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([500, 460, 300])

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        layout.addLayout(top)
        layout.addWidget(self.timeline)
        layout.addWidget(self.phase)
        layout.addWidget(splitter, 1)

    # --- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.today()
        self.heading.setText(self.tr("Overblik – {0}").format(long_date(today)))
        self._show_timeline(today)
        days = week.coming_days(self.ctx.db)
        items = attention.attention_items(self.ctx.db, self.ctx.programme_id, today, days)
        self._show_items(items)
        ahead = week.ahead(self.ctx.db, self.ctx.programme_id, today, days, attention=items)
        self.week.show_items(ahead, today, days)
        self._show_money()
        self._show_statuses()

    def _show_timeline(self, today: date) -> None:
        programme = programmes.current_programme(self.ctx.db)
        milestones = programme.milestones if programme else []
        self.timeline.set_phases(
            [Phase(m.title, m.starts_on, m.ends_on) for m in milestones], today
        )
        self.timeline.setVisible(bool(milestones))
        current = self.timeline.current()
        if current:
            self.phase.setText(self.tr("Nu: {0}.").format("; ".join(p.title for p in current)))
        elif milestones and today > max(m.ends_on for m in milestones):
            self.phase.setText(self.tr("Alle faser i programmets tidsplan er overstået."))
        else:
            coming = [m for m in milestones if m.starts_on > today]
            self.phase.setText(
                self.tr("Næste fase: {0} fra {1}.").format(
                    coming[0].title, f"{coming[0].starts_on:%d.%m.%Y}"
                )
                if coming
                else ""
            )

    _items_fitted = False

    def _show_items(self, items: list[AttentionItem]) -> None:
        self.items.clear()
        groups: dict[attention.AttentionKind, list[AttentionItem]] = {}
        for item in items:  # already most urgent first
            groups.setdefault(item.kind, []).append(item)
        bold = QFont(self.items.font())
        bold.setBold(True)
        # Built apart from the tree and added at once: hundreds of rows on a large programme.
        built: list[QTreeWidgetItem] = []
        for kind, members in groups.items():
            overdue = sum(1 for i in members if i.overdue)
            heading = self.tr("{0} ({1})").format(self.tr(ATTENTION_LABELS[kind]), len(members))
            if overdue and overdue < len(members):
                heading += self.tr(" – {0} overskredet").format(overdue)
            group = QTreeWidgetItem([heading])
            group.setFont(0, bold)
            built.append(group)
            for item in members:
                row = QTreeWidgetItem(
                    group,
                    [item.area_name, f"{item.due_on:%d.%m.%Y}", self._when(item), item.text],
                )
                row.setData(0, ITEM_ROLE, item)
                row.setToolTip(3, item.text)
                colour = WARNING_COLOUR if item.overdue else MUTED_COLOUR
                row.setForeground(2, QBrush(colour))
        self.items.addTopLevelItems(built)
        for group in built:
            group.setFirstColumnSpanned(True)
            group.setExpanded(True)
        overdue_total = sum(1 for i in items if i.overdue)
        if not items:
            self.attention_summary.setText(self.tr("Intet er overskredet eller forfalder snart."))
        else:
            self.attention_summary.setText(
                self.tr("{0} i {1}: {2} overskredet, {3} kommende.").format(
                    count(len(items), "punkt"),
                    count(len(groups), "gruppe"),
                    overdue_total,
                    len(items) - overdue_total,
                )
            )
        if items and not self._items_fitted:  # once: a refresh keeps the widths
            self._items_fitted = True
            for column in range(3):
                self.items.resizeColumnToContents(column)
        if self.items.topLevelItemCount():
            self.items.setCurrentItem(self.items.topLevelItem(0))

    def _when(self, item: AttentionItem) -> str:
        days = item.days_overdue
        if days > 0:
            return self.tr("{0} over").format(count(days, "dag"))
        if days == 0:
            return self.tr("i dag")
        return self.tr("om {0}").format(count(-days, "dag")) if days < -1 else self.tr("i morgen")

    def _show_money(self) -> None:
        totals = overview.money_totals(self.ctx.db, self.ctx.programme_id)
        values = {
            "budget": totals.budget_ore,
            "awarded": totals.awarded_ore,
            "paid": totals.paid_ore,
            "left": totals.left_to_pay_ore,
            "free": totals.unallocated_ore,
        }
        for key, ore in values.items():
            self.money_labels[key].setText(format_kr(ore))
        budget_kr = max(totals.budget_ore // 100, 1)
        self.paid_bar.setRange(0, budget_kr)
        self.paid_bar.setValue(min(totals.paid_ore // 100, budget_kr))

    def _show_statuses(self) -> None:
        for button in self.status_buttons:
            button.deleteLater()
        self.status_buttons = []
        rows = overview.area_summaries(self.ctx.db, self.ctx.programme_id)
        counts = {status: sum(1 for r in rows if r.status == status) for status in STATUS_ORDER}
        for n, status in enumerate(STATUS_ORDER):
            if not counts[status]:
                continue
            button = QPushButton(
                self.tr("{0}: {1}").format(self.tr(STATUS_LABELS[status]), counts[status])
            )
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 2px 4px;")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(self.tr("Vis lokalområderne med denne status"))
            button.clicked.connect(lambda _=False, n=n: self.ctx.open_record(STATUS_KIND, str(n)))
            self.status_layout.addWidget(button)
            self.status_buttons.append(button)
        designated = QPushButton(selection.designation(self.ctx.db, self.ctx.programme_id).text)
        designated.setFlat(True)
        designated.setStyleSheet("text-align: left; padding: 2px 4px;")
        designated.setToolTip("Lokalområder, hvis interessetilkendegivelse er godkendt")
        designated.clicked.connect(lambda: self.ctx.open_record(STATUS_KIND, "-1"))
        self.status_layout.addWidget(designated)
        self.status_buttons.append(designated)
        self.designation_button = designated
        total = QPushButton(self.tr("I alt: {0}").format(count(len(rows), "lokalområde")))
        total.setFlat(True)
        total.setStyleSheet("text-align: left; padding: 2px 4px; font-weight: bold;")
        total.clicked.connect(lambda: self.ctx.open_record(STATUS_KIND, "-1"))
        self.status_layout.addWidget(total)
        self.status_buttons.append(total)

    def _write_reminder(self) -> None:
        from kulturpunkt_desk.domain.services import mail

        from ..mail_dialog import write_mail

        today, pid = self.today(), self.ctx.programme_id
        write_mail(self.ctx, self, lambda: mail.evaluation_reminder(self.ctx.db, pid, today))

    # --- opening ----------------------------------------------------------------------

    def _open_item(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        item = row.data(0, ITEM_ROLE)
        if isinstance(item, AttentionItem):
            self.ctx.open_record(*item.opens)

    def open_item_at(self, kind: attention.AttentionKind, area_name: str) -> bool:
        """Open the first item of `kind` about `area_name` (used by tests and shortcuts)."""
        for g in range(self.items.topLevelItemCount()):
            group = self.items.topLevelItem(g)
            for c in range(group.childCount()):
                item = group.child(c).data(0, ITEM_ROLE)
                if item.kind == kind and item.area_name == area_name:
                    self._open_item(group.child(c))
                    return True
        return False
