"""The shared record table stays quick on long lists: filtering and fitting columns."""

from __future__ import annotations

from dataclasses import dataclass

from pytestqt.qtbot import QtBot

from kulturpunkt_desk.ui.models.record_table import ID_ROLE, Column, RecordTableModel
from kulturpunkt_desk.ui.widgets.record_table import FIT_ROWS, RecordTable


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    town: str


def table_of(qtbot: QtBot, rows: list[Row], read: list[int] | None = None) -> RecordTable:
    def name(row: Row) -> str:
        if read is not None:
            read.append(row.id)
        return row.name

    model: RecordTableModel[Row] = RecordTableModel(
        [Column("Navn", name), Column("By", lambda r: r.town)], lambda r: r.id
    )
    model.set_rows(rows)
    table = RecordTable(model)
    qtbot.addWidget(table)
    return table


def shown_ids(table: RecordTable) -> list[int]:
    return [int(table.proxy.index(n, 0).data(ID_ROLE)) for n in range(table.proxy.rowCount())]


def test_filter_text_matches_any_column_without_regard_to_case(qtbot: QtBot) -> None:
    table = table_of(qtbot, [Row(1, "Fjordglimt", "Aalborg"), Row(2, "Lyngbakken", "Brønderslev")])
    table.set_filter_text("  FJORD ")
    assert shown_ids(table) == [1]
    table.set_filter_text("brønder")
    assert shown_ids(table) == [2]
    table.set_filter_text("")
    assert shown_ids(table) == [1, 2]


def test_filter_follows_new_rows(qtbot: QtBot) -> None:
    table = table_of(qtbot, [Row(1, "Fjordglimt", "Aalborg")])
    table.set_filter_text("skov")
    assert shown_ids(table) == []
    table.source.set_rows([Row(1, "Fjordglimt", "Aalborg"), Row(2, "Skovkanten", "Morsø")])
    assert shown_ids(table) == [2]


def test_filter_reads_each_row_once_not_at_every_key_press(qtbot: QtBot) -> None:
    read: list[int] = []
    table = table_of(qtbot, [Row(n, f"Område {n}", "By") for n in range(300)], read)
    read.clear()
    for text in ("o", "om", "omr", "område 1"):
        table.set_filter_text(text)
    assert len(read) == 300
    assert len(shown_ids(table)) == 111  # 1, 10-19, 100-199


def test_fitting_columns_reads_a_sample_of_a_long_list(qtbot: QtBot) -> None:
    read: list[int] = []
    table = table_of(qtbot, [Row(n, f"Område {n}", "By") for n in range(4000)], read)
    read.clear()
    table.fit_columns()
    assert 0 < len(set(read)) <= 2 * FIT_ROWS


def test_columns_are_fitted_once_and_keep_their_widths_across_reloads(qtbot: QtBot) -> None:
    table = table_of(qtbot, [Row(1, "Fjordglimt", "Aalborg")])
    table.fit_columns()
    table.horizontalHeader().resizeSection(0, 77)  # as the user drags it
    table.source.set_rows([Row(2, "Et meget længere områdenavn end før", "Morsø")])
    table.fit_columns()
    assert table.columnWidth(0) == 77


def test_selecting_a_hidden_record_clears_the_filter(qtbot: QtBot) -> None:
    table = table_of(qtbot, [Row(1, "Fjordglimt", "Aalborg"), Row(2, "Lyngbakken", "Aalborg")])
    table.set_filter_text("lyng")
    assert table.select_id(1)
    assert shown_ids(table) == [1, 2] and table.current_id() == 1
