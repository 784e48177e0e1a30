"""Overblik through the widgets: grouped items that open their record, money, statuses."""

from __future__ import annotations

from datetime import date

import pytest
from desk_window import ViewOpener
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas
from kulturpunkt_desk.domain.services.attention import AttentionKind
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import VIEWS
from kulturpunkt_desk.ui.views.areas import AreasView
from kulturpunkt_desk.ui.views.overview import OverviewView


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(OverviewView, "today", staticmethod(lambda: date(2026, 11, 23)))


def test_overview_comes_first_in_the_navigation() -> None:
    assert VIEWS[0].key == "overview" and VIEWS[1].key == "areas"


def test_items_are_grouped_with_counts_most_urgent_group_first(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    _window, view = open_view(demo_db, "overview", OverviewView)
    headings = [view.items.topLevelItem(n).text(0) for n in range(view.items.topLevelItemCount())]
    assert headings[0] == "Rate ikke udbetalt (10)"
    assert "Ikke med til netværksmøde i runden (5)" in headings
    assert len(headings) == 5
    assert view.attention_summary.text() == "35 punkter i 5 grupper: 35 overskredet, 0 kommende."
    assert view.heading.text() == "Overblik – 23. november 2026"
    assert view.phase.text() == "Alle faser i programmets tidsplan er overstået."
    assert view.money_labels["paid"].text() == "210.000 kr."
    assert view.money_labels["budget"].text() == "550.000 kr."


def test_an_item_opens_the_area_it_is_about(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "overview", OverviewView)
    group = next(
        view.items.topLevelItem(n)
        for n in range(view.items.topLevelItemCount())
        if view.items.topLevelItem(n).text(0).startswith("Ikke med til netværksmøde")
    )
    row = group.child(0)
    assert row.text(0) == "Bakkekammen" and row.text(2) == "237 dage over"
    view.items.setCurrentItem(row)
    view.items.setFocus()
    qtbot.keyClick(view.items, Qt.Key.Key_Return)
    assert window.current_view_key() == "areas"
    areas_view = window.view("areas")
    assert isinstance(areas_view, AreasView)
    assert areas_view.page.title.text() == "Bakkekammen"
    assert (
        areas_view.page.area_id
        == areas.find_area(demo_db, window.ctx.programme_id, "Bakkekammen").id
    )


def test_a_follow_up_asks_for_its_sparring_session(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "overview", OverviewView)
    with qtbot.waitSignal(window.ctx.open_requested) as signal:
        assert view.open_item_at(AttentionKind.FOLLOW_UP_DUE, "Fjordglimt")
    assert signal.args is not None and signal.args[0] == "sparring_session"


def test_status_count_shows_the_list_filtered_by_that_status(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "overview", OverviewView)
    button = next(b for b in view.status_buttons if b.text() == "Tilskud udbetalt: 2")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    areas_view = window.view("areas")
    assert isinstance(areas_view, AreasView)
    assert window.current_view_key() == "areas"
    proxy = areas_view.table.model()
    shown = sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount()))
    assert shown == ["Sandager Klit", "Vesterhede"]


def test_money_and_evaluation_items_open_where_they_are_registered(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "overview", OverviewView)
    assert view.open_item_at(AttentionKind.INSTALMENT_UNPAID, "Møllehøj")
    assert window.current_view_key() == "grants"
    window.show_view("overview")
    assert view.open_item_at(AttentionKind.EVALUATION_MISSING, "Vesterhede")
    assert window.current_view_key() == "evaluation"


def test_timeline_puts_overlapping_phases_on_separate_lanes() -> None:
    from kulturpunkt_desk.ui.widgets.timeline_strip import Phase, lanes_for

    phases = [
        Phase("Dialog", date(2025, 3, 1), date(2025, 4, 30)),
        Phase("Frist", date(2025, 4, 28), date(2025, 4, 28)),
        Phase("Aftaler", date(2025, 5, 1), date(2025, 5, 31)),
    ]
    assert lanes_for(phases) == [0, 1, 0]


def test_a_refresh_with_the_same_figures_keeps_the_chosen_row_and_a_change_is_shown(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    from kulturpunkt_desk.domain.services import grants
    from kulturpunkt_desk.domain.services.overblik import overblik

    _window, view = open_view(demo_db, "overview", OverviewView)
    group = view.items.topLevelItem(0)
    assert group.text(0) == "Rate ikke udbetalt (10)"
    view.items.setCurrentItem(group.child(3))
    view.refresh()
    assert view.items.currentItem() is group.child(3)  # nothing rebuilt under the user
    unpaid = next(a for a in view.data.attention if a.kind == AttentionKind.INSTALMENT_UNPAID)
    grants.mark_paid(demo_db, unpaid.opens[1], date(2026, 11, 23))
    view.refresh()
    assert view.items.topLevelItem(0).text(0) == "Rate ikke udbetalt (9)"
    assert view.panel.data == overblik(demo_db, view.ctx.programme_id, date(2026, 11, 23))


def test_the_status_list_follows_the_figures_when_its_buttons_are_kept(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    from dataclasses import replace

    _window, view = open_view(demo_db, "overview", OverviewView)
    data = view.panel.data
    assert data is not None and len(data.statuses) > 1

    def shown() -> list[str]:
        return [b.text() for b in view.status_buttons if not b.isHidden()]

    before = shown()
    fewer = replace(data, statuses=data.statuses[:1], area_count=1)
    view.panel.show_data(fewer)
    assert shown() == [before[0], data.designation, "I alt: 1 lokalområde"]
    bold = [b for b in view.status_buttons if "bold" in b.styleSheet() and not b.isHidden()]
    assert [b.text() for b in bold] == ["I alt: 1 lokalområde"]
    view.panel.show_data(data)
    assert shown() == before
    button = next(b for b in view.status_buttons if b.text() == "Tilskud udbetalt: 2")
    with qtbot.waitSignal(view.panel.status_chosen) as chosen:
        button.click()
    assert chosen.args is not None and chosen.args[0] >= 0
