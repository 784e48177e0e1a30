"""Population as Danmarks Statistik delivers it, and the funding rule as the strategy writes
it (issue 19, points 6 and 7)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.ekr_demo import DEMO_POPULATION
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import ekr_frame_rule, ekr_funding, ekr_partnership
from kulturpunkt_desk.domain.services.ekr_partnership import PartnershipData
from kulturpunkt_desk.domain.services.ekr_population_csv import (
    decode,
    file_periods,
    parse_population_csv,
)
from kulturpunkt_desk.domain.services.ekr_setup import MUNICIPALITIES, establish_ekr
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database

NAMES = [f"{n} Kommune" for n in MUNICIPALITIES]

# The StatBank API's CSV (FOLK1A, valuePresentation=Value): a header of variable names, one
# row per municipality and period, semicolons, UTF-8 with a BOM; breakdown rows by sex too.
API = (
    "\ufeffOMRÅDE;KØN;ALDER;TID;INDHOLD\n"
    "Hele landet;I alt;Alder i alt;2017K4;5760694\n"
    "Aarhus;I alt;Alder i alt;2017K4;335684\n"
    "Aarhus;Mænd;Alder i alt;2017K4;166000\n"
    "Samsø;I alt;Alder i alt;2017K4;3724\n"
    "Aarhus;I alt;Alder i alt;2018K1;336411\n"
    "Samsø;I alt;Alder i alt;2018K1;3710\n"
    "Favrskov;I alt;Alder i alt;2018K1;..\n"
)

# The table downloaded from the StatBank site: title rows, then the periods as columns.
SITE = (
    "Befolkningen den 1. i kvartalet efter område, køn og tid\n"
    "Enhed: antal\n"
    ";;2017K4;2018K1\n"
    "Region Midtjylland;I alt;1313596;1316000\n"
    "751 Aarhus;I alt;335684;336411\n"
    ";Mænd;166000;166300\n"
    "741 Samsø;I alt;3724;3710\n"
)


def test_the_api_csv_is_read_for_the_period_asked_for() -> None:
    """Seed: "Opgørelsen er baseret på tal fra Danmarks Statistik. okt. 2017" - the API's
    layout (OMRÅDE;KØN;ALDER;TID;INDHOLD, UTF-8 with BOM) was refused before."""
    text = decode(API.encode("utf-8"))
    assert file_periods(text) == ["2017K4", "2018K1"]
    result = parse_population_csv(text, NAMES, "2017K4")
    assert result.figures == {"Aarhus Kommune": 335684, "Samsø Kommune": 3724}
    assert result.basis_date == date(2017, 10, 1)  # "den 1. i kvartalet"
    assert "Favrskov Kommune" in result.missing_names and len(result.missing_names) == 17
    later = parse_population_csv(text, NAMES, "2018K1")
    assert later.figures == {"Aarhus Kommune": 336411, "Samsø Kommune": 3710}


def test_a_file_with_several_periods_asks_which() -> None:
    with pytest.raises(ValidationError, match=r"flere perioder \(2017K4, 2018K1\)"):
        parse_population_csv(API, NAMES)
    with pytest.raises(ValidationError, match="ingen tal for «2019K1»"):
        parse_population_csv(API, NAMES, "2019K1")


def test_the_site_table_with_title_rows_and_periods_as_columns() -> None:
    assert file_periods(SITE) == ["2017K4", "2018K1"]
    result = parse_population_csv(SITE, NAMES, "2018K1")
    assert result.figures == {"Aarhus Kommune": 336411, "Samsø Kommune": 3710}
    assert result.unknown_names == []


def test_importing_says_which_municipalities_the_file_lacks_and_dates_the_key(
    db: Database,
) -> None:
    pid = establish_ekr(db)
    fy = ekr_funding.create_funding_year(db, pid, 2026)
    result = ekr_funding.import_populations(db, fy, API, period="2017K4")
    assert len(result.missing_names) == 17
    table = ekr_funding.contributions_table(db, pid, 2026)
    assert table.basis_date == date(2017, 10, 1)
    assert len(table.missing_population) == 17


def test_the_command_line_asks_for_a_period_and_names_what_the_file_lacks(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    main(["ekr", "setup", "--db", db])
    main(["ekr", "year", "--db", db, "--year", "2026"])
    csv_file = tmp_path / "FOLK1A.csv"
    csv_file.write_bytes(API.encode("utf-8"))
    args = ["ekr", "population", "--db", db, "--year", "2026", "--csv", str(csv_file)]
    assert main(args) == 1
    assert "vælg én med --period" in capsys.readouterr().err
    assert main([*args, "--period", "2018K1"]) == 0
    out = capsys.readouterr().out
    assert "Indlæste indbyggertal for 2 kommuner (2018K1)." in out
    assert "Filen mangler: Favrskov Kommune" in out
    # The same sentence as the window and the status summary (one rule, one figure).
    database = open_database(db_path)
    try:
        pid = ekr_partnership.current_partnership(database).id  # type: ignore[union-attr]
        rule = ekr_frame_rule.frame_rule(database, pid, 2026)
    finally:
        database.dispose()
    assert rule is not None and rule.summary in out and f"Advarsel: {rule.warning}" in out


def _demo_key(db: Database, pid: int) -> dict[int, int]:
    ids = {m.name: m.id for m in ekr_partnership.municipalities(db, pid)}
    return {ids[f"{n} Kommune"]: p for n, p in DEMO_POPULATION.items()}


def test_the_rule_shows_the_rate_per_inhabitant_and_the_difference(db: Database) -> None:
    """Seed: "kommunerne bidrager med 1 kr. pr. år pr. indbygger" ... "opkræves et afrundet
    beløb, svarende til kommunernes folketal minus ca. 1%"."""
    pid = establish_ekr(db)
    fy = ekr_funding.create_funding_year(db, pid, 2026)
    ekr_funding.set_populations(db, fy, _demo_key(db, pid))
    rule = ekr_frame_rule.frame_rule(db, pid, 2026)
    assert rule is not None
    assert rule.population == 1_304_700
    assert rule.rate_text == "0,9964 kr."
    assert rule.difference_ore == -kr(4_700)
    assert rule.rule_ore == kr(1_291_653)  # the population minus 1 %, whole kroner
    assert rule.summary == (
        "2026: 0,9964 kr. pr. indbygger; rammen 1.300.000 kr. er 4.700 kr. (0,4 %) under "
        "folketallet på 1.304.700."
    )
    assert rule.warning is None  # 0,6 % from the rule, within the default 2 %


def test_a_frame_far_from_the_rule_warns_beyond_the_partnerships_margin(db: Database) -> None:
    pid = establish_ekr(db)
    fy = ekr_funding.create_funding_year(db, pid, 2026)
    ekr_funding.set_populations(db, fy, _demo_key(db, pid))
    ekr_funding.set_frame(db, fy, kr(1_200_000))
    rule = ekr_frame_rule.frame_rule(db, pid, 2026)
    assert rule is not None and rule.warning is not None
    assert "afviger 7,1 % fra reglen" in rule.warning and "grænsen er 2 %" in rule.warning
    partnership = ekr_partnership.get_partnership(db, pid)
    ekr_partnership.update_partnership(
        db, pid, PartnershipData(partnership.name, frame_rule_margin_pct=8)
    )
    assert ekr_frame_rule.frame_rule(db, pid, 2026).warning is None  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="Afvigelse: højst 50 %"):
        ekr_partnership.update_partnership(
            db, pid, PartnershipData(partnership.name, frame_rule_margin_pct=80)
        )


def test_demo_figures_stay_marked_in_every_year_copied_from_them(ekr_db: Database) -> None:
    """Issue 19: "The demo's populations are marked as demo figures in every year copied
    from them, in every document"."""
    pid = ekr_partnership.current_partnership(ekr_db).id  # type: ignore[union-attr]
    ekr_funding.create_funding_year(ekr_db, pid, 2027)
    table = ekr_funding.contributions_table(ekr_db, pid, 2027)
    assert table.population_demo and table.note.startswith("DEMOTAL")
    rule = ekr_frame_rule.frame_rule(ekr_db, pid, 2027)
    assert rule is not None and "(demotal)" in rule.summary
    # Real figures for every municipality take the mark away.
    real = "kommune;befolkning\n" + "".join(f"{n};{50_000 + i}\n" for i, n in enumerate(NAMES))
    ekr_funding.import_populations(ekr_db, table.funding_year_id, real)
    after = ekr_funding.contributions_table(ekr_db, pid, 2027)
    assert not after.population_demo and "DEMOTAL" not in after.note
