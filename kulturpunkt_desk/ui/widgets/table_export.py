"""Any list in the desk to an Excel sheet, as it is shown: the rows the filter lets through,
in the order the user sorted them, every column with its header.

Cells are typed from the column's own sort key, which the views already give for dates and
amounts: a date is a date cell (dd.mm.åååå), an amount in øre shown as "kr." a number cell
in kroner with two decimals, a whole number a number; everything else is the text shown.
The sheet is written by the status summary's writer (`documents/spreadsheet.py`: header,
autofilter, fitted columns, A4 print set-up, text that can never become a formula).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMainWindow

from kulturpunkt_desk.storage.file_names import windows_file_name

from ..models.record_table import Column

if TYPE_CHECKING:
    from .record_table import RecordTable

XLSX_FILTER = "Excel-regneark (*.xlsx)"


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


def export_table(table: RecordTable, out: Path, title: str) -> Path:
    from kulturpunkt_desk.documents.spreadsheet import write_xlsx

    header, rows = shown_rows(table)
    return write_xlsx(out, [(title[:31] or "Liste", header, rows)], title=title)


def ask_and_export(table: RecordTable) -> Path | None:
    """Eksportér til Excel…: a save dialog in the folder used last, then the file."""
    from ..documents_actions import ask_save_path, make_document

    title = table.accessibleName() or table.window().windowTitle() or "Liste"
    suggested = windows_file_name(f"{title}.xlsx")
    out = ask_save_path(table, "Eksportér til Excel", suggested, XLSX_FILTER)
    if out is None:
        return None
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    path = make_document(table, lambda: export_table(table, out, title))
    window = table.window()
    if path is not None and isinstance(window, QMainWindow):
        window.statusBar().showMessage(f"Gemt: {path}", 8000)
    return path
