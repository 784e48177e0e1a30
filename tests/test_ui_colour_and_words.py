"""A state shown in colour is also shown by a symbol or in words, for the eye and the ear."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.ui.models.record_table import WARNING_COLOUR, Column, RecordTableModel
from kulturpunkt_desk.ui.widgets.timeline_strip import DONE_MARK, Phase, TimelineStrip


@dataclass(frozen=True)
class Row:
    id: int
    due: str
    late: bool


def test_a_warning_cell_has_a_mark_and_says_so_to_a_screen_reader(qtbot: QtBot) -> None:
    model: RecordTableModel[Row] = RecordTableModel(
        [Column("Frist", lambda r: r.due, colour=lambda r: WARNING_COLOUR if r.late else None)],
        lambda r: r.id,
    )
    model.set_rows([Row(1, "01.05.2026", True), Row(2, "01.09.2026", False)])
    late, on_time = model.index(0, 0), model.index(1, 0)
    assert not late.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert late.data(Qt.ItemDataRole.AccessibleTextRole) == "01.05.2026 (kræver opmærksomhed)"
    assert on_time.data(Qt.ItemDataRole.DecorationRole) is None
    assert on_time.data(Qt.ItemDataRole.AccessibleTextRole) is None


PHASES = [
    Phase("Interessetilkendegivelser", date(2025, 3, 1), date(2025, 4, 28)),
    Phase("Sparring, runde 1", date(2025, 6, 1), date(2025, 8, 31)),
    Phase("Evaluering", date(2026, 5, 1), date(2026, 6, 30)),
]


def test_the_timeline_takes_focus_and_describes_phases_and_today(qtbot: QtBot) -> None:
    strip = TimelineStrip()
    qtbot.addWidget(strip)
    strip.set_phases(PHASES, date(2025, 7, 10))
    strip.show()
    assert strip.focusPolicy() & Qt.FocusPolicy.TabFocus
    interface = QAccessible.queryAccessibleInterface(strip)
    assert interface.text(QAccessible.Text.Name) == "Tidslinje"
    assert interface.text(QAccessible.Text.Description).splitlines() == [
        "I dag er 10. juli 2025: Sparring, runde 1.",
        "Interessetilkendegivelser: 1. marts 2025 – 28. april 2025, afsluttet.",
        "Sparring, runde 1: 1. juni 2025 – 31. august 2025, i gang.",
        "Evaluering: 1. maj 2026 – 30. juni 2026, kommende.",
    ]


def test_past_current_and_coming_phases_differ_in_more_than_colour(qtbot: QtBot) -> None:
    strip = TimelineStrip()
    qtbot.addWidget(strip)
    strip.set_phases(PHASES, date(2025, 7, 10))
    past, current, coming = (strip.look(p) for p in PHASES)
    assert past.title == DONE_MARK + "Interessetilkendegivelser"
    assert current.bold and current.outline > coming.outline
    assert not coming.bold and not coming.title.startswith(DONE_MARK)
