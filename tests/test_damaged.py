"""Damaged and foreign files: a Danish message, nothing overwritten, the newest backup offered.

Also the start-up warning for files in network or cloud-sync folders.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from windows_sharing import windows_file_sharing  # noqa: F401

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.services import people
from kulturpunkt_desk.storage.backup import list_backups, make_backup
from kulturpunkt_desk.storage.desk_lock import lock_path
from kulturpunkt_desk.storage.location import is_unc, location_warning, network_fs_type
from kulturpunkt_desk.storage.migrate import DatabaseFileError, open_database
from kulturpunkt_desk.storage.restore import newest_sound_backup
from kulturpunkt_desk.storage.startup import restore_from_backup, start_desk

# Windows refuses to rename or delete a file open anywhere; the storage tests hold to that.
pytestmark = pytest.mark.usefixtures("windows_file_sharing")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved_with_backup(db_path: Path) -> Path:
    """A database with one person, checkpointed, and one backup of it."""
    db = open_database(db_path, create=True, user="test")
    for i in range(40):  # enough rows for the file to span several pages
        people.create_person(db, people.PersonData(name=f"Person {i}", notes="x" * 500))
    db.dispose()  # closing the last connection checkpoints the -wal into the file
    make_backup(db_path, "manuel")
    return db_path


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(6).randbytes(50_000))


def scribble_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(6)
    for _ in range(400):  # the header stays, pages in the middle turn to noise
        data[rng.randrange(4096, len(data))] = rng.randrange(256)
    path.write_bytes(bytes(data))


def newer_version(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "afkortet": truncate,
    "tilfældige bytes": random_bytes,
    "ødelagte sider": scribble_pages,
    "nyere version": newer_version,
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_file_is_refused_untouched_with_the_newest_backup_offered(
    saved_with_backup: Path, kind: str
) -> None:
    DAMAGE[kind](saved_with_backup)
    before = digest(saved_with_backup)
    backups_before = list_backups(saved_with_backup)
    with pytest.raises(DatabaseFileError) as err:
        start_desk(saved_with_backup, user="mette")
    assert err.value.newest_backup == backups_before[0]
    assert "sikkerhedskopi" in str(err.value)
    assert digest(saved_with_backup) == before  # nothing overwritten
    assert list_backups(saved_with_backup) == backups_before  # no bad start-up backup
    assert not lock_path(saved_with_backup).exists()  # the lock was let go


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_check_command_reports_the_damage_and_exits_1(
    saved_with_backup: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    DAMAGE[kind](saved_with_backup)
    before = digest(saved_with_backup)
    assert main(["check", "--db", str(saved_with_backup)]) == 1
    out = capsys.readouterr().out
    assert "FEJL" in out and "Nyeste brugbare sikkerhedskopi" in out
    assert digest(saved_with_backup) == before


def test_newer_version_message_says_so_in_danish(saved_with_backup: Path) -> None:
    newer_version(saved_with_backup)
    with pytest.raises(DatabaseFileError, match="nyere version af Kulturpunkt Desk"):
        start_desk(saved_with_backup)


def test_the_offered_backup_can_be_restored_and_the_damaged_file_is_kept(
    saved_with_backup: Path,
) -> None:
    truncate(saved_with_backup)
    damaged = saved_with_backup.read_bytes()
    backup = newest_sound_backup(saved_with_backup)
    assert backup is not None
    kept = restore_from_backup(saved_with_backup, backup, user="mette")
    assert kept is not None and kept.read_bytes() == damaged
    session = start_desk(saved_with_backup, user="mette")
    try:
        assert len(people.list_people(session.db)) == 40
    finally:
        session.close()


def test_without_any_backup_the_message_says_nothing_was_changed(db_path: Path) -> None:
    db_path.write_bytes(b"Not a database at all, just some text someone saved here.")
    with pytest.raises(DatabaseFileError, match="ikke en Kulturpunkt-database") as err:
        start_desk(db_path)
    assert err.value.newest_backup is None


# --- where the file lies ------------------------------------------------------------

MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/export /mnt/faelles nfs4 rw 0 0
//nas/kultur /mnt/nas\\040drev cifs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "fs_type"),
    [
        ("/mnt/faelles/kulturpunkt.sqlite", "nfs4"),
        ("/mnt/nas drev/kultur/kulturpunkt.sqlite", "cifs"),
        ("/home/mette/kulturpunkt.sqlite", None),
        ("/mnt/faellesx/kulturpunkt.sqlite", None),
    ],
)
def test_network_mounts_are_recognised_from_proc_mounts(path: str, fs_type: str | None) -> None:
    assert network_fs_type(Path(path), MOUNTS) == fs_type


@pytest.mark.parametrize(
    "path",
    [
        "/home/mette/OneDrive - Region Nordjylland/kulturpunkt.sqlite",
        "/Users/mette/Dropbox (Personlig)/kulturpunkt.sqlite",
        "/Users/mette/Library/Mobile Documents/com~apple~CloudDocs/kulturpunkt.sqlite",
        "/Users/mette/Google Drive/My Drive/kulturpunkt.sqlite",
    ],
)
def test_cloud_sync_folders_get_a_danish_warning(path: str) -> None:
    warning = location_warning(Path(path))
    assert warning is not None and "lokal mappe" in warning


def test_unc_paths_are_network_paths() -> None:
    assert is_unc(r"\\server\kultur\kulturpunkt.sqlite")
    assert is_unc(r"\\?\UNC\server\kultur\kulturpunkt.sqlite")
    assert not is_unc(r"\\?\C:\Data\kulturpunkt.sqlite")
    assert not is_unc(r"C:\Data\kulturpunkt.sqlite")


def test_a_local_folder_gets_no_warning(db_path: Path) -> None:
    assert location_warning(db_path) is None


def test_start_up_passes_the_warning_on(tmp_path: Path) -> None:
    path = tmp_path / "OneDrive - Region Nordjylland" / "kulturpunkt.sqlite"
    session = start_desk(path)
    try:
        assert any("OneDrive" in w for w in session.warnings)
    finally:
        session.close()


def test_a_missing_file_is_not_created_when_creation_was_not_asked_for(tmp_path: Path) -> None:
    missing = tmp_path / "ingen-mappe" / "kulturpunkt.sqlite"
    with pytest.raises(DatabaseFileError, match="findes ikke"):
        start_desk(missing, create=False)
    assert not missing.parent.exists()
