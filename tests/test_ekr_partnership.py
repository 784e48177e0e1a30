"""Europæisk Kulturregion's members, representatives, themes and EU cases."""

from __future__ import annotations

from datetime import date

import pytest

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import EngagementLevel, EuCaseKind, EuCaseStage, ThemeKind
from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import ekr_eu, ekr_funding, ekr_partnership, ekr_themes
from kulturpunkt_desk.domain.services.ekr_eu import EuCaseData
from kulturpunkt_desk.domain.services.ekr_partnership import MemberData, RepresentativeData
from kulturpunkt_desk.domain.services.ekr_setup import establish_ekr
from kulturpunkt_desk.storage.engine import Database


@pytest.fixture
def ekr(db: Database) -> int:
    return establish_ekr(db)


def test_the_partnership_has_the_region_19_municipalities_and_cdeu(db: Database, ekr: int) -> None:
    members = ekr_partnership.list_members(db, ekr)
    assert members[0].name == "Region Midtjylland" and members[-1].name == "CDEU"
    assert len(ekr_partnership.municipalities(db, ekr)) == 19


def test_a_member_without_representative_or_with_three_is_warned_about(
    db: Database, ekr: int
) -> None:
    members = ekr_partnership.list_members(db, ekr)
    for member in members[1:]:
        ekr_partnership.add_representative(
            db, member.id, RepresentativeData(f"Person {member.id}", "Kulturchef")
        )
    for name in ("Anden", "Tredje"):
        ekr_partnership.add_representative(
            db, members[1].id, RepresentativeData(name, "Kulturkonsulent")
        )
    warnings = {w.member_id: w.message for w in ekr_partnership.representative_warnings(db, ekr)}
    assert set(warnings) == {members[0].id, members[1].id}
    assert "ingen fast repræsentant" in warnings[members[0].id]
    assert "3 repræsentanter" in warnings[members[1].id]


def test_a_second_region_is_refused(db: Database, ekr: int) -> None:
    from kulturpunkt_desk.domain.models import MemberKind

    with pytest.raises(ValidationError, match="allerede en region"):
        ekr_partnership.add_member(db, ekr, MemberData("Region Nordjylland", MemberKind.REGION))


def test_an_engagement_level_is_set_in_the_grid(db: Database, ekr: int) -> None:
    area = ekr_themes.list_focus_areas(db, ekr)[2]
    theme = ekr_themes.add_theme(db, area.id, "Kulturmødet Mors", ThemeKind.THEME_GROUP)
    member = ekr_partnership.municipalities(db, ekr)[3].id
    ekr_themes.set_engagement(db, theme, member, EngagementLevel.LEADING)
    grid = ekr_themes.engagement_grid(db, ekr)
    assert grid.level(member, theme) == EngagementLevel.LEADING
    assert grid.themes[0].focus_area.startswith("3. ")
    ekr_themes.set_engagement(db, theme, member, EngagementLevel.NOT_TAKING_PART)
    assert ekr_themes.engagement_grid(db, ekr).levels == {}


def test_a_granted_case_needs_its_amount_and_counts_against_the_budget(
    db: Database, ekr: int
) -> None:
    fy = ekr_funding.create_funding_year(db, ekr, 2026)
    assert fy
    data = EuCaseData(
        EuCaseKind.JOINT_APPLICATION,
        "Fælles ansøgning",
        EuCaseStage.GRANTED,
        call_deadline=date(2026, 2, 1),
        amount_sought_ore=kr(2_000_000),
    )
    with pytest.raises(ValidationError, match="Bevilget beløb"):
        ekr_eu.create_case(db, ekr, data)
    ekr_eu.create_case(
        db, ekr, EuCaseData(**{**data.__dict__, "amount_granted_ore": kr(3_900_000)})
    )
    (figure,) = ekr_eu.eu_money_vs_budget(db, ekr)
    assert figure.year == 2026 and figure.granted_ore == kr(3_900_000)
    assert figure.own_budget_ore == kr(2_600_000) and figure.per_krone == "1,5"
