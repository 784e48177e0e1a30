"""File locations. The user's data folder comes from platformdirs; tests redirect it."""

from __future__ import annotations

import os
from pathlib import Path

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


def backup_dir(db_path: Path) -> Path:
    """Backups of one database file, kept apart from other files' backups."""
    return data_dir() / "backups" / db_path.stem


def attachments_dir(db_path: Path) -> Path:
    """Attachments live beside the database so that both move together."""
    return db_path.with_name(db_path.stem + "-bilag")
