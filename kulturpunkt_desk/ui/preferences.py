"""Per-laptop preferences (window size, last view) in QSettings, declared in one place."""

from __future__ import annotations

from PySide6.QtCore import QSettings


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
