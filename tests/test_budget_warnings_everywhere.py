"""Money above what was planned (a grant above the programme's standard amount, grants in
total above the budget) is said in words, and in the warning colour, in every place that
shows the amounts: Tilskud's rows and totals, Overblik's money panel (and its start-up
snapshot), and the status summary. All from budget_warnings.money_warnings."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from desk_window import ViewOpener
from documents_support import pdf_text
from PySide6.QtCore import Qt

from kulturpunkt_desk.documents.blocks import WarningNote
from kulturpunkt_desk.documents.status_data import status_data
from kulturpunkt_desk.documents.status_summary import export_status, status_document
from kulturpunkt_desk.documents.tagged_pdf import document_json
from kulturpunkt_desk.domain.overblik_data import OverblikData
from kulturpunkt_desk.domain.services import budget_warnings, grants, overblik, programmes
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.models.record_table import WARNING_COLOUR
from kulturpunkt_desk.ui.views.grants import GrantsView
from kulturpunkt_desk.ui.views.overview import OverviewView


def _overspend(db: Database, programme_id: str) -> str:
    """One grant above the standard, and a budget below what is awarded; its area's name."""
    programme = programmes.current_programme(db)
    assert programme is not None and programme.id == programme_id
    data = programmes.programme_data(programme)
    granted = [a for a in grants.grant_overview(db, programme_id) if a.grant]
    area = granted[0]
    grants.award_grant(db, area.id, data.default_grant_ore + 5_000_00, date(2026, 3, 1))
    programmes.update_programme(db, programme_id, dataclasses.replace(data, total_budget_ore=1_00))
    return area.name


def test_a_grant_above_the_standard_and_totals_above_the_budget_show_in_words_everywhere(
    demo_db: Database, open_view: ViewOpener, tmp_path: Path
) -> None:
    window, home = open_view(demo_db, "overview", OverviewView)
    pid = window.ctx.programme_id
    name = _overspend(demo_db, pid)
    said = budget_warnings.money_warnings(demo_db, pid)
    assert said[0].startswith("Over budgettet")
    assert any(line.startswith(f"{name}: Over standardbeløbet") for line in said)

    # Overblik: the money panel, and the snapshot it is painted from at start-up.
    home.refresh()
    assert home.panel.money_warning.text().split("\n") == said
    assert not home.panel.money_warning.isHidden()
    data = overblik.overblik(demo_db, pid, date.today())
    assert data.money_warnings == said
    assert OverblikData.from_plain(data.to_plain()).money_warnings == said

    # Tilskud: the totals line says the budget's warning, each row above the standard its own.
    view = window.show_view("grants")
    assert isinstance(view, GrantsView)
    view.refresh()
    assert said[0] in view.totals.text()
    model = view.model
    awarded = [c.header for c in model.columns].index("Bevilget")
    rows = []
    for r in range(model.rowCount()):
        cell = model.index(r, awarded)
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        if tip:
            assert "over standard" in cell.data()  # words in the cell, not colour alone
            assert cell.data(Qt.ItemDataRole.ForegroundRole) == WARNING_COLOUR
            rows.append(f"{model.rows[r].area.name}: {tip}")
    assert [said[0], *rows] == said

    # The status summary: the same words, under its key figures, as warnings (drawn in the
    # documents' warning colour by resources/typst/offentlig.typ).
    status = status_data(demo_db, pid)
    assert status.money_warnings == said
    notes = [b.text for b in status_document(status).blocks if isinstance(b, WarningNote)]
    assert notes == [f"Advarsel: {w}" for w in said]
    assert [b["kind"] for b in document_json(status_document(status))["blocks"]].count(
        "warning"
    ) == len(said)
    out = export_status(demo_db, pid, tmp_path / "status.pdf", date.today())
    assert f"Advarsel: {said[0]}" in " ".join(pdf_text(out).split())


def test_money_within_the_standard_and_the_budget_warns_nowhere(
    demo_db: Database, open_view: ViewOpener
) -> None:
    window, home = open_view(demo_db, "overview", OverviewView)
    pid = window.ctx.programme_id
    assert budget_warnings.money_warnings(demo_db, pid) == []
    assert home.panel.money_warning.isHidden()
    assert status_data(demo_db, pid).money_warnings == []
    blocks = status_document(status_data(demo_db, pid)).blocks
    assert not any(isinstance(b, WarningNote) for b in blocks)
