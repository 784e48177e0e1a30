"""The desk follows the system's font size: nothing is sized in fixed points or cut at 18 pt."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import VIEWS, MainWindow

UI = Path(__file__).resolve().parent.parent / "kulturpunkt_desk" / "ui"
# A laptop's screen, the smallest the desk is made for.
SCREEN_WIDTH = 1366


def test_no_font_is_sized_in_fixed_points_or_pixels() -> None:
    fixed = re.compile(r"font-size|\d\s*pt\b|setPointSize(F)?\(\s*\d|setPixelSize\(")
    offenders = [
        f"{path.relative_to(UI)}:{n}: {line.strip()}"
        for path in UI.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if fixed.search(line)
    ]
    assert offenders == []


@pytest.fixture
def large_font(qapp: QApplication) -> Iterator[float]:
    """The system font at 18 points, as a user with poor sight sets it."""
    normal = qapp.font()
    font = qapp.font()
    font.setPointSizeF(18)
    qapp.setFont(font)
    yield 18.0
    qapp.setFont(normal)


def test_with_an_18_point_font_names_are_whole_and_headings_larger(
    qtbot: QtBot, demo_db: Database, large_font: float
) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    nav = window.nav
    for row in range(nav.count()):
        item = nav.item(row)
        needed = nav.fontMetrics().horizontalAdvance(item.text())
        assert nav.visualItemRect(item).width() >= needed, item.text()
        assert nav.viewport().width() >= needed, item.text()
    for spec in VIEWS:
        window.show_view(spec.key)
    view = window.show_view("areas")
    view.open_record("area", areas.list_areas(demo_db, window.ctx.programme_id)[0].id)
    headings = [
        label
        for label in window.findChildren(QLabel)
        if label.font().bold() and label.font().pointSizeF() != large_font
    ]
    assert headings, "the views have headings"
    assert all(h.font().pointSizeF() > large_font for h in headings)
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH
