"""A laptop copy of the team's database: made by the first sync, opened like any file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import differences

from kulturpunkt_desk.domain.services import areas, programmes
from kulturpunkt_desk.domain.services.sync import (
    SyncError,
    is_laptop_copy,
    laptop_server,
    make_laptop_copy,
    sync,
)
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.startup import start_desk

pytestmark = pytest.mark.postgresql_only


def test_the_first_sync_makes_a_copy_equal_to_the_server(demo_db: Database, tmp_path: Path) -> None:
    laptop = tmp_path / "Min mappe #2" / "Kulturpunkt.sqlite"
    laptop.parent.mkdir()
    report = sync(laptop, str(demo_db.target))
    assert report.first_copy and report.received > 100
    assert differences(demo_db, laptop) == []
    assert (tmp_path / "Min mappe #2" / "Kulturpunkt.synk" / "grundlag.sqlite").is_file()
    session = start_desk(laptop)  # the desk's own start: recognised, locked, at the schema
    try:
        assert is_laptop_copy(session.db)
        assert laptop_server(session.db) == str(demo_db.target)
        programme = programmes.current_programme(session.db)
        assert programme is not None
        assert len(areas.list_areas(session.db, programme.id)) == 11
    finally:
        session.close()
    assert not is_laptop_copy(demo_db) and laptop_server(demo_db) is None


def test_a_copy_never_overwrites_a_file(demo_db: Database, tmp_path: Path) -> None:
    laptop = tmp_path / "Kulturpunkt.sqlite"
    laptop.write_bytes(b"noget andet")
    with pytest.raises(SyncError, match="findes allerede"):
        make_laptop_copy(laptop, str(demo_db.target))
    assert laptop.read_bytes() == b"noget andet"
