"""The schema changes only through migrations, and no migration loses data."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from windows_sharing import windows_file_sharing  # noqa: F401

from kulturpunkt_desk.domain.models import Base
from kulturpunkt_desk.domain.services import areas, attachments, overview
from kulturpunkt_desk.storage.backup import list_backups
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import (
    DatabaseFileError,
    head_revision,
    open_database,
    schema_revision,
    upgrade,
)

# Windows refuses to rename or delete a file open anywhere; the storage tests hold to that.
pytestmark = pytest.mark.usefixtures("windows_file_sharing")

FIXTURES = Path(__file__).parent / "fixtures"


def test_models_match_the_migrations(db_path: Path) -> None:
    """A model change without a migration is caught here. (A new database is made from the
    models, so this one is built by running every migration on an empty file.)"""
    db = Database(db_path, create=True)
    try:
        upgrade(db)
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        db.dispose()
    assert diff == []


def test_a_new_database_is_made_from_the_models_at_the_newest_revision(db: Database) -> None:
    assert schema_revision(db) == head_revision()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


FJORDGLIMT = "22222222-2222-4222-8222-222222222222"
PAST_SMALL = sorted(p for p in FIXTURES.glob("schema_*.sqlite") if p.stem < "schema_0005")


@pytest.mark.parametrize("fixture", PAST_SMALL, ids=lambda p: p.stem)
def test_database_from_a_past_version_upgrades_with_its_data(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copyfile(fixture, path)
    db = open_database(path, user="test")
    try:
        assert schema_revision(db) == head_revision()
        area = areas.get_area(db, FJORDGLIMT)
        assert area.name == "Fjordglimt" and area.vision == "Fælles vision æøå"
        assert area.recipient_cvr == "30007921"
        assert [m.person.name for m in area.members] == ["Mette Kjærgaard"]
        assert area.grant is not None and area.grant.amount_ore == 5_000_000
        assert area.grant.instalments[0].paid_on is not None
        assert area.sessions[0].core_elements == ["anchoring", "community"]
        (row,) = overview.area_summaries(db, area.programme_id)
        assert row.paid_ore == 4_000_000 and row.primary_contact == "Mette Kjærgaard"
    finally:
        db.dispose()
    # The file was backed up before it was migrated.
    assert list_backups(path)


def _links(path: Path, keyed_by_uuid: bool) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """Every foreign-key link in the file, as (child's UUID, parent's UUID) per column."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        links: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for table in tables:
            for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
                parent, column = fk[2], fk[3]
                key = "id" if keyed_by_uuid else "uuid"
                links[(table, column)] = set(
                    conn.execute(
                        f'SELECT c.{key}, p.{key} FROM "{table}" c '
                        f'JOIN "{parent}" p ON p.id = c."{column}"'
                    ).fetchall()
                )
        return links
    finally:
        conn.close()


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'"
        ).fetchall()
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for (n,) in names}
    finally:
        conn.close()


def test_keys_become_uuids_keeping_every_record_and_every_link(tmp_path: Path) -> None:
    """The demo programme and partnership at schema 0008 (integer keys), with a deletion in
    its audit log: after the upgrade every row is there, and every link between records
    joins the same two records as before, now by their UUIDs."""
    path = tmp_path / "demo 0008 #1.sqlite"
    shutil.copyfile(FIXTURES / "schema_0008.sqlite", path)
    counts, links = _counts(path), _links(path, keyed_by_uuid=False)
    assert sum(len(pairs) for pairs in links.values()) > 1_000

    db = open_database(path, user="test")
    try:
        assert schema_revision(db) == head_revision()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            keys = conn.exec_driver_sql("SELECT id FROM area").scalars().all()
            logged = conn.exec_driver_sql(
                "SELECT changes FROM audit_entry WHERE entity = 'sparring_session' "
                "AND action = 'delete'"
            ).scalar_one()
        # The schema is the models' own, as if the file were made today.
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        rows = overview.area_summaries(db, areas.list_areas(db, _programme(db))[0].programme_id)
        assert len(rows) == 11 and sum(r.paid_ore for r in rows) > 0
    finally:
        db.dispose()
    # stored_file (0009) and the sync tables (0010) are new, and empty here.
    new_tables = {"stored_file", "sync_conflict", "sync_receipt", "laptop_sync"}
    assert {k: n for k, n in _counts(path).items() if k not in new_tables} == counts
    assert _links(path, keyed_by_uuid=True) == links
    assert all(len(k) == 36 for k in keys)
    # The deleted session's snapshot names its area by the area's new key.
    assert json.loads(logged)["area_id"] in keys


def test_attachments_move_into_the_database_and_a_lost_file_stays_listed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kulturpunkt.sqlite"
    shutil.copyfile(FIXTURES / "schema_0008.sqlite", path)
    content = "Referat: Fjordglimt holdt høstfest".encode()
    digest = hashlib.sha256(content).hexdigest()
    folder = tmp_path / "kulturpunkt-bilag" / digest[:2]
    folder.mkdir(parents=True)
    (folder / f"{digest}.txt").write_bytes(content)
    conn = sqlite3.connect(path)
    with conn:
        for n, (name, stored, sha) in enumerate(
            [
                ("referat.txt", f"{digest[:2]}/{digest}.txt", digest),
                ("væk.pdf", "ab/abc.pdf", "ab" * 32),
                ("udenfor.txt", "../../hemmelig.txt", "cd" * 32),
            ]
        ):
            conn.execute(
                "INSERT INTO attachment (id, uuid, created_at, updated_at, area_id, filename, "
                "stored_path, sha256, size_bytes, description, added_on) VALUES "
                "(?, ?, '2026-01-05 10:00:00', '2026-01-05 10:00:00', "
                "(SELECT min(id) FROM area), ?, ?, ?, 10, '', '2026-01-05')",
                (900 + n, str(uuid.uuid4()), name, stored, sha),
            )
    conn.close()

    db = open_database(path, user="test")
    try:
        with db.engine.connect() as c:
            area_id = c.exec_driver_sql("SELECT DISTINCT area_id FROM attachment").scalar_one()
        kept = {a.filename: a for a in areas.get_area(db, area_id).attachments}
        assert set(kept) == {"referat.txt", "væk.pdf", "udenfor.txt"}
        assert attachments.attachment_file(db, kept["referat.txt"]).read_bytes() == content
        assert not attachments.verify_attachment(db, kept["væk.pdf"])
        assert not attachments.verify_attachment(db, kept["udenfor.txt"])
    finally:
        db.dispose()
    # The old folder is left for the user.
    assert (folder / f"{digest}.txt").is_file()


def _programme(db: Database) -> str:
    from kulturpunkt_desk.domain.services import programmes

    current = programmes.current_programme(db)
    assert current is not None
    return current.id


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


@pytest.mark.sqlite_only
def test_sqlite_is_set_up_for_safety(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
