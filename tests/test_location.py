"""Where the database lies: network places get a rollback journal, synced folders a warning.

Windows is faked: Windows path rules (PureWindowsPath), an environment with OneDrive's
variables, a drive-type function and the registry's sync roots are handed in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from kulturpunkt_desk.storage import engine as engine_module
from kulturpunkt_desk.storage import location
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.location import (
    DRIVE_REMOTE,
    Surroundings,
    SyncRoot,
    classify,
    journal_mode_for,
    location_warning,
)

DRIVE_FIXED = 3
MOUNTS = "/dev/sda1 / ext4 rw 0 0\nfil01:/kultur /mnt/faelles nfs4 rw 0 0\n"
WORK_ACCOUNT = {"OneDriveCommercial": r"C:\Users\mette\OneDrive - Region Nordjylland"}


def windows(
    environ: Mapping[str, str] | None = None,
    network_drives: str = "Z",
    roots: Iterable[SyncRoot] = (),
) -> Surroundings:
    def drive_type(root: str) -> int:
        assert root.endswith(":\\")
        return DRIVE_REMOTE if root[0].upper() in network_drives else DRIVE_FIXED

    return Surroundings(True, environ or {}, drive_type, lambda: list(roots), lambda: None)


def linux(mounts: str = MOUNTS, environ: Mapping[str, str] | None = None) -> Surroundings:
    return Surroundings(False, environ or {}, lambda _root: 0, lambda: [], lambda: mounts)


@pytest.mark.parametrize(
    "path",
    [
        r"\\fil01\kultur\Kulturpunkt\kulturpunkt.sqlite",
        r"\\?\UNC\fil01\kultur\kulturpunkt.sqlite",
        r"Z:\Kulturpunkt\kulturpunkt.sqlite",
        r"z:\kulturpunkt.sqlite",
    ],
)
def test_windows_network_places_get_a_rollback_journal(path: str) -> None:
    place = classify(path, windows())
    assert place is not None and place.kind == "network"
    assert journal_mode_for(path, windows()) == "DELETE"


@pytest.mark.parametrize(
    "path",
    [
        r"C:\Users\mette\AppData\Local\RegionNordjylland\KulturpunktDesk\kulturpunkt.sqlite",
        r"\\?\C:\Data\kulturpunkt.sqlite",
        r"D:\Kultur\kulturpunkt.sqlite",
    ],
)
def test_windows_local_places_keep_wal_and_get_no_warning(path: str) -> None:
    around = windows(WORK_ACCOUNT)
    assert classify(path, around) is None
    assert journal_mode_for(path, around) == "WAL"


def test_onedrive_folder_found_from_the_environment_whatever_it_is_called() -> None:
    around = windows({"OneDrive": r"D:\Sky\Mette"})
    place = classify(r"d:\sky\mette\Kultur\kulturpunkt.sqlite", around)
    assert place is not None and place.kind == "sync"
    assert place.description == "i en OneDrive-mappe"


@pytest.mark.parametrize(
    "path",
    [
        # A library synced into the organisation's folder beside "OneDrive - <org>".
        r"C:\Users\mette\Region Nordjylland\Kultur og Udvikling - Dokumenter\k.sqlite",
        r"C:\Users\mette\Region Nordjylland\Kulturpunkt\k.sqlite",
        # The library's name alone gives it away, wherever it is synced.
        r"E:\Sync\Team Kultur - Delte dokumenter\k.sqlite",
        r"C:\Users\mette\Contoso\Site - Shared Documents\k.sqlite",
    ],
)
def test_sharepoint_libraries_warn_too(path: str) -> None:
    around = windows(WORK_ACCOUNT)
    place = classify(path, around)
    assert place is not None and place.description == "i en SharePoint-mappe"
    assert journal_mode_for(path, around) == "WAL"
    warning = location_warning(path, around)
    assert warning is not None and "SharePoint" in warning and "lokal mappe" in warning


def test_sync_roots_registered_in_windows_are_found_case_insensitively() -> None:
    around = windows(roots=[SyncRoot(r"E:\Delt\Teamfiler", "Dropbox")])
    place = classify(r"e:\DELT\teamfiler\kulturpunkt.sqlite", around)
    assert place is not None and place.description == "i en Dropbox-mappe"
    assert classify(r"E:\Delt\Andet\kulturpunkt.sqlite", around) is None


def test_linux_network_mount_gets_a_rollback_journal_and_says_what_it_means() -> None:
    path = Path("/mnt/faelles/kulturpunkt.sqlite")
    assert journal_mode_for(path, linux()) == "DELETE"
    warning = location_warning(path, linux())
    assert warning is not None
    assert "netværksdrev (nfs4)" in warning and "i stedet for WAL" in warning
    assert "to personer filen åben samtidig, kan kun den første gemme" in warning


def test_linux_local_disk_keeps_wal() -> None:
    assert journal_mode_for(Path("/home/mette/kulturpunkt.sqlite"), linux()) == "WAL"


def test_onedrive_variables_count_on_linux_too() -> None:
    around = linux(environ={"OneDrive": "/home/mette/Sky"})
    place = classify("/home/mette/Sky/kulturpunkt.sqlite", around)
    assert place is not None and place.kind == "sync"


def journal_mode_on_disk(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def test_database_on_a_network_mount_is_opened_without_wal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kulturpunkt.sqlite"
    # A file made on a local disk (WAL), then found on a network mount.
    local = Database(path, create=True)
    with local.engine.connect():
        pass
    local.dispose()
    assert journal_mode_on_disk(path) == "wal"
    share = f"fil01:/kultur {tmp_path} cifs rw 0 0\n"
    monkeypatch.setattr(location, "this_computer", lambda: linux(MOUNTS + share))
    db = Database(path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    finally:
        db.dispose()
    assert journal_mode_on_disk(path) == "delete"
    assert not path.with_name(path.name + "-wal").exists()


def test_database_held_open_in_wal_by_another_desk_still_opens_on_a_network_mount(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kulturpunkt.sqlite"
    other = sqlite3.connect(path)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.execute("BEGIN")
    other.execute("SELECT * FROM t").fetchall()  # an older desk, reading
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    share = f"fil01:/kultur {tmp_path} cifs rw 0 0\n"
    monkeypatch.setattr(location, "this_computer", lambda: linux(MOUNTS + share))
    db = Database(path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0
    finally:
        db.dispose()
        other.close()
