"""One sync conflict side by side: the base, the server's value and the laptop's, with who
and when, and the choices: keep the server's, use the laptop's, or write a third value.

It looks like the live edit-conflict dialog (ui/conflict_dialog.py): a grid with a row per
version and its value shortened on one line (the whole text as tooltip). Which version is
which is said in words in each row, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.models.sync import ConflictKind, ConflictResolution
from kulturpunkt_desk.domain.services.sync_conflicts import ConflictRow

from .. import palette, scale
from ..accessibility import label_field, plain_label
from ..conflict_dialog import brief

Choose = Callable[[ConflictResolution, str | None], None]

# What "use the laptop's" does, per kind: said on the button's tooltip.
_LAPTOP_MEANS = {
    ConflictKind.SAME_FIELD: "Skriv den bærbares værdi i feltet",
    ConflictKind.EDITED_DELETED: "Gendan posten, som den var på den bærbare",
    ConflictKind.DELETED_EDITED: "Slet posten, som det blev gjort på den bærbare",
    ConflictKind.UNIQUE: "Opret den bærbares post med det nye navn nedenfor",
    ConflictKind.MISSING_PARENT: "Gendan den bærbares post (det, den hører til, skal findes)",
}


class SyncConflictPanel(QWidget):
    """Shows one ConflictRow; `choose(resolution, typed value or None)` decides it."""

    def __init__(self, choose: Choose, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choose = choose
        self.row: ConflictRow | None = None
        self.heading = QLabel()
        scale.heading(self.heading)
        self.heading.setWordWrap(True)
        self.kind = QLabel()
        self.kind.setWordWrap(True)
        grid = QGridLayout()
        # Who and when before the value: a long value (a vision) then never pushes them away.
        for column, title in enumerate(("Udgave", "Hvem", "Hvornår", "Værdi")):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.cells: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        versions = (
            ("base", "Før (fælles udgangspunkt)"),
            ("server", "Serveren"),
            ("laptop", "Den bærbare"),
        )
        for row, (key, title) in enumerate(versions, start=1):
            grid.addWidget(QLabel(title), row, 0)
            value, who, when = QLabel(), QLabel(), QLabel()
            for column, (cell, what) in enumerate(
                ((who, "hvem"), (when, "hvornår"), (value, "værdi")), start=1
            ):
                cell.setAccessibleName(f"{title}: {what}")
                grid.addWidget(cell, row, column)
            self.cells[key] = (value, who, when)
        grid.setColumnStretch(3, 1)
        grid.setHorizontalSpacing(scale.chars_wide(self, 2))
        self.keep_server = QPushButton("Behold &serverens")
        self.keep_server.setToolTip("Serverens værdi gælder; den bærbares glemmes")
        self.keep_server.clicked.connect(lambda: self._choose(ConflictResolution.SERVER))
        self.use_laptop = QPushButton("Brug den &bærbares")
        self.use_laptop.clicked.connect(lambda: self._choose(ConflictResolution.LAPTOP))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_server)
        buttons.addWidget(self.use_laptop)
        buttons.addStretch(1)
        self.value_label = QLabel("&Ny værdi:")
        self.value = QLineEdit()
        label_field(self.value_label, self.value)
        self.use_value = QPushButton("Br&ug den nye værdi")
        self.use_value.clicked.connect(lambda: self._choose(ConflictResolution.EDITED))
        self.value.returnPressed.connect(self._typed_enter)
        third = QHBoxLayout()
        third.addWidget(self.value_label)
        third.addWidget(self.value, 1)
        third.addWidget(self.use_value)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(palette.style(palette.WARNING))
        self.error.setAccessibleName("Fejl")
        # The versions and the choices: hidden while no conflict is chosen.
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(grid)
        details.addLayout(buttons)
        details.addLayout(third)
        details.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.kind)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.show_conflict(None)

    def show_conflict(self, row: ConflictRow | None) -> None:
        self.row = row
        self.error.clear()
        self.error.hide()
        self.value.clear()
        for widget in (self.keep_server, self.use_laptop):
            widget.setEnabled(row is not None)
        editable = row is not None and row.editable
        self.value_label.setVisible(editable)
        self.value.setVisible(editable)
        # A name conflict takes its new name with "Brug den bærbares"; a field, a third value.
        self.use_value.setVisible(editable and row is not None and not self._renames(row))
        self.details.setVisible(row is not None)
        if row is None:
            self.heading.setText("Ingen konflikt valgt")
            self.kind.setText("Vælg en konflikt i listen for at se begge udgaver.")
            return
        self.heading.setText(f"{row.record_label} – {row.field_label}")
        self.kind.setText(
            f"{row.kind_label}. Indtil du vælger, gælder serverens udgave, og den bærbares "
            "er gemt her."
        )
        shown = {
            "base": (row.base, "", ""),
            "server": (row.server, row.server_user, row.server_when),
            "laptop": (row.laptop, row.laptop_user, row.laptop_when),
        }
        for key, texts in shown.items():
            for cell, text in zip(self.cells[key], texts, strict=True):
                brief(cell, text)
        self.use_laptop.setToolTip(_LAPTOP_MEANS[row.kind])
        if self._renames(row):
            self.value_label.setText("&Nyt navn til den bærbares:")
            self.value.setText(row.laptop)
        else:
            self.value_label.setText("&Ny værdi:")
        self.value.setAccessibleName(plain_label(self.value_label.text()))

    @staticmethod
    def _renames(row: ConflictRow) -> bool:
        return row.kind is ConflictKind.UNIQUE

    def _typed_enter(self) -> None:
        (self.use_laptop if self.row and self._renames(self.row) else self.use_value).click()

    def _choose(self, resolution: ConflictResolution) -> None:
        row = self.row
        if row is None:
            return
        typed = self.value.text() if row.editable else None
        if resolution is ConflictResolution.SERVER or (
            resolution is ConflictResolution.LAPTOP and not self._renames(row)
        ):
            typed = None
        self.choose(resolution, typed)

    def tell(self, text: str) -> None:
        """A refused choice, beside the buttons; what the user typed stays."""
        self.error.setText(text)
        self.error.show()
