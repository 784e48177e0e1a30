"""The schema changes only through migrations, and no migration loses data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from windows_sharing import windows_file_sharing  # noqa: F401

from kulturpunkt_desk.domain.models import Base
from kulturpunkt_desk.domain.services import areas, overview
from kulturpunkt_desk.storage.backup import list_backups
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import (
    DatabaseFileError,
    head_revision,
    open_database,
    schema_revision,
)

# Windows refuses to rename or delete a file open anywhere; the storage tests hold to that.
pytestmark = pytest.mark.usefixtures("windows_file_sharing")

FIXTURES = Path(__file__).parent / "fixtures"


def test_models_match_the_migrations(db: Database) -> None:
    """A model change without a migration is caught here."""
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sqlite")), ids=lambda p: p.stem)
def test_database_from_a_past_version_upgrades_with_its_data(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copyfile(fixture, path)
    db = open_database(path, user="test")
    try:
        assert schema_revision(db) == head_revision()
        area = areas.get_area(db, 1)
        assert area.name == "Fjordglimt" and area.vision == "Fælles vision æøå"
        assert area.recipient_cvr == "30007921"
        assert [m.person.name for m in area.members] == ["Mette Kjærgaard"]
        assert area.grant is not None and area.grant.amount_ore == 5_000_000
        assert area.grant.instalments[0].paid_on is not None
        assert area.sessions[0].core_elements == ["anchoring", "community"]
        (row,) = overview.area_summaries(db, 1)
        assert row.paid_ore == 4_000_000 and row.primary_contact == "Mette Kjærgaard"
    finally:
        db.dispose()
    # The file was backed up before it was migrated.
    assert list_backups(path)


def test_file_from_a_newer_desk_is_refused_and_left_alone(db_path: Path) -> None:
    db = open_database(db_path, create=True)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseFileError, match="nyere version"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "regneark.sqlite"
    path.write_bytes(b"PK\x03\x04 not a database at all")
    with pytest.raises(DatabaseFileError, match="ikke en Kulturpunkt-database"):
        open_database(path)
    assert path.read_bytes().startswith(b"PK")


def test_sqlite_is_set_up_for_safety(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
