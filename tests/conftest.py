"""Test setup: offscreen Qt, a private data folder, a fresh database per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups and the default database go to a temporary folder, never the user's."""
    folder = tmp_path / "data"
    monkeypatch.setenv("KULTURPUNKT_DATA_DIR", str(folder))
    monkeypatch.delenv("KULTURPUNKT_DB", raising=False)
    return folder


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path: Path) -> Iterator[None]:
    """Window size and last view are remembered in a temporary INI file per test."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield


@pytest.fixture(autouse=True)
def unsaved_input_discarded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a form with input asks Gem/Kassér/Bliv; a test that does not answer itself
    (tests/test_ui_unsaved_input.py does) discards, instead of waiting on the question."""
    from kulturpunkt_desk.ui import unsaved

    monkeypatch.setattr(unsaved, "ask", lambda *_args: unsaved.Choice.DISCARD)


@pytest.fixture(autouse=True)
def background_work_done() -> Iterator[None]:
    """No worker of one test may still run (and signal) while the next test starts."""
    yield
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QThreadPool.globalInstance().waitForDone(30_000)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kulturpunkt.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """An empty database at the newest schema."""
    database = open_database(db_path, create=True, user="testbruger")
    yield database
    database.dispose()


@pytest.fixture
def programme_id(db: Database) -> int:
    return programmes.create_programme(db, programmes.kulturpunkt_2025_26(), "Aftale {område}")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once per run and copied by `demo_db`."""
    folder = tmp_path_factory.mktemp("demo")
    os.environ["KULTURPUNKT_DATA_DIR"] = str(folder / "data")
    from kulturpunkt_desk.domain.demo import load_demo

    path = folder / "demo.sqlite"
    database = open_database(path, create=True, user="demo")
    pid = programmes.create_programme(database, programmes.kulturpunkt_2025_26(), "Aftale")
    load_demo(database, pid)
    database.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    from kulturpunkt_desk.storage.backup import copy_database

    path = copy_database(demo_template, tmp_path / "demo.sqlite")
    database = open_database(path, user="testbruger")
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def ekr_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Europæisk Kulturregion demo alone, made once per run and copied by `ekr_db`."""
    from kulturpunkt_desk.domain.ekr_demo import load_ekr_demo

    path = tmp_path_factory.mktemp("ekr") / "ekr.sqlite"
    database = open_database(path, create=True, user="demo")
    load_ekr_demo(database)
    database.dispose()
    return path


@pytest.fixture
def ekr_db(ekr_template: Path, tmp_path: Path) -> Iterator[Database]:
    from kulturpunkt_desk.storage.backup import copy_database

    path = copy_database(ekr_template, tmp_path / "ekr.sqlite")
    database = open_database(path, user="testbruger")
    yield database
    database.dispose()
