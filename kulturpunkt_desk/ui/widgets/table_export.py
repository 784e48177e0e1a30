"""Any list in the desk to an Excel sheet, as it is shown: the rows the filter lets through,
in the order the user sorted them, every column with its header (`RecordTable`s, and the
grouped lists of Overblik and Det kommende, and grids such as the EKR engagement grid: any
QTableView with a row header).

Cells are typed from the column's own sort key, which the views already give for dates and
amounts: a date is a date cell (dd.mm.åååå), an amount in øre shown as "kr." a number cell
in kroner with two decimals, a whole number a number; everything else is the text shown.
The sheet is written by the status summary's writer (`documents/spreadsheet.py`: header,
autofilter, fitted columns, A4 print set-up, text that can never become a formula).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QTableView, QTreeWidget

from kulturpunkt_desk.storage.file_names import windows_file_name

from ..models.record_table import Column

if TYPE_CHECKING:
    from .record_table import RecordTable

XLSX_FILTER = "Excel-regneark (*.xlsx)"
DATE_TEXT = re.compile(r"\d{2}\.\d{2}\.\d{4}")


def cell_value(column: Column[Any], row: Any) -> object:
    """The cell as Excel should hold it: a date, an amount, a number or the shown text."""
    from kulturpunkt_desk.documents.spreadsheet import Money

    text = column.text(row)
    key = column.sort_key(row) if column.sort_key is not None else None
    if not text.strip():
        return ""
    if isinstance(key, date):
        return key
    if isinstance(key, int) and not isinstance(key, bool):
        if text.rstrip().endswith("kr."):
            return Money(key)
        if text.replace(".", "").strip() == str(key):
            return key
    return text


def shown_rows(table: RecordTable) -> tuple[list[str], list[list[object]]]:
    """(header, rows) of the table as shown: filtered, in the sorted order."""
    source, proxy = table.source, table.proxy
    header = [column.header for column in source.columns]
    rows: list[list[object]] = []
    for proxy_row in range(proxy.rowCount()):
        record = source.rows[proxy.mapToSource(proxy.index(proxy_row, 0)).row()]
        rows.append([cell_value(column, record) for column in source.columns])
    return header, rows


def tree_rows(tree: QTreeWidget) -> tuple[list[str], list[list[object]]]:
    """(header, rows) of a grouped list (Overblik): a row per item under its group's
    heading; a column of dd.mm.åååå dates becomes date cells."""
    header_item = tree.headerItem()
    columns = [header_item.text(c) for c in range(tree.columnCount())]
    grouped = any(tree.topLevelItem(n).childCount() for n in range(tree.topLevelItemCount()))
    rows: list[list[object]] = []
    for n in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(n)
        items = [top.child(c) for c in range(top.childCount())] if grouped else [top]
        for item in items:
            cells: list[object] = [_typed(item.text(c)) for c in range(len(columns))]
            rows.append([top.text(0), *cells] if grouped else cells)
    return (["Gruppe", *columns] if grouped else columns), rows


def grid_rows(view: QTableView, row_header: str) -> tuple[list[str], list[list[object]]]:
    """(header, rows) of a grid (a model without record columns): a row per model row, its
    row header first (under `row_header`) when the view shows one, then the shown texts."""
    model = view.model()
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    columns = [str(model.headerData(c, horizontal) or "") for c in range(model.columnCount())]
    with_row_header = not view.verticalHeader().isHidden()
    rows: list[list[object]] = []
    for r in range(model.rowCount()):
        cells = [_typed(str(model.index(r, c).data() or "")) for c in range(len(columns))]
        rows.append(
            [str(model.headerData(r, vertical) or ""), *cells] if with_row_header else cells
        )
    return ([row_header, *columns] if with_row_header else columns), rows


def _typed(text: str) -> object:
    if DATE_TEXT.fullmatch(text):
        return datetime.strptime(text, "%d.%m.%Y").date()
    return text


def export_rows(out: Path, title: str, header: list[str], rows: list[list[object]]) -> Path:
    from kulturpunkt_desk.documents.spreadsheet import write_xlsx

    return write_xlsx(out, [(title[:31] or "Liste", header, rows)], title=title)


def ask_and_export(view: QAbstractItemView, row_header: str = "") -> Path | None:
    """Eksportér til Excel…: a save dialog in the folder used last, then the file."""
    from ..documents_actions import ask_save_path, make_document
    from .record_table import RecordTable

    title = view.accessibleName() or view.window().windowTitle() or "Liste"
    suggested = windows_file_name(f"{title}.xlsx")
    out = ask_save_path(view, "Eksportér til Excel", suggested, XLSX_FILTER)
    if out is None:
        return None
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    if isinstance(view, RecordTable):
        header, rows = shown_rows(view)
    elif isinstance(view, QTreeWidget):
        header, rows = tree_rows(view)
    elif isinstance(view, QTableView) and view.model() is not None:
        header, rows = grid_rows(view, row_header)
    else:
        return None
    path = make_document(view, lambda: export_rows(out, title, header, rows))
    window = view.window()
    if path is not None and isinstance(window, QMainWindow):
        window.statusBar().showMessage(f"Gemt: {path}", 8000)
    return path


def add_export_action(view: QAbstractItemView, row_header: str = "") -> QAction:
    """Eksportér til Excel… in the list's right-click menu and on Ctrl+E while it has focus;
    `row_header` heads a grid's column of row headers (e.g. "Medlem")."""
    action = QAction("&Eksportér til Excel…", view)
    action.setShortcut(QKeySequence("Ctrl+E"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda: ask_and_export(view, row_header))
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action
