"""A sortable, filterable table over a RecordTableModel, with row selection by record id."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QTableView, QWidget

from .. import preferences
from ..models.record_table import ID_ROLE, SORT_ROLE, RecordTableModel

Index = QModelIndex | QPersistentModelIndex

# Fitting columns to their contents reads at most this many rows (Qt's default is 1,000
# rows of every column through Python, a third of a second on a 4,000-row list).
FIT_ROWS = 100


class RecordFilter(QSortFilterProxyModel):
    """Sorts the rows; the text filter is the model's own (RecordTableModel.set_filter_text),
    so a reload of thousands of rows makes no call back into Python per row."""


class RecordTable(QTableView):
    """Rows are whole records: one selected at a time, Enter or double click opens it."""

    activated_id = Signal(str)

    def __init__(self, model: RecordTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy: QSortFilterProxyModel = RecordFilter(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
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
        # Every list can go to Excel as shown (widgets/table_export.py): right click or Ctrl+E.
        from .table_export import add_export_action

        self.export_action = add_export_action(self)
        self._layout_restored = False
        header = self.horizontalHeader()
        header.sectionResized.connect(self._remember_layout)
        header.sortIndicatorChanged.connect(self._remember_layout)

    # --- remembered layout: each table's column widths and sort order, per laptop --------

    def _layout_key(self) -> str:
        name = self.accessibleName()
        return f"{preferences.TABLES}/{name}/header" if name else ""

    def showEvent(self, event: QShowEvent) -> None:
        if not self._layout_restored:
            self._layout_restored = True
            key = self._layout_key()
            state = preferences.settings().value(key) if key else None
            if isinstance(state, QByteArray) and self.horizontalHeader().restoreState(state):
                self._fitted = True  # the user's widths, not the contents', from now on
        super().showEvent(event)

    def _remember_layout(self, *_args: object) -> None:
        key = self._layout_key()
        if key and self._layout_restored:  # not while Qt lays out a table not yet shown
            preferences.settings().setValue(key, self.horizontalHeader().saveState())

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id() is not None:
            self._emit_activated(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _emit_activated(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE) if index.isValid() else None
        if record_id is not None:
            self.activated_id.emit(str(record_id))

    def set_filter_text(self, text: str) -> None:
        if isinstance(self.proxy, RecordFilter):
            self.source.set_filter_text(text)
        else:  # a view's own filter proxy
            self.proxy.setFilterFixedString(text.strip())

    def current_id(self) -> str | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return str(value) if value is not None else None

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

    def select_id(self, record_id: str) -> bool:
        """Select and scroll to the row of `record_id` (clearing the filter if it hides it)."""
        source_row = self.source.row_of_id(record_id)
        if source_row < 0 and any(self.source.id_of(r) == record_id for r in self.source.all_rows):
            self.set_filter_text("")  # the model's text filter hides it
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

    def keep_selection(self) -> str | None:
        """The selected id, to pass to restore_selection after the model reloads."""
        return self.current_id()

    def restore_selection(self, record_id: str | None) -> None:
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
