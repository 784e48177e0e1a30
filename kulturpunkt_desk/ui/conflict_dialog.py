"""When a colleague saved the same fields: both versions, field by field, and a choice.

The user keeps their own values, takes the colleague's, or picks per field. Nothing is
chosen for them, and no clock decides; until they choose, the colleague's save stands.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import date_time, short_date
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services.edit_conflicts import Choice, EditConflict

from .accessibility import plain_label
from .dialog_buttons import ok_cancel


def shown(name: str, value: Any) -> str:
    """A value as the form would show it."""
    if value is None or value == "" or value == []:
        return "(tom)"
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, datetime):
        return date_time(value)
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, int) and name.endswith("_ore"):
        return format_kr(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


W = TypeVar("W", QLabel, QRadioButton)
LONGEST = 90


def brief(widget: W, text: str) -> W:
    """A long text (notes, a vision) shortened on one line; the whole text as tooltip."""
    flat = " ".join(text.split())
    widget.setText(flat if len(flat) <= LONGEST else flat[: LONGEST - 1] + "…")
    if flat != text or len(flat) > LONGEST:
        widget.setToolTip(text)
    return widget


class ConflictDialog(QDialog):
    """One row per field both saved: what the form showed, the colleague's, yours."""

    def __init__(
        self, conflict: EditConflict, labels: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("En kollega har ændret det samme")
        self.conflict = conflict
        who = conflict.by or "en kollega"
        when = f" {date_time(conflict.at)}" if conflict.at else ""
        intro = QLabel(
            f"Mens du redigerede, gemte {who}{when} nye værdier i de samme felter. "
            "Vælg for hvert felt, hvilken værdi der skal gælde. Dine øvrige ændringer "
            "gemmes, og kollegaens ændringer i andre felter bevares."
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, heading in enumerate(("Felt", "Før", f"{who.capitalize()} gemte", "Du skrev")):
            title = QLabel(f"<b>{heading}</b>")
            grid.addWidget(title, 0, column)
        self.groups: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for row, field in enumerate(conflict.fields, start=1):
            label = plain_label(labels.get(field.name, field.name))
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(brief(QLabel(), shown(field.name, field.base)), row, 1)
            theirs = brief(QRadioButton(), shown(field.name, field.theirs))
            mine = brief(QRadioButton(), shown(field.name, field.mine))
            # Said in words for a screen reader, not only by the column it stands in.
            theirs.setAccessibleName(f"{label}: behold {who}s værdi")
            mine.setAccessibleName(f"{label}: brug din værdi")
            group = QButtonGroup(self)
            group.addButton(theirs)
            group.addButton(mine)
            mine.setChecked(True)
            grid.addWidget(theirs, row, 2)
            grid.addWidget(mine, row, 3)
            self.groups[field.name] = (theirs, mine)
        all_theirs = QPushButton("Tag &kollegaens")
        all_theirs.setToolTip("Vælg kollegaens værdi i alle felterne ovenfor")
        all_theirs.clicked.connect(lambda: self._choose_all("theirs"))
        all_mine = QPushButton("Behold &mine")
        all_mine.setToolTip("Vælg din værdi i alle felterne ovenfor")
        all_mine.clicked.connect(lambda: self._choose_all("mine"))
        buttons = ok_cancel(self, "&Gem med disse valg")
        buttons.addButton(all_theirs, buttons.ButtonRole.ActionRole)
        buttons.addButton(all_mine, buttons.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def _choose_all(self, choice: Choice) -> None:
        for theirs, mine in self.groups.values():
            (theirs if choice == "theirs" else mine).setChecked(True)

    def choices(self) -> dict[str, Choice]:
        return {
            name: "theirs" if theirs.isChecked() else "mine"
            for name, (theirs, _mine) in self.groups.items()
        }
