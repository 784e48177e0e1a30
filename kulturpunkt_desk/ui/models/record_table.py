"""A table model described by its columns, shared by the desk's list views.

Each view lists its columns once (header, text, optional sort key, alignment, colour) and
hands rows of whatever the service returned; sorting and filtering happen in a proxy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap, QPolygonF

from kulturpunkt_desk.domain.danish import sort_key

from .. import palette

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

# The proxy sorts by this role, so dates and amounts sort by value, not by their text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole

WARNING_COLOUR = QColor(palette.WARNING)
MUTED_COLOUR = QColor(palette.MUTED)
HIGHLIGHT_BACKGROUND = QColor(palette.HIGHLIGHT_BACKGROUND)

WARNING_ROLES = (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.AccessibleTextRole)
_warning_mark: list[QIcon] = []


def warning_mark() -> QIcon:
    """A red triangle with "!": its shape says "warning" without its colour."""
    if not _warning_mark:
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WARNING_COLOUR)
        painter.drawPolygon(QPolygonF([QPointF(16, 2), QPointF(31, 29), QPointF(1, 29)]))
        painter.setBrush(QColor(palette.ON_DARK))
        painter.drawRect(QRectF(14.5, 10, 3, 11))
        painter.drawEllipse(QRectF(14.25, 23, 3.5, 3.5))
        painter.end()
        _warning_mark.append(QIcon(pixmap))
    return _warning_mark[0]


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    right: bool = False
    colour: Callable[[T], QColor | None] | None = None
    tooltip: Callable[[T], str] | None = None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows of records shown through `columns`; `id_of` gives each row's database id."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        id_of: Callable[[T], str],
        *,
        highlight: Callable[[T], bool] | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.id_of = id_of
        self.highlight = highlight
        self.rows: list[T] = []
        # The roles this model answers: a delegate asks seven for every cell it paints, and
        # the others are answered before the row is looked up.
        answered = {Qt.ItemDataRole.DisplayRole, SORT_ROLE, ID_ROLE}
        if any(c.right for c in self.columns):
            answered.add(Qt.ItemDataRole.TextAlignmentRole)
        if any(c.colour for c in self.columns):
            answered.update((Qt.ItemDataRole.ForegroundRole, *WARNING_ROLES))
        if any(c.tooltip for c in self.columns):
            answered.add(Qt.ItemDataRole.ToolTipRole)
        if highlight is not None:
            answered.update((Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole))
        self.answered = frozenset(int(role) for role in answered)
        # The text filter is applied here, not in a proxy: a proxy's filter calls Python
        # once per row at every reload, even with no filter text.
        self.all_rows: list[T] = []
        self.filter_text = ""
        self._row_texts: list[str] | None = None

    def set_rows(self, rows: Sequence[T]) -> None:
        """Every row to list; `rows` then holds those the filter text lets through."""
        self.all_rows = list(rows)
        self._row_texts = None
        self._show()

    def set_filter_text(self, text: str) -> None:
        """Show the rows whose column texts hold `text`, without regard to case."""
        text = text.strip().casefold()
        if text != self.filter_text:
            self.filter_text = text
            self._show()

    def _show(self) -> None:
        self.beginResetModel()
        if self.filter_text:
            if self._row_texts is None:  # each row's texts read once per load
                self._row_texts = [
                    "\n".join(column.text(row) for column in self.columns).casefold()
                    for row in self.all_rows
                ]
            self.rows = [
                row
                for row, text in zip(self.all_rows, self._row_texts, strict=True)
                if self.filter_text in text
            ]
        else:
            self.rows = self.all_rows
        self.endResetModel()

    def row_of_id(self, record_id: str) -> int:
        """The source row showing `record_id`, or -1."""
        return next((n for n, r in enumerate(self.rows) if self.id_of(r) == record_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in self.answered or not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return _sortable(column.sort_key(row) if column.sort_key else column.text(row))
        if role == ID_ROLE:
            return self.id_of(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QBrush(colour) if colour is not None else None
        # Red is not the only sign of a warning: a mark beside it, words for the ear.
        if role in WARNING_ROLES and column.colour and column.colour(row) == WARNING_COLOUR:
            if role == Qt.ItemDataRole.DecorationRole:
                return warning_mark()
            return self.tr("{0} (kræver opmærksomhed)").format(column.text(row))
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if self.highlight is not None and self.highlight(row):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(HIGHLIGHT_BACKGROUND)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None


def _sortable(key: Any) -> Any:
    """Keys Qt can compare: dates as day numbers, no date first, text in Danish order."""
    if key is None:
        return -1
    if isinstance(key, date):
        return key.toordinal()
    if isinstance(key, bool):
        return int(key)
    if isinstance(key, str):
        return sort_key(key)  # Danish order: ... z æ ø å
    return key
