"""Qt's own dialogs speak the desk's Danish: message-box buttons, the file dialog and a
text field's context menu, spelt as every other dialog of the desk (Annullér, Gentag)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.ui.qt_danish import DeskDanish, install_qt_danish


@pytest.fixture
def danish(qapp: QApplication) -> Iterator[DeskDanish]:
    translator = install_qt_danish(qapp)
    assert translator is not None, "qtbase_da.qm ships with PySide6"
    yield translator
    qapp.removeTranslator(translator)


def texts(buttons: list[QPushButton]) -> set[str]:
    return {b.text() for b in buttons}


def test_a_message_box_has_danish_buttons_spelt_as_the_desks(
    qtbot: QtBot, danish: DeskDanish
) -> None:
    box = QMessageBox()
    qtbot.addWidget(box)
    b = QMessageBox.StandardButton
    for button in (b.Yes, b.No, b.Cancel, b.Save, b.Discard):
        box.addButton(button)
    shown = texts(box.buttons())
    assert {"&Ja", "&Nej", "Annullér", "Gem", "Forkast"} <= shown
    assert "Cancel" not in shown and "Annuller" not in shown


def test_the_file_dialog_speaks_danish(qtbot: QtBot, danish: DeskDanish) -> None:
    dialog = QFileDialog(None, "Gem statusoverblik")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "&Filnavn:" in labels
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    assert texts(box.buttons()) == {"&Gem", "Annullér"}


def test_a_text_fields_context_menu_says_fortryd_and_gentag(
    qtbot: QtBot, danish: DeskDanish
) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    actions = {a.text().split("\t")[0] for a in menu.actions() if a.text()}
    assert {"&Fortryd", "&Gentag", "K&lip", "&Kopiér", "&Sæt ind", "Markér alt"} <= actions
    menu.deleteLater()


def test_the_desks_own_texts_pass_through_untouched(danish: DeskDanish) -> None:
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "Overblik") == "Overblik"
    assert QCoreApplication.translate("FormDialog", "Gem") == "Gem"
