"""Per-laptop preferences in QSettings (an INI file in the user's config folder).

The user-facing ones (folders, recently used files) are declared with their defaults in
the one registry `domain/settings.py` (Scope.LAPTOP) and read and written here; the keys
below are the window's own layout, which nobody sets by hand.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from kulturpunkt_desk.domain.settings import (
    LAST_FOLDER,
    RECENT_DATABASES,
    ListSetting,
    Scope,
    TextSetting,
)


def settings() -> QSettings:
    # INI format everywhere, so tests can redirect it with QSettings.setPath.
    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        "RegionNordjylland",
        "KulturpunktDesk",
    )


GEOMETRY = "window/geometry"
STATE = "window/state"
LAST_VIEW = "window/last_view"
SPLITTER = "window/splitter"
# Each table's column widths and sort order: "tables/<name>/header" (QHeaderView.saveState).
TABLES = "tables"
# The consultant(s) last written on a sparring session: usually the same person next time.
LAST_CONSULTANT = "sparring/last_consultant"
# The day the desk last said at start what falls due today and this week (once a day).
LAST_WEEK_NOTICE = "overview/last_week_notice"


def _laptop(spec: TextSetting | ListSetting) -> None:
    if spec.scope is not Scope.LAPTOP:
        raise ValueError(f"{spec.key} lives in the database, not on the laptop")


def text(spec: TextSetting) -> str:
    _laptop(spec)
    return spec.or_default(settings().value(spec.key, spec.default))


def set_text(spec: TextSetting, value: str) -> None:
    _laptop(spec)
    store = settings()
    store.setValue(spec.key, value)
    store.sync()


def items(spec: ListSetting) -> list[str]:
    _laptop(spec)
    return spec.or_default(settings().value(spec.key, []))


def push_item(spec: ListSetting, value: str) -> list[str]:
    """Put `value` first (once), keeping the newest `spec.limit`."""
    kept = [value] + [v for v in items(spec) if v != value]
    kept = kept[: spec.limit]
    store = settings()
    store.setValue(spec.key, kept)
    store.sync()
    return kept


def recent_databases() -> list[Path]:
    """The database files opened on this laptop, newest first, those that still exist."""
    return [Path(p) for p in items(RECENT_DATABASES) if Path(p).is_file()]


def remember_database(path: Path) -> None:
    push_item(RECENT_DATABASES, str(Path(path).resolve()))


def start_folder(fallback: Path) -> Path:
    """Where a save dialog opens: the folder used last, else `fallback` (made if missing)."""
    last = text(LAST_FOLDER)
    if last and Path(last).is_dir():
        return Path(last)
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


def remember_folder(folder: Path) -> None:
    set_text(LAST_FOLDER, str(folder))


def restore_window_size(window: QMainWindow, splitter: QSplitter) -> None:
    """The window's remembered size and place and its navigation splitter (the main window
    and the start-up shell open in the same place)."""
    store = settings()
    geometry = store.value(GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)  # type: ignore[arg-type]
    else:
        window.resize(1280, 760)
    sizes = store.value(SPLITTER)
    if sizes is not None:
        splitter.restoreState(sizes)  # type: ignore[arg-type]
    else:
        # The navigation as wide as its own minimum (its longest item in the user's font).
        splitter.setSizes([splitter.widget(0).minimumWidth() or 200, 1080])
