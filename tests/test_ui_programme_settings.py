"""The region's details and the letter block are entered in the desk, and can be undone."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.models import Programme
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.views.programme_settings import ProgrammeSettingsDialog


def current(db: Database) -> Programme:
    programme = programmes.current_programme(db)
    assert programme is not None
    return programme


def test_case_number_and_case_handler_are_saved_and_undone(demo_db: Database, qtbot: QtBot) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = ProgrammeSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.edits["contact_cvr"].text() == "29190941"
    assert dialog.edits["signatory_title"].text() == "Kulturchef"
    dialog.case.case_number.setText("25-004711")
    dialog.case.handler_name.setText("Sagsbehandler Eksempel")
    dialog.case.handler_phone.setText("11223344")
    dialog.edits["signatory_name"].setText("Kim Eksempel")
    dialog.try_save()
    saved = current(demo_db)
    assert (saved.case_number, saved.case_handler_phone) == ("25-004711", "11 22 33 44")
    assert saved.signatory_name == "Kim Eksempel"
    window.ctx.undo_stack.undo()
    assert current(demo_db).case_number == ""
    window.ctx.undo_stack.redo()
    assert current(demo_db).case_number == "25-004711"


def test_a_bad_phone_is_named_and_nothing_is_saved(demo_db: Database, qtbot: QtBot) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = ProgrammeSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.case.case_number.setText("25-1")
    dialog.case.handler_phone.setText("12")
    dialog.try_save()
    assert "Sagsbehandlers direkte telefon" in dialog.error_labels["case_handler_phone"].text()
    assert current(demo_db).case_number == ""
    assert window.ctx.undo_stack.count() == 0


def test_partnership_settings_save_phone_and_letter_block(ekr_db: Database, qtbot: QtBot) -> None:
    from kulturpunkt_desk.domain.services import ekr_partnership
    from kulturpunkt_desk.ui.views.ekr_settings import PartnershipSettingsDialog

    window = MainWindow(ekr_db)
    qtbot.addWidget(window)
    partnership = ekr_partnership.current_partnership(ekr_db)
    assert partnership is not None
    dialog = PartnershipSettingsDialog(window.ctx, partnership.id, window)
    qtbot.addWidget(dialog)
    assert dialog.street.text() == "Skottenborg 26"
    dialog.phone.setText("87654321")
    dialog.case.case_number.setText("1-30-72-4-26")
    dialog.case.handler_email.setText("sag@example.com")
    dialog.try_save()
    saved = ekr_partnership.get_partnership(ekr_db, partnership.id)
    assert saved.contact_phone == "87 65 43 21"
    assert (saved.case_number, saved.case_handler_email) == ("1-30-72-4-26", "sag@example.com")
    window.ctx.undo_stack.undo()
    assert ekr_partnership.get_partnership(ekr_db, partnership.id).case_number == ""
