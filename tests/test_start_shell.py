"""The start-up shell paints the Overblik's snapshot only when it is true for this file
today, never lets an edit reach it, and is on screen before SQLAlchemy is imported."""

from __future__ import annotations

import shutil
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from fresh_interpreter import run_json
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import backups, programmes
from kulturpunkt_desk.domain.services.overblik import close_keeping_snapshot, overblik
from kulturpunkt_desk.storage import snapshot
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import head_revision
from kulturpunkt_desk.ui.shell import UPDATING, StartShell

TODAY = date(2026, 11, 23)

# The start-up shell paints a snapshot of a file; a server opens without one.
pytestmark = pytest.mark.sqlite_only


def programme_id(db: Database) -> int:
    programme = programmes.current_programme(db)
    assert programme is not None
    return programme.id


def close_with_snapshot(db: Database) -> Path:
    """As the desk does at quit: the Overblik computed, the file closed, the snapshot kept."""
    close_keeping_snapshot(db, programme_id(db), TODAY)
    return db.path


def shell(qtbot: QtBot, path: Path, today: date = TODAY) -> StartShell:
    window = StartShell(path, today)
    qtbot.addWidget(window)
    return window


def test_the_newest_revision_read_from_file_names_is_alembics_head() -> None:
    assert snapshot.newest_revision() == head_revision()


def test_shell_paints_the_snapshot_of_the_unchanged_file_marked_as_updating(
    qtbot: QtBot, demo_db: Database
) -> None:
    live = overblik(demo_db, programme_id(demo_db), TODAY)
    path = close_with_snapshot(demo_db)
    window = shell(qtbot, path)
    assert window.shows_snapshot and window.panel is not None
    assert window.panel.state.text() == UPDATING
    assert window.panel.heading.text() == "Overblik – 23. november 2026"
    assert window.panel.money_labels["paid"].text() == "210.000 kr."
    assert window.data == live  # exactly what the services computed, nothing recomputed


def test_the_snapshot_paints_det_kommende_as_the_live_overblik_does(
    qtbot: QtBot, demo_db: Database
) -> None:
    day = date(2026, 1, 20)  # the demo's 2nd sparring round begins: items this week
    live = overblik(demo_db, programme_id(demo_db), day)
    assert live.ahead
    close_keeping_snapshot(demo_db, programme_id(demo_db), day)
    window = shell(qtbot, demo_db.path, day)
    assert window.shows_snapshot and window.panel is not None
    assert window.data is not None and window.data.ahead == live.ahead
    week = window.panel.week
    assert week.list.topLevelItemCount() == 3 and week.list.topLevelItem(0).text(0) == "i dag"
    assert week.summary.text() == "3 punkter denne uge; 1 i dag."
    assert not week.isEnabled()  # greyed like the rest: nothing opens from the shell


def test_a_file_changed_after_the_snapshot_gets_the_loading_state(
    qtbot: QtBot, demo_db: Database
) -> None:
    path = close_with_snapshot(demo_db)
    backups.set_backup_keep(demo_db, 7)  # any write
    demo_db.dispose()
    assert not shell(qtbot, path).shows_snapshot


def test_a_write_left_in_the_wal_gets_the_loading_state(qtbot: QtBot, demo_db: Database) -> None:
    path = close_with_snapshot(demo_db)
    backups.set_backup_keep(demo_db, 7)  # still open: the write sits in the -wal
    assert not shell(qtbot, path).shows_snapshot


def test_another_file_with_the_same_content_gets_the_loading_state(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    path = close_with_snapshot(demo_db)
    copy = tmp_path / "kopi.sqlite"
    shutil.copy2(path, copy)  # same size and modification time, another file
    assert shell(qtbot, path).shows_snapshot
    assert not shell(qtbot, copy).shows_snapshot


def test_yesterdays_snapshot_gets_the_loading_state(qtbot: QtBot, demo_db: Database) -> None:
    path = close_with_snapshot(demo_db)
    assert not shell(qtbot, path, TODAY + timedelta(days=1)).shows_snapshot


def test_a_snapshot_from_another_schema_version_gets_the_loading_state(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = close_with_snapshot(demo_db)
    monkeypatch.setattr(snapshot, "newest_revision", lambda *a: "9999")
    window = shell(qtbot, path)
    assert not window.shows_snapshot
    assert window.loading is not None and "Åbner" in window.loading.text()


def test_a_damaged_snapshot_gets_the_loading_state(qtbot: QtBot, demo_db: Database) -> None:
    path = close_with_snapshot(demo_db)
    snapshot.snapshot_path(path).write_text('{"format": 1, "content": [', encoding="utf-8")
    assert not shell(qtbot, path).shows_snapshot


def test_no_edit_can_reach_the_snapshot(qtbot: QtBot, demo_db: Database) -> None:
    path = close_with_snapshot(demo_db)
    window = shell(qtbot, path)
    assert window.panel is not None
    chosen: list[object] = []
    window.panel.item_chosen.connect(lambda *a: chosen.append(a))
    window.panel.status_chosen.connect(lambda *a: chosen.append(a))
    window.show()
    qtbot.waitExposed(window)
    # No database in the shell, nothing to click, no menu or shortcut.
    assert not hasattr(window, "db") and not hasattr(window, "ctx")
    assert not window.panel.isEnabled() and not window.nav.isEnabled()
    assert not [a for a in window.findChildren(QAction) if a.isEnabled() and a.shortcut()]
    assert window.menuBar().actions() == []
    qtbot.mouseDClick(window.panel.items.viewport(), Qt.MouseButton.LeftButton)
    for button in window.panel.status_buttons:
        button.click()  # a disabled button does not emit
    assert chosen == []


def test_a_desk_closed_without_edits_leaves_a_snapshot_the_next_start_paints(
    qtbot: QtBot, demo_db: Database
) -> None:
    from kulturpunkt_desk.ui.app import run

    path = demo_db.path
    demo_db.dispose()
    assert snapshot.read_snapshot(path, date.today()) is None
    assert run(path, smoke_test=True) == 0  # the live Overblik wrote it, closing kept it
    assert snapshot.read_snapshot(path, date.today()) is not None
    assert shell(qtbot, path, date.today()).shows_snapshot


# A fresh interpreter: the test process itself has long imported everything.
PAINT_SHELL = """
import json, sys
from datetime import date
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kulturpunkt_desk.ui.app import make_application
from kulturpunkt_desk.ui.failure import install_crash_handler
from kulturpunkt_desk.ui.shell import StartShell

app = make_application()
install_crash_handler(hard_crashes=False, log_file_now=False)  # as ui.app.run does
shell = StartShell(Path(sys.argv[1]), date.fromisoformat(sys.argv[2]))
painted = []
shell.painted.connect(lambda: painted.append(True))
shell.show()
while not painted:
    app.processEvents()
loaded = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "alembic"})
# Neither the log file's handler (socket, pickle, queue) nor the backup machinery.
later = sorted(set(sys.modules) & {"logging.handlers", "kulturpunkt_desk.storage.backup"})
print(json.dumps({"snapshot": shell.shows_snapshot, "loaded": loaded + later}))
"""


def test_the_shell_paints_before_sqlalchemy_and_the_log_file_load(demo_db: Database) -> None:
    path = close_with_snapshot(demo_db)
    shown = run_json(PAINT_SHELL, str(path), TODAY.isoformat())
    assert shown == {"snapshot": True, "loaded": []}


def test_the_file_is_opened_and_checked_off_the_gui_thread_after_the_first_paint(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kulturpunkt_desk.storage import startup
    from kulturpunkt_desk.ui import app
    from kulturpunkt_desk.ui import shell as shell_module

    events: list[tuple[str, bool]] = []
    real_start = startup.start_desk

    def start(path: Path, **options: bool) -> startup.DeskSession:
        # The lock, the checks and the start-up backup: where, and after what.
        events.append(("checks", threading.current_thread() is threading.main_thread()))
        return real_start(path, **options)

    real_init = shell_module.StartShell.__init__

    def init(self: StartShell, *args: object) -> None:
        real_init(self, *args)  # type: ignore[arg-type]
        self.painted.connect(lambda: events.append(("painted", True)))

    monkeypatch.setattr(startup, "start_desk", start)
    monkeypatch.setattr(shell_module.StartShell, "__init__", init)
    path = demo_db.path
    demo_db.dispose()
    assert app.run(path, smoke_test=True) == 0
    assert events == [("painted", True), ("checks", False)]


# What the start-up worker imports, in a fresh interpreter after the GUI thread's preload.
WORKER_IMPORTS = """
import json, sys
from pathlib import Path
from kulturpunkt_desk.storage import startup

startup.preload()
path = Path(sys.argv[1])
as_is = startup.opens_as_is(path)
before = set(sys.modules)
startup.start_desk(path).close()
print(json.dumps({"as_is": as_is, "imported": sorted(set(sys.modules) - before)}))
"""


def test_the_start_up_worker_imports_nothing_while_the_gui_thread_imports(
    demo_db: Database,
) -> None:
    # Two threads importing one package at once can meet it half initialised: that made
    # about one start in twenty fail ("partially initialized module 'sqlalchemy.util'").
    path = demo_db.path
    demo_db.dispose()
    assert run_json(WORKER_IMPORTS, str(path)) == {"as_is": True, "imported": []}


def test_a_file_to_be_created_is_not_started_before_the_windows_imports(tmp_path: Path) -> None:
    from kulturpunkt_desk.storage.startup import opens_as_is

    assert not opens_as_is(tmp_path / "ny.sqlite")
    assert not (tmp_path / "ny.sqlite").exists()
