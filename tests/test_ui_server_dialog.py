"""Filer > Forbind til server…: typed login, tested, kept in the keyring, the window reopened
on the team's server; each failure said in Danish beside the button."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from keyring_memory import MemoryKeyring
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from server_fixture import ANNE_PASSWORD, PgServer

from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.storage.migrate import open_database
from kulturpunkt_desk.storage.server_connection import KEYRING_SERVICE, ServerAddress
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.server_dialog import ServerDialog


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[MainWindow]:
    database = open_database(db_path, create=True, user="test")
    programmes.create_programme(database, programmes.kulturpunkt_2025_26(), "Aftale {område}")
    main = MainWindow(database)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.ctx.db.close()


def fill(dialog: ServerDialog, qtbot: QtBot, address: ServerAddress, password: str) -> None:
    for field, text in (
        (dialog.host, address.host),
        (dialog.database, address.database),
        (dialog.user, address.user),
        (dialog.password, password),
    ):
        field.clear()
        qtbot.keyClicks(field, text)


def click_test(dialog: ServerDialog, qtbot: QtBot) -> str:
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    return dialog.outcome.text()


def run_dialog(
    monkeypatch: pytest.MonkeyPatch, steps: Callable[[ServerDialog], None]
) -> list[ServerDialog]:
    """Replace the modal loop by `steps`, which use the dialog as a user would."""
    shown: list[ServerDialog] = []

    def exec_(dialog: ServerDialog) -> int:
        shown.append(dialog)
        steps(dialog)
        return dialog.result()

    monkeypatch.setattr(ServerDialog, "exec", exec_)
    return shown


def test_a_consultant_connects_the_window_to_the_team_server(
    qtbot: QtBot,
    window: MainWindow,
    team: ServerAddress,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memory_keyring.store.clear()  # a new laptop: nothing kept yet

    def steps(dialog: ServerDialog) -> None:
        fill(dialog, qtbot, team, "forkert-kode")
        assert "adgangskoden er forkert" in click_test(dialog, qtbot)
        assert "forkert-kode" not in dialog.outcome.text()
        fill(dialog, qtbot, team, ANNE_PASSWORD)
        assert f"logget ind som {team.user}" in click_test(dialog, qtbot)
        dialog.remember.setChecked(True)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    shown = run_dialog(monkeypatch, steps)
    action = next(a for a in window.findChildren(QAction) if a.text() == "Forbind til se&rver…")
    action.trigger()
    assert shown and shown[0].url == team.text()
    # The window now shows the server's database, under the consultant's own login.
    assert window.ctx.db.user == team.user
    assert team.database in window.windowTitle()
    assert memory_keyring.store == {(KEYRING_SERVICE, team.keyring_user): ANNE_PASSWORD}
    programme = programmes.current_programme(window.ctx.db)
    assert programme is not None and window.ctx.programme_id == programme.id


def test_another_schema_version_is_told_and_the_window_stays(
    qtbot: QtBot, window: MainWindow, team: ServerAddress, pg_server: PgServer
) -> None:
    pg_server.psql("UPDATE alembic_version SET version_num = '9999'", team.database)
    dialog = ServerDialog(window)
    qtbot.addWidget(dialog)
    fill(dialog, qtbot, team, ANNE_PASSWORD)
    assert "skemaversion 9999" in click_test(dialog, qtbot)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.url is None  # not accepted: the window keeps its file
    assert window.ctx.db.backend.file_lock


def test_tls_is_said_in_words_and_turned_off_only_after_a_warning(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    dialog = ServerDialog(window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.host, "db.rn.dk")
    assert dialog.tls_state.text().startswith("Krypteret (TLS), og serverens certifikat")
    dialog.without_tls.setChecked(True)
    assert warned and "ikke krypteret" in warned[0]
    assert dialog.tls_state.text().startswith("IKKE krypteret")
    dialog.host.clear()
    qtbot.keyClicks(dialog.host, "localhost")
    assert "Denne computer" in dialog.tls_state.text()


def test_an_unknown_host_is_told_in_danish(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ServerDialog(window)
    qtbot.addWidget(dialog)
    fill(dialog, qtbot, ServerAddress("ukendt-server.invalid", "kp", "anne"), "x")
    assert "findes ikke" in click_test(dialog, qtbot)
