"""The programme's money totals agree with the area list they summarise."""

from __future__ import annotations

from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import overview, programmes
from kulturpunkt_desk.storage.engine import Database


def test_money_totals_add_up_the_area_summaries(demo_db: Database) -> None:
    programme = programmes.current_programme(demo_db)
    assert programme is not None
    rows = overview.area_summaries(demo_db, programme.id)
    totals = overview.money_totals(demo_db, programme.id)
    assert totals.awarded_ore == sum(r.awarded_ore for r in rows) > 0
    assert totals.paid_ore == sum(r.paid_ore for r in rows) > 0
    assert totals.budget_ore == programme.total_budget_ore
    assert totals.left_to_pay_ore == totals.awarded_ore - totals.paid_ore


def test_money_totals_of_an_empty_programme_are_zero(db: Database, programme_id: str) -> None:
    totals = overview.money_totals(db, programme_id)
    assert (totals.awarded_ore, totals.paid_ore) == (0, 0)
    assert totals.unallocated_ore == totals.budget_ore == kr(550_000)


def test_money_totals_leave_other_programmes_out(demo_db: Database) -> None:
    current = programmes.current_programme(demo_db)
    assert current is not None
    template = programmes.kulturpunkt_2025_26()
    template.data.name = "Kulturpunkt Vest 2025-26"
    other = programmes.create_programme(demo_db, template, "Aftale")
    assert overview.money_totals(demo_db, other).awarded_ore == 0
    assert overview.money_totals(demo_db, current.id).awarded_ore > 0
