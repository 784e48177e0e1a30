"""The follow-up actions of a sparring session as a small grid of plain fields.

Plain widgets in a grid rather than a QTableWidget with cell editors: Tab then walks
description → due date → responsible → done → next row, exactly as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.services.sparring import FollowUpData

from .. import palette
from .fields import DateField

DEFAULT_DAYS_TO_DUE = 14


@dataclass
class _Row:
    description: QLineEdit
    due: DateField
    responsible: QLineEdit
    done: QCheckBox
    remove: QPushButton
    done_on: date | None


class FollowUpRows(QWidget):
    rows_changed = Signal()  # the form may grow to show a new row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_Row] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, text in enumerate(
            [self.tr("Beskrivelse"), self.tr("Frist"), self.tr("Ansvarlig"), self.tr("Udført")]
        ):
            label = QLabel(text)
            label.setStyleSheet(palette.style(palette.HINT))
            self.grid.addWidget(label, 0, column)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 1)
        self.empty = QLabel(self.tr("Ingen opfølgninger endnu."))
        self.empty.setStyleSheet(palette.style(palette.MUTED))
        self.grid.addWidget(self.empty, 1, 0, 1, 5)
        self.add_button = QPushButton(self.tr("&Tilføj opfølgning"))
        self.add_button.clicked.connect(lambda: self.add_row())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._update_headers()

    def add_row(self, action: FollowUpData | None = None, *, focus: bool = True) -> _Row:
        due_default = date.today() + timedelta(days=DEFAULT_DAYS_TO_DUE)
        row = _Row(
            description=QLineEdit(action.description if action else ""),
            due=DateField(action.due_on if action else due_default, optional=True),
            responsible=QLineEdit(action.responsible if action else ""),
            done=QCheckBox(),
            remove=QPushButton(self.tr("Fjern")),
            done_on=action.done_on if action else None,
        )
        row.description.setPlaceholderText(self.tr("Hvad skal gøres?"))
        row.responsible.setPlaceholderText(self.tr("Hvem?"))
        row.done.setChecked(row.done_on is not None)
        row.done.setToolTip(self.tr("Markér opfølgningen som udført"))
        row.remove.setAutoDefault(False)
        row.remove.clicked.connect(lambda: self.remove_row(row))
        n = len(self.rows) + 1
        for column, widget in enumerate(
            [row.description, row.due, row.responsible, row.done, row.remove]
        ):
            self.grid.addWidget(widget, n + 1, column)
        self.rows.append(row)
        # Keep Tab order: new fields come after the previous row, before the add button.
        previous = self.rows[-2].remove if len(self.rows) > 1 else None
        if previous is not None:
            QWidget.setTabOrder(previous, row.description)
        for first, second in [
            (row.description, row.due),
            (row.due, row.responsible),
            (row.responsible, row.done),
            (row.done, row.remove),
            (row.remove, self.add_button),
        ]:
            QWidget.setTabOrder(first, second)
        self._update_headers()
        self.rows_changed.emit()
        if focus:
            # Layouts show new children only on the next event loop; focus needs them now.
            for widget in (row.description, row.due, row.responsible, row.done, row.remove):
                widget.setVisible(self.isVisible())
            row.description.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def remove_row(self, row: _Row) -> None:
        self.rows.remove(row)
        for widget in [row.description, row.due, row.responsible, row.done, row.remove]:
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._update_headers()
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_headers(self) -> None:
        has_rows = bool(self.rows)
        self.empty.setVisible(not has_rows)
        for column in range(4):
            item = self.grid.itemAtPosition(0, column)
            header = item.widget() if item is not None else None
            if header is not None:
                header.setVisible(has_rows)

    def set_actions(self, actions: list[FollowUpData]) -> None:
        for row in list(self.rows):
            self.remove_row(row)
        for action in actions:
            self.add_row(action, focus=False)

    def follow_up_data(self) -> list[FollowUpData]:
        """Rows with a description (blank rows are dropped, not refused)."""
        found = []
        for row in self.rows:
            if not row.description.text().strip() and not row.responsible.text().strip():
                continue
            done_on = (row.done_on or date.today()) if row.done.isChecked() else None
            found.append(
                FollowUpData(
                    description=row.description.text(),
                    due_on=row.due.value(),
                    responsible=row.responsible.text(),
                    done_on=done_on,
                )
            )
        return found
