"""A sortable, filterable table over a RecordTableModel, with row selection by record id."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..models.record_table import ID_ROLE, SORT_ROLE, RecordTableModel


class RecordTable(QTableView):
    """Rows are whole records: one selected at a time, Enter or double click opens it."""

    activated_id = Signal(int)

    def __init__(self, model: RecordTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
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
        self.setWordWrap(False)
        self.verticalHeader().hide()
        # Compact rows: all 11 areas fit above a detail pane on a 768-pixel screen.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)
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

    def select_id(self, record_id: int) -> bool:
        """Select and scroll to the row of `record_id` (clearing the filter if it hides it)."""
        source_row = self.source.row_of_id(record_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.source.index(source_row, 0))
        if not index.isValid():
            self.proxy.setFilterFixedString("")
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

    def fit_columns(self, max_width: int = 320) -> None:
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(header.count()):
            if header.sectionSize(column) > max_width:
                header.resizeSection(column, max_width)
