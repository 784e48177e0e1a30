"""Per-laptop preferences (window size, last view) in QSettings, declared in one place."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


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
RECENT_DATABASES = "files/recent"
# The consultant(s) last written on a sparring session: usually the same person next time.
LAST_CONSULTANT = "sparring/last_consultant"
# The day the desk last said at start what falls due today and this week (once a day).
LAST_WEEK_NOTICE = "overview/last_week_notice"


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
