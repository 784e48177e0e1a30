"""Europæisk Kulturregion's funding: the frame shared out by population, invoiced, paid."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import ekr_funding, ekr_partnership
from kulturpunkt_desk.domain.services.ekr_population_csv import decode, parse_population_csv
from kulturpunkt_desk.domain.services.ekr_setup import establish_ekr
from kulturpunkt_desk.domain.services.ekr_shareout import share_out
from kulturpunkt_desk.storage.engine import Database


@settings(max_examples=300, deadline=None)
@given(
    frame=st.integers(min_value=0, max_value=10_000_000),
    populations=st.lists(st.integers(min_value=0, max_value=2_000_000), min_size=1, max_size=25),
)
def test_shares_sum_to_the_frame_exactly_for_any_key(frame: int, populations: list[int]) -> None:
    if sum(populations) == 0 and frame:
        populations[0] = 1
    shares = share_out(frame, dict(enumerate(populations)))
    assert sum(shares.values()) == frame
    total = sum(populations)
    for i, pop in enumerate(populations):
        # Largest remainder: each share is its exact quota rounded down or up, never further.
        exact = frame * pop / total if total else 0
        assert exact - 1 < shares[i] < exact + 1


def test_the_leftover_kroner_go_to_the_largest_remainders() -> None:
    # 100 kr. by 1:1:1 is 33.33 each; the one krone left goes to the first (a tie).
    assert share_out(100, {"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    # 10 kr. by 15:35:50: quotas 1.5, 3.5, 5.0; the krone left breaks the tie by population.
    assert share_out(10, {"a": 15, "b": 35, "c": 50}) == {"a": 1, "b": 4, "c": 5}


def test_a_key_without_inhabitants_is_refused() -> None:
    with pytest.raises(ValidationError, match="ingen indbyggertal"):
        share_out(1000, {"a": 0})


@pytest.fixture
def ekr(db: Database) -> int:
    return establish_ekr(db)


def _key(db: Database, pid: int) -> dict[int, int]:
    return {m.id: 10_000 + 1_000 * i for i, m in enumerate(ekr_partnership.municipalities(db, pid))}


def test_a_year_shares_the_default_frame_and_the_region_matches_it(db: Database, ekr: int) -> None:
    fy = ekr_funding.create_funding_year(db, ekr, 2026, date(2017, 10, 1))
    ekr_funding.set_populations(db, fy, _key(db, ekr))
    table = ekr_funding.contributions_table(db, ekr, 2026)
    assert len(table.rows) == 19
    assert table.total_ore == kr(1_300_000) == table.region_match_ore
    assert table.budget_ore == kr(2_600_000)
    assert all(r.amount_ore % 100 == 0 for r in table.rows)  # whole kroner


def test_changing_the_key_or_frame_never_changes_an_invoiced_year(db: Database, ekr: int) -> None:
    fy_2025 = ekr_funding.create_funding_year(db, ekr, 2025)
    ekr_funding.set_populations(db, fy_2025, _key(db, ekr))
    ekr_funding.invoice_year(db, fy_2025, date(2025, 1, 20))
    before = ekr_funding.contributions_table(db, ekr, 2025).rows

    fy_2026 = ekr_funding.create_funding_year(db, ekr, 2026)  # copies the 2025 key
    first = ekr_partnership.municipalities(db, ekr)[0].id
    ekr_funding.set_populations(db, fy_2026, {first: 500_000})
    ekr_funding.set_frame(db, fy_2026, kr(1_400_000))

    assert ekr_funding.contributions_table(db, ekr, 2025).rows == before
    assert ekr_funding.contributions_table(db, ekr, 2026).total_ore == kr(1_400_000)
    with pytest.raises(ValidationError, match="faktureret"):
        ekr_funding.set_frame(db, fy_2025, kr(1_000_000))
    with pytest.raises(ValidationError, match="faktureret"):
        ekr_funding.set_populations(db, fy_2025, {first: 1})


def test_a_payment_is_recorded_and_late_payers_are_listed_after_the_quarter(
    db: Database, ekr: int
) -> None:
    fy = ekr_funding.create_funding_year(db, ekr, 2026)
    ekr_funding.set_populations(db, fy, _key(db, ekr))
    ekr_funding.invoice_year(db, fy, date(2026, 1, 15))
    rows = ekr_funding.contributions_table(db, ekr, 2026).rows
    assert {r.due_on for r in rows} == {date(2026, 3, 31)}
    for row in rows[1:]:
        assert row.contribution_id is not None
        ekr_funding.record_payment(db, row.contribution_id, date(2026, 2, 10))

    assert ekr_funding.unpaid_after_quarter(db, ekr, 2026, today=date(2026, 3, 31)) == []
    late = ekr_funding.unpaid_after_quarter(db, ekr, 2026, today=date(2026, 4, 1))
    assert [r.name for r in late] == [rows[0].name]
    table = ekr_funding.contributions_table(db, ekr, 2026)
    assert table.paid_ore == table.total_ore - rows[0].amount_ore


def test_a_payment_before_the_invoice_is_refused(db: Database, ekr: int) -> None:
    fy = ekr_funding.create_funding_year(db, ekr, 2026)
    ekr_funding.set_populations(db, fy, _key(db, ekr))
    row = ekr_funding.contributions_table(db, ekr, 2026).rows[0]
    assert row.contribution_id is not None
    with pytest.raises(ValidationError, match="ikke faktureret"):
        ekr_funding.record_payment(db, row.contribution_id, date(2026, 2, 1))
    ekr_funding.invoice_year(db, fy, date(2026, 1, 15))
    with pytest.raises(ValidationError, match="Betalt"):
        ekr_funding.record_payment(db, row.contribution_id, date(2026, 1, 1))


PLAIN = "kommune;befolkning\nAarhus;352751\nSamsø;3724\nHele landet;5781190\nKøge;60000\n"
STATBANK = (
    "Befolkningen den 1. i kvartalet efter område og tid\n"
    "Enhed: antal\n"
    ";Region/kommune;2017K4\n"
    ";Region Midtjylland;1313596\n"
    ";751 Aarhus;335684\n"
    ";741 Samsø;3724\n"
    ";Favrskov Kommune;48170\n"
)


def test_population_csv_in_both_danmarks_statistik_layouts() -> None:
    names = ["Aarhus Kommune", "Samsø Kommune", "Favrskov Kommune"]
    plain = parse_population_csv(PLAIN, names)
    assert plain.figures == {"Aarhus Kommune": 352751, "Samsø Kommune": 3724}
    assert plain.unknown_names == ["Køge"]
    statbank = parse_population_csv(decode(STATBANK.encode("cp1252")), names)
    assert statbank.figures == {
        "Aarhus Kommune": 335684,
        "Samsø Kommune": 3724,
        "Favrskov Kommune": 48170,
    }
    assert statbank.unknown_names == [] and statbank.column == "2017K4"


def test_importing_a_population_file_sets_the_key(db: Database, ekr: int) -> None:
    fy = ekr_funding.create_funding_year(db, ekr, 2026)
    result = ekr_funding.import_populations(db, fy, STATBANK, date(2017, 10, 1))
    assert len(result.figures) == 3
    table = ekr_funding.contributions_table(db, ekr, 2026)
    assert table.total_ore == kr(1_300_000) and table.basis_date == date(2017, 10, 1)
    assert len(table.missing_population) == 16


def test_a_file_without_any_member_is_refused() -> None:
    with pytest.raises(ValidationError, match="fandt ingen indbyggertal"):
        parse_population_csv("kommune;befolkning\nKøge;60000\n", ["Aarhus Kommune"])
