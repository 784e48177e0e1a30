"""What a screen reader and a keyboard user meet in a window, read through Qt's accessibility.

`audit(root)` walks one window (a view or a dialog) and lists what fails: inputs without
an accessible name, tables and lists without one, tables that keep Tab to themselves, and
Alt-letters used twice among the controls shown together. Pages of tab widgets and stacked
widgets are shown one at a time, because only the shown page's letters compete.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QWidget,
)

# What a user types into or chooses with: each must be named (by its label or otherwise).
INPUTS = (
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractButton,
    QAbstractItemView,
)
# Qt's own parts of a composite control (a spin box's editor, a combo box's popup list, a
# tab bar's scroll arrows, a calendar's grid) are named by the control that holds them.
COMPOSITES = (QAbstractSpinBox, QComboBox, QCalendarWidget, QTabBar, QAbstractItemView, QLineEdit)

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


@dataclass
class Findings:
    unnamed: list[str] = field(default_factory=list)
    named: int = 0
    tab_traps: list[str] = field(default_factory=list)
    duplicate_mnemonics: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"unnamed: {u}" for u in self.unnamed]
            + [f"Tab trap: {t}" for t in self.tab_traps]
            + [f"Alt-letter twice: {d}" for d in self.duplicate_mnemonics]
        )


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says the control is: the Name Qt's accessibility reports.

    A combo box's Name on Linux is its current value ("Alle statusser"), which says nothing
    about what is chosen; there its own name or the label pointing at it counts.
    """
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    if not isinstance(widget, QComboBox):
        return interface.text(QAccessible.Text.Name).strip()
    labels = [
        other.text(QAccessible.Text.Name).strip()
        for other, _ in interface.relations(QAccessible.Relation.Label)
    ]
    return widget.accessibleName().strip() or next((t for t in labels if t), "")


def describe(widget: QWidget) -> str:
    owner = widget.window()
    text = ""
    if isinstance(widget, QLineEdit):
        text = widget.placeholderText()
    elif isinstance(widget, QAbstractButton):
        text = widget.toolTip()
    return (
        f"{type(widget).__name__} {widget.objectName()!r} {text!r} "
        f"in {type(owner).__name__} {owner.windowTitle()!r}"
    )


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> Iterator[QWidget]:
    """Inputs, and any other widget Tab stops at (a drawn timeline, say)."""
    for widget in root.findChildren(QWidget):
        # A tab widget hands its focus to its tab bar (its focus proxy).
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and not (
            widget.focusProxy()
        )
        if (isinstance(widget, INPUTS) or takes_tab) and not _inside_composite(widget, root):
            yield widget


def mnemonic_of(text: str) -> str | None:
    match = _MNEMONIC.search(text)
    return match.group(1).casefold() if match else None


def shown_mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt-letter on the controls now visible in `root`."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or _inside_composite(widget, root):
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton | QGroupBox):
            texts.append(widget.text() if isinstance(widget, QAbstractButton) else widget.title())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(n) for n in range(widget.count()) if widget.isTabVisible(n)]
        for text in texts:
            letter = mnemonic_of(text)
            if letter:
                found.append((letter, text))
    return found


def duplicates(pairs: list[tuple[str, str]]) -> list[str]:
    counts = Counter(letter for letter, _ in pairs)
    return sorted(
        f"Alt+{letter.upper()}: " + " / ".join(t for ltr, t in pairs if ltr == letter)
        for letter in counts
        if counts[letter] > 1
    )


def menu_bar_mnemonics(bar: QMenuBar | None) -> list[tuple[str, str]]:
    if bar is None:
        return []
    return [(m, a.text()) for a in bar.actions() if (m := mnemonic_of(a.text()))]


def menu_duplicates(bar: QMenuBar) -> list[str]:
    found = duplicates(menu_bar_mnemonics(bar))
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            pairs = [(m, a.text()) for a in menu.actions() if (m := mnemonic_of(a.text()))]
            found += [f"menu {action.text()!r}: {d}" for d in duplicates(pairs)]
    return found


def texts(root: QWidget) -> list[QWidget]:
    """Text boxes, which keep Tab as a character unless told to pass it on."""
    return [*root.findChildren(QPlainTextEdit), *root.findChildren(QTextEdit)]


def leaves_on_tab(view: QWidget, key: Qt.Key) -> bool:
    """Tab (or Shift+Tab) from inside the table or text box moves the focus out of it."""
    view.setFocus(Qt.FocusReason.TabFocusReason)
    modifier = Qt.KeyboardModifier.NoModifier
    if key == Qt.Key.Key_Backtab:
        modifier = Qt.KeyboardModifier.ShiftModifier
    for _ in range(3):  # a table with rows would keep Tab for every cell
        QTest.keyClick(view, key, modifier)
        focus = view.window().focusWidget()
        if focus is not view and not view.isAncestorOf(focus):
            return True
    return False


def _stacks_outer_first(root: QWidget) -> list[QStackedWidget]:
    def depth(widget: QWidget) -> int:
        n = 0
        while widget is not root and widget is not None:
            widget, n = widget.parentWidget(), n + 1
        return n

    return sorted(root.findChildren(QStackedWidget), key=depth)


def _bring_forward(widget: QWidget, root: QWidget) -> None:
    """Make every page that holds `widget` the current page of its stack."""
    child, parent = widget, widget.parentWidget()
    while parent is not None and child is not root:
        if isinstance(parent, QStackedWidget):
            parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


def audit(root: QWidget, menu_bar: QMenuBar | None = None) -> Findings:
    """Check one shown window; with `menu_bar`, its letters count beside the window's own."""
    findings = Findings()
    for widget in controls(root):
        if accessible_name(widget):
            findings.named += 1
        else:
            findings.unnamed.append(describe(widget))
    tested: set[int] = set()
    dupes: set[str] = set()

    def check_shown() -> None:
        QApplication.processEvents()
        dupes.update(duplicates(shown_mnemonics(root) + menu_bar_mnemonics(menu_bar)))
        for view in root.findChildren(QAbstractItemView) + texts(root):
            if id(view) in tested or not view.isVisible() or _inside_composite(view, root):
                continue
            tested.add(id(view))
            if not view.isEnabled() or view.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                if not leaves_on_tab(view, key):
                    findings.tab_traps.append(f"{key.name} in {describe(view)}")

    check_shown()
    for stack in _stacks_outer_first(root):
        if _inside_composite(stack, root):
            continue
        for page in range(stack.count()):
            _bring_forward(stack, root)
            stack.setCurrentIndex(page)
            check_shown()
    findings.duplicate_mnemonics = sorted(dupes)
    return findings
