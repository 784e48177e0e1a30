"""An area's money in one place: awarded, planned in instalments, paid, what is left, and
the spending declared item by item beside the spending its evaluation states.

The dossier shows these figures; the area list and the programme totals use the same
`left_to_pay` rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Area


def left_to_pay(awarded_ore: int, paid_ore: int) -> int:
    """What the region still owes of a grant: awarded minus paid."""
    return awarded_ore - paid_ore


@dataclass(frozen=True)
class AreaMoney:
    awarded_ore: int
    planned_ore: int  # all instalments, paid or not
    paid_ore: int
    declared_ore: int  # the spending items the area declared (anmeldt forbrug)
    evaluated_ore: int  # the spending stated in its evaluations

    @property
    def left_to_pay_ore(self) -> int:
        return left_to_pay(self.awarded_ore, self.paid_ore)

    @property
    def planned_unpaid_ore(self) -> int:
        return self.planned_ore - self.paid_ore

    @property
    def unplanned_ore(self) -> int:
        return self.awarded_ore - self.planned_ore

    @property
    def spending_difference_ore(self) -> int:
        """Evaluation minus declared items: positive when the evaluation states more."""
        return self.evaluated_ore - self.declared_ore


def area_money(area: Area) -> AreaMoney:
    """From an area with its grant, instalments, spending and evaluations loaded."""
    instalments = area.grant.instalments if area.grant else []
    return AreaMoney(
        awarded_ore=area.grant.amount_ore if area.grant else 0,
        planned_ore=sum(i.amount_ore for i in instalments),
        paid_ore=sum(i.amount_ore for i in instalments if i.paid_on is not None),
        declared_ore=sum(item.amount_ore for item in area.spending),
        evaluated_ore=sum(e.declared_spending_ore for e in area.evaluations),
    )
