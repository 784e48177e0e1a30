"""Any list to Excel from its view, as shown (filtered, sorted), with typed cells; names
in Danish order (Ærø, Østerø, Åby) on the screen and in the sheet."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from desk_window import ViewOpener
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from kulturpunkt_desk.domain.danish import sort_key
from kulturpunkt_desk.domain.services import areas
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import documents_actions
from kulturpunkt_desk.ui.views.areas import AreasView
from kulturpunkt_desk.ui.views.sparring import SparringView

DANISH_ORDER = ["Andst", "Brønderslev", "Ebeltoft", "Ærø", "Østerø", "Åby", "Aalborg"]


def test_names_sort_the_danish_way() -> None:
    shuffled = ["Åby", "Aalborg", "Østerø", "Ebeltoft", "Ærø", "Andst", "Brønderslev"]
    assert sorted(shuffled, key=sort_key) == DANISH_ORDER
    assert sort_key("ÆRØ") == sort_key("ærø")


@pytest.fixture
def saved_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "liste.xlsx"
    monkeypatch.setattr(documents_actions, "ask_save_path", lambda *_a: out)
    return out


def sheet_rows(path: Path) -> list[tuple[object, ...]]:
    book = load_workbook(path)
    return list(book.worksheets[0].iter_rows(values_only=True))


def test_the_area_list_goes_to_excel_sorted_as_shown_with_amounts_as_numbers(
    db: Database, programme_id: str, open_view: ViewOpener, saved_to: Path
) -> None:
    for name in reversed(DANISH_ORDER):
        areas.create_area(db, programme_id, AreaData(name, "Læsø"))
    _, view = open_view(db, "areas", AreasView)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    shown = [view.table.model().index(r, 0).data() for r in range(len(DANISH_ORDER))]
    assert shown == DANISH_ORDER  # the screen sorts the Danish way

    view.table.export_action.trigger()
    rows = sheet_rows(saved_to)
    assert rows[0][:2] == ("Lokalområde", "Kommune")
    assert [r[0] for r in rows[1:]] == DANISH_ORDER
    awarded = rows[0].index("Bevilget")
    assert rows[1][awarded] == 0 and isinstance(rows[1][awarded], int | float | Decimal)
    view.search.setText("ærø")
    view.table.export_action.trigger()
    assert [r[0] for r in sheet_rows(saved_to)[1:]] == ["Ærø"]  # only what is shown


def test_sparring_dates_are_date_cells(
    demo_db: Database, open_view: ViewOpener, saved_to: Path
) -> None:
    _, view = open_view(demo_db, "sparring", SparringView)
    view.table.export_action.trigger()
    rows = sheet_rows(saved_to)
    assert rows[0][0] == "Dato"
    assert len(rows) - 1 == view.table.model().rowCount()
    assert all(isinstance(r[0], datetime) for r in rows[1:])
    book = load_workbook(saved_to)
    assert book.worksheets[0]["A2"].number_format == "DD.MM.YYYY"


def test_people_and_organisations_are_listed_in_danish_order(db: Database) -> None:
    from kulturpunkt_desk.domain.models import Sector
    from kulturpunkt_desk.domain.services import people
    from kulturpunkt_desk.domain.services.people import OrganisationData, PersonData

    for name in reversed(DANISH_ORDER):
        people.create_person(db, PersonData(name=f"{name} Hansen"))
        people.create_organisation(
            db, OrganisationData(f"{name} Kulturforening", Sector.ASSOCIATION)
        )
    listed = [p.name.removesuffix(" Hansen") for p in people.person_rows(db)]
    assert listed == DANISH_ORDER
    assert [p.name for p in people.list_people(db)] == [f"{n} Hansen" for n in DANISH_ORDER]
    organisations = [o.name.removesuffix(" Kulturforening") for o in people.organisation_rows(db)]
    assert organisations == DANISH_ORDER


def test_overbliks_grouped_list_goes_to_excel_one_row_per_item(
    demo_db: Database, open_view: ViewOpener, saved_to: Path
) -> None:
    from kulturpunkt_desk.ui.views.overview import OverviewView

    _, view = open_view(demo_db, "overview", OverviewView)
    items = [
        view.items.topLevelItem(n).child(c)
        for n in range(view.items.topLevelItemCount())
        for c in range(view.items.topLevelItem(n).childCount())
    ]
    view.items.actions()[0].trigger()
    rows = sheet_rows(saved_to)
    assert rows[0] == ("Gruppe", "Lokalområde", "Frist", "Hvornår", "Hvad")
    assert len(rows) - 1 == len(items) > 0
    assert [r[1] for r in rows[1:]] == [i.text(0) for i in items]
    assert all(isinstance(r[2], datetime) for r in rows[1:])  # the deadline as a date cell


def test_the_engagement_grid_goes_to_excel_a_row_per_member_a_column_per_theme(
    ekr_db: Database, open_view: ViewOpener, saved_to: Path
) -> None:
    from kulturpunkt_desk.ui.views.ekr import EkrView

    _, view = open_view(ekr_db, "ekr", EkrView)
    view.tabs.setCurrentWidget(view.themes)
    grid = view.themes.model.grid
    assert grid.members and grid.themes
    view.themes.view.actions()[0].trigger()
    rows = sheet_rows(saved_to)
    assert rows[0] == ("Medlem", *(theme.name for theme in grid.themes))
    assert [r[0] for r in rows[1:]] == [name for _id, name in grid.members]
    model = view.themes.model
    shown = [
        tuple(model.index(r, c).data() or None for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]
    assert [r[1:] for r in rows[1:]] == shown
    assert any(any(cell for cell in r[1:]) for r in rows[1:])  # the levels, in words
