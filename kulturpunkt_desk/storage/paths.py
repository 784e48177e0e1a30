"""File locations. The user's data folder comes from platformdirs; tests redirect it."""

from __future__ import annotations

import hashlib
import ntpath
import os
import re
import sys
from pathlib import Path, PurePath

import platformdirs

APP_NAME = "KulturpunktDesk"
APP_AUTHOR = "RegionNordjylland"
DB_FILENAME = "kulturpunkt.sqlite"


def data_dir() -> Path:
    """The per-user data folder (KULTURPUNKT_DATA_DIR overrides it, e.g. in tests)."""
    override = os.environ.get("KULTURPUNKT_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return path


def default_db_path() -> Path:
    """KULTURPUNKT_DB if set, else the database file in the user's data folder."""
    named = os.environ.get("KULTURPUNKT_DB")
    return Path(named) if named else data_dir() / DB_FILENAME


# Characters kept in the readable part of a backup folder's or file's name: letters
# (also æøå), digits, space, dot, dash, underscore; anything else becomes "_".
_UNSAFE = re.compile(r"[^\w .-]")
STEM_CHARS = 40


def file_identity(path: PurePath, *, windows: bool = sys.platform == "win32") -> str:
    """One database file as a string: its resolved path, case-folded where Windows ignores
    case, so that C:\\Data\\K.sqlite and c:\\data\\k.SQLITE are the same file there."""
    resolved = path.resolve() if isinstance(path, Path) else path
    return ntpath.normcase(str(resolved)) if windows else str(resolved)


def backup_file_stem(db_path: PurePath) -> str:
    """The readable start of a backup's name: the file's stem, Windows-safe and short."""
    stem = _UNSAFE.sub("_", db_path.stem)[:STEM_CHARS].rstrip(". ")
    return stem or "database"


def backup_dir(db_path: PurePath, *, windows: bool = sys.platform == "win32") -> Path:
    """Backups of one database file, kept apart from other files' backups.

    Per file, not per file name: two kulturpunkt.sqlite in different folders never share
    or prune each other's backups. The folder is the readable stem plus a short hash of
    the resolved path (file_identity).
    """
    digest = hashlib.sha256(file_identity(db_path, windows=windows).encode("utf-8"))
    stem = backup_file_stem(db_path)
    if windows:  # one folder however the file's name is spelt
        stem = stem.casefold()
    return data_dir() / "backups" / f"{stem}-{digest.hexdigest()[:10]}"


def attachments_dir(db_path: Path) -> Path:
    """Attachments live beside the database so that both move together."""
    return db_path.with_name(db_path.stem + "-bilag")
