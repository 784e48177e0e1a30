"""What Europæisk Kulturregion's budget pays for, and the yearly action plan (issue 19,
points 8 and 9)."""

from __future__ import annotations

from datetime import date

import pytest

from kulturpunkt_desk.domain.ekr_demo_plan import PLAN_YEAR
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import ActionStatus
from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import (
    ekr_action_plan,
    ekr_budget,
    ekr_eu,
    ekr_funding,
    ekr_partnership,
    ekr_themes,
)
from kulturpunkt_desk.domain.services.ekr_action_plan import COMMUNICATION, PlanActionData
from kulturpunkt_desk.domain.services.ekr_budget import DEFAULT_LINES, BudgetLineData
from kulturpunkt_desk.domain.services.ekr_setup import establish_ekr
from kulturpunkt_desk.storage.engine import Database


@pytest.fixture
def ekr(db: Database) -> int:
    return establish_ekr(db)


def test_a_new_year_starts_from_the_lines_the_strategy_names(db: Database, ekr: int) -> None:
    """Seed: "Derved fastholdes den økonomiske ramme, fordelingsnøgle og regional
    finansiering af Genvej til Europa og ekstra finansiering af Midtjysk Kulturakademi"."""
    assert len(ekr_budget.start_year(db, ekr, 2026)) == len(DEFAULT_LINES)
    names = [line.name for line in ekr_budget.budget_overview(db, ekr, 2026).lines]
    assert names[:3] == [
        "Regional finansiering af Genvej til Europa",
        "Ekstra finansiering af Midtjysk Kulturakademi",
        "Kulturforum",
    ]
    assert "Fællessekretariatets møder" in names and "Kommunikation" in names
    with pytest.raises(ValidationError, match="har allerede budgetposter"):
        ekr_budget.start_year(db, ekr, 2026)


def test_the_budget_is_the_frame_and_the_regions_match_shared_by_lines(
    db: Database, ekr: int
) -> None:
    """Seed: "Budgettet bliver således 2,6 mio. kr. pr. år"."""
    ekr_funding.create_funding_year(db, ekr, 2026)
    genvej = ekr_budget.create_line(
        db, ekr, 2026, BudgetLineData("Genvej til Europa", kr(2_000_000), kr(100_000))
    )
    overview = ekr_budget.budget_overview(db, ekr, 2026)
    assert overview.budget_ore == kr(2_600_000) and overview.unplanned_ore == kr(600_000)
    ekr_budget.update_line(db, genvej, BudgetLineData("Genvej til Europa", kr(2_700_000)))
    overview = ekr_budget.budget_overview(db, ekr, 2026)
    assert overview.warnings == [
        "Budgetposterne for 2026 er planlagt til 2.700.000 kr., 100.000 kr. mere end "
        "budgettet på 2.600.000 kr."
    ]
    with pytest.raises(ValidationError, match="findes allerede i 2026"):
        ekr_budget.create_line(db, ekr, 2026, BudgetLineData("genvej til europa"))
    with pytest.raises(ValidationError, match="Budgetpost: skal udfyldes"):
        ekr_budget.create_line(db, ekr, 2026, BudgetLineData(" "))


def test_eu_money_brought_home_is_set_against_the_budget(ekr_db: Database) -> None:
    """Seed: "De økonomiske midler i samarbejdet geares gerne bl.a. via hjemtagning af
    EU-midler" - one figure, from ekr_eu, in the budget and the EU tab alike."""
    pid = ekr_partnership.current_partnership(ekr_db).id  # type: ignore[union-attr]
    overview = ekr_budget.budget_overview(ekr_db, pid, 2026)
    figure = next(f for f in ekr_eu.eu_money_vs_budget(ekr_db, pid) if f.year == 2026)
    assert overview.eu == figure and overview.eu.granted_ore == kr(400_000)
    assert overview.eu_summary == (
        "EU-midler hjemtaget i 2026: 400.000 kr., 0,2 kr. pr. krone af budgettet."
    )
    assert any("har brugt 520.000 kr." in w for w in overview.warnings)


def _member(db: Database, pid: int, prefix: str) -> int:
    return next(m.id for m in ekr_partnership.list_members(db, pid) if m.name.startswith(prefix))


def test_an_effort_has_members_a_responsible_member_a_status_and_a_deadline(
    db: Database, ekr: int
) -> None:
    """Seed: "Fællessekretariatet er den drivende kraft i partnerskabet og ansvarlig for
    udmøntning af strategien i handleplan"."""
    area = ekr_themes.list_focus_areas(db, ekr)[0]
    aarhus, skive = _member(db, ekr, "Aarhus"), _member(db, ekr, "Skive")
    action = ekr_action_plan.create_action(
        db,
        ekr,
        2026,
        PlanActionData(
            "Fælles ansøgning", aarhus, area.id, deadline=date(2026, 5, 1), member_ids=(skive,)
        ),
    )
    plan = ekr_action_plan.action_plan(db, ekr, 2026)
    (row,) = plan.rows
    assert row.heading == f"1. {area.name}" and row.responsible == "Aarhus Kommune"
    # The responsible takes part; Danish order puts Aarhus (as Århus) after Skive.
    assert row.members == ("Skive Kommune", "Aarhus Kommune")
    assert row.status_label == "Planlagt"
    # Kommunikation is a heading of its own: "Kommunikation varetages som en tværgående
    # indsats"; a heading with no effort is pointed out.
    assert plan.headings[-1] == COMMUNICATION
    warnings = plan.warnings(date(2026, 6, 1))
    assert "«Fælles ansøgning» (Aarhus Kommune) skulle være gennemført 01.05.2026." in warnings
    assert f"Handleplanen 2026 har ingen indsats under «{COMMUNICATION}»." in warnings
    data = ekr_action_plan.action_data(db, action)
    ekr_action_plan.update_action(
        db, action, PlanActionData(data.title, data.responsible_id, status=ActionStatus.DONE)
    )
    done = ekr_action_plan.action_plan(db, ekr, 2026)
    assert done.rows[0].heading == COMMUNICATION
    assert not any("skulle være gennemført" in w for w in done.warnings(date(2026, 6, 1)))


def test_an_effort_without_a_responsible_member_is_refused_naming_the_field(
    db: Database, ekr: int
) -> None:
    with pytest.raises(ValidationError) as caught:
        ekr_action_plan.create_action(db, ekr, 2026, PlanActionData(" ", None))
    assert set(caught.value.errors) == {"title", "responsible_id"}
    assert ekr_action_plan.action_plan(db, ekr, 2026).rows == []


def test_the_demo_plan_covers_every_focus_area_and_the_communication(ekr_db: Database) -> None:
    pid = ekr_partnership.current_partnership(ekr_db).id  # type: ignore[union-attr]
    plan = ekr_action_plan.action_plan(ekr_db, pid, PLAN_YEAR)
    assert all(plan.under(h) for h in plan.headings)
    assert {r.status for r in plan.rows} >= {ActionStatus.DONE, ActionStatus.IN_PROGRESS}
