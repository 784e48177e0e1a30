"""The main window: the programme's name and its areas."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import overview, programmes
from kulturpunkt_desk.domain.services.overview import AreaSummary
from kulturpunkt_desk.domain.status import STATUS_LABELS
from kulturpunkt_desk.storage.engine import Database

Index = QModelIndex | QPersistentModelIndex


class AreaTableModel(QAbstractTableModel):
    def __init__(self, rows: list[AreaSummary]) -> None:
        super().__init__()
        self.rows = rows
        self.headers = [
            self.tr("Lokalområde"),
            self.tr("Kommune"),
            self.tr("Status"),
            self.tr("Primær kontakt"),
            self.tr("Bevilget"),
            self.tr("Udbetalt"),
        ]

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
        return None


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        programme = programmes.current_programme(db)
        name = programme.name if programme else self.tr("Intet program")
        self.setWindowTitle(self.tr("Kulturpunkt Desk – {0}").format(name))
        self.heading = QLabel(name)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        rows = overview.area_summaries(db, programme.id) if programme else []
        self.areas = QTableView()
        self.areas.setModel(AreaTableModel(rows))
        self.areas.horizontalHeader().setStretchLastSection(True)
        self.areas.resizeColumnsToContents()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.areas)
        self.setCentralWidget(body)
        self.resize(1100, 650)
