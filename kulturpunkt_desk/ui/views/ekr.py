"""Europæisk Kulturregion: the standing partnership beside Kulturpunkt, in one view.

Tabs for members and representatives, money per year, the budget lines, the action plan,
the year wheel, the people at the meetings and Kulturforum, the engagement grid and the EU
cases. With no partnership in the file yet, the view offers to create it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.models.base import NO_RECORD
from kulturpunkt_desk.domain.services import ekr_partnership
from kulturpunkt_desk.domain.services.ekr_setup import establish_ekr

from ..context import DeskContext
from ..failure import told_on_failure
from .base import View
from .ekr_budget import BudgetTab
from .ekr_common import EkrTab, MessageLine
from .ekr_eu import EuTab
from .ekr_funding import FundingTab
from .ekr_members import MembersTab
from .ekr_people import PeopleTab
from .ekr_plan import ActionPlanTab
from .ekr_themes import EngagementTab
from .ekr_wheel import WheelTab


class EkrView(View):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.partnership_id = NO_RECORD
        self.members = MembersTab(ctx)
        self.funding = FundingTab(ctx)
        self.wheel = WheelTab(ctx)
        self.themes = EngagementTab(ctx)
        self.eu = EuTab(ctx)
        self.budget = BudgetTab(ctx)
        self.plan = ActionPlanTab(ctx)
        self.people = PeopleTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.members, self.tr("Medlemmer"))
        self.tabs.addTab(self.funding, self.tr("Økonomi"))
        self.tabs.addTab(self.budget, self.tr("Budget"))
        self.tabs.addTab(self.plan, self.tr("Handleplan"))
        self.tabs.addTab(self.wheel, self.tr("Årshjul"))
        self.tabs.addTab(self.people, self.tr("Deltagere og Kulturforum"))
        self.tabs.addTab(self.themes, self.tr("Temaer og engagement"))
        self.tabs.addTab(self.eu, self.tr("EU-sager"))

        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        intro = QLabel(
            self.tr(
                "Databasen har endnu ikke partnerskabet Europæisk Kulturregion: "
                "Region Midtjylland, de 19 midtjyske kommuner og CDEU."
            )
        )
        intro.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Opret Europæisk Kulturregion"))
        self.create_button.clicked.connect(self.create_partnership)
        self.create_message = MessageLine()
        empty_layout.addWidget(intro)
        empty_layout.addWidget(self.create_button)
        empty_layout.addWidget(self.create_message)
        empty_layout.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def tab_widgets(self) -> list[EkrTab]:
        return [
            self.members,
            self.funding,
            self.budget,
            self.plan,
            self.wheel,
            self.people,
            self.themes,
            self.eu,
        ]

    def refresh(self) -> None:
        partnership = ekr_partnership.current_partnership(self.ctx.db)
        self.partnership_id = partnership.id if partnership else NO_RECORD
        if partnership is None:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        for tab in self.tab_widgets():
            tab.load(partnership.id)

    # The year wheel's attendance ticks are the view's only input kept outside a form.
    def unsaved_input(self) -> str:
        return self.wheel.unsaved_input()

    def save_input(self) -> bool:
        return self.wheel.save_input()

    def discard_input(self) -> None:
        self.wheel.discard_input()

    def create_partnership(self) -> None:
        with told_on_failure(self.create_message.error) as outcome:
            establish_ekr(self.ctx.db)
        if outcome.failed:
            return
        self.refresh()

    def open_record(self, kind: str, record_id: str) -> bool:
        """A member, theme or EU case (from Søg) on its tab, selected."""
        tabs = {"ekr_member": self.members, "ekr_theme": self.themes, "ekr_eu_case": self.eu}
        tab = tabs.get(kind)
        if tab is None:
            return False
        if self._stale or not self.partnership_id:  # loaded now, not again when shown
            self._stale = False
            self.refresh()
        self.tabs.setCurrentWidget(tab)
        if tab is self.members:
            return self.members.table.select_id(record_id)
        if tab is self.eu:
            return self.eu.table.select_id(record_id)
        return self.themes.select_theme(record_id)
