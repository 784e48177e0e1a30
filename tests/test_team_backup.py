"""Backups of the team's server as SQLite files, and restoring one: complete, checked, atomic."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_fixture import ADMIN_PASSWORD
from sqlalchemy import Connection, Engine, select, text

from kulturpunkt_desk.domain.services import programmes, team_backup
from kulturpunkt_desk.domain.services.team_backup import (
    TeamBackupError,
    backup_server,
    restore_server,
)
from kulturpunkt_desk.storage.migrate import open_database
from kulturpunkt_desk.storage.server_connection import ServerAddress
from kulturpunkt_desk.storage.server_probe import server_engine
from kulturpunkt_desk.storage.startup import start_desk


@pytest.fixture
def engine(schema_db: ServerAddress) -> Iterator[Engine]:
    engine = server_engine(schema_db, ADMIN_PASSWORD)
    yield engine
    engine.dispose()


def every_row(conn: Connection) -> dict[str, list[str]]:
    """Each table's rows, each as text, in no order of the keys (they are opaque)."""
    return {
        table.name: sorted(
            json.dumps(list(row), default=repr, sort_keys=True)
            for row in conn.execute(select(table))
        )
        for table in team_backup.tables()
    }


def rows_of_file(path: Path) -> dict[str, list[str]]:
    db = open_database(path, read_only=True)
    try:
        with db.engine.connect() as conn:
            return every_row(conn)
    finally:
        db.dispose()


def test_the_demo_restored_onto_the_server_comes_back_whole_in_a_backup(
    engine: Engine, demo_template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "ud"
    restored = restore_server(engine, demo_template, folder / "foer.sqlite")
    assert restored.rows["area"] == 11
    out = folder / "team.sqlite"
    report = backup_server(engine, out)
    assert report.rows == restored.rows
    # Every row of every table came back, value for value, through the server.
    assert rows_of_file(out) == rows_of_file(demo_template)
    # The desk opens the copy like any file, through its one door.
    session = start_desk(out, create=False)
    try:
        assert [p.name for p in programmes.list_programmes(session.db)] == ["Kulturpunkt 2025-26"]
    finally:
        session.close()
    assert sorted(p.name for p in folder.iterdir()) == ["foer.sqlite", "team.sqlite"]


def test_a_restore_backs_the_server_up_first(
    engine: Engine, demo_template: Path, tmp_path: Path
) -> None:
    restore_server(engine, demo_template, tmp_path / "1.sqlite")
    second = restore_server(engine, demo_template, tmp_path / "2.sqlite")
    assert rows_of_file(second.safety_backup) == rows_of_file(demo_template)


def test_a_restore_that_fails_halfway_leaves_the_server_as_it_was(
    engine: Engine, demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    restore_server(engine, demo_template, tmp_path / "foer.sqlite")
    with engine.connect() as conn:
        before = every_row(conn)
    real_copy = team_backup.copy_rows

    def copy_then_fail(source: Connection, target: Connection) -> dict[str, int]:
        copied = real_copy(source, target)
        if target.dialect.name == "postgresql":  # the restore, not the backup before it
            target.execute(text("SELECT 1/0"))  # fails after the last table
        return copied

    monkeypatch.setattr(team_backup, "copy_rows", copy_then_fail)
    empty = tmp_path / "tom.sqlite"
    open_database(empty, create=True).dispose()
    with pytest.raises(Exception, match="division by zero"):
        restore_server(engine, empty, tmp_path / "foer-2.sqlite")
    with engine.connect() as conn:
        assert every_row(conn) == before


def test_a_backup_never_overwrites_a_file_and_leaves_nothing_half_written(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "ud"
    folder.mkdir()
    out = folder / "findes.sqlite"
    out.write_bytes(b"noget andet")
    with pytest.raises(TeamBackupError, match="findes allerede"):
        backup_server(engine, out)
    assert out.read_bytes() == b"noget andet"
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(TeamBackupError, match="skemaversion 9999"):
        backup_server(engine, folder / "ny.sqlite")
    assert sorted(p.name for p in folder.iterdir()) == ["findes.sqlite"]


def test_a_foreign_file_is_never_restored(engine: Engine, tmp_path: Path) -> None:
    foreign = tmp_path / "andet.sqlite"
    foreign.write_text("ikke en database", encoding="utf-8")
    with pytest.raises(TeamBackupError, match="Intet er gendannet"):
        restore_server(engine, foreign, tmp_path / "foer.sqlite")
    assert not (tmp_path / "foer.sqlite").exists()


def test_the_backup_dialogs_services_back_the_server_up_and_restore_it(
    team: ServerAddress, tmp_path: Path
) -> None:
    from kulturpunkt_desk.domain.services import areas, backups

    session = start_desk(team.text())
    db = session.db
    try:
        programme = programmes.current_programme(db)
        assert programme is not None
        taken = backups.backup_now(db)
        assert [b.path for b in backups.list_backup_files(db)] == [taken]
        areas.create_area(
            db, programme.id, areas.AreaData(name="Efter kopien", municipality="Læsø")
        )
        assert len(areas.list_areas(db, programme.id)) == 12
        safety = backups.restore(db, taken)
        assert len(areas.list_areas(db, programme.id)) == 11
        assert safety is not None and rows_of_file(safety)["area"] != rows_of_file(taken)["area"]
    finally:
        session.close()


def test_a_save_during_the_backup_is_not_half_in_it(
    team: ServerAddress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup reads one snapshot: an area saved by a colleague after the first table
    was copied is in neither its table nor the audit log of the copy."""
    from kulturpunkt_desk.domain.services import areas

    session = start_desk(team.text())
    db = session.db
    programme = programmes.current_programme(db)
    assert programme is not None
    real_copy_rows = team_backup.copy_rows
    saved: list[str] = []

    def copy_while_a_colleague_saves(source: Connection, target: Connection) -> dict[str, int]:
        area_id = areas.create_area(
            db, programme.id, areas.AreaData(name="Gemt undervejs", municipality="Læsø")
        )
        saved.append(areas.get_area(db, area_id).id)
        return real_copy_rows(source, target)

    monkeypatch.setattr(team_backup, "copy_rows", copy_while_a_colleague_saves)
    try:
        out = backup_server(db.engine, tmp_path / "kopi.sqlite")
    finally:
        session.close()
    rows = rows_of_file(out.path)
    assert saved and not any(saved[0] in row for table in rows.values() for row in table)
    assert len(rows["area"]) == 11
