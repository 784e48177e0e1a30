"""A row of radio buttons chosen by arrow keys or by their number (1, 2, 3...).

Tab enters the group at the checked button and leaves it again, so a short fixed choice
(a sparring session's form) costs one key press in a keyboard-driven form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

T = TypeVar("T")


class ChoiceButtons(QWidget, Generic[T]):
    changed = Signal()

    def __init__(self, choices: Sequence[tuple[T, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = [value for value, _ in choices]
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for n, (_, label) in enumerate(choices, start=1):
            button = QRadioButton(f"{n}  {label}")
            button.installEventFilter(self)
            self.group.addButton(button, n - 1)
            self.buttons.append(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self.buttons[0].setChecked(True)
        self.setFocusProxy(self.buttons[0])
        self.group.idToggled.connect(self._on_toggled)

    def _on_toggled(self, button_id: str, checked: bool) -> None:
        if checked:
            self.setFocusProxy(self.buttons[button_id])
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if text.isdigit() and 1 <= int(text) <= len(self.buttons):
                self.set_value(self.values[int(text) - 1])
                self.buttons[int(text) - 1].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def value(self) -> T:
        return self.values[max(self.group.checkedId(), 0)]

    def set_value(self, value: T) -> None:
        if value in self.values:
            self.buttons[self.values.index(value)].setChecked(True)
