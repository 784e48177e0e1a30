"""The Overblik's widgets, painted from plain data (domain/overblik_data.py).

The Overblik view paints the live figures with it; the start-up shell paints the snapshot
with it before SQLAlchemy is imported, so this module imports Qt and Qt-free, SQLAlchemy-free
domain modules only (tests/test_snapshot.py checks that). The panel never calls a service:
it shows what it is given and says, by signals, what the user chose.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
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
from kulturpunkt_desk.domain.dates import long_date, short_date
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.overblik_data import AttentionRow, OverblikData

from .. import palette, scale
from ..accessibility import name_list
from ..models.record_table import MUTED_COLOUR, WARNING_COLOUR
from ..widgets.timeline_strip import TimelineStrip
from ..widgets.week_panel import WeekPanel

ITEM_ROLE = Qt.ItemDataRole.UserRole
MONEY_ROWS = (
    ("budget", "Budget:"),
    ("awarded", "Bevilget:"),
    ("paid", "Udbetalt:"),
    ("left", "Tilbage at udbetale:"),
    ("free", "Ikke bevilget:"),
)


class OverviewPanel(QWidget):
    # (kind, id) of the record an attention item is about.
    item_chosen = Signal(str, str)
    # A status's index in STATUS_ORDER; -1 for every area.
    status_chosen = Signal(int)
    # "Skriv påmindelse om evaluering…" in Det kommende.
    reminder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: OverblikData | None = None
        self.heading = QLabel()
        scale.heading(self.heading, 1.3)
        # "opdateres…" while the panel shows the start-up snapshot.
        self.state = QLabel()
        self.state.setObjectName("overblik_state")
        self.state.setStyleSheet(palette.style(palette.HINT))
        self.phase = QLabel()
        self.phase.setWordWrap(True)
        self.timeline = TimelineStrip()

        self.items = QTreeWidget()
        name_list(self.items, self.tr("Kræver opmærksomhed"))
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
        self.money_labels = {key: QLabel() for key, _ in MONEY_ROWS}
        for key, text in MONEY_ROWS:
            label = self.money_labels[key]
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.money_form.addRow(self.tr(text), label)
        self.paid_bar = QProgressBar()
        self.paid_bar.setFormat(self.tr("%p %"))
        self.money_form.addRow(self.tr("Udbetalt af budget:"), self.paid_bar)
        # Above the budget or the standard amount: red AND in words (budget_warnings).
        self.money_warning = QLabel()
        self.money_warning.setWordWrap(True)
        self.money_warning.setStyleSheet(palette.style(palette.WARNING))
        self.money_warning.hide()
        self.money_form.addRow(self.money_warning)

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
        self.week.open_requested.connect(self.item_chosen)
        self.week.reminder_requested.connect(self.reminder_requested)
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
        top.addWidget(self.state)
        layout.addLayout(top)
        layout.addWidget(self.timeline)
        layout.addWidget(self.phase)
        layout.addWidget(splitter, 1)

    # --- painting ---------------------------------------------------------------------

    def show_data(self, data: OverblikData) -> None:
        self.data = data
        self.heading.setText(self.tr("Overblik – {0}").format(long_date(data.today)))
        self._show_timeline(data)
        self._show_items(data.attention)
        self.week.show_items(data.ahead, data.today, data.coming_days)
        self._show_money(data.money)
        self._show_money_warnings(data.money_warnings)
        self._show_statuses(data)

    def set_state(self, text: str) -> None:
        """A word beside the heading: "opdateres…" on snapshot data, empty when live."""
        self.state.setText(text)

    def _show_timeline(self, data: OverblikData) -> None:
        today, milestones = data.today, data.phases
        self.timeline.set_phases(list(milestones), today)
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
                    coming[0].title, short_date(coming[0].starts_on)
                )
                if coming
                else ""
            )

    _items_fitted = False

    def _show_items(self, items: list[AttentionRow]) -> None:
        self.items.clear()
        groups: dict[str, list[AttentionRow]] = {}
        for item in items:  # already most urgent first
            groups.setdefault(item.kind, []).append(item)
        bold = QFont(self.items.font())
        bold.setBold(True)
        # Per refresh, not per row: hundreds of rows share two colours and a few day counts.
        brushes = {True: QBrush(WARNING_COLOUR), False: QBrush(MUTED_COLOUR)}
        when: dict[int, str] = {}
        due: dict[date, str] = {}
        # Built apart from the tree and added at once: hundreds of rows on a large programme.
        built: list[QTreeWidgetItem] = []
        for members in groups.values():
            overdue = sum(1 for i in members if i.overdue)
            heading = self.tr("{0} ({1})").format(self.tr(members[0].label), len(members))
            if overdue and overdue < len(members):
                heading += self.tr(" – {0} overskredet").format(overdue)
            group = QTreeWidgetItem([heading])
            group.setFont(0, bold)
            built.append(group)
            for item in members:
                days = item.days_overdue
                if days not in when:
                    when[days] = self._when(days)
                if item.due_on not in due:
                    due[item.due_on] = short_date(item.due_on)
                row = QTreeWidgetItem(
                    group, [item.area_name, due[item.due_on], when[days], item.text]
                )
                row.setData(0, ITEM_ROLE, item)
                row.setToolTip(3, item.text)
                row.setForeground(2, brushes[item.overdue])
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

    def _when(self, days: int) -> str:
        if days > 0:
            return self.tr("{0} over").format(count(days, "dag"))
        if days == 0:
            return self.tr("i dag")
        return self.tr("om {0}").format(count(-days, "dag")) if days < -1 else self.tr("i morgen")

    def _show_money(self, money: dict[str, int]) -> None:
        for key, _ in MONEY_ROWS:
            self.money_labels[key].setText(format_kr(money.get(key, 0)))
        budget_kr = max(money.get("budget", 0) // 100, 1)
        self.paid_bar.setRange(0, budget_kr)
        self.paid_bar.setValue(min(money.get("paid", 0) // 100, budget_kr))

    def _show_money_warnings(self, warnings: list[str]) -> None:
        self.money_warning.setText("\n".join(warnings))
        self.money_warning.setVisible(bool(warnings))
        awarded = self.money_labels.get("awarded")
        if awarded is not None:
            awarded.setStyleSheet(palette.style(palette.WARNING, bold=True) if warnings else "")

    def _status_button(self, n: int, text: str, chosen: int, bold: bool = False) -> QPushButton:
        """The n-th button of the status list, showing `text`. The buttons are kept from one
        refresh to the next: a new button costs its style and layout at the next paint
        (about 5 ms for the list on a large programme)."""
        if n == len(self.status_buttons):
            button = QPushButton()
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(
                lambda _=False, b=button: self.status_chosen.emit(int(b.property("chosen")))
            )
            self.status_layout.addWidget(button)
            self.status_buttons.append(button)
        button = self.status_buttons[n]
        if button.property("bold") is not bold:
            weight = " font-weight: bold;" if bold else ""
            button.setStyleSheet(f"text-align: left; padding: 2px 4px;{weight}")
            button.setProperty("bold", bold)
        button.setProperty("chosen", chosen)
        button.setText(text)
        button.setToolTip("")
        button.show()
        return button

    def _show_statuses(self, data: OverblikData) -> None:
        for n, status in enumerate(data.statuses):
            button = self._status_button(
                n, self.tr("{0}: {1}").format(self.tr(status.label), status.count), status.order
            )
            button.setToolTip(self.tr("Vis lokalområderne med denne status"))
        n = len(data.statuses)
        self.designation_button = self._status_button(n, data.designation, -1)
        self.designation_button.setToolTip(
            self.tr("Lokalområder, hvis interessetilkendegivelse er godkendt")
        )
        self._status_button(
            n + 1, self.tr("I alt: {0}").format(count(data.area_count, "lokalområde")), -1, True
        )
        for spare in self.status_buttons[n + 2 :]:  # fewer statuses than last time
            spare.hide()

    # --- opening ----------------------------------------------------------------------

    def _open_item(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        item = row.data(0, ITEM_ROLE)
        if isinstance(item, AttentionRow):
            self.item_chosen.emit(*item.opens)

    def open_item_at(self, kind: str, area_name: str) -> bool:
        """Open the first item of `kind` about `area_name` (used by tests and shortcuts)."""
        for g in range(self.items.topLevelItemCount()):
            group = self.items.topLevelItem(g)
            for c in range(group.childCount()):
                item = group.child(c).data(0, ITEM_ROLE)
                if item.kind == kind and item.area_name == area_name:
                    self._open_item(group.child(c))
                    return True
        return False
