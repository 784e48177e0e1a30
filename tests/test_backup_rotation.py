"""A backup is never a lie, and each database file keeps its own.

The source is recognised before it is copied, the copy is checked before it counts, a
damaged file never pushes a sound backup out of the rotation, and leftovers (half-written
copies, readers' journals, copies of damaged files) never pile up.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from windows_sharing import windows_file_sharing  # noqa: F401

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.services import backups, people
from kulturpunkt_desk.storage import backup as storage_backup
from kulturpunkt_desk.storage.backup import (
    DAMAGED_KEEP,
    BackupError,
    damaged_copies,
    keep_raw_copy,
    list_backups,
    make_backup,
)
from kulturpunkt_desk.storage.desk_lock import DeskLockedError
from kulturpunkt_desk.storage.migrate import open_database
from kulturpunkt_desk.storage.paths import backup_dir
from kulturpunkt_desk.storage.restore import check_and_offer, newest_sound_backup
from kulturpunkt_desk.storage.startup import start_desk

pytestmark = pytest.mark.usefixtures("windows_file_sharing")


def names_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM person ORDER BY created_at")]
    finally:
        conn.close()


def make_db(path: Path, *names: str) -> Path:
    db = open_database(path, create=True, user="test")
    for name in names:
        people.create_person(db, people.PersonData(name=name))
    db.dispose()
    return path


def test_a_copy_that_fails_its_check_is_never_counted_as_a_backup(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_db(db_path, "Anna")
    good = make_backup(db_path, "manuel")

    def copy_nothing(source: Path, target: Path) -> None:
        target.write_bytes(b"")  # a disk that took the copy and kept nothing

    monkeypatch.setattr(storage_backup, "_copy_pages", copy_nothing)
    with pytest.raises(BackupError, match="kunne ikke bekræftes"):
        make_backup(db_path, "manuel", keep=1)
    assert list_backups(db_path) == [good]  # the sound one was not pruned either
    assert [p.name for p in backup_dir(db_path).iterdir()] == [good.name]  # no .part


def test_the_backup_command_refuses_a_file_that_is_not_ours_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "noter.sqlite"
    text.write_text("ikke en database", encoding="utf-8")
    assert main(["backup", "--db", str(text)]) == 1
    assert "ikke en Kulturpunkt-database" in capsys.readouterr().err
    assert not list_backups(text)


def test_backups_are_single_files_and_reading_them_leaves_nothing_beside_them(
    db_path: Path,
) -> None:
    make_db(db_path, "Bo")
    copy = make_backup(db_path, "manuel")
    assert newest_sound_backup(db_path) == copy
    assert names_in(copy) == ["Bo"]
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_half_written_copies_and_readers_journals_are_cleaned_up(db_path: Path) -> None:
    make_db(db_path, "Cecilie")
    first = make_backup(db_path, "manuel")
    folder = first.parent
    old_part = folder / "kulturpunkt-20250101-120000-000000-opstart.sqlite.part"
    old_part.write_bytes(b"halv kopi")
    hour_ago = time.time() - 2 * 3600
    os.utime(old_part, (hour_ago, hour_ago))
    fresh_part = folder / "kulturpunkt-20990101-120000-000000-manuel.sqlite.part"
    fresh_part.write_bytes(b"skrives lige nu af en anden desk")
    (folder / (first.name + "-wal")).write_bytes(b"")
    (folder / (first.name + "-shm")).write_bytes(b"\0" * 100)
    (folder / "forsvundet.sqlite-wal").write_bytes(b"")
    make_backup(db_path, "manuel")
    leftovers = {p.name for p in folder.iterdir()} - {p.name for p in list_backups(db_path)}
    assert leftovers == {fresh_part.name}


def test_copies_of_damaged_files_are_limited_and_counted_by_check(db_path: Path) -> None:
    make_db(db_path, "Dorthe")
    for _ in range(DAMAGED_KEEP + 3):
        keep_raw_copy(db_path, "foer-gendannelse")
    assert len(damaged_copies(db_path)) == DAMAGED_KEEP
    report = check_and_offer(db_path)
    assert any(f"{DAMAGED_KEEP} kopi(er) af beskadigede" in line for line in report.lines)


# --- each database file keeps its own backups ---------------------------------------


def test_two_files_with_the_same_name_never_share_or_prune_each_others_backups(
    tmp_path: Path,
) -> None:
    first = make_db(tmp_path / "kontor" / "kulturpunkt.sqlite", "Fra kontoret")
    second = make_db(tmp_path / "hjemme" / "kulturpunkt.sqlite", "Hjemmefra")
    mine = [make_backup(first, "manuel", keep=2) for _ in range(2)]
    for _ in range(3):
        make_backup(second, "manuel", keep=2)
    assert list_backups(first) == sorted(mine, reverse=True)
    assert all(names_in(p) == ["Hjemmefra"] for p in list_backups(second))
    assert backup_dir(first) != backup_dir(second)


def test_restore_offers_only_the_files_own_backups(tmp_path: Path) -> None:
    first = make_db(tmp_path / "a" / "kulturpunkt.sqlite", "A")
    second = make_db(tmp_path / "b" / "kulturpunkt.sqlite", "B")
    make_backup(second, "manuel")
    session = start_desk(first)
    try:
        offered = backups.list_backup_files(session.db)
        assert offered and all(names_in(info.path) == ["A"] for info in offered)
    finally:
        session.close()


def test_the_same_file_spelt_in_another_case_is_the_same_file_on_windows() -> None:
    upper = PureWindowsPath(r"C:\Users\Mette\Data\Kulturpunkt.sqlite")
    lower = PureWindowsPath(r"c:\users\mette\data\KULTURPUNKT.SQLITE")
    assert backup_dir(upper, windows=True) == backup_dir(lower, windows=True)
    posix_upper, posix_lower = PurePosixPath("/data/K.sqlite"), PurePosixPath("/data/k.sqlite")
    assert backup_dir(posix_upper, windows=False) != backup_dir(posix_lower, windows=False)


def test_a_path_reached_through_a_link_is_the_same_file(tmp_path: Path) -> None:
    real = make_db(tmp_path / "rigtig" / "kulturpunkt.sqlite", "E")
    link = tmp_path / "genvej"
    link.symlink_to(real.parent, target_is_directory=True)
    copy = make_backup(link / "kulturpunkt.sqlite", "manuel")
    assert list_backups(real) == [copy]


def test_backups_kept_per_file_name_by_an_older_desk_are_still_offered(db_path: Path) -> None:
    make_db(db_path, "Fra før opdateringen")
    copy = make_backup(db_path, "manuel")
    legacy = backup_dir(db_path).parent / db_path.stem  # backups/<stem>/, as before
    backup_dir(db_path).rename(legacy)
    session = start_desk(db_path)
    try:
        assert copy.name in [p.name for p in list_backups(db_path)]
        assert not legacy.exists()
    finally:
        session.close()


def test_a_full_disk_during_a_backup_is_told_and_leaves_no_half_copy(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_db(db_path, "Fuld")
    good = make_backup(db_path, "manuel")

    def disk_full(source: Path, target: Path) -> None:
        target.write_bytes(b"SQLite format 3\0" + bytes(1000))
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(storage_backup, "_copy_pages", disk_full)
    with pytest.raises(BackupError, match="ikke taget nogen sikkerhedskopi"):
        make_backup(db_path, "manuel", keep=1)
    session = start_desk(db_path)  # the sound file still opens, and says why no backup
    try:
        assert any("Sikkerhedskopien ved opstart mislykkedes" in w for w in session.warnings)
    finally:
        session.close()
    assert [p.name for p in backup_dir(db_path).iterdir()] == [good.name]


def test_a_restore_killed_midway_puts_the_replaced_file_back_at_the_next_start(
    db_path: Path,
) -> None:
    make_db(db_path, "Den rigtige")
    copy = make_backup(db_path, "manuel")
    # The moment between moving the file aside and putting the copy in its place.
    aside = db_path.with_name(db_path.name + ".erstattes")
    db_path.rename(aside)
    (db_path.parent / (db_path.name + ".gendannes")).write_bytes(copy.read_bytes())
    session = start_desk(db_path, create=True)  # the window's start: must not make a new file
    try:
        assert [p.name for p in people.list_people(session.db)] == ["Den rigtige"]
    finally:
        session.close()
    leftovers = [p for p in db_path.parent.iterdir() if p.suffix in (".erstattes", ".gendannes")]
    assert leftovers == []


def test_a_backup_never_lands_on_the_database_itself(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_db(db_path, "Uændret")
    before = db_path.read_bytes()
    assert main(["backup", "--db", str(db_path), "--out", str(db_path)]) == 1
    assert "oven i selve databasen" in capsys.readouterr().err
    assert db_path.read_bytes() == before


def test_a_restore_another_desk_is_running_is_left_alone_by_a_second_start(
    db_path: Path,
) -> None:
    make_db(db_path, "Gendannes")
    restoring = start_desk(db_path, user="mette")
    staged = db_path.with_name(db_path.name + ".gendannes")
    staged.write_bytes(db_path.read_bytes())  # her restore is half way
    try:
        with pytest.raises(DeskLockedError):
            start_desk(db_path, user="ole")
        assert staged.exists()
    finally:
        restoring.close()
        staged.unlink()
