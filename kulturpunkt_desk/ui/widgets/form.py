"""A form dialog that saves through a service and shows each error beside its field.

Subclasses add fields with `add_field(name, label, widget)`, where `name` is the service's
field name (the key in ValidationError.errors), and implement `save()`. Nothing is saved
until the service accepts every value; the dialog stays open with the messages shown.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import Record
from kulturpunkt_desk.domain.services import edit_conflicts
from kulturpunkt_desk.domain.services.edit_conflicts import EditConflict, Seen

from .. import palette, unsaved
from ..accessibility import label_field, plain_label
from ..failure import explain
from ..mnemonics import Letters, letter_of

ERROR_STYLE = palette.style(palette.WARNING)


class FittingScrollArea(QScrollArea):
    """As tall as its content, until the screen ends; then it scrolls (1366x768 laptops)."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        content = inner.sizeHint() if inner else QSize(0, 0)
        height = content.height()
        if inner is not None and inner.hasHeightForWidth():
            # Wrapped messages: as tall as they are at the width the fields really have.
            width = max(self.viewport().width(), content.width())
            height = max(height, inner.heightForWidth(width))
        screen = self.screen().availableGeometry() if self.screen() else None
        # Room for the title bar, the error line and the buttons.
        limit = screen.height() - 160 if screen else height
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.width() + bar, min(height + 4, max(limit, 200)))


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._sized = False
        self._shown_state: list[object] | None = None
        self.fields: dict[str, QWidget] = {}
        self.field_labels: dict[str, QLabel] = {}
        self._letters = Letters()  # Alt-letters taken, see `add_field`
        # What the form showed of the record it edits (see `editing`); None for a new one.
        self.seen: Seen | None = None
        self.error_labels: dict[str, QLabel] = {}
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Gem"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annullér"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+Enter saves from anywhere, also from a notes field where Enter is a new line.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.try_save)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(
            self.tr("Gem (Ctrl+Enter)")
        )
        fields = QWidget()
        fields.setLayout(self.form)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.scroll = FittingScrollArea()
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        """Add a labelled field with an (initially hidden) error line under it."""
        holder = QWidget()
        # A single input's row as wide as the form: its message wraps to the width it is
        # really shown at (under a date or a choice it was cut to fewer lines). A group of
        # boxes keeps its own width, so each box stays where a click finds it.
        if widget.layout() is None:
            holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        caption = QLabel()
        self._letters.add(label, caption.setText)
        # A box to tick is a control of its own with its own letter: it must have one when
        # it is the whole field, and has one while letters are left when it is in a group.
        if isinstance(widget, QAbstractButton):
            self._letters.add(widget.text(), widget.setText)
        for button in widget.findChildren(QAbstractButton):
            if isinstance(button, QCheckBox) or letter_of(button.text()):
                self._letters.add(button.text(), button.setText, required=False)
        # The holder sits between label and field, so Qt would not name the field by it.
        label_field(caption, widget)
        self.form.addRow(caption, holder)
        self.fields[name] = widget
        self.field_labels[name] = caption
        self.error_labels[name] = error
        return widget

    def showEvent(self, event: QShowEvent) -> None:
        # Qt sizes a new window to at most 2/3 of the screen (512 pixels at 1366x768), so
        # a longer form scrolled although there was room; use the room there is.
        if not self._sized:
            self._sized = True
            self.fit_to_content()
            self._shown_state = unsaved.input_state(self)
        super().showEvent(event)

    def has_unsaved_input(self) -> bool:
        """Typed or chosen anything since the form was shown?"""
        return self._shown_state is not None and unsaved.input_state(self) != self._shown_state

    def reject(self) -> None:
        """Escape, Annullér or ×: with unsaved input, ask Gem, Kassér or Bliv first."""
        if self.has_unsaved_input() and not unsaved.settle(
            self, self.tr("Formularen «{0}»").format(self.windowTitle()), self._save_for_leaving
        ):
            return
        super().reject()

    def _save_for_leaving(self) -> bool:
        self.try_save()  # on success it accepts; on failure the messages stand
        return False  # either way the dialog has already done what it should

    def fit_to_content(self) -> None:
        """Grow (never shrink) to show the whole form, as far as the screen allows."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            return
        self.scroll.widget().adjustSize()
        self.scroll.updateGeometry()
        self.layout().invalidate()  # the dialog's size hint is cached until told
        # A form's own minimum width (so many characters) must not push it off a small or
        # 200 % screen: there the fields get narrower and their messages wrap more.
        self.setMinimumWidth(min(self.minimumWidth(), screen.width()))
        hint = self.sizeHint()
        height = min(hint.height(), screen.height() - 60)
        width = min(max(self.width(), hint.width()), screen.width())
        self.resize(width, max(self.height(), height))
        # Grown downwards past the screen's edge: move up, so the buttons stay in sight.
        frame = self.frameGeometry()
        if self.isVisible() and not screen.contains(frame):
            left = max(screen.left(), min(frame.left(), screen.right() - frame.width()))
            top = max(screen.top(), min(frame.top(), screen.bottom() - frame.height()))
            self.move(left, top)

    def save(self) -> None:
        """Call the service. Raise ValidationError (or DeskError) to keep the dialog open."""
        raise NotImplementedError

    def clear_errors(self) -> None:
        self.general_error.hide()
        for name, label in self.error_labels.items():
            label.hide()
            self.fields[name].setAccessibleDescription("")

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        unplaced = []
        first: QWidget | None = None
        for name, message in errors.items():
            label = self.error_labels.get(name)
            if label is None:
                unplaced.append(message)
                continue
            label.setText(message)
            label.show()
            self.fields[name].setAccessibleDescription(message)  # read out with the field
            first = first or self.fields[name]
        if unplaced:
            self.general_error.setText("\n".join(unplaced))
            self.general_error.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        # Messages make the form taller: grow with them while the screen allows (then the
        # form scrolls, and the first field with a message is scrolled to).
        self.scroll.widget().layout().activate()
        self.fit_to_content()
        if first is not None:
            self.scroll.ensureWidgetVisible(first)

    def editing(self, record: Record | None) -> None:
        """Remember what the form shows of `record`, so that a colleague's save made
        meanwhile is merged or put to the user, never silently overwritten."""
        self.seen = edit_conflicts.seen(record) if isinstance(record, Record) else None

    def _settle(self, conflict: EditConflict) -> bool:
        """Ask the user about each field both desks changed; True to save with the choices."""
        from ..conflict_dialog import ConflictDialog

        labels = {name: label.text() for name, label in self.field_labels.items()}
        dialog = ConflictDialog(conflict, labels, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.seen = conflict.resolved(dialog.choices())
        return True

    def try_save(self) -> None:
        """Save; on any failure the dialog stays open with the input and says why."""
        try:
            while True:
                try:
                    with edit_conflicts.saving_from(self.seen):
                        self.save()
                    break
                except EditConflict as conflict:
                    if not self._settle(conflict):
                        names = ", ".join(
                            plain_label(self.field_labels[f.name].text())
                            if f.name in self.field_labels
                            else f.name
                            for f in conflict.fields
                        )
                        self.show_errors(
                            {
                                "": "Intet er gemt: en kollega har gemt nye værdier i "
                                f"{names}, mens du redigerede. Det, du har skrevet, står "
                                "der stadig; tryk Gem for at vælge mellem værdierne."
                            }
                        )
                        return
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except Exception as exc:  # disk full, busy, lost lock, a bug: told, input kept
            self.show_errors({"": explain(exc)})
            return
        self.accept()
