"""Opening the window never pays for the document libraries: they load when first used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kulturpunkt_desk.storage.engine import Database

HEAVY = ["reportlab", "openpyxl", "pypdf"]

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
