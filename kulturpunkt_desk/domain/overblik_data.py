"""What the Overblik shows, as plain data: the figures the services computed, nothing more.

domain/services/overblik.py fills it from the services (and writes it as the start-up
snapshot); the Overblik view and the start-up shell both paint it with the same widget
(ui/views/overview_panel.py). This module imports only the standard library, so the
shell can read a snapshot before SQLAlchemy is imported.

A new panel joins by adding a field here, its value in `to_plain`/`from_plain`, and its
painting in the panel; the snapshot then carries it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True)
class Phase:
    title: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class AttentionRow:
    """One item that needs attention, as the Overblik lists it."""

    kind: str  # attention.AttentionKind's value
    label: str  # the kind's Danish group heading
    area_name: str
    due_on: date
    days_overdue: int
    text: str
    opens: tuple[str, str]  # (kind, id) for the window's open_record

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


@dataclass(frozen=True)
class AheadItem:
    """One thing in "Det kommende" (services/week.py computes the list)."""

    group: str  # Danish heading the item is listed under
    area_name: str  # "" for what concerns the whole programme
    due_on: date
    text: str  # Danish, one sentence
    record: tuple[str, str] | None = None  # what opens it, as for AttentionItem


def week_end(today: date) -> date:
    """The Sunday of today's week (Danish weeks start on Monday)."""
    return today + timedelta(days=6 - today.weekday())


def due_counts(items: list[AheadItem], today: date) -> tuple[int, int]:
    """How many items fall due today, and how many this week (today through Sunday)."""
    end = week_end(today)
    return (
        sum(1 for i in items if i.due_on == today),
        sum(1 for i in items if today <= i.due_on <= end),
    )


@dataclass(frozen=True)
class StatusCount:
    order: int  # index in status.STATUS_ORDER (the Lokalområder filter's choice)
    label: str  # Danish
    count: int


@dataclass(frozen=True)
class OverblikData:
    today: date
    phases: list[Phase] = field(default_factory=list)
    attention: list[AttentionRow] = field(default_factory=list)
    # budget, awarded, paid, left, free: øre
    money: dict[str, int] = field(default_factory=dict)
    statuses: list[StatusCount] = field(default_factory=list)
    designation: str = ""
    area_count: int = 0
    # "Det kommende": the next `coming_days` days (the team's setting), soonest first.
    ahead: list[AheadItem] = field(default_factory=list)
    coming_days: int = 14
    # budget_warnings.money_warnings: the money above the budget or the standard, in words.
    money_warnings: list[str] = field(default_factory=list)

    def to_plain(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "phases": [
                [p.title, p.starts_on.isoformat(), p.ends_on.isoformat()] for p in self.phases
            ],
            "attention": [
                [
                    a.kind,
                    a.label,
                    a.area_name,
                    a.due_on.isoformat(),
                    a.days_overdue,
                    a.text,
                    list(a.opens),
                ]
                for a in self.attention
            ],
            "money": dict(self.money),
            "statuses": [[s.order, s.label, s.count] for s in self.statuses],
            "designation": self.designation,
            "area_count": self.area_count,
            "coming_days": self.coming_days,
            "money_warnings": list(self.money_warnings),
            "ahead": [
                [
                    a.group,
                    a.area_name,
                    a.due_on.isoformat(),
                    a.text,
                    list(a.record) if a.record is not None else None,
                ]
                for a in self.ahead
            ],
        }

    @classmethod
    def from_plain(cls, plain: dict[str, Any]) -> OverblikData:
        """Raises KeyError, ValueError or TypeError on anything not written by to_plain."""
        day = date.fromisoformat
        return cls(
            today=day(plain["today"]),
            phases=[Phase(str(t), day(s), day(e)) for t, s, e in plain["phases"]],
            attention=[
                AttentionRow(
                    str(kind),
                    str(label),
                    str(area),
                    day(due),
                    int(days),
                    str(text),
                    (str(opens[0]), _record_id(opens[1])),
                )
                for kind, label, area, due, days, text, opens in plain["attention"]
            ],
            money={str(k): int(v) for k, v in plain["money"].items()},
            statuses=[StatusCount(int(o), str(label), int(c)) for o, label, c in plain["statuses"]],
            designation=str(plain["designation"]),
            area_count=int(plain["area_count"]),
            coming_days=int(plain.get("coming_days", 14)),
            money_warnings=[str(text) for text in plain.get("money_warnings", [])],
            ahead=[
                AheadItem(
                    str(group),
                    str(area),
                    day(due),
                    str(text),
                    (str(record[0]), _record_id(record[1])) if record is not None else None,
                )
                for group, area, due, text, record in plain["ahead"]
            ],
        )


def _record_id(value: Any) -> Any:
    """A record id as the snapshot holds it: opaque (a number today, a UUID string soon),
    never converted; anything else is not a snapshot this desk wrote."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"not a record id: {value!r}")
    return value
