"""Start-up pays only for what it shows: the document libraries, and Alembic when the file
is already at the newest schema, load when first needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kulturpunkt_desk.storage import migrate
from kulturpunkt_desk.storage.engine import Database

HEAVY = ["reportlab", "openpyxl", "pypdf", "typst"]

# A fresh interpreter: the test process itself has long imported everything.
START_WINDOW = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kulturpunkt_desk.ui.app import make_application
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.storage.migrate import open_database

app = make_application()
db = open_database(Path(sys.argv[1]))
window = MainWindow(db)
window.show()
for _ in range(5):
    app.processEvents()
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[2])))
print(json.dumps({"heavy": heavy, "views": sorted(window.views)}))
"""


@pytest.mark.sqlite_only
def test_showing_the_main_window_loads_no_document_library(
    demo_db: Database, tmp_path: Path
) -> None:
    path = demo_db.path
    demo_db.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", START_WINDOW, str(path), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["views"], "the window showed its first view"
    assert shown["heavy"] == []


OPEN_DATABASE = """
import json, sys
from pathlib import Path
from kulturpunkt_desk.storage.migrate import open_database

db = open_database(Path(sys.argv[1]))
db.dispose()
print(json.dumps("alembic" in sys.modules))
"""


@pytest.mark.sqlite_only
def test_a_database_at_the_newest_schema_opens_without_importing_alembic(
    demo_db: Database,
) -> None:
    path = demo_db.path
    demo_db.dispose()
    done = subprocess.run(
        [sys.executable, "-c", OPEN_DATABASE, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) is False


def test_the_head_read_from_the_revision_files_is_alembics_head() -> None:
    assert migrate._plain_head() == migrate._scripts().get_current_head()
    assert migrate.head_revision() in migrate.known_revisions()


def test_a_revision_file_alembic_must_read_itself_leaves_the_head_to_alembic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0001_a.py").write_text('revision = "0001"\ndown_revision = None\n')
    (versions / "0002_b.py").write_text('revision = "0002"\ndown_revision = "0001"\n')
    monkeypatch.setattr(migrate, "MIGRATIONS", tmp_path)
    assert migrate._plain_head() == "0002"
    # A merge revision names two parents: not a plain chain.
    (versions / "0003_merge.py").write_text('revision = "0003"\ndown_revision = ("0001", "0002")\n')
    assert migrate._plain_head() is None
