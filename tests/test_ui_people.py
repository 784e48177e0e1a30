"""Personer og organisationer in the window: create, refuse bad input, filter, delete, undo."""

from __future__ import annotations

import pytest
from desk_window import ViewOpener
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import people
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.dialogs.people import OrganisationDialog, PersonDialog
from kulturpunkt_desk.ui.views.people import PeopleView


def test_bad_email_and_phone_are_shown_beside_their_fields_and_nothing_saved(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    _, view = open_view(demo_db, "people", PeopleView)
    count = len(people.list_people(demo_db))
    view.new_record()
    dialog = view.dialog
    assert isinstance(dialog, PersonDialog)
    qtbot.keyClicks(dialog.name, "Signe Testesen")
    qtbot.keyClicks(dialog.email, "signe-at-example.com")
    qtbot.keyClicks(dialog.phone, "123")
    dialog.try_save()
    assert dialog.isVisible()
    assert "ikke en gyldig e-mailadresse" in dialog.error_labels["email"].text()
    assert "ikke et dansk telefonnummer" in dialog.error_labels["phone"].text()
    assert not dialog.error_labels["name"].isVisibleTo(dialog)
    assert len(people.list_people(demo_db)) == count

    dialog.email.setText("signe@example.com")
    dialog.phone.setText("10990011")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    saved = next(p for p in people.list_people(demo_db) if p.name == "Signe Testesen")
    assert saved.phone == "10 99 00 11"
    assert view.people_tab.table.current_id() == saved.id
    row = view.person_model.row_of_id(saved.id)
    assert view.person_model.index(row, 2).data() == "10 99 00 11"


def test_an_organisation_with_a_bad_cvr_is_refused_then_saved_and_found_again(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "people", PeopleView)
    view.tabs.setCurrentWidget(view.organisations_tab)
    view.new_record()
    dialog = view.dialog
    assert isinstance(dialog, OrganisationDialog)
    qtbot.keyClicks(dialog.name, "Testhuset")
    qtbot.keyClicks(dialog.cvr, "12345678")
    dialog.municipality.setCurrentText("Morsø")
    dialog.try_save()
    assert "kontrolcifferet passer ikke" in dialog.error_labels["cvr"].text()
    assert all(o.name != "Testhuset" for o in people.list_organisations(demo_db))
    dialog.cvr.setText("")
    dialog.try_save()
    saved = next(o for o in people.list_organisations(demo_db) if o.name == "Testhuset")
    assert saved.municipality == "Morsø"

    window.close()
    again, view2 = open_view(demo_db, "people", PeopleView)
    again.open_record("organisation", saved.id)
    assert view2.tabs.currentWidget() is view2.organisations_tab
    assert view2.organisations_tab.table.current_record().name == "Testhuset"


def test_filter_narrows_the_list_and_open_record_clears_it(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "people", PeopleView)
    tab = view.people_tab
    total = tab.table.proxy.rowCount()
    qtbot.keyClicks(tab.filter, "fjordglimt")  # matches the Lokalområder column
    shown = tab.table.proxy.rowCount()
    assert 0 < shown < total
    assert tab.count.text() == f"{shown} af {total} vist"
    other = next(
        p
        for p in people.list_people(demo_db)
        if all(m.area.name != "Fjordglimt" for m in p.memberships)
    )
    window.open_record("person", other.id)
    assert tab.filter.text() == ""
    assert tab.table.current_id() == other.id


def test_deleting_a_person_is_undone_with_ctrl_z_memberships_included(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "people", PeopleView)
    person = next(p for p in people.list_people(demo_db) if p.memberships)
    window.open_record("person", person.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.people_tab.delete_button.click()
    assert view.person_model.row_of_id(person.id) == -1
    window.undo_action.trigger()
    back = people.get_person(demo_db, person.id)
    assert len(back.memberships) == len(person.memberships)
    row = view.person_model.row_of_id(person.id)
    assert row >= 0 and view.person_model.index(row, 5).data()


def test_delete_key_deletes_only_from_the_list_not_while_typing_in_the_filter(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "people", PeopleView)
    asked: list[str] = []

    def answer_no(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = view.people_tab
    tab.filter.setFocus()
    qtbot.keyClicks(tab.filter, "anne")
    tab.filter.setCursorPosition(0)
    qtbot.keyClick(tab.filter, Qt.Key.Key_Delete)
    assert tab.filter.text() == "nne" and asked == []
    tab.table.selectRow(0)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "Vil du slette" in asked[0]
