"""Forms that fit: with a message under every field, no form cuts a message or leaves the
screen (it grows, then scrolls), every field is reached by Tab; Ctrl+N and Ctrl+Tab help.

Every FormDialog under kulturpunkt_desk.ui is built as test_accessibility builds it, so a
form added later is checked too. Screenshots of the same at 1366x768, 1024x600 and 200 %
are taken by hand under xvfb (see the README's section on forms).
"""

from __future__ import annotations

import inspect

import pytest
from accessibility_audit import menu_bar_mnemonics, mnemonic_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_accessibility import ARGUMENTS, busiest_area, dialog_classes, full_demo, window

from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.mnemonics import MENU_BAR_LETTERS
from kulturpunkt_desk.ui.views.areas import AreasView
from kulturpunkt_desk.ui.widgets.form import FormDialog

__all__ = ["full_demo", "window"]  # fixtures shared with test_accessibility

FORMS = [cls for cls in dialog_classes() if issubclass(cls, FormDialog) and cls is not FormDialog]
LONG = "en fejlbesked, der er lang nok til at skulle brydes over flere linjer under sit felt."


def _build(window: MainWindow, cls: type[QDialog]) -> FormDialog:
    ctx = window.ctx
    area_id = busiest_area(ctx.db, ctx.programme_id)
    params = [
        p
        for p in list(inspect.signature(cls.__init__).parameters.values())[1:]
        if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
    ]
    dialog = cls(**{p.name: ARGUMENTS[p.name](ctx, area_id) for p in params})
    assert isinstance(dialog, FormDialog)
    return dialog


def _reached_by_tab(dialog: FormDialog, field: QWidget) -> bool:
    targets = {field, field.focusProxy()} - {None}
    start = QApplication.focusWidget()
    for _ in range(200):
        focused = QApplication.focusWidget()
        if focused in targets or any(t.isAncestorOf(focused) for t in targets if focused):
            return True
        dialog.focusNextChild()
        if QApplication.focusWidget() is start:
            return False
    return False


@pytest.mark.parametrize("cls", FORMS, ids=lambda cls: cls.__name__)
def test_every_form_shows_every_message_whole_and_reaches_every_field_by_tab(
    qtbot: QtBot, window: MainWindow, cls: type[QDialog]
) -> None:
    dialog = _build(window, cls)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_errors({name: f"{name}: {LONG}" for name in dialog.fields})
    QApplication.processEvents()
    screen = dialog.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry()), "the form left the screen"
    cut = [
        name
        for name, label in dialog.error_labels.items()
        if label.height() < label.heightForWidth(label.width()) - 1
    ]
    assert cut == [], "messages cut to fewer lines than they need"
    unreached = [
        n for n, f in dialog.fields.items() if f.isEnabled() and not _reached_by_tab(dialog, f)
    ]
    assert unreached == []
    dialog.done(0)


def test_ctrl_n_where_there_is_nothing_to_create_says_so(window: MainWindow) -> None:
    window.show_view("overview")
    window.new_action.trigger()
    assert "intet at oprette" in window.statusBar().currentMessage()


def test_ctrl_tab_steps_the_area_pages_tabs_from_inside_a_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.show_view("areas")
    assert isinstance(view, AreasView)
    view.open_record("area", busiest_area(window.ctx.db, window.ctx.programme_id))
    page = view.page
    page.tabs.setCurrentIndex(1)
    table = page.tabs.currentWidget().findChild(QTableView)
    assert table is not None
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 2
    qtbot.keyClick(
        QApplication.focusWidget() or page,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert page.tabs.currentIndex() == 1


def _letters(dialog: FormDialog) -> tuple[dict[str, str | None], dict[str, str]]:
    """(Alt-letter each field must have, letters of the boxes inside a group field).

    A field's letter is its label's, or its own text's when the field is one box to tick.
    Boxes in a group are reached by the group's letter, and have letters while any are left.
    """
    needed: dict[str, str | None] = {}
    in_groups: dict[str, str] = {}
    for name, field in dialog.fields.items():
        label = dialog.field_labels[name].text()
        own = field.text() if isinstance(field, QAbstractButton) else label
        needed[name] = mnemonic_of(own or label)
        for button in field.findChildren(QAbstractButton):
            letter = mnemonic_of(button.text())
            if letter:  # Qt's own buttons (a calendar's month) have none
                in_groups[f"{name}: {button.text()}"] = letter
    return needed, in_groups


@pytest.mark.parametrize("cls", FORMS, ids=lambda cls: cls.__name__)
def test_every_form_field_has_its_own_alt_letter_apart_from_the_menu_bar(
    qtbot: QtBot, window: MainWindow, cls: type[QDialog]
) -> None:
    dialog = _build(window, cls)
    qtbot.addWidget(dialog)
    menu_letters = {letter for letter, _ in menu_bar_mnemonics(window.menuBar())}
    assert menu_letters == MENU_BAR_LETTERS
    needed, in_groups = _letters(dialog)
    assert [name for name, letter in needed.items() if letter is None] == []
    given = {**needed, **in_groups}
    seen: dict[str | None, str] = {}
    twice = []
    for name, letter in given.items():
        if letter in seen:
            twice.append(f"Alt+{letter}: {seen[letter]} / {name}")
        seen[letter] = name
    assert twice == []
    assert [name for name, letter in given.items() if letter in menu_letters] == []
    dialog.done(0)
