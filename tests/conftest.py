"""Test setup: offscreen Qt, a private data folder, a fresh database per test.

The database fixtures (`db`, `programme_id`, `demo_db`, `ekr_db`) run every test that
uses them twice: on a SQLite file and on a real PostgreSQL server (tests/postgres_server.py,
started once per run). Tests that drive the window (qtbot) and tests marked
`sqlite_only` (about the file itself: its journal, its lock file, its backups) run on
SQLite alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pytestqt.qtbot import QtBot

# Set before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the user's real keyring: a test that needs one installs an in-memory backend.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from postgres_server import REQUIRE_ENV, Databases, PostgresServer, find_bin

from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database

# The team server's fixtures (a PostgreSQL with password logins, an in-memory keyring).
pytest_plugins = ["keyring_memory", "server_fixture"]

ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: the test is about the SQLite file; it runs on SQLite alone"
    )
    config.addinivalue_line(
        "markers",
        "postgresql_only: the test is about desks sharing a server; it runs on PostgreSQL alone",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test on a database fixture runs on both engines, apart from window tests."""
    if "db_engine" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("postgresql_only"):
        metafunc.parametrize("db_engine", ["postgresql"], indirect=True)
        return
    if "qtbot" in metafunc.fixturenames or metafunc.definition.get_closest_marker("sqlite_only"):
        return  # db_engine's default: SQLite
    metafunc.parametrize("db_engine", ENGINES, indirect=True)


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    """Which engine the test's database is on: "sqlite" or "postgresql"."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Databases]:
    """A PostgreSQL server for the whole run (skipped without one; in CI a failure)."""
    bin_dir = find_bin()
    if bin_dir is None:
        reason = (
            "PostgreSQL er ikke installeret (Debian-pakken postgresql); "
            "testene på PostgreSQL springes over"
        )
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{reason}, men {REQUIRE_ENV} kræver dem.")
        pytest.skip(reason)
    server = PostgresServer(bin_dir)
    server.start()
    try:
        yield Databases(server)
    finally:
        server.stop()


def _on_server(request: pytest.FixtureRequest, template: str, fill: Any) -> Iterator[Database]:
    """The test server's working database as `template` holds it (filled once by `fill`)."""
    databases: Databases = request.getfixturevalue("postgres_server")

    def build(url: str) -> None:
        database = open_database(url, user="demo")
        fill(database)
        database.dispose()

    # A test with two database fixtures (the demo and the partnership) gets a database
    # of its own for the second: the working database holds the first.
    second = databases.in_use
    url = databases.fresh() if second else databases.work(template, build)
    if second:
        build(url)
    databases.in_use = True
    database = open_database(url, user="testbruger")
    try:
        yield database
    finally:
        database.dispose()
        if second:
            databases.drop(url)
        else:
            databases.in_use = False


if TYPE_CHECKING:
    from desk_window import ViewOpener


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups and the default database go to a temporary folder, never the user's."""
    folder = tmp_path / "data"
    monkeypatch.setenv("KULTURPUNKT_DATA_DIR", str(folder))
    monkeypatch.delenv("KULTURPUNKT_DB", raising=False)
    return folder


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path: Path) -> Iterator[None]:
    """Window size, last view and folders are remembered in a temporary INI file per test."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    # Save dialogs start in a folder of the test's own, never the user's Documents.
    from kulturpunkt_desk.domain.settings import DOCUMENTS_FOLDER
    from kulturpunkt_desk.ui import preferences

    preferences.set_text(DOCUMENTS_FOLDER, str(tmp_path / "Dokumenter"))
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
def open_view(qtbot: QtBot) -> ViewOpener:
    """Opens the window on a database and shows a view (tests/desk_window.py)."""
    from desk_window import view_opener

    return view_opener(qtbot)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kulturpunkt.sqlite"


@pytest.fixture
def db(db_engine: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """An empty database at the newest schema, on the engine `db_engine` names."""
    if db_engine == "postgresql":
        yield from _on_server(request, "kp_empty", lambda database: None)
        return
    database = open_database(request.getfixturevalue("db_path"), create=True, user="testbruger")
    yield database
    database.dispose()


@pytest.fixture
def db_target(db_engine: str, request: pytest.FixtureRequest) -> str:
    """What a CLI test passes as --db: a file path that does not exist yet, or the URL of
    an empty database on the test server."""
    if db_engine == "postgresql":
        databases: Databases = request.getfixturevalue("postgres_server")
        return databases.work("empty", lambda url: open_database(url).dispose())
    return str(request.getfixturevalue("db_path"))


@pytest.fixture
def programme_id(db: Database) -> int:
    return programmes.create_programme(db, programmes.kulturpunkt_2025_26(), "Aftale {område}")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once per run and copied by `demo_db`."""
    folder = tmp_path_factory.mktemp("demo")
    os.environ["KULTURPUNKT_DATA_DIR"] = str(folder / "data")
    path = folder / "demo.sqlite"
    database = open_database(path, create=True, user="demo")
    _fill_demo(database)
    database.dispose()
    return path


def _fill_demo(database: Database) -> None:
    from kulturpunkt_desk.domain.demo import load_demo

    pid = programmes.create_programme(database, programmes.kulturpunkt_2025_26(), "Aftale")
    load_demo(database, pid)


@pytest.fixture
def demo_db(db_engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    from kulturpunkt_desk.storage.backup import copy_database

    if db_engine == "postgresql":
        yield from _on_server(request, "kp_demo", _fill_demo)
        return
    demo_template = request.getfixturevalue("demo_template")
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
def ekr_db(db_engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    from kulturpunkt_desk.domain.ekr_demo import load_ekr_demo
    from kulturpunkt_desk.storage.backup import copy_database

    if db_engine == "postgresql":
        yield from _on_server(request, "kp_ekr", load_ekr_demo)
        return
    ekr_template = request.getfixturevalue("ekr_template")
    path = copy_database(ekr_template, tmp_path / "ekr.sqlite")
    database = open_database(path, user="testbruger")
    yield database
    database.dispose()
