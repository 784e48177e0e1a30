"""Is the database file in a place where SQLite's locking cannot be trusted?

SQLite relies on the operating system's file locks. Network file systems (SMB/CIFS, NFS,
a mapped drive) implement them loosely and give no shared memory, which SQLite's WAL needs,
so there the desk opens the file with a rollback journal instead (`journal_mode_for`). Sync
clients (OneDrive, SharePoint libraries, Dropbox, Google Drive, iCloud) copy the file behind
SQLite's back, which can undo saves or split the file from its -wal journal. The desk
still opens such a file, but warns once at start-up.

What the logic reads from the computer (path flavour, environment, drive types, the
registry's sync roots, the mount table) comes in as `Surroundings`, so the tests cover
Windows paths, UNC, mapped drives and SharePoint on Linux.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Literal

# Folder names (lower case, matched as a prefix of one path component) of sync clients.
SYNC_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud",
    "iclouddrive": "iCloud",
    "mobile documents": "iCloud",
    "com~apple~clouddocs": "iCloud",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "box sync": "Box",
    "pcloud": "pCloud",
}

# A SharePoint library synced by OneDrive: "<site> - Dokumenter" (or the English name),
# inside a folder named after the organisation ("Region Nordjylland").
SHAREPOINT_LIBRARY = re.compile(
    r".+ - (dokumenter|delte dokumenter|documents|shared documents)$", re.IGNORECASE
)

# The environment variables OneDrive sets to its folders.
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")

# Linux file-system types that live on another machine.
NETWORK_FS_TYPES = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "sshfs",
    "davfs",
    "fuse.davfs2",
    "9p",
    "afs",
    "ncpfs",
    "glusterfs",
    "ceph",
    "fuse.rclone",
    "fuse.s3fs",
}

DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a network drive


@dataclass(frozen=True)
class SyncRoot:
    """A folder a sync client keeps in step with the cloud, and the client's name."""

    folder: str
    service: str


@dataclass(frozen=True)
class Surroundings:
    """What the location logic reads from the computer; tests hand in fakes."""

    windows: bool
    environ: Mapping[str, str]
    drive_type: Callable[[str], int]  # GetDriveTypeW for a root such as "Z:\\"
    sync_roots: Callable[[], Iterable[SyncRoot]]  # the registry's SyncRootManager
    mounts: Callable[[], str | None]  # the text of /proc/mounts on Linux

    def path(self, text: str) -> PurePath:
        return PureWindowsPath(text) if self.windows else PurePosixPath(text)


@dataclass(frozen=True)
class Place:
    """A risky place: a network drive (no WAL there) or a synced folder (a warning)."""

    kind: Literal["network", "sync"]
    description: str  # Danish, after "Databasen ligger ...": "på et netværksdrev"


def is_unc(path_text: str) -> bool:
    r"""\\server\share\... (or //server/share/...): a Windows network path."""
    if path_text.startswith(("\\\\?\\", "\\\\.\\")):  # long-path prefix: \\?\C:\ is local
        return path_text[4:].upper().startswith("UNC\\")
    return path_text.startswith(("\\\\", "//"))


def network_fs_type(path: PurePath, mounts_text: str | None = None) -> str | None:
    """On Linux: the network file-system type of the mount holding `path`, if any."""
    if mounts_text is None:
        mounts_text = _read_mounts()
        if mounts_text is None:
            return None
    target = str(path)
    best, best_type = "", ""
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        # /proc/mounts writes a space in a mount point as \040.
        mount = fields[1].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) > len(best):
            best, best_type = mount, fields[2]
    return best_type if best_type in NETWORK_FS_TYPES else None


def sync_roots_from_environment(environ: Mapping[str, str], windows: bool) -> list[SyncRoot]:
    """OneDrive's folders, and beside the work account's the organisation's SharePoint
    folder: "OneDrive - Region Nordjylland" syncs libraries into "Region Nordjylland"."""
    roots = []
    for variable in ONEDRIVE_VARIABLES:
        folder = environ.get(variable, "").strip()
        if not folder:
            continue
        roots.append(SyncRoot(folder, "OneDrive"))
        path = PureWindowsPath(folder) if windows else PurePosixPath(folder)
        organisation = path.name.partition(" - ")[2]
        if path.name.lower().startswith("onedrive - ") and organisation:
            roots.append(SyncRoot(str(path.with_name(organisation)), "SharePoint"))
    return roots


def sync_service(path: PurePath, roots: Iterable[SyncRoot] = ()) -> str | None:
    """The sync client whose folder holds `path` (e.g. "OneDrive"), if any."""
    for part in path.parts:
        if SHAREPOINT_LIBRARY.match(part):
            return "SharePoint"
    for root in roots:
        if path.is_relative_to(type(path)(root.folder)):
            return root.service
    for part in path.parts:
        lowered = part.lower()
        for marker, service in SYNC_FOLDERS.items():
            if lowered.startswith(marker):
                return service
    return None


def network_place(path_text: str, around: Surroundings) -> Place | None:
    """A network drive holding the absolute path `path_text`, or None."""
    path = around.path(path_text)
    if is_unc(path_text):
        return Place("network", "på et netværksdrev")
    if around.windows:
        if path.drive and around.drive_type(path.drive + "\\") == DRIVE_REMOTE:
            return Place("network", f"på et netværksdrev ({path.drive})")
        return None
    fs_type = network_fs_type(path, around.mounts())
    return Place("network", f"på et netværksdrev ({fs_type})") if fs_type else None


def synced_place(path_text: str, around: Surroundings) -> Place | None:
    """A folder a sync client keeps in step holding `path_text`, or None."""
    roots = [*sync_roots_from_environment(around.environ, around.windows), *around.sync_roots()]
    service = sync_service(around.path(path_text), roots)
    return Place("sync", f"i en {service}-mappe") if service else None


def classify(path_text: str, around: Surroundings) -> Place | None:
    """What kind of risky place holds the absolute path `path_text`, or None."""
    return network_place(path_text, around) or synced_place(path_text, around)


def this_computer() -> Surroundings:
    """The real inputs: this platform, its environment, drives, sync roots and mounts."""
    if sys.platform == "win32":
        return Surroundings(True, os.environ, _windows_drive_type, _windows_sync_roots, _none)
    mounts = _read_mounts if sys.platform.startswith("linux") else _none
    return Surroundings(False, os.environ, _no_drive, _no_roots, mounts)


def _inputs(path: PurePath | str, around: Surroundings | None) -> tuple[str, Surroundings]:
    """The path as text and the surroundings: this computer's unless faked ones are given."""
    if around is None:
        return str(Path(path).absolute()), this_computer()
    return str(path), around


def journal_mode_for(path: PurePath | str, around: Surroundings | None = None) -> str:
    """WAL where it is safe; DELETE (a rollback journal) on a network place, since WAL's
    shared-memory index does not work across computers."""
    return "DELETE" if network_place(*_inputs(path, around)) else "WAL"


def location_warning(path: PurePath | str, around: Surroundings | None = None) -> str | None:
    """A Danish warning when the database lies where SQLite's locking cannot be trusted."""
    place = classify(*_inputs(path, around))
    if place is None:
        return None
    if place.kind == "network":
        return (
            f"Databasen ligger {place.description} ({path}). Der kan SQLite ikke stole på "
            "fillåsningen, så Kulturpunkt Desk gemmer her med almindelig journal i stedet "
            "for WAL, og det er langsommere. Har to personer filen åben samtidig, kan kun "
            "den første gemme; den anden kan kun læse. Ryger forbindelsen midt i en "
            "gemning, kan filen blive beskadiget. Flyt databasen til en lokal mappe (fx "
            "datamappen) og lad sikkerhedskopierne være det, der deles."
        )
    return (
        f"Databasen ligger {place.description} ({path}). Der kan SQLite ikke stole på "
        "fillåsningen, og synkronisering kan overskrive eller splitte filen, så gemte "
        "ændringer går tabt. Flyt databasen til en lokal mappe (fx datamappen) og lad "
        "sikkerhedskopierne være det, der deles."
    )


def _read_mounts() -> str | None:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _none() -> None:
    return None


def _no_drive(_root: str) -> int:
    return 0


def _no_roots() -> list[SyncRoot]:
    return []


if sys.platform == "win32":  # mypy checks this branch with --platform win32
    import ctypes
    import winreg
    from ctypes import wintypes

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.GetDriveTypeW.argtypes = (wintypes.LPCWSTR,)
    _kernel32.GetDriveTypeW.restype = wintypes.UINT

    SYNC_ROOT_MANAGER = r"SOFTWARE\Microsoft\Windows\CurrentVersion\Explorer\SyncRootManager"

    def _windows_drive_type(root: str) -> int:
        return int(_kernel32.GetDriveTypeW(root))

    def _windows_sync_roots() -> list[SyncRoot]:
        """Every folder a sync client registered with Windows (OneDrive, SharePoint
        libraries, Dropbox, Google Drive, iCloud): SyncRootManager\\<provider!sid!account>
        \\UserSyncRoots holds one folder per user."""
        roots: list[SyncRoot] = []
        try:
            manager = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, SYNC_ROOT_MANAGER)
        except OSError:
            return roots
        with manager:
            for index in range(winreg.QueryInfoKey(manager)[0]):
                name = winreg.EnumKey(manager, index)
                service = name.split("!")[0] or "synkroniserings"
                try:
                    with winreg.OpenKey(manager, name + r"\UserSyncRoots") as user_roots:
                        for value in range(winreg.QueryInfoKey(user_roots)[1]):
                            folder = winreg.EnumValue(user_roots, value)[1]
                            if isinstance(folder, str) and folder:
                                roots.append(SyncRoot(folder, service))
                except OSError:
                    continue
        return roots
