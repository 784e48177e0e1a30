"""The command line: init, check and the database location."""

from __future__ import annotations

from pathlib import Path

import pytest

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.services import overview, programmes
from kulturpunkt_desk.storage.migrate import open_database


def test_init_demo_creates_a_programme_in_mid_flight(
    db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--db", db_target, "--demo"]) == 0
    db = open_database(db_target)
    try:
        programme = programmes.current_programme(db)
        assert programme is not None and programme.name == "Kulturpunkt 2025-26"
        assert len(programme.milestones) == 12
        rows = overview.area_summaries(db, programme.id)
        assert len(rows) == 11
        # Areas at many different stages, so a new user sees the path from the signed
        # agreement on (the seed's timeline has every area designated and signed by June 2025).
        assert len({r.status for r in rows}) >= 5
        assert all(r.primary_contact for r in rows)
    finally:
        db.dispose()


def test_init_never_overwrites_an_existing_programme(db_target: str) -> None:
    assert main(["init", "--db", db_target]) == 0
    assert main(["init", "--db", db_target, "--demo"]) == 1


def test_check_says_a_sound_file_is_sound(
    db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init", "--db", db_target])
    assert main(["check", "--db", db_target]) == 0
    out = capsys.readouterr().out
    assert "Integritet: ok" in out and "Skemaversion" in out


def test_check_fails_on_a_damaged_file(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", "--db", str(db_path), "--demo"])
    data = bytearray(db_path.read_bytes())
    data[5000:9000] = b"\xff" * 4000  # scribble over pages in the middle of the file
    db_path.write_bytes(bytes(data))
    assert main(["check", "--db", str(db_path)]) == 1
    assert "FEJL" in capsys.readouterr().out


def test_check_fails_on_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    path.write_text("hej")
    assert main(["check", "--db", str(path)]) == 1


def test_db_location_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "fra-miljoe.sqlite"
    monkeypatch.setenv("KULTURPUNKT_DB", str(target))
    assert main(["init"]) == 0
    assert target.exists()


def test_default_db_lives_in_the_user_data_folder(private_data_dir: Path) -> None:
    assert main(["init"]) == 0
    assert (private_data_dir / "kulturpunkt.sqlite").exists()
