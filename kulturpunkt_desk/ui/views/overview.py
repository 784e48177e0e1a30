"""Overblik: what needs attention today.

The programme's timeline with today marked; the overdue and coming items grouped by kind
(most urgent group first, counts in the headings); "Det kommende" (this week or the next
14 days); money against the budget; and how many areas stand at each status. Every item
opens the record it is about.

The figures come in one call, `services.overblik.overblik`, which also keeps them as the
start-up snapshot; the widgets that paint them are `OverviewPanel`, which the start-up
shell uses to paint that snapshot before the database layer is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kulturpunkt_desk.domain.overblik_data import OverblikData
from kulturpunkt_desk.domain.services.overblik import overblik

from ..context import DeskContext
from ..widgets.table_export import add_export_action
from .areas import STATUS_KIND
from .base import View
from .overview_panel import OverviewPanel


class OverviewView(View):
    # Tests replace this to see the desk on a fixed day.
    today: Callable[[], date] = staticmethod(date.today)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.panel = OverviewPanel()
        self.panel.item_chosen.connect(self.ctx.open_record)
        self.panel.status_chosen.connect(lambda n: self.ctx.open_record(STATUS_KIND, str(n)))
        self.panel.reminder_requested.connect(self._write_reminder)
        # Right click or Ctrl+E: a list to Excel. On the live Overblik only: the start-up
        # shell shares the panel and offers no action at all.
        add_export_action(self.panel.items)
        add_export_action(self.panel.week.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        self.heading = self.panel.heading
        self.phase = self.panel.phase
        self.timeline = self.panel.timeline
        self.items = self.panel.items
        self.attention_summary = self.panel.attention_summary
        self.money_labels = self.panel.money_labels
        self.paid_bar = self.panel.paid_bar
        self.status_box = self.panel.status_box
        self.week = self.panel.week
        self.data: OverblikData | None = None

    @property
    def status_buttons(self) -> list[QPushButton]:
        return self.panel.status_buttons

    @property
    def designation_button(self) -> QPushButton:
        return self.panel.designation_button

    def refresh(self) -> None:
        self.data = overblik(self.ctx.db, self.ctx.programme_id, self.today())
        # The same figures as shown: the widgets stay as they are (selection, scrolling),
        # which also spares rebuilding hundreds of rows on a large programme.
        if self.data != self.panel.data:
            self.panel.show_data(self.data)
        self.panel.set_state("")

    def open_item_at(self, kind: str, area_name: str) -> bool:
        """Open the first item of `kind` about `area_name` (used by tests and shortcuts)."""
        return self.panel.open_item_at(kind, area_name)

    def _write_reminder(self) -> None:
        from kulturpunkt_desk.domain.services import mail

        from ..mail_dialog import write_mail

        today, pid = self.today(), self.ctx.programme_id
        write_mail(self.ctx, self, lambda: mail.evaluation_reminder(self.ctx.db, pid, today))
