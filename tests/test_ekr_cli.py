"""The `ekr` sub-commands and `init --demo` making the partnership beside Kulturpunkt."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.services import ekr_funding, ekr_partnership, programmes
from kulturpunkt_desk.storage.migrate import open_database


def test_init_demo_makes_kulturpunkt_and_the_partnership_in_one_file(db_path: Path) -> None:
    assert main(["init", "--db", str(db_path), "--demo"]) == 0
    db = open_database(db_path)
    try:
        assert programmes.current_programme(db) is not None
        partnership = ekr_partnership.current_partnership(db)
        assert partnership is not None and partnership.name == "Europæisk Kulturregion"
    finally:
        db.dispose()


def test_setup_then_a_year_then_the_exports(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    assert main(["ekr", "setup", "--db", db]) == 0
    assert main(["ekr", "setup", "--db", db]) == 1  # never twice
    assert main(["ekr", "year", "--db", db, "--year", "2027"]) == 0
    csv_file = tmp_path / "folketal.csv"
    csv_file.write_bytes("kommune;befolkning\nAarhus;352751\nKøge;60000\n".encode("cp1252"))
    assert main(["ekr", "population", "--db", db, "--year", "2027", "--csv", str(csv_file)]) == 0
    out = capsys.readouterr().out
    assert "Ukendt kommune (sprunget over): Køge" in out
    assert "Mangler stadig indbyggertal: Favrskov Kommune" in out

    table = tmp_path / "bidrag.csv"
    assert main(["ekr", "contributions", "--db", db, "--year", "2027", "--out", str(table)]) == 0
    assert "Aarhus Kommune;352751;1.300.000,00" in table.read_text(encoding="utf-8-sig")

    assert main(["ekr", "propose-wheel", "--db", db, "--year", "2027", "--save"]) == 0
    ics = tmp_path / "aarshjul.ics"
    assert main(["ekr", "yearwheel", "--db", db, "--year", "2027", "--out", str(ics)]) == 0
    assert len(list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))) == 6


def test_invoice_pay_and_unpaid(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(db_path)
    main(["ekr", "setup", "--db", db])
    main(["ekr", "year", "--db", db, "--year", "2025"])
    database = open_database(db_path)
    try:
        pid = ekr_partnership.current_partnership(database).id  # type: ignore[union-attr]
        members = ekr_partnership.municipalities(database, pid)
        fy = ekr_funding.funding_year_id(database, pid, 2025)
        ekr_funding.set_populations(database, fy, {m.id: 1000 for m in members[:2]})
    finally:
        database.dispose()
    assert main(["ekr", "invoice", "--db", db, "--year", "2025", "--date", "15.01.2025"]) == 0
    assert main(["ekr", "pay", "--db", db, "--year", "2025", "--member", "favrskov",
                 "--date", "2025-02-01"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["ekr", "unpaid", "--db", db, "--year", "2025"]) == 0
    assert capsys.readouterr().out.strip() == "Hedensted Kommune: 650.000 kr. (forfaldt 31.03.2025)"
    # Invoiced years are locked, also from the command line.
    assert main(["ekr", "invoice", "--db", db, "--year", "2025", "--date", "16.01.2025"]) == 1
