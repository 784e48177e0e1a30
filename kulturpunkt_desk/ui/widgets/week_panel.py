"""Overblik's "Det kommende" panel (Denne uge / Næste 14 dage, or as set) and the once-a-day word at
start about what falls due today and this week. The list comes from services/week.py."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain import settings
from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.overblik_data import AheadItem, due_counts, week_end

from .. import preferences

if TYPE_CHECKING:
    from ..context import DeskContext

ITEM_ROLE = Qt.ItemDataRole.UserRole
WEEK, FORTNIGHT = 0, 1


class WeekPanel(QGroupBox):
    """What lies ahead, soonest first; Enter or a double click opens the record."""

    open_requested = Signal(str, str)
    # "Skriv påmindelse": a draft to the areas that owe their evaluation.
    reminder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Det kommende", parent)
        self.items: list[AheadItem] = []
        self.today = date.today()
        self.days = settings.COMING_DAYS.default
        self.this_week = QRadioButton("Denne &uge")
        self.fortnight = QRadioButton("Næste &14 dage")
        self.this_week.setChecked(True)
        self.span = QButtonGroup(self)
        self.span.addButton(self.this_week, WEEK)
        self.span.addButton(self.fortnight, FORTNIGHT)
        self.span.idClicked.connect(lambda _id: self._fill())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName("Det kommende")
        self.list.setColumnCount(3)
        # The area leads the description: the panel stands beside two others and is narrow.
        self.list.setHeaderLabels(["Dato", "Hvad", "Beskrivelse"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setTabKeyNavigation(False)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list.header().setStretchLastSection(True)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        choice = QHBoxLayout()
        choice.addWidget(self.this_week)
        choice.addWidget(self.fortnight)
        choice.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        reminder = QPushButton("Skriv på&mindelse om evaluering…")
        reminder.clicked.connect(self.reminder_requested)
        layout.addWidget(reminder)

    def show_items(self, items: list[AheadItem], today: date, days: int | None = None) -> None:
        """`items`: the next `days` days (the team's setting); "Denne uge" shows those up
        to Sunday."""
        self.items, self.today = items, today
        self.days = days if days is not None else self.days
        self.fortnight.setText(f"Næste &{self.days} dage")
        self._fill()

    def shown(self) -> list[AheadItem]:
        if self.span.checkedId() == FORTNIGHT:
            return self.items
        end = week_end(self.today)
        return [i for i in self.items if i.due_on <= end]

    def _fill(self) -> None:
        self.list.clear()
        items = self.shown()
        rows = []  # added at once: a large programme has hundreds
        for item in items:
            when = "i dag" if item.due_on == self.today else short_date(item.due_on)
            text = f"{item.area_name}: {item.text}" if item.area_name else item.text
            row = QTreeWidgetItem([when, item.group, text])
            row.setData(0, ITEM_ROLE, item)
            row.setToolTip(2, text)
            rows.append(row)
        self.list.addTopLevelItems(rows)
        today_n, _week_n = due_counts(self.items, self.today)
        span = "denne uge" if self.span.checkedId() == WEEK else f"de næste {self.days} dage"
        self.summary.setText(
            f"{len(items)} punkter {span}; {today_n} i dag." if items else f"Intet {span}."
        )
        for column in range(2):
            self.list.resizeColumnToContents(column)

    def _open(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        item = row.data(0, ITEM_ROLE)
        if isinstance(item, AheadItem) and item.record is not None:
            self.open_requested.emit(*item.record)


def due_message(ctx: DeskContext, today: date) -> str:
    from kulturpunkt_desk.domain.services import week

    items = week.ahead(ctx.db, ctx.programme_id, today)
    today_n, week_n = due_counts(items, today)
    return (
        f"I dag forfalder {_points(today_n)}, i alt {_points(week_n)} denne uge "
        "(se Det kommende i Overblik)."
    )


def _points(n: int) -> str:
    return f"{n} punkt" if n == 1 else f"{n} punkter"


def announce_once_a_day(window: QMainWindow, ctx: DeskContext, today: date | None = None) -> bool:
    """Say in the status bar what falls due today and this week, the first start each day.
    Returns whether it spoke; the day is remembered in the desk's preferences."""
    today = today or date.today()
    store = preferences.settings()
    if store.value(preferences.LAST_WEEK_NOTICE, "") == today.isoformat() or not ctx.programme_id:
        return False
    window.statusBar().showMessage(due_message(ctx, today), 30_000)
    store.setValue(preferences.LAST_WEEK_NOTICE, today.isoformat())
    return True
