"""The window's way into a file: any file name works, a foreign file is refused untouched
with a Danish message, a write-protected file opens read-only and says so."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import people, programmes
from kulturpunkt_desk.storage.backup import list_backups
from kulturpunkt_desk.storage.migrate import open_database
from kulturpunkt_desk.ui.app import open_or_explain
from kulturpunkt_desk.ui.main_window import MainWindow


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes, recorded as "title: text" instead of shown; questions answered No."""
    texts: list[str] = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            lambda _parent, title, text: (
                texts.append(f"{title}: {text}") or QMessageBox.StandardButton.Ok
            ),
        )
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    return texts


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_the_window_works_on_a_database_whose_path_holds_odd_characters(
    tmp_path: Path, qtbot: QtBot, quiet: list[str]
) -> None:
    path = tmp_path / "Region & kommune #2" / "Ærø 100% (kopi)?.sqlite"
    db = open_or_explain(path)  # first start: creates it with the programme
    assert db is not None
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    people.create_person(db, people.PersonData(name="Åse"))
    db.close()
    db = open_or_explain(path)  # second start: checks, lock and a start-up backup
    assert db is not None
    try:
        assert programmes.current_programme(db) is not None
        assert [p.name for p in people.list_people(db)] == ["Åse"]
    finally:
        db.close()
    newest = open_database(list_backups(path)[0])
    try:
        assert [p.name for p in people.list_people(newest)] == ["Åse"]
    finally:
        newest.dispose()
    assert quiet == []


@pytest.mark.parametrize("content", [b"", b"Referat fra m\xc3\xb8det\n"], ids=["tom", "tekst"])
def test_the_window_refuses_a_foreign_file_in_danish_and_leaves_it_untouched(
    tmp_path: Path, content: bytes, quiet: list[str]
) -> None:
    path = tmp_path / "filer" / "kulturpunkt.sqlite"
    path.parent.mkdir()
    path.write_bytes(content)
    before = digests(path.parent)
    assert open_or_explain(path) is None
    assert len(quiet) == 1 and quiet[0].startswith("Databasen kan ikke åbnes: ")
    assert "kulturpunkt.sqlite" in quiet[0]
    assert digests(path.parent) == before


def test_the_window_says_a_write_protected_file_opened_read_only(
    tmp_path: Path, quiet: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kulturpunkt.sqlite"
    db = open_or_explain(path)
    assert db is not None
    db.close()
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda target, mode, **kw: (
            False if mode & os.W_OK and Path(target) == path else real_access(target, mode, **kw)
        ),
    )
    db = open_or_explain(path)
    assert db is not None
    try:
        assert db.read_only
        assert any("skrivebeskyttet" in text for text in quiet)
    finally:
        db.close()
