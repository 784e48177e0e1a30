"""The version: one number, shown by `--version` and by Hjælp → Om Kulturpunkt Desk."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kulturpunkt_desk import __version__
from kulturpunkt_desk.cli import main
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


def test_version_option_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"Kulturpunkt Desk {__version__}"


def test_the_package_metadata_takes_its_version_from_the_code() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "kulturpunkt_desk.__version__"
    }


def test_about_dialog_shows_the_version(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "kulturpunkt_desk.ui.main_window.QMessageBox.about",
        lambda _parent, title, text: shown.append((title, text)),
    )
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Hjælp"
    )
    about = next(a for a in help_menu.actions() if "Om Kulturpunkt Desk" in a.text())
    about.trigger()
    assert shown and shown[0][0] == "Om Kulturpunkt Desk"
    assert f"Kulturpunkt Desk {__version__}" in shown[0][1]


def test_smoke_test_shows_the_window_with_the_demo_areas_and_leaves(
    qtbot: QtBot, demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from kulturpunkt_desk.ui.app import run

    path = demo_db.path
    demo_db.dispose()
    assert run(path, smoke_test=True) == 0
    assert f"Kulturpunkt Desk {__version__}: vinduet er vist med 11 lokalområder" in (
        capsys.readouterr().out
    )
