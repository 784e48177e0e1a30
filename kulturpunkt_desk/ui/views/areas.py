"""Lokalområder: the list of areas (filter by text, status, municipality, contact) and,
on Enter or a double click, the area's page (views/area_page.py)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import activities, overview, selection
from kulturpunkt_desk.domain.services.overview import AreaSummary
from kulturpunkt_desk.domain.status import STATUS_LABELS, STATUS_ORDER, AreaStatus

from ..context import DeskContext
from ..dialogs.area_dialogs import AreaDialog
from ..models.record_table import Column, RecordTableModel
from ..widgets.record_table import RecordTable
from .area_page import AreaPage, delete_area
from .area_sections import on_delete_key
from .base import View

Index = QModelIndex | QPersistentModelIndex

# Record kind for "show the list filtered by this status"; the id is the status's place
# in STATUS_ORDER. Overblik's status counts use it.
STATUS_KIND = "area_status"


class AreaFilter(QSortFilterProxyModel):
    """Free text over name, municipality and contact; exact status, municipality, contact."""

    def __init__(self, source: RecordTableModel[AreaSummary]) -> None:
        super().__init__()
        self.source = source
        self.text = ""
        self.status: AreaStatus | None = None
        self.municipality = ""
        self.contact: bool | None = None  # True: has a primary contact; False: lacks one

    def set_filters(
        self,
        *,
        text: str,
        status: AreaStatus | None,
        municipality: str,
        contact: bool | None,
    ) -> None:
        self.beginFilterChange()
        self.text, self.status = text.strip().casefold(), status
        self.municipality, self.contact = municipality, contact
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.source.rows[source_row]
        if self.status is not None and row.status != self.status:
            return False
        if self.municipality and row.municipality != self.municipality:
            return False
        if self.contact is not None and bool(row.primary_contact) != self.contact:
            return False
        if self.text:
            haystack = " ".join([row.name, row.municipality, row.primary_contact]).casefold()
            return all(word in haystack for word in self.text.split())
        return True


def area_columns(owner: QWidget) -> list[Column[AreaSummary]]:
    t = owner.tr
    return [
        Column(t("Lokalområde"), lambda r: r.name),
        Column(t("Kommune"), lambda r: r.municipality),
        Column(
            t("Status"),
            lambda r: t(STATUS_LABELS[r.status]),
            sort_key=lambda r: STATUS_ORDER.index(r.status),
        ),
        Column(t("Primær kontaktperson"), lambda r: r.primary_contact or t("(mangler)")),
        Column(t("Bevilget"), lambda r: format_kr(r.awarded_ore), lambda r: r.awarded_ore, True),
        Column(t("Udbetalt"), lambda r: format_kr(r.paid_ore), lambda r: r.paid_ore, True),
        Column(
            t("Tilbage"),
            lambda r: format_kr(r.left_to_pay_ore),
            lambda r: r.left_to_pay_ore,
            True,
        ),
        Column(
            t("Sparringsmøder"),
            lambda r: str(r.sparring_sessions),
            lambda r: r.sparring_sessions,
            True,
        ),
    ]


class AreasView(View):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model: RecordTableModel[AreaSummary] = RecordTableModel(
            area_columns(self), lambda r: r.id
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Lokalområder"))
        self.proxy = AreaFilter(self.model)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(self.table.proxy.sortRole())
        self.table.proxy = self.proxy
        self.table.setModel(self.proxy)
        self.table.activated_id.connect(self.show_area)
        on_delete_key(self.table, self.delete_selected)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Søg i navn, kommune, kontakt…"))
        self.search.setAccessibleName(self.tr("Søg i lokalområder"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("Alle statusser"), None)
        for status in STATUS_ORDER:
            self.status_filter.addItem(self.tr(STATUS_LABELS[status]), status.value)
        self.municipality_filter = QComboBox()
        self.municipality_filter.setAccessibleName(self.tr("Kommune"))
        self.contact_filter = QComboBox()
        self.contact_filter.setAccessibleName(self.tr("Primær kontaktperson"))
        self.contact_filter.addItem(self.tr("Alle kontakter"), None)
        self.contact_filter.addItem(self.tr("Med primær kontaktperson"), True)
        self.contact_filter.addItem(self.tr("Uden primær kontaktperson"), False)
        self.search.textChanged.connect(self.apply_filters)
        for combo in (self.status_filter, self.municipality_filter, self.contact_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
            # Sized in characters, so with a large font the list does not widen the window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.count_label = QLabel()
        self.designation_label = QLabel()
        self.designation_label.setWordWrap(True)  # beside the buttons, also at a large font

        new_button = QPushButton(self.tr("&Nyt lokalområde…"))
        new_button.clicked.connect(self.new_record)
        open_button = QPushButton(self.tr("Å&bn"))
        open_button.clicked.connect(lambda: self._open_selected())
        delete_button = QPushButton(self.tr("&Slet…"))
        delete_button.clicked.connect(self.delete_selected)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.municipality_filter, 1)
        filters.addWidget(self.contact_filter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addSpacing(16)
        buttons.addWidget(self.designation_label)
        buttons.addStretch()
        for button in (new_button, open_button, delete_button):
            buttons.addWidget(button)

        list_page = QWidget()
        box = QVBoxLayout(list_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(filters)
        box.addWidget(self.table)
        box.addLayout(buttons)

        self.page = AreaPage(ctx)
        self.page.back_requested.connect(self.show_list)
        # Ids mean nothing in another file: leave the page when the database changes.
        ctx.database_replaced.connect(self._forget_page)
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # --- loading and filtering ------------------------------------------------------

    def refresh(self) -> None:
        selected = self.table.keep_selection()
        rows = overview.area_summaries(self.ctx.db, self.ctx.programme_id)
        self.model.set_rows(rows)
        self._fill_municipalities(sorted({r.municipality for r in rows}))
        self.table.fit_columns()
        self.table.restore_selection(selected)
        self._update_count()
        self.designation_label.setText(
            selection.designation(self.ctx.db, self.ctx.programme_id).text
        )
        if self.pages.currentWidget() is self.page:
            self.page.refresh()

    def _fill_municipalities(self, names: list[str]) -> None:
        current = self.municipality_filter.currentData()
        self.municipality_filter.blockSignals(True)
        self.municipality_filter.clear()
        self.municipality_filter.addItem(self.tr("Alle kommuner"), "")
        for name in names:
            self.municipality_filter.addItem(name, name)
        found = self.municipality_filter.findData(current)
        self.municipality_filter.setCurrentIndex(max(found, 0))
        self.municipality_filter.blockSignals(False)

    def apply_filters(self) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_filters(
            text=self.search.text(),
            status=AreaStatus(status) if status else None,
            municipality=str(self.municipality_filter.currentData() or ""),
            contact=self.contact_filter.currentData(),
        )
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = count(total, "lokalområde")
        if shown != total:
            text = self.tr("{0} af {1}").format(shown, count(total, "lokalområde"))
        self.count_label.setText(text)

    def filter_by_status(self, status: AreaStatus | None) -> None:
        self.search.clear()
        self.municipality_filter.setCurrentIndex(0)
        self.contact_filter.setCurrentIndex(0)
        index = self.status_filter.findData(status.value) if status else 0
        self.status_filter.setCurrentIndex(max(index, 0))

    # --- pages ------------------------------------------------------------------------

    def show_list(self) -> None:
        area_id = self.page.area_id
        self.pages.setCurrentIndex(0)
        if area_id is not None:
            self.table.select_id(area_id)
        self.table.setFocus()

    def _forget_page(self) -> None:
        self.page.area_id = self.page.area = None
        self.pages.setCurrentIndex(0)

    def show_area(self, area_id: str) -> None:
        self.page.show_area(area_id)
        self.pages.setCurrentWidget(self.page)

    def _open_selected(self) -> None:
        area_id = self.table.current_id()
        if area_id is not None:
            self.show_area(area_id)

    def open_record(self, kind: str, record_id: str) -> bool:
        if kind == "area":
            if self.model.row_of_id(record_id) < 0:
                self.refresh()
            self.show_area(record_id)
            return True
        if kind == "activity":  # its area's page, on the activity (from Søg)
            self.open_record("area", activities.activity_area_id(self.ctx.db, record_id))
            self.page.tabs.setCurrentWidget(self.page.sparring)
            return self.page.sparring.activity_table.select_id(record_id)
        if kind == STATUS_KIND:  # -1: every status
            self.refresh()
            self.show_list()
            # The "id" of a status is its place in STATUS_ORDER, as text like every id.
            index = int(record_id)
            in_range = 0 <= index < len(STATUS_ORDER)
            self.filter_by_status(STATUS_ORDER[index] if in_range else None)
            return True
        return False

    # --- records ----------------------------------------------------------------------

    def new_record(self) -> None:
        dialog = AreaDialog(self.ctx, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.show_area(dialog.saved_id)

    def delete_selected(self) -> None:
        if self.pages.currentWidget() is self.page:
            self.page.delete_area()
            return
        row = self.table.current_record()
        if row is not None:
            delete_area(self.ctx, self, row.id, row.name)
