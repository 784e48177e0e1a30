"""Personer og organisationer: everyone the programme knows, and their organisations.

Two tabs with the same shape: a filter box, a sortable list, and Ny/Redigér/Slet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.models import SECTOR_LABELS, Organisation, Person
from kulturpunkt_desk.domain.services import people
from kulturpunkt_desk.domain.services.people import OrganisationRow, PersonRow

from ..context import DeskContext
from ..dialogs.people import OrganisationDialog, PersonDialog
from ..models.record_table import Column, RecordTableModel
from ..undo import confirm_and_delete
from ..widgets.form import FormDialog
from ..widgets.record_table import RecordTable
from .base import View


class ListTab(QWidget):
    """A filter box over a list of records with buttons to create, edit and delete."""

    def __init__(
        self,
        model: RecordTableModel[Any],
        new_text: str,
        on_new: Callable[[], None],
        on_edit: Callable[[], None],
        on_delete: Callable[[], None],
    ) -> None:
        super().__init__()
        self.table = RecordTable(model)
        self.table.activated_id.connect(lambda _id: on_edit())
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filtrér på navn, e-mail, lokalområde…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.count = QLabel()
        self.new_button = QPushButton(new_text)
        self.new_button.clicked.connect(on_new)
        self.edit_button = QPushButton(self.tr("Redigér…"))
        self.edit_button.clicked.connect(on_edit)
        self.delete_button = QPushButton(self.tr("Slet"))
        self.delete_button.clicked.connect(on_delete)
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addSpacing(16)
        label = QLabel(self.tr("F&ilter:"))
        label.setBuddy(self.filter)
        bar.addWidget(label)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            on_delete,
            Qt.ShortcutContext.WidgetShortcut,
        )

    def _filter(self, text: str) -> None:
        self.table.set_filter_text(text)
        self.update_count()

    def update_count(self) -> None:
        shown, total = self.table.proxy.rowCount(), len(self.table.source.all_rows)
        self.count.setText(
            self.tr("{0} af {1} vist").format(shown, total)
            if shown != total
            else self.tr("{0} i alt").format(total)
        )

    def load(self, rows: list[Any]) -> None:
        keep = self.table.keep_selection()
        self.table.source.set_rows(rows)
        self.table.fit_columns()
        self.table.restore_selection(keep)
        self.update_count()


def _areas(person: PersonRow) -> str:
    primary = QCoreApplication.translate("PeopleView", " (primær kontaktperson)")
    return ", ".join(name + (primary if is_primary else "") for name, is_primary in person.areas)


class PeopleView(View):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: FormDialog | None = None
        self.person_model: RecordTableModel[PersonRow] = RecordTableModel(
            [
                Column(self.tr("Navn"), lambda p: p.name),
                Column(self.tr("E-mail"), lambda p: p.email),
                Column(self.tr("Telefon"), lambda p: p.phone),
                Column(self.tr("Titel"), lambda p: p.title),
                Column(self.tr("Organisation"), lambda p: p.organisation),
                Column(self.tr("Lokalområder"), _areas),
            ],
            lambda p: p.id,
        )
        self.organisation_model: RecordTableModel[OrganisationRow] = RecordTableModel(
            [
                Column(self.tr("Navn"), lambda o: o.name),
                Column(self.tr("Sektor"), lambda o: self.tr(SECTOR_LABELS[o.sector])),
                Column(self.tr("CVR-nummer"), lambda o: o.cvr),
                Column(self.tr("Kommune"), lambda o: o.municipality),
            ],
            lambda o: o.id,
        )
        self.people_tab = ListTab(
            self.person_model,
            self.tr("Ny person (Ctrl+N)"),
            self.new_person,
            self.edit_person,
            self.delete_person,
        )
        self.organisations_tab = ListTab(
            self.organisation_model,
            self.tr("Ny organisation (Ctrl+N)"),
            self.new_organisation,
            self.edit_organisation,
            self.delete_organisation,
        )
        self.organisations_tab.filter.setPlaceholderText(
            self.tr("Filtrér på navn, sektor, CVR, kommune…")
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.people_tab, self.tr("P&ersoner"))
        self.tabs.addTab(self.organisations_tab, self.tr("&Organisationer"))
        self.people_tab.table.setAccessibleName(self.tr("Personer"))
        self.organisations_tab.table.setAccessibleName(self.tr("Organisationer"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        self.people_tab.load(people.person_rows(self.ctx.db))
        self.organisations_tab.load(people.organisation_rows(self.ctx.db))

    # --- people -------------------------------------------------------------------------

    def _open(self, dialog: FormDialog, tab: ListTab) -> None:
        self.dialog = dialog
        dialog.accepted.connect(
            lambda: (
                tab.table.select_id(dialog.saved_id)  # type: ignore[attr-defined]
                if dialog.saved_id  # type: ignore[attr-defined]
                else None
            )
        )
        dialog.open()

    def new_record(self) -> None:
        if self.tabs.currentWidget() is self.organisations_tab:
            self.new_organisation()
        else:
            self.new_person()

    def new_person(self) -> None:
        self._open(PersonDialog(self.ctx, self), self.people_tab)

    def edit_person(self) -> None:
        person = self.people_tab.table.current_record()
        if person is not None:
            full = people.get_person(self.ctx.db, person.id)
            self._open(PersonDialog(self.ctx, self, full), self.people_tab)

    def delete_person(self) -> None:
        person = self.people_tab.table.current_record()
        if person is not None:
            confirm_and_delete(
                self.ctx,
                self,
                Person,
                person.id,
                person.name,
                self.tr(
                    "Personen fjernes også fra lokalområder, sparringsmøder og fremmødelister."
                ),
            )

    # --- organisations ------------------------------------------------------------------

    def new_organisation(self) -> None:
        self._open(OrganisationDialog(self.ctx, self), self.organisations_tab)

    def edit_organisation(self) -> None:
        organisation = self.organisations_tab.table.current_record()
        if organisation is not None:
            full = people.get_organisation(self.ctx.db, organisation.id)
            self._open(OrganisationDialog(self.ctx, self, full), self.organisations_tab)

    def delete_organisation(self) -> None:
        organisation = self.organisations_tab.table.current_record()
        if organisation is not None:
            confirm_and_delete(
                self.ctx,
                self,
                Organisation,
                organisation.id,
                organisation.name,
                self.tr("Organisationen fjernes fra partnerskaber; personerne bliver."),
            )

    def open_record(self, kind: str, record_id: str) -> bool:
        tabs = {"person": self.people_tab, "organisation": self.organisations_tab}
        if kind not in tabs:
            return False
        if self._stale:
            self._stale = False
            self.refresh()
        tab = tabs[kind]
        self.tabs.setCurrentWidget(tab)
        tab.filter.clear()
        return tab.table.select_id(record_id)
