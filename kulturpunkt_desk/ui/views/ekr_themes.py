"""EKR themes and engagement ("EKR i flere hastigheder"): one row per member, one column
per theme or interest group, each cell the member's level, edited in place with a combo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.models import (
    ENGAGEMENT_LEVEL_LABELS,
    THEME_KIND_LABELS,
    EngagementLevel,
)
from kulturpunkt_desk.domain.services import ekr_themes
from kulturpunkt_desk.domain.services.ekr_themes import EngagementGrid

from .. import palette
from ..accessibility import name_list
from ..context import DeskContext
from ..failure import told_on_failure
from ..widgets.table_export import add_export_action
from .ekr_common import EkrTab, MessageLine

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("EkrEngagement", text)


LEVEL_ROLE = Qt.ItemDataRole.UserRole
LEVEL_COLOURS = {
    EngagementLevel.LEADING: QColor(palette.LEVEL_LEADING),
    EngagementLevel.ACTIVE: QColor(palette.LEVEL_ACTIVE),
    EngagementLevel.FOLLOWING: QColor(palette.LEVEL_FOLLOWING),
}


class EngagementModel(QAbstractTableModel):
    """The grid; setData saves the one cell through the service at once."""

    def __init__(self, ctx: DeskContext, message: MessageLine) -> None:
        super().__init__()
        self.ctx = ctx
        self.message = message
        self.grid = EngagementGrid([], [])

    def set_grid(self, grid: EngagementGrid) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.themes)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            return self.grid.members[section][1] if role == Qt.ItemDataRole.DisplayRole else None
        theme = self.grid.themes[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return theme.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("{0} under {1}").format(tr(THEME_KIND_LABELS[theme.kind]), theme.focus_area)
        return None

    def level_at(self, index: Index) -> EngagementLevel:
        member_id = self.grid.members[index.row()][0]
        return self.grid.level(member_id, self.grid.themes[index.column()].theme_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        level = self.level_at(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (
                tr(ENGAGEMENT_LEVEL_LABELS[level])
                if level != EngagementLevel.NOT_TAKING_PART
                else ""
            )
        if role == LEVEL_ROLE:
            return level.value
        if role == Qt.ItemDataRole.BackgroundRole and level in LEVEL_COLOURS:
            return QBrush(LEVEL_COLOURS[level])
        if role == Qt.ItemDataRole.ForegroundRole and level == EngagementLevel.LEADING:
            return QBrush(QColor(palette.ON_DARK))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role not in (Qt.ItemDataRole.EditRole, LEVEL_ROLE):
            return False
        level = EngagementLevel(value)
        member_id = self.grid.members[index.row()][0]
        theme_id = self.grid.themes[index.column()].theme_id
        with told_on_failure(self.message.error) as outcome:
            ekr_themes.set_engagement(self.ctx.db, theme_id, member_id, level)
        if outcome.failed:
            return False
        if level == EngagementLevel.NOT_TAKING_PART:
            self.grid.levels.pop((member_id, theme_id), None)
        else:
            self.grid.levels[(member_id, theme_id)] = level
        self.dataChanged.emit(index, index)
        return True


class LevelDelegate(QStyledItemDelegate):
    """A combo of the four levels as the cell's editor."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for level in EngagementLevel:
            combo.addItem(tr(ENGAGEMENT_LEVEL_LABELS[level]), level.value)
        # Choosing a level saves it: no extra Enter needed.
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(index.data(LEVEL_ROLE)))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class EngagementTab(EkrTab):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = EngagementModel(ctx, self.message)
        self.view = QTableView()
        name_list(self.view, self.tr("Medlemmernes engagement i temaerne"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(LevelDelegate(self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setWordWrap(True)
        add_export_action(self.view, self.tr("Medlem"))
        intro = QLabel(
            self.tr(
                "Hvert medlem vælger sit engagement pr. tema: førende, aktiv, følger eller "
                "deltager ikke. Dobbeltklik (eller F2) på en celle for at ændre den."
            )
        )
        intro.setWordWrap(True)
        self.empty = QLabel(self.tr("Der er ingen tema- eller interessegrupper endnu."))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)

    def reload(self) -> None:
        grid = ekr_themes.engagement_grid(self.ctx.db, self.partnership_id)
        self.model.set_grid(grid)
        self.empty.setVisible(not grid.themes)

    def select_theme(self, theme_id: str) -> bool:
        """Put the cursor in the theme's column (found by Søg)."""
        themes = self.model.grid.themes
        column = next((n for n, t in enumerate(themes) if t.theme_id == theme_id), -1)
        if column < 0 or self.model.rowCount() == 0:
            return False
        self.view.setCurrentIndex(self.model.index(0, column))
        self.view.setFocus()
        return True
