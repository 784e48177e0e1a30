"""A rating on a short scale beside a note: the team's assessment of a selection criterion,
an area's answer about a project-level goal. The rating may be left unset."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget


class RatedNote(QWidget):
    def __init__(
        self,
        name: str,
        scale: dict[int, str],
        rating: int | None = None,
        note: str = "",
        *,
        unset: str = "Ikke vurderet",
        note_lines: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rating = QComboBox()
        self.rating.addItem(unset, None)
        for value, label in scale.items():
            self.rating.addItem(f"{value}  {label}", value)
        self.rating.setCurrentIndex(max(self.rating.findData(rating), 0))
        self.rating.setAccessibleName(f"{name}: vurdering")
        self.note: QLineEdit | QPlainTextEdit
        if note_lines > 1:
            box = QPlainTextEdit(note)
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * note_lines + 14)
            self.note = box
        else:
            self.note = QLineEdit(note)
        self.note.setAccessibleName(f"{name}: note")
        self.note.setPlaceholderText("Note")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.rating)
        layout.addWidget(self.note, 1)
        self.setFocusProxy(self.rating)

    def value(self) -> int | None:
        data = self.rating.currentData()
        return int(data) if data is not None else None

    def text(self) -> str:
        if isinstance(self.note, QLineEdit):
            return self.note.text()
        return self.note.toPlainText()
