"""PySide6's import hook answers as before without keeping every module's source."""

from __future__ import annotations

from fresh_interpreter import run_json

# A fresh interpreter: the test process has long imported everything.
IMPORT_AFTER_QT = """
import json, linecache, sys
import kulturpunkt_desk.ui.app  # PySide6 first, its hook lightened
import sqlalchemy.orm
from shibokensupport import feature
import kulturpunkt_desk.ui.views.overview_panel as qt_module
import kulturpunkt_desk.domain.overblik_data as plain_module
kept = [name for name in linecache.cache if "sqlalchemy" in name and name.endswith(".py")]
print(json.dumps({
    "kept": kept,
    "qt_module": feature._mod_uses_pyside(qt_module),
    "plain_module": feature._mod_uses_pyside(plain_module),
}))
"""


def test_modules_imported_after_qt_leave_no_source_in_memory_and_are_told_apart() -> None:
    found = run_json(IMPORT_AFTER_QT)
    # SQLAlchemy's source kept by linecache cost 19 MB; PySide6 still tells a module that
    # uses it from one that does not, as before.
    assert found == {"kept": [], "qt_module": True, "plain_module": False}
