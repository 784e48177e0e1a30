"""`kulturpunkt-desk conflicts`: the open sync conflicts, as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_conflict_rows import municipality_conflict

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.services import areas, programmes
from kulturpunkt_desk.storage.migrate import open_database


def _with_conflict(db_target: str) -> str:
    assert main(["init", "--db", db_target]) == 0
    db = open_database(db_target, user="karen")
    try:
        programme = programmes.current_programme(db)
        assert programme is not None
        area_id = areas.create_area(
            db, programme.id, areas.AreaData(name="Fjordglimt", municipality="Viborg")
        )
        return municipality_conflict(db, area_id)
    finally:
        db.dispose()


def test_conflicts_lists_record_field_values_who_and_when(
    db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_conflict(db_target)
    capsys.readouterr()
    assert main(["conflicts", "--db", db_target]) == 0
    out = capsys.readouterr().out
    assert "1 konflikt venter" in out
    assert "«Fjordglimt» (lokalområdet) – Kommune: Samme felt ændret begge steder" in out
    assert "Før:              Thisted" in out
    assert "Serveren:         Viborg (ole, 12.03.2026 kl." in out
    assert "Den bærbare:      Skive (karen, 12.03.2026 kl." in out


def test_conflicts_as_json_have_stable_keys(
    db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    conflict_id = _with_conflict(db_target)
    capsys.readouterr()
    assert main(["conflicts", "--db", db_target, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["open"] == 1
    [conflict] = result["conflicts"]
    assert list(conflict) == [
        "id",
        "kind",
        "kind_label",
        "table",
        "record_id",
        "record",
        "field",
        "field_label",
        "base",
        "server",
        "laptop",
        "server_user",
        "server_at",
        "laptop_user",
        "laptop_at",
    ]
    assert conflict["id"] == conflict_id
    assert (conflict["kind"], conflict["field"], conflict["laptop"]) == (
        "same_field",
        "municipality",
        "Skive",
    )
    assert conflict["laptop_at"] == "2026-03-12T09:30:00+00:00"


def test_no_conflicts_is_said(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", "--db", db_target])
    capsys.readouterr()
    assert main(["conflicts", "--db", db_target]) == 0
    assert capsys.readouterr().out == "Ingen åbne konflikter.\n"


def test_a_missing_file_is_a_danish_mistake(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["conflicts", "--db", str(tmp_path / "findes ikke.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fejl: ") and "Traceback" not in err
    assert not (tmp_path / "findes ikke.sqlite").exists()
