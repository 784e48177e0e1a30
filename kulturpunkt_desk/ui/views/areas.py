"""Lokalområder: every area with its status, contact and money."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import overview
from kulturpunkt_desk.domain.services.overview import AreaSummary
from kulturpunkt_desk.domain.status import STATUS_LABELS

from ..context import DeskContext
from .base import View

Index = QModelIndex | QPersistentModelIndex


class AreaTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AreaSummary] = []
        self.headers = [
            self.tr("Lokalområde"),
            self.tr("Kommune"),
            self.tr("Status"),
            self.tr("Primær kontakt"),
            self.tr("Bevilget"),
            self.tr("Udbetalt"),
        ]

    def set_rows(self, rows: list[AreaSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                row.name,
                row.municipality,
                self.tr(STATUS_LABELS[row.status]),
                row.primary_contact,
                format_kr(row.awarded_ore),
                format_kr(row.paid_ore),
            ][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class AreasView(View):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = AreaTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        self.model.set_rows(overview.area_summaries(self.ctx.db, self.ctx.programme_id))
        self.table.resizeColumnsToContents()
