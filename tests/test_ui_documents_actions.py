"""Opening and printing documents from the window (the system viewer is stubbed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.ui import documents_actions


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(documents_actions.QDesktopServices, "openUrl", fake_open)
    return urls


def test_open_document_hands_the_file_to_the_system_viewer(
    qtbot: object, tmp_path: Path, opened: list[QUrl]
) -> None:
    pdf = tmp_path / "aftale.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert documents_actions.open_document(pdf)
    assert opened[0].toLocalFile() == str(pdf.resolve())


def test_make_document_shows_a_danish_error_instead_of_crashing(
    qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))

    def fails() -> Path:
        raise DeskError("Programmet har ingen aftaleskabelon endnu.")

    assert documents_actions.make_document(None, fails) is None
    assert warned == ["Programmet har ingen aftaleskabelon endnu."]
