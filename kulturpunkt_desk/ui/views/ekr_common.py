"""What the Europæisk Kulturregion tabs share: the tab base, a one-line message and an
undoable creation."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from kulturpunkt_desk.domain.models.base import NO_RECORD

from .. import palette
from ..context import DeskContext


class MessageLine(QLabel):
    """Feedback under a tab's buttons: red for errors, plain for confirmations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def error(self, text: str) -> None:
        self.setStyleSheet(palette.style(palette.WARNING))
        self.setText(text)
        self.show()

    def info(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)
        self.show()


class EkrTab(QWidget):
    """A tab of the EKR view; `load` (re)reads everything for the partnership."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.partnership_id = NO_RECORD
        self.message = MessageLine()

    def load(self, partnership_id: str) -> None:
        self.partnership_id = partnership_id
        self.reload()

    def reload(self) -> None:
        """Re-read from the services."""


class YearBox(QComboBox):
    """The year a tab shows: the years that have data, this year and the next."""

    def set_years(self, years: list[int]) -> None:
        chosen = self.currentData()
        today = date.today().year
        shown = sorted(set(years) | {today, today + 1})
        self.blockSignals(True)
        self.clear()
        for year in shown:
            self.addItem(str(year), year)
        self.setCurrentIndex(self.findData(chosen if chosen in shown else today))
        self.blockSignals(False)

    def year(self) -> int:
        return int(self.currentData() or date.today().year)
