"""Is the database file in a place where SQLite's locking cannot be trusted?

SQLite relies on the operating system's file locks. Network file systems (SMB/CIFS, NFS,
a mapped drive) implement them loosely, and sync clients (OneDrive, Dropbox, Google Drive,
iCloud) copy the file behind SQLite's back, which can undo saves or split the file from
its -wal journal. The desk still opens such a file, but warns once at start-up.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePath

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


def sync_service(path: PurePath) -> str | None:
    """The sync client whose folder holds `path` (e.g. "OneDrive"), if any."""
    for part in path.parts:
        lowered = part.lower()
        for marker, service in SYNC_FOLDERS.items():
            if lowered.startswith(marker):
                return service
    return None


def is_unc(path_text: str) -> bool:
    r"""\\server\share\... (or //server/share/...): a Windows network path."""
    if path_text.startswith(("\\\\?\\", "\\\\.\\")):  # long-path prefix: \\?\C:\ is local
        return path_text[4:].upper().startswith("UNC\\")
    return path_text.startswith(("\\\\", "//"))


def network_fs_type(path: Path, mounts_text: str | None = None) -> str | None:
    """On Linux: the network file-system type of the mount holding `path`, if any."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
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


def windows_network_drive(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    root = path.drive + "\\"
    kind = ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]
    return bool(kind == DRIVE_REMOTE)


def describe_risky_location(path: Path) -> str | None:
    """What kind of risky place holds `path` ("netværksdrev", "OneDrive", ...), or None."""
    text = str(path)
    if is_unc(text):
        return "et netværksdrev"
    absolute = Path(path).absolute()
    service = sync_service(absolute)
    if service:
        return f"en {service}-mappe"
    if sys.platform == "win32":  # pragma: no cover - Windows only
        if is_unc(str(absolute)) or windows_network_drive(absolute):
            return "et netværksdrev"
    elif sys.platform.startswith("linux"):
        fs_type = network_fs_type(absolute)
        if fs_type:
            return f"et netværksdrev ({fs_type})"
    return None


def location_warning(path: Path) -> str | None:
    """A Danish warning when the database lies where SQLite's locking cannot be trusted."""
    place = describe_risky_location(path)
    if place is None:
        return None
    return (
        f"Databasen ligger i {place} ({path}). Der kan SQLite ikke stole på fillåsningen, "
        "og synkronisering kan overskrive eller splitte filen, så gemte ændringer går tabt. "
        "Flyt databasen til en lokal mappe (fx datamappen) og lad sikkerhedskopierne "
        "være det, der deles."
    )
