"""A sortable, filterable table over a RecordTableModel, with row selection by record id."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QTableView, QWidget

from ..models.record_table import ID_ROLE, SORT_ROLE, RecordTableModel

Index = QModelIndex | QPersistentModelIndex

# Fitting columns to their contents reads at most this many rows (Qt's default is 1,000
# rows of every column through Python, a third of a second on a 4,000-row list).
FIT_ROWS = 100


class RecordFilter(QSortFilterProxyModel):
    """Filters on the rows' column texts, joined once per load: Qt's own fixed-string filter
    asks the model for every cell of every row at each key press."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self._rows: list[Any] | None = None
        self._texts: list[str] = []

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self.text = text.strip().casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.text = text.strip().casefold()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.text:
            return True
        model = self.sourceModel()
        if not isinstance(model, RecordTableModel):
            return super().filterAcceptsRow(source_row, source_parent)
        if self._rows is not model.rows or len(self._texts) != len(model.rows):
            # set_rows() gives the model a new list: that is when the texts are read again.
            self._rows = model.rows
            self._texts = [_row_text(model, row) for row in model.rows]
        return self.text in self._texts[source_row]


def _row_text(model: RecordTableModel[Any], row: Any) -> str:
    return "\n".join(column.text(row) for column in model.columns).casefold()


class RecordTable(QTableView):
    """Rows are whole records: one selected at a time, Enter or double click opens it."""

    activated_id = Signal(int)

    def __init__(self, model: RecordTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy: QSortFilterProxyModel = RecordFilter(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        # Tab leaves the table (the arrow keys move between rows and cells).
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        # Compact rows: all 11 areas fit above a detail pane on a 768-pixel screen.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.doubleClicked.connect(self._emit_activated)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id() is not None:
            self._emit_activated(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _emit_activated(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE) if index.isValid() else None
        if record_id is not None:
            self.activated_id.emit(int(record_id))

    def set_filter_text(self, text: str) -> None:
        if isinstance(self.proxy, RecordFilter):
            self.proxy.set_text(text)
        else:  # a view's own filter proxy
            self.proxy.setFilterFixedString(text.strip())

    def current_id(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return int(value) if value is not None else None

    def current_record(self) -> Any:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        return self.source.rows[self.proxy.mapToSource(rows[0]).row()]

    def open_form(self, dialog: QDialog) -> None:
        """Open a record's form; once it is saved, select the record it saved."""

        def select_saved() -> None:
            saved_id = getattr(dialog, "saved_id", None)
            if saved_id:
                self.select_id(saved_id)

        dialog.accepted.connect(select_saved)
        dialog.open()

    def select_id(self, record_id: int) -> bool:
        """Select and scroll to the row of `record_id` (clearing the filter if it hides it)."""
        source_row = self.source.row_of_id(record_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.source.index(source_row, 0))
        if not index.isValid():
            self.set_filter_text("")
            index = self.proxy.mapFromSource(self.source.index(source_row, 0))
        self.selectRow(index.row())
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def keep_selection(self) -> int | None:
        """The selected id, to pass to restore_selection after the model reloads."""
        return self.current_id()

    def restore_selection(self, record_id: int | None) -> None:
        if record_id is not None:
            source_row = self.source.row_of_id(record_id)
            if source_row >= 0:
                index = self.proxy.mapFromSource(self.source.index(source_row, 0))
                if index.isValid():
                    self.selectRow(index.row())

    # Set once the columns were fitted to rows: later loads keep the widths (and any the
    # user dragged), so a refresh or a filter does not measure text again.
    _fitted = False

    def fit_columns(self, max_width: int = 320) -> None:
        if self._fitted or self.source.rowCount() == 0:
            return
        self._fitted = True
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(header.count()):
            if header.sectionSize(column) > max_width:
                header.resizeSection(column, max_width)
