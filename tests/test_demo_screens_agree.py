"""The demo data through every screen and document: each view renders, and a figure shown
in more than one of them (Overblik, Lokalområder, Tilskud, Evaluering, the status summary
as XLSX and CSV, `overblik --json`, an area's dossier) is the same in each."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from desk_window import ViewOpener
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.documents.status_summary import export_status
from kulturpunkt_desk.domain.danish import sort_key
from kulturpunkt_desk.domain.money import format_kr, parse_kr
from kulturpunkt_desk.domain.services import attention, overview
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import VIEWS
from kulturpunkt_desk.ui.views.areas import AreasView
from kulturpunkt_desk.ui.views.evaluation import EvaluationView
from kulturpunkt_desk.ui.views.grants import GrantsView
from kulturpunkt_desk.ui.views.overview import OverviewView


def column(view: AreasView | EvaluationView, header: str) -> list[str]:
    model = view.table.model()
    horizontal = Qt.Orientation.Horizontal
    headers = [model.headerData(c, horizontal) for c in range(model.columnCount())]
    c = headers.index(header)
    return [str(model.index(r, c).data()) for r in range(model.rowCount())]


def test_every_view_and_document_of_the_demo_shows_the_same_figures(
    demo_db: Database,
    open_view: ViewOpener,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    today = date.today()
    window, home = open_view(demo_db, "overview", OverviewView)
    pid = window.ctx.programme_id
    for spec in VIEWS:  # every view renders on the demo data
        window.show_view(spec.key).refresh()
    money = overview.money_totals(demo_db, pid)
    items = attention.attention_items(demo_db, pid, today)
    overdue = [i for i in items if i.overdue]

    # Overblik: its groups hold the attention items; its money the programme's totals.
    shown = sum(
        home.items.topLevelItem(n).childCount() for n in range(home.items.topLevelItemCount())
    )
    assert shown == len(items)
    assert home.money_labels["paid"].text() == format_kr(money.paid_ore)
    assert home.money_labels["left"].text() == format_kr(money.left_to_pay_ore)

    # Lokalområder: each row's money, and the rows add up to Overblik's totals.
    areas_view = window.view("areas")
    assert isinstance(areas_view, AreasView)
    summaries = overview.area_summaries(demo_db, pid)
    names = column(areas_view, "Lokalområde")
    assert names == [s.name for s in summaries] == sorted(names, key=sort_key)
    assert column(areas_view, "Udbetalt") == [format_kr(s.paid_ore) for s in summaries]
    assert column(areas_view, "Tilbage") == [format_kr(s.left_to_pay_ore) for s in summaries]

    # Tilskud: its totals line says Overblik's figures.
    grants_view = window.view("grants")
    assert isinstance(grants_view, GrantsView)
    totals = grants_view.totals.text()
    assert f"udbetalt {format_kr(money.paid_ore)}" in totals
    assert f"tilbage {format_kr(money.left_to_pay_ore)}" in totals

    # Evaluering: the same state per area as the status summary.
    evaluation_view = window.view("evaluation")
    assert isinstance(evaluation_view, EvaluationView)
    states = attention.evaluation_states(demo_db, pid, today)
    assert column(evaluation_view, "Evaluering") == [states[s.id] for s in summaries]

    # The status summary as XLSX: area rows, key figures and the overdue list.
    book = load_workbook(export_status(demo_db, pid, tmp_path / "status.xlsx", today))
    rows = list(book["Lokalområder"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows[:-1]] == names and rows[-1][0] == "I alt"
    paid = [Decimal(str(r[4])) * 100 for r in rows[:-1]]
    assert paid == [s.paid_ore for s in summaries]
    figures = {r[0]: r[1] for r in book["Nøgletal"].iter_rows(min_row=2, values_only=True)}
    assert figures["Overskredne punkter"] == len(overdue)
    assert Decimal(str(figures["Udbetalt (kr.)"])) * 100 == money.paid_ore
    assert len(list(book["Overskredet"].iter_rows(min_row=2))) == len(overdue)
    assert [r[7] for r in rows[:-1]] == [
        attention.evaluation_state_parts(demo_db, pid, today)[s.id][0] for s in summaries
    ]

    # ... and as CSV (Danish Excel): the same areas in the same order.
    out = export_status(demo_db, pid, tmp_path / "status.csv", today)
    lines = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    listed = [line[0] for line in lines if line and line[0] in names]
    assert listed == names

    # The morning check on the command line.
    assert (
        main(["overblik", "--db", str(demo_db.target), "--date", f"{today:%d.%m.%Y}", "--json"])
        == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert len(result["overdue"]) == len(overdue)

    # An area's dossier states what it was paid, as the area list does.
    paid_area = next(s for s in summaries if s.paid_ore)
    assert (
        main(
            [
                "dossier",
                "--db",
                str(demo_db.target),
                "--area",
                paid_area.name,
                "--out",
                str(tmp_path / "d.zip"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    with zipfile.ZipFile(tmp_path / "d.zip") as archive:
        payments = archive.read("Udbetalinger.csv").decode("utf-8-sig")
    paid_rows = [r for r in csv.reader(io.StringIO(payments), delimiter=";") if "Udbetalt" in r]
    paid_in_dossier = sum(parse_kr(r[2]) for r in paid_rows)
    assert paid_in_dossier == paid_area.paid_ore
