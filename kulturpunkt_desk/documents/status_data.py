"""The figures behind the status summary, gathered once and shared by PDF, CSV and XLSX."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from kulturpunkt_desk.domain.services import budget_warnings, meetings
from kulturpunkt_desk.domain.services.attention import (
    ATTENTION_LABELS,
    AttentionItem,
    evaluation_state_parts,
    evaluation_states,
    overdue_items,
)
from kulturpunkt_desk.domain.services.overview import MoneyTotals, area_summaries, money_totals
from kulturpunkt_desk.domain.services.templates import programme_with_timeline
from kulturpunkt_desk.domain.status import STATUS_LABELS, STATUS_ORDER, AreaStatus
from kulturpunkt_desk.storage.engine import Database

from .spreadsheet import Money

AREA_COLUMNS = [
    "Lokalområde",
    "Kommune",
    "Status",
    "Bevilget (kr.)",
    "Udbetalt (kr.)",
    "Sparringsmøder",
    "Netværksmøder deltaget",
    "Evaluering",
    "Evaluering modtaget eller frist",
]


@dataclass(frozen=True)
class AreaRow:
    name: str
    municipality: str
    status: AreaStatus
    awarded_ore: int
    paid_ore: int
    sessions: int
    meetings_attended: int
    evaluation: str  # the state in words, date included ("Modtaget 12.06.2026")
    # The same apart, for spreadsheets: the state, and the day received or due.
    evaluation_state: str = ""
    evaluation_on: date | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class StatusData:
    programme_name: str
    region: str
    made_on: date
    money: MoneyTotals
    rows: list[AreaRow]
    overdue: list[AttentionItem]
    meetings_held: int
    # budget_warnings.money_warnings: above the budget or the standard amount, in words.
    money_warnings: list[str] = field(default_factory=list)

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        """Statuses in programme order, only those some area has."""
        counts = Counter(r.status for r in self.rows)
        return [(STATUS_LABELS[s], counts[s]) for s in STATUS_ORDER if counts[s]]

    @property
    def signed(self) -> int:
        before = {
            AreaStatus.AWAITING_INTEREST,
            AreaStatus.INTEREST_RECEIVED,
            AreaStatus.DECLINED,
            AreaStatus.AGREEMENT_SENT,
        }
        return sum(1 for r in self.rows if r.status not in before)

    @property
    def evaluations_received(self) -> int:
        return sum(1 for r in self.rows if r.evaluation.startswith("Modtaget"))

    @property
    def sessions(self) -> int:
        return sum(r.sessions for r in self.rows)

    def key_figures(self) -> list[tuple[str, int | Money]]:
        """Programme figures as (label, value) for every format."""
        m = self.money
        return [
            ("Lokalområder", len(self.rows)),
            ("Aftaler underskrevet af begge parter", self.signed),
            ("Budget (kr.)", Money(m.budget_ore)),
            ("Bevilget (kr.)", Money(m.awarded_ore)),
            ("Udbetalt (kr.)", Money(m.paid_ore)),
            ("Bevilget, ikke udbetalt (kr.)", Money(m.left_to_pay_ore)),
            ("Budget, ikke bevilget (kr.)", Money(m.unallocated_ore)),
            ("Sparringsmøder holdt", self.sessions),
            ("Netværks- og inspirationsmøder holdt", self.meetings_held),
            ("Evalueringer modtaget", self.evaluations_received),
            ("Overskredne punkter", len(self.overdue)),
        ]

    def area_table(self) -> list[list[str | int | Money | date | None]]:
        """The area table's cells for the spreadsheets (AREA_COLUMNS), no header."""
        return [
            [
                r.name,
                r.municipality,
                r.status_label,
                Money(r.awarded_ore),
                Money(r.paid_ore),
                r.sessions,
                r.meetings_attended,
                r.evaluation_state,
                r.evaluation_on,
            ]
            for r in self.rows
        ]

    def totals_row(self) -> list[str | int | Money | date | None]:
        return [
            "I alt",
            "",
            "",
            Money(self.money.awarded_ore),
            Money(self.money.paid_ore),
            self.sessions,
            sum(r.meetings_attended for r in self.rows),
            f"{self.evaluations_received} modtaget",
            None,
        ]

    def overdue_table(self) -> list[list[str | int | date]]:
        return [
            [
                i.area_name,
                ATTENTION_LABELS[i.kind],
                i.due_on,
                i.days_overdue,
                i.text,
            ]
            for i in self.overdue
        ]


def status_data(db: Database, programme_id: str, today: date | None = None) -> StatusData:
    today = today or date.today()
    programme = programme_with_timeline(db, programme_id)
    evaluations = evaluation_states(db, programme_id, today)
    evaluation_parts = evaluation_state_parts(db, programme_id, today)
    rows = [
        AreaRow(
            name=s.name,
            municipality=s.municipality,
            status=s.status,
            awarded_ore=s.awarded_ore,
            paid_ore=s.paid_ore,
            sessions=s.sparring_sessions,
            meetings_attended=s.meetings_attended,
            evaluation=evaluations.get(s.id, ""),
            evaluation_state=evaluation_parts.get(s.id, ("", None))[0],
            evaluation_on=evaluation_parts.get(s.id, ("", None))[1],
        )
        for s in area_summaries(db, programme_id)
    ]
    held = [m for m in meetings.list_meetings(db, programme_id) if m.held_on <= today]
    return StatusData(
        programme_name=programme.name,
        region=programme.contact_organisation,
        made_on=today,
        money=money_totals(db, programme_id),
        rows=rows,
        overdue=overdue_items(db, programme_id, today),
        meetings_held=len(held),
        money_warnings=budget_warnings.money_warnings(db, programme_id),
    )
