"""Filer ▸ backups, spreadsheet import, personal data and retention (GDPR).

The dialogs themselves live in backup_dialog, import_dialog and person_data_dialog; this
module puts them in the Filer menu (before Afslut) and tells the window when the data
changed underneath it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.services import people
from kulturpunkt_desk.storage.engine import Database

from .accessibility import name_list
from .context import DeskContext

if TYPE_CHECKING:
    from .main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("SafetyMenu", text)


class PersonChoiceDialog(QDialog):
    """Pick one person by typing part of the name or e-mail."""

    def __init__(
        self, db: Database, current: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Personoplysninger om en person"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Skriv en del af navnet eller e-mailen…"))
        self.search.setAccessibleName(self.tr("Søg efter person"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        name_list(self.list, self.tr("Personer"))
        for person in people.list_people(db):
            areas = ", ".join(sorted({m.area.name for m in person.memberships if m.area}))
            details = " · ".join(part for part in (person.email, areas) if part)
            item = QListWidgetItem(f"{person.name} – {details}" if details else person.name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
        self.search.textChanged.connect(self.filter)
        # Up and Down from the search field move through the list, so the hands stay on keys.
        self.search.installEventFilter(self)
        self.search.returnPressed.connect(self._accept_if_chosen)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Vis personoplysninger")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annullér"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Vælg den person, der har bedt om indsigt eller sletning."))
        )
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(520, 460)
        self.select(current)
        self.search.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                QCoreApplication.sendEvent(self.list, event)
                return True
        return super().eventFilter(watched, event)

    def _accept_if_chosen(self) -> None:
        if self.person_id() is not None:
            self.accept()

    def select(self, person_id: str | None) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if person_id is None or item.data(Qt.ItemDataRole.UserRole) == person_id:
                self.list.setCurrentRow(row)
                return

    def filter(self, text: str) -> None:
        needle = text.casefold().strip()
        first_shown = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = row
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first_shown is not None:
            self.list.setCurrentRow(first_shown)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(first_shown is not None)

    def person_id(self) -> str | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))


class SafetyMenu(QObject):
    """The Filer menu's safety actions; kept alive as a child of the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: list[QAction] = []
        for text, slot in [
            (tr("&Sikkerhedskopier og gendan…"), self.backups),
            (tr("&Importér lokalområder fra regneark…"), self.import_areas),
            (tr("&Personoplysninger om en person…"), self.person_data),
            (tr("Slette&frister (GDPR)…"), self.retention),
        ]:
            action = QAction(text, window)
            action.triggered.connect(slot)
            self.actions.append(action)

    @property
    def ctx(self) -> DeskContext:
        return self.window.ctx

    def backups(self) -> None:
        from .backup_dialog import BackupDialog

        dialog = BackupDialog(self.ctx.db, self.window)
        dialog.restored.connect(self._restored)
        dialog.exec()

    def _restored(self, _backup: object) -> None:
        # Undo entries describe the file as it was before the restore.
        self.ctx.undo_stack.clear()
        self.ctx.changed()  # the file was replaced under the services: nothing published

    def import_areas(self) -> None:
        from .import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx.db, self.ctx.programme_id, self.window)
        dialog.exec()

    def person_data(self) -> None:
        from .person_data_dialog import PersonDataDialog

        chooser = PersonChoiceDialog(self.ctx.db, current_person_id(self.window), self.window)
        if not chooser.exec():
            return
        person_id = chooser.person_id()
        if person_id is None:
            return
        PersonDataDialog(self.ctx.db, person_id, self.window).exec()

    def retention(self) -> None:
        from .person_data_dialog import RetentionDialog

        RetentionDialog(self.ctx.db, self.window).exec()


def current_person_id(window: MainWindow) -> str | None:
    """The person the current view has selected, if it can tell."""
    view = window.views.get(window.current_view_key())
    asked = getattr(view, "current_person_id", None)
    if callable(asked):
        value = asked()
        return str(value) if value is not None else None
    return None


def file_menu(window: MainWindow) -> QMenu:
    bar = window.menuBar()
    for action in bar.actions():
        if action.menu() is not None and action.text().replace("&", "") == tr("Filer"):
            return action.menu()  # type: ignore[return-value]
    return bar.addMenu(tr("&Filer"))


def install_safety_menu(window: MainWindow) -> QMenu:
    """Put the safety actions in Filer, before Afslut, between separators; return Filer."""
    controller = SafetyMenu(window)
    menu = file_menu(window)
    quit_action = next(
        (a for a in menu.actions() if a.text().replace("&", "") == tr("Afslut")), None
    )
    # Afslut follows a separator already; ours go before that separator.
    actions = menu.actions()
    before = quit_action
    if quit_action is not None:
        index = actions.index(quit_action)
        if index > 0 and actions[index - 1].isSeparator():
            before = actions[index - 1]
    if before is None:
        menu.addSeparator()
        menu.addActions(controller.actions)
    else:
        menu.insertSeparator(before)
        menu.insertActions(before, controller.actions)
    window.safety_menu = controller  # type: ignore[attr-defined]
    return menu
