"""The base of every view in the main window's navigation."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .. import unsaved
from ..collection import without_collection
from ..context import DeskContext


class View(QWidget):
    """A page of the desk. Subclasses build their widgets and implement refresh()."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        # A refresh builds a list's rows at once: no garbage collection halfway through.
        if "refresh" in cls.__dict__:
            cls.refresh = without_collection(cls.__dict__["refresh"])  # type: ignore[method-assign]

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self) -> None:
        # Reload now if visible; otherwise when next shown (saves work on every save).
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        """Reload from the services."""

    def open_record(self, kind: str, record_id: str) -> bool:
        """Show the given record if this view owns that kind; return True when handled."""
        return False

    def unsaved_input(self) -> str:
        """What the view holds that is not saved ("Fremmødet til …"), or ""."""
        return ""

    def save_input(self) -> bool:
        """Save what unsaved_input names; True when saved."""
        return True

    def discard_input(self) -> None:
        """Drop what unsaved_input names and show the saved data again."""

    def settle_input(self) -> bool:
        """Before leaving the view (closing, another view, F5): True when nothing unsaved is
        left, after asking Gem, Kassér or Bliv if there was."""
        what = self.unsaved_input()
        return not what or unsaved.settle(self, what, self.save_input, self.discard_input)

    def new_record(self) -> None:
        """Create a record of the kind this view lists (Rediger ▸ Ny, Ctrl+N); default: none."""
