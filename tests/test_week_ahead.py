"""The week ahead: one list for Overblik's "Det kommende", the start-up word and the
`overblik` command, whose overdue count is the status summary's."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.documents.status_data import status_data
from kulturpunkt_desk.domain.services import attention, programmes, week
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.views.overview import OverviewView
from kulturpunkt_desk.ui.widgets.week_panel import announce_once_a_day

SESSION_WEEK = date(2026, 1, 20)  # a Tuesday: the demo's 2nd sparring round begins


def _pid(db: Database) -> int:
    programme = programmes.current_programme(db)
    assert programme is not None
    return programme.id


def test_the_week_ahead_lists_sessions_timeline_and_follow_ups_soonest_first(
    demo_db: Database,
) -> None:
    items = week.ahead(demo_db, _pid(demo_db), SESSION_WEEK)
    assert [(i.due_on, i.group, i.area_name) for i in items] == [
        (date(2026, 1, 20), "Sparringsmøde", "Fjordglimt"),
        (date(2026, 1, 22), "Sparringsmøde", "Lyngbakken"),
        (date(2026, 1, 24), "Sparringsmøde", "Havnestrøget"),
        (date(2026, 2, 1), "Tidsplan", ""),
        (date(2026, 2, 3), "Opfølgning fra sparring", "Fjordglimt"),
    ]
    assert week.due_counts(items, SESSION_WEEK) == (1, 3)  # today; through Sunday 25.01.
    assert week.week_end(SESSION_WEEK) == date(2026, 1, 25)


def test_a_coming_instalment_comes_from_the_attention_rule(demo_db: Database) -> None:
    pid = _pid(demo_db)
    day = date(2025, 6, 20)
    coming = [i for i in attention.attention_items(demo_db, pid, day) if not i.overdue]
    ahead = [i for i in week.ahead(demo_db, pid, day) if i.group == "Rate ikke udbetalt"]
    near = [i for i in coming if i.kind == attention.AttentionKind.INSTALMENT_UNPAID]
    assert ahead and [(i.area_name, i.due_on) for i in ahead] == [
        (i.area_name, i.due_on) for i in sorted(near, key=lambda i: (i.due_on, i.area_name))
    ]


@pytest.mark.parametrize("day", ["23.11.2026", "20.01.2026", "20.06.2025"])
def test_overblik_json_counts_what_the_status_summary_counts(
    demo_db: Database, day: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["overblik", "--db", str(demo_db.path), "--date", day, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    d, m, y = (int(x) for x in day.split("."))
    today = date(y, m, d)
    assert result["date"] == today.isoformat()
    summary = status_data(demo_db, _pid(demo_db), today)
    assert len(result["overdue"]) == len(summary.overdue)
    overview = attention.attention_items(demo_db, _pid(demo_db), today)
    assert len(result["overdue"]) == sum(1 for i in overview if i.overdue)
    assert len(result["upcoming"]) == len(week.ahead(demo_db, _pid(demo_db), today))
    for item in result["overdue"] + result["upcoming"]:
        assert set(item) >= {"group", "area", "due_date", "text"}
        date.fromisoformat(item["due_date"])


def test_overblik_prints_groups_with_counts(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["overblik", "--db", str(demo_db.path), "--date", "20.01.2026"]) == 0
    out = capsys.readouterr().out
    # The demo follows the seed's timeline: on 20.01.2026 three instalments are late and one
    # designated area missed every meeting of the first network round.
    assert "Overskredet: 4" in out and "Rate ikke udbetalt (3)" in out
    assert "Ikke med til netværksmøde i runden (1)" in out
    assert "De næste 14 dage: 5" in out and "Sparringsmøde (3)" in out


def test_overview_shows_this_week_and_the_next_14_days(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(OverviewView, "today", staticmethod(lambda: SESSION_WEEK))
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("overview")
    assert isinstance(view, OverviewView)
    panel = view.week
    assert panel.list.topLevelItemCount() == 3 and panel.list.topLevelItem(0).text(0) == "i dag"
    assert panel.summary.text() == "3 punkter denne uge; 1 i dag."
    panel.fortnight.click()
    assert panel.list.topLevelItemCount() == 5
    assert panel.summary.text() == "5 punkter de næste 14 dage; 1 i dag."
    last = panel.list.topLevelItem(4)
    assert last.text(1) == "Opfølgning fra sparring"
    panel.list.setCurrentItem(last)
    panel.list.itemActivated.emit(last, 0)
    assert window.current_view_key() == "sparring"


def test_the_desk_says_once_a_day_what_falls_due(qtbot: QtBot, demo_db: Database) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    assert announce_once_a_day(window, window.ctx, SESSION_WEEK)
    message = window.statusBar().currentMessage()
    assert message.startswith("I dag forfalder 1 punkt, i alt 3 punkter denne uge")
    window.statusBar().clearMessage()
    assert not announce_once_a_day(window, window.ctx, SESSION_WEEK)  # the same day: silent
    assert window.statusBar().currentMessage() == ""
    assert announce_once_a_day(window, window.ctx, date(2026, 1, 21))  # the next day: again
