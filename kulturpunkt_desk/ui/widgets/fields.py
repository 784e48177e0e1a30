"""Input fields in Danish format: dates as dd.MM.yyyy, money in kr."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.money import format_kr, parse_kr

# QDateEdit cannot be empty; its minimum date stands for "no date" and shows as text.
_NO_DATE = QDate(1900, 1, 1)


class DateField(QDateEdit):
    """A date picker in Danish format; with `optional` it can also hold no date."""

    def __init__(
        self, value: date | None = None, *, optional: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy")
        self.calendarWidget().setFirstDayOfWeek(self.locale().firstDayOfWeek())
        if optional:
            self.setMinimumDate(_NO_DATE)
            self.setSpecialValueText(self.tr("Ingen dato"))
            self.setToolTip(self.tr("Pil op/ned: i dag · Delete: ingen dato"))
            self.calendarWidget().installEventFilter(self)
        self.set_value(value if value is not None or optional else date.today())

    # "No date" is stored as 1.1.1900; without these, the calendar opened on January 1900
    # and the arrow keys stepped from there.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.value() is None:
            today = date.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)
        return super().eventFilter(watched, event)

    def stepBy(self, steps: int) -> None:
        if self.optional and self.value() is None:
            self.set_value(date.today())
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Tab leaves the field, as in every other field: typing digits already moves
        # day → month → year, and Qt's own Tab (section by section, or not at all on
        # "Ingen dato") made keyboard-only forms cost three Tabs per date.
        if self.optional and event.key() == Qt.Key.Key_Delete:
            self.set_value(None)
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
            event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            forward = event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            QWidget.focusNextPrevChild(self, forward)
            return
        super().keyPressEvent(event)

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(_NO_DATE if self.optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def value(self) -> date | None:
        qd = self.date()
        if self.optional and qd == _NO_DATE:
            return None
        return date(qd.year(), qd.month(), qd.day())

    def required_value(self) -> date:
        value = self.value()
        return value if value is not None else date.today()


class MoneyField(QLineEdit):
    """An amount in kroner, typed the Danish way (50.000 or 12.500,50)."""

    def __init__(
        self, field: str, label: str, ore: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.label = label
        self.setPlaceholderText(self.tr("fx 50.000"))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if ore is not None:
            self.set_ore(ore)

    def set_ore(self, ore: int) -> None:
        self.setText(format_kr(ore).removesuffix(" kr."))

    def ore(self) -> int:
        """The amount in øre; raises ValidationError naming this field."""
        try:
            return parse_kr(self.text(), self.field, self.label)
        except ValidationError:
            raise
        except Exception as exc:  # pragma: no cover - parse_kr raises only ValidationError
            raise ValidationError.single(self.field, f"{self.label}: {exc}") from exc
