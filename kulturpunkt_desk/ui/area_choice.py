"""Choose an area for a document: a small dialog that proposes the area on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.services import areas as area_service
from kulturpunkt_desk.storage.engine import Database

if TYPE_CHECKING:
    from .main_window import MainWindow


class AreaChoiceDialog(QDialog):
    """Choose one of the programme's areas (defaults to the one the user is looking at)."""

    def __init__(
        self,
        db: Database,
        programme_id: str,
        title: str,
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.combo = QComboBox()
        for area in area_service.list_areas(db, programme_id):
            label = f"{area.name} ({area.municipality})" if area.municipality else area.name
            self.combo.addItem(label, area.id)
        found = self.combo.findData(current) if current is not None else -1
        self.combo.setCurrentIndex(max(found, 0))
        self.combo.setMinimumContentsLength(28)
        form = QFormLayout()
        form.addRow(self.tr("&Lokalområde:"), self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Fortsæt"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annullér"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if self.combo.count() == 0:
            layout.addWidget(QLabel(self.tr("Programmet har ingen lokalområder endnu.")))
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def area_id(self) -> str | None:
        data = self.combo.currentData()
        return str(data) if data is not None else None

    def area_name(self) -> str:
        return self.combo.currentText().rsplit(" (", 1)[0]


def choose_area(window: MainWindow, title: str) -> tuple[str, str] | None:
    """(id, name) of the chosen area, or None when the user cancelled."""
    ctx = window.ctx
    dialog = AreaChoiceDialog(ctx.db, ctx.programme_id, title, current_area_id(window), window)
    if not dialog.exec():
        return None
    area_id = dialog.area_id()
    return (area_id, dialog.area_name()) if area_id is not None else None


def current_area_id(window: MainWindow) -> str | None:
    """The area the user is looking at, if the current view can tell."""
    view = window.views.get(window.current_view_key())
    if view is None:
        return None
    asked = getattr(view, "current_area_id", None)
    if callable(asked):
        value = asked()
        return str(value) if value is not None else None
    # The Lokalområder view before it grew current_area_id(): its open page, or the selection.
    page, pages = getattr(view, "page", None), getattr(view, "pages", None)
    if page is not None and pages is not None and pages.currentWidget() is page:
        area_id = getattr(page, "area_id", None)
        return str(area_id) if area_id is not None else None
    table = getattr(view, "table", None)
    current = getattr(table, "current_id", None)
    if callable(current):
        value = current()
        return value if isinstance(value, str) else None
    return None
