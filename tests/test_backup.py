"""Backups: at start-up, on demand, the newest N kept, restore keeps the replaced file too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from windows_sharing import windows_file_sharing  # noqa: F401

from kulturpunkt_desk.domain.models import Setting
from kulturpunkt_desk.domain.services import people
from kulturpunkt_desk.storage.backup import (
    DEFAULT_KEEP,
    KEEP_SETTING,
    backup_keep,
    list_backups,
    make_backup,
)
from kulturpunkt_desk.storage.desk_log import log_file
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database
from kulturpunkt_desk.storage.restore import RestoreError, restore_backup
from kulturpunkt_desk.storage.startup import start_desk

# Windows refuses to rename or delete a file open anywhere; the storage tests hold to that.
# Backups copy the SQLite file itself (a server database is backed up on the server).
pytestmark = [pytest.mark.usefixtures("windows_file_sharing"), pytest.mark.sqlite_only]


def names_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM person ORDER BY created_at")]
    finally:
        conn.close()


def set_keep(db: Database, value: object) -> None:
    with db.transaction() as s:
        s.merge(Setting(key=KEEP_SETTING, value=value))


def test_start_up_makes_a_backup_and_logs_the_sqlite_version(db_path: Path) -> None:
    session = start_desk(db_path)
    people.create_person(session.db, people.PersonData(name="Anna Testesen"))
    session.close()
    session = start_desk(db_path)
    try:
        assert session.startup_backup is not None
        assert names_in(session.startup_backup) == ["Anna Testesen"]
    finally:
        session.close()
    log = log_file().read_text(encoding="utf-8")
    assert f"SQLite {sqlite3.sqlite_version}" in log


def test_backup_on_demand_holds_unsaved_wal_content(db: Database) -> None:
    people.create_person(db, people.PersonData(name="Bo Backupsen"))
    # The change may still sit in the -wal file: the backup API must see it anyway.
    copy = make_backup(db.path, "manuel")
    assert names_in(copy) == ["Bo Backupsen"]


def test_only_the_newest_n_backups_are_kept_n_from_settings(db: Database) -> None:
    assert backup_keep(db.path) == DEFAULT_KEEP == 20
    set_keep(db, 3)
    assert backup_keep(db.path) == 3
    made = [make_backup(db.path, f"nr{i}", keep=backup_keep(db.path)) for i in range(5)]
    assert list_backups(db.path) == sorted(made[-3:], reverse=True)


@pytest.mark.parametrize("nonsense", [0, -1, "tyve", True, 10**9])
def test_a_nonsense_keep_setting_falls_back_to_twenty(db: Database, nonsense: object) -> None:
    set_keep(db, nonsense)
    assert backup_keep(db.path) == DEFAULT_KEEP


def test_restore_puts_the_backup_back_and_keeps_the_current_file(db: Database) -> None:
    people.create_person(db, people.PersonData(name="Før Kopien"))
    chosen = make_backup(db.path, "manuel")
    people.create_person(db, people.PersonData(name="Efter Kopien"))
    db.dispose()
    kept = restore_backup(db.path, chosen)
    assert names_in(db.path) == ["Før Kopien"]
    assert kept is not None and names_in(kept) == ["Før Kopien", "Efter Kopien"]
    assert kept in list_backups(db.path)  # can be restored again from the same list
    assert not db.path.with_name(db.path.name + "-wal").exists()


def test_restore_in_a_running_desk_reopens_the_file(db_path: Path) -> None:
    session = start_desk(db_path)
    try:
        people.create_person(session.db, people.PersonData(name="Gammel"))
        chosen = session.backup_now()
        people.create_person(session.db, people.PersonData(name="Ny"))
        kept = session.restore(chosen)
        assert [p.name for p in people.list_people(session.db)] == ["Gammel"]
        people.create_person(session.db, people.PersonData(name="Efter gendannelse"))
        assert kept is not None and "Ny" in names_in(kept)
    finally:
        session.close()


def test_a_damaged_backup_is_refused_and_nothing_is_touched(db: Database, tmp_path: Path) -> None:
    people.create_person(db, people.PersonData(name="Bliver"))
    db.dispose()
    bad = tmp_path / "ikke-en-kopi.sqlite"
    bad.write_bytes(b"nonsense" * 100)
    with pytest.raises(RestoreError, match="kan ikke bruges"):
        restore_backup(db.path, bad)
    assert names_in(db.path) == ["Bliver"]


def test_backup_keeps_twenty_by_default_through_start_up(db_path: Path) -> None:
    open_database(db_path, create=True).dispose()
    for _ in range(22):
        start_desk(db_path).close()
    assert len(list_backups(db_path)) == 20
