"""One row of the Tilskud table: an area's grant figures, computed from its loaded records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kulturpunkt_desk.domain.models import Area, Instalment
from kulturpunkt_desk.domain.services.area_money import left_to_pay


@dataclass(frozen=True)
class GrantRow:
    area: Area
    awarded: int
    planned: int
    paid: int
    spent: int
    next_due: Instalment | None

    @property
    def left(self) -> int:
        """Awarded and not yet paid out (the one rule, domain/services/area_money.py)."""
        return left_to_pay(self.awarded, self.paid)

    @property
    def overdue(self) -> bool:
        return self.next_due is not None and self.next_due.due_on < date.today()


def grant_rows(areas: list[Area]) -> list[GrantRow]:
    rows = []
    for area in areas:
        instalments = list(area.grant.instalments) if area.grant else []
        unpaid = sorted((i for i in instalments if i.paid_on is None), key=lambda i: i.due_on)
        rows.append(
            GrantRow(
                area=area,
                awarded=area.grant.amount_ore if area.grant else 0,
                planned=sum(i.amount_ore for i in instalments),
                paid=sum(i.amount_ore for i in instalments if i.paid_on is not None),
                spent=sum(s.amount_ore for s in area.spending),
                next_due=unpaid[0] if unpaid else None,
            )
        )
    return rows
