"""The benchmarks' large database generator keeps up with the models (at a small scale)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kulturpunkt_desk.domain.services import overview, programmes
from kulturpunkt_desk.storage.check import check_file
from kulturpunkt_desk.storage.migrate import open_database

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import large_db


def test_shares_add_up_exactly() -> None:
    assert large_db.split(10, [1, 1, 1]) == [4, 3, 3]
    assert sum(large_db.split(100_000, [9] * 49 + [110])) == 100_000


def test_a_small_large_database_is_sound_and_the_biggest_programme_is_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in {
        "PROGRAMMES": 3,
        "AREAS": 30,
        "CURRENT_AREAS": 20,
        "SESSIONS": 300,
        "ATTENDANCE": 1_000,
        "MEETINGS_PER_PROGRAMME": 8,
    }.items():
        monkeypatch.setattr(large_db, name, value)
    path = tmp_path / "large.sqlite"
    counts = large_db.build(path)
    assert counts["area"] == 30
    assert counts["sparring_session"] == 300
    assert counts["meeting_attendance"] == 1_000
    assert check_file(path).sound
    db = open_database(path)
    try:
        current = programmes.current_programme(db)
        assert current is not None and current.name == "Kulturpunkt 2025-26"
        rows = overview.area_summaries(db, current.id)
        assert len(rows) == 20
        assert len({r.status for r in rows}) >= 6
    finally:
        db.dispose()
