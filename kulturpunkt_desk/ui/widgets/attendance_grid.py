"""The attendance grid of a network meeting: areas with their people as check boxes.

An area with nobody ticked is marked "Ikke repræsenteret" in red, and the grid keeps a
count, because who did not come is what the team follows up on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from kulturpunkt_desk.domain.services.meetings import MemberRow

from .. import palette, scale

ABSENT = QColor(palette.WARNING)
PRESENT = QColor(palette.SUCCESS)
AREA_ROLE = Qt.ItemDataRole.UserRole
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class AttendanceGrid(QTreeWidget):
    """Rows are areas; each area's people are ticked when they came on its behalf."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Lokalområde og personer"), self.tr("Fremmøde")])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(False)
        self.header().resizeSection(1, scale.chars_wide(self, 28))
        self.setUniformRowHeights(True)
        self.areas: list[QTreeWidgetItem] = []
        self._loading = False
        self.itemChanged.connect(self._on_item_changed)

    def load(self, members: list[MemberRow], present: set[tuple[str, str]]) -> None:
        """Fill from the programme's people; `present` holds (area_id, person_id) pairs.

        The items are built first and added at once: an item added to the tree one by one
        announces every row and every change of its tick and colour."""
        self._loading = True
        self.clear()
        self.areas = []
        by_area: dict[str, QTreeWidgetItem] = {}
        came: dict[str, int] = {}  # ticked per area, counted here rather than read back
        bold = QFont()
        bold.setBold(True)
        for member in members:
            area_item = by_area.get(member.area_id)
            if area_item is None:
                area_item = QTreeWidgetItem([member.area_name, ""])
                area_item.setData(0, AREA_ROLE, member.area_id)
                area_item.setFont(0, bold)
                area_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                by_area[member.area_id] = area_item
                came[member.area_id] = 0
                self.areas.append(area_item)
            label = member.person_name + (f" ({member.role})" if member.role else "")
            person = QTreeWidgetItem([label, ""])
            person.setData(0, AREA_ROLE, member.area_id)
            person.setData(0, PERSON_ROLE, member.person_id)
            person.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            ticked = (member.area_id, member.person_id) in present
            person.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            came[member.area_id] += ticked
            area_item.addChild(person)
        for area_id, item in by_area.items():
            self._show_mark(item, came[area_id])
        self.addTopLevelItems(self.areas)
        self.expandAll()
        self._loading = False

    def add_area_without_people(self, area_id: str, name: str) -> None:
        item = QTreeWidgetItem([name, ""])
        item.setData(0, AREA_ROLE, area_id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setToolTip(0, self.tr("Lokalområdet har ingen personer registreret."))
        self.addTopLevelItem(item)
        self.areas.append(item)
        self._loading = True
        self._mark(item)
        self._loading = False

    def _people(self, area_item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        children = (area_item.child(n) for n in range(area_item.childCount()))
        return [child for child in children if child is not None]

    def _mark(self, area_item: QTreeWidgetItem) -> None:
        came = sum(1 for p in self._people(area_item) if p.checkState(0) == Qt.CheckState.Checked)
        self._show_mark(area_item, came)

    def _show_mark(self, area_item: QTreeWidgetItem, came: int) -> None:
        if came:
            text = self.tr("{0} deltog").format(came)
            colour = PRESENT
        else:
            text = self.tr("Ikke repræsenteret")
            colour = ABSENT
        area_item.setText(1, text)
        area_item.setForeground(1, QBrush(colour))
        area_item.setForeground(0, QBrush(colour) if not came else self.palette().text())

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        area_item = item.parent()
        if self._loading or area_item is None:
            return
        self._loading = True
        self._mark(area_item)
        self._loading = False
        self.changed.emit()

    def attendees(self) -> list[tuple[str, str]]:
        return [
            (str(p.data(0, AREA_ROLE)), str(p.data(0, PERSON_ROLE)))
            for area in self.areas
            for p in self._people(area)
            if p.checkState(0) == Qt.CheckState.Checked
        ]

    def absent_areas(self) -> list[str]:
        return [
            area.text(0)
            for area in self.areas
            if not any(p.checkState(0) == Qt.CheckState.Checked for p in self._people(area))
        ]

    def tick(self, area_id: str, person_id: str, checked: bool = True) -> None:
        for area in self.areas:
            for person in self._people(area):
                if (
                    person.data(0, AREA_ROLE) == area_id
                    and person.data(0, PERSON_ROLE) == person_id
                ):
                    person.setCheckState(
                        0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )
