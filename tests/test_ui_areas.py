"""Lokalområder through the widgets: create an area with its people, filter the list,
refuse bad input beside the field, delete and undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas, overview, people
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.dialogs.area_dialogs import AreaDialog, NewPersonDialog
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.views.areas import AreasView
from kulturpunkt_desk.ui.widgets.form import FormDialog


def open_window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):  # shortcuts only reach the active window
        window.activateWindow()
    return window


def when_dialog_opens(kind: type[FormDialog], fill: Callable[[Any], None]) -> list[str]:
    """Fill the next modal dialog of `kind` when it opens; returns a list of failures."""
    problems: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, act)  # not open yet
            return
        try:
            fill(dialog)
        except Exception as exc:  # reported by the test, not lost in the event loop
            problems.append(repr(exc))
            dialog.reject()

    QTimer.singleShot(0, act)
    return problems


def click_save(qtbot: QtBot, dialog: FormDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def test_new_area_with_steering_group_and_primary_contact_is_saved_and_shown(
    qtbot: QtBot, db: Database, programme_id: int
) -> None:
    window = open_window(qtbot, db)
    view = window.show_view("areas")
    assert isinstance(view, AreasView)

    def area_form(d: AreaDialog) -> None:
        qtbot.keyClicks(d.name, "Klithuse")
        d.municipality.lineEdit().clear()
        qtbot.keyClicks(d.municipality.lineEdit(), "Thisted")
        qtbot.keyClicks(d.vision, "Klitten som fælles scene")
        qtbot.keyClicks(d.cvr, "30007921")
        click_save(qtbot, d)

    problems = when_dialog_opens(AreaDialog, area_form)
    window.new_action.trigger()  # Ctrl+N in Lokalområder
    assert problems == []
    area = areas.find_area(db, programme_id, "Klithuse")
    assert view.page.area_id == area.id and view.page.title.text() == "Klithuse"

    for name, role, primary in (("Ane Fisker", "Formand", True), ("Bo Smed", "Kasserer", False)):

        def person_form(
            d: NewPersonDialog, name: str = name, role: str = role, primary: bool = primary
        ) -> None:
            qtbot.keyClicks(d.name, name)
            qtbot.keyClicks(d.phone, "10 20 30 40")
            qtbot.keyClicks(d.role, role)
            assert d.steering.isChecked()  # the usual case is ticked already
            if primary:
                qtbot.mouseClick(d.primary, Qt.MouseButton.LeftButton)
            click_save(qtbot, d)

        problems = when_dialog_opens(NewPersonDialog, person_form)
        view.page.people.new_person()
        assert problems == []

    people = areas.area_people(db, area.id)
    assert [(m.person.name, m.role, m.in_steering_group, m.is_primary_contact) for m in people] == [
        ("Ane Fisker", "Formand", True, True),
        ("Bo Smed", "Kasserer", True, False),
    ]
    window.close()

    again = open_window(qtbot, db)
    again.open_record("area", area.id)
    page = again.show_view("areas").page  # type: ignore[attr-defined]
    assert page.title.text() == "Klithuse"
    assert "Thisted" in page.status.text()
    assert page.vision.text() == "Klitten som fælles scene"
    model = page.people.members
    shown = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert shown == [["Ane Fisker", "Formand", "✔", "✔"], ["Bo Smed", "Kasserer", "✔", ""]]
    conditions = page.conditions.text()
    assert "Ane Fisker" in conditions and "2 personer i styregruppen" in conditions


def test_bad_cvr_is_shown_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, db: Database, programme_id: int
) -> None:
    window = open_window(qtbot, db)
    window.show_view("areas")
    seen: dict[str, object] = {}

    def area_form(d: AreaDialog) -> None:
        qtbot.keyClicks(d.name, "Klithuse")
        qtbot.keyClicks(d.cvr, "12345678")
        click_save(qtbot, d)
        error = d.error_labels["recipient_cvr"]
        seen.update(visible=error.isVisible(), text=error.text(), open=d.isVisible())
        seen["name_error"] = d.error_labels["name"].isVisible()
        d.reject()

    problems = when_dialog_opens(AreaDialog, area_form)
    window.new_action.trigger()
    assert problems == []
    assert seen["visible"] and seen["open"] and not seen["name_error"]
    assert "kontrolcifferet passer ikke" in str(seen["text"])
    assert areas.list_areas(db, programme_id) == []


def test_filters_narrow_the_list_and_money_sorts_by_amount(qtbot: QtBot, demo_db: Database) -> None:
    window = open_window(qtbot, demo_db)
    view = window.show_view("areas")
    assert isinstance(view, AreasView)
    proxy = view.table.model()
    assert proxy.rowCount() == 11
    qtbot.keyClicks(view.search, "fjord")
    names = sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount()))
    assert names == ["Fjordglimt", "Møllehøj"]  # Møllehøj lies in Mariagerfjord
    assert view.count_label.text() == "2 af 11 lokalområder"
    view.status_filter.setCurrentIndex(view.status_filter.findText("Afsluttet"))
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Fjordglimt"]
    view.search.clear()
    view.status_filter.setCurrentIndex(0)
    view.contact_filter.setCurrentIndex(view.contact_filter.findText("Uden primær kontaktperson"))
    assert proxy.rowCount() == 0
    view.contact_filter.setCurrentIndex(0)
    view.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # Tilbage
    left = [proxy.index(r, 6).data() for r in range(proxy.rowCount())]
    assert left[:3] == ["50.000 kr."] * 3 and left[-1] == "0 kr."


def test_delete_key_deletes_the_area_and_ctrl_z_brings_it_back(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_db)
    view = window.show_view("areas")
    assert isinstance(view, AreasView)
    programme_id = window.ctx.programme_id
    target = areas.find_area(demo_db, programme_id, "Fjordglimt")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert view.table.select_id(target.id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.table.model().rowCount() == 10
    assert "Fjordglimt" not in {r.name for r in overview.area_summaries(demo_db, programme_id)}
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.table.model().rowCount() == 11
    back = areas.find_area(demo_db, programme_id, "Fjordglimt")
    assert back.uuid == target.uuid
    assert len(areas.get_area(demo_db, back.id).members) == 4


def test_area_page_opens_on_enter_and_escape_returns_to_the_list(
    qtbot: QtBot, demo_db: Database
) -> None:
    window = open_window(qtbot, demo_db)
    view = window.show_view("areas")
    assert isinstance(view, AreasView)
    target = areas.find_area(demo_db, window.ctx.programme_id, "Havnestrøget")
    view.table.select_id(target.id)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.pages.currentWidget() is view.page
    assert view.page.title.text() == "Havnestrøget"
    # Not just set but shown whole: the header must not squeeze the name away.
    assert view.page.title.width() >= view.page.title.sizeHint().width()
    assert view.page.money.model.rowCount() == 2
    assert view.page.sparring.activities.rowCount() >= 2
    assert view.page.history.model.rowCount() > 5
    assert "ikke modtaget" in view.page.evaluation.text.toPlainText()
    qtbot.keyClick(view.page, Qt.Key.Key_Escape)
    assert view.pages.currentIndex() == 0 and view.table.current_id() == target.id


def test_activity_is_added_edited_and_deleted_on_the_area_page(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kulturpunkt_desk.ui.dialogs.activity import ActivityDialog

    window = open_window(qtbot, demo_db)
    area = areas.find_area(demo_db, window.ctx.programme_id, "Engholm")
    window.open_record("area", area.id)
    page = window.show_view("areas").page  # type: ignore[attr-defined]

    def activity_form(d: ActivityDialog) -> None:
        qtbot.keyClicks(d.title, "Høstmarked")
        d.participants.setValue(120)
        qtbot.keyClicks(d.target_groups, "børnefamilier, nye tilflyttere")
        from kulturpunkt_desk.domain.models import Sector

        qtbot.mouseClick(d.sector_boxes[Sector.BUSINESS], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(d.sector_boxes[Sector.SCHOOL], Qt.MouseButton.LeftButton)
        click_save(qtbot, d)

    problems = when_dialog_opens(ActivityDialog, activity_form)
    page.sparring.new_activity()
    assert problems == []
    saved = areas.get_area(demo_db, area.id).activities
    assert [(a.title, a.participants, a.target_groups, a.sectors) for a in saved] == [
        ("Høstmarked", 120, ["børnefamilier", "nye tilflyttere"], ["business", "school"])
    ]
    model = page.sparring.activities
    assert [model.index(0, c).data() for c in (1, 2, 3, 4)] == [
        "Høstmarked",
        "120",
        "børnefamilier, nye tilflyttere",
        "Erhvervsliv, Skole",
    ]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.sparring.activity_table.select_id(saved[0].id)
    page.sparring.delete_activity()
    assert areas.get_area(demo_db, area.id).activities == []
    window.undo_action.trigger()
    assert [a.title for a in areas.get_area(demo_db, area.id).activities] == ["Høstmarked"]


def test_payment_registered_on_the_page_moves_the_money_and_the_status(
    qtbot: QtBot, demo_db: Database
) -> None:
    from kulturpunkt_desk.ui.dialogs.grants import PaymentDialog

    window = open_window(qtbot, demo_db)
    area = areas.find_area(demo_db, window.ctx.programme_id, "Møllehøj")
    window.open_record("area", area.id)
    page = window.show_view("areas").page  # type: ignore[attr-defined]
    assert "Aftale underskrevet" in page.status.text()
    problems = when_dialog_opens(PaymentDialog, lambda d: click_save(qtbot, d))
    page.money.register_payment()  # no row chosen: the first unpaid instalment
    assert problems == []
    assert overview.area_status(demo_db, area.id).value == "grant_paid"
    assert "Tilskud udbetalt" in page.status.text()
    assert "udbetalt 40.000 kr." in page.money.summary.text()


def test_attachment_is_copied_beside_the_database_and_listed_with_the_evaluation(
    qtbot: QtBot, demo_db: Database, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    source = tmp_path / "program.txt"
    source.write_text("Fjordfest 2026", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window = open_window(qtbot, demo_db)
    area = areas.find_area(demo_db, window.ctx.programme_id, "Fjordglimt")
    window.open_record("area", area.id)
    page = window.show_view("areas").page  # type: ignore[attr-defined]
    page.evaluation.add_attachment()
    model = page.evaluation.attachments
    assert model.rowCount() == 1 and model.index(0, 0).data() == "program.txt"
    stored = areas.get_area(demo_db, area.id).attachments[0]
    from kulturpunkt_desk.domain.services import evaluations

    assert evaluations.verify_attachment(demo_db, stored)
    shown = page.evaluation.text.toPlainText()
    assert "Modtaget 12.06.2026" in shown and "Styregruppen fortsætter som fast forum." in shown


def test_existing_person_joins_becomes_primary_contact_and_leaves_with_undo(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kulturpunkt_desk.ui.dialogs.area_dialogs import ExistingPersonDialog

    window = open_window(qtbot, demo_db)
    area = areas.find_area(demo_db, window.ctx.programme_id, "Bakkekammen")
    window.open_record("area", area.id)
    page = window.show_view("areas").page  # type: ignore[attr-defined]
    newcomer = people.list_people(demo_db, "Søren Fogh")[0]

    def existing_form(d: ExistingPersonDialog) -> None:
        d.person.lineEdit().clear()
        qtbot.keyClicks(d.person.lineEdit(), "Søren Fogh")
        qtbot.keyClicks(d.role, "Ildsjæl")
        click_save(qtbot, d)

    problems = when_dialog_opens(ExistingPersonDialog, existing_form)
    page.people.existing_person()
    assert problems == []
    members = {m.person.name: m for m in areas.area_people(demo_db, area.id)}
    assert members["Søren Fogh"].role == "Ildsjæl" and members["Søren Fogh"].in_steering_group

    page.people.member_table.select_id(members["Søren Fogh"].id)
    page.people.make_primary()
    primary = [m.person.name for m in areas.area_people(demo_db, area.id) if m.is_primary_contact]
    assert primary == ["Søren Fogh"]
    assert "Søren Fogh" in page.conditions.text()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.tabs.setCurrentWidget(page.people)
    page.people.member_table.select_id(members["Søren Fogh"].id)
    # Two tables share the tab: Delete acts on the one that has focus.
    with qtbot.waitActive(window):  # the closed dialog took the activation with it
        window.activateWindow()
    page.people.member_table.setFocus()
    qtbot.keyClick(page.people.member_table, Qt.Key.Key_Delete)
    assert newcomer.id not in {m.person_id for m in areas.area_people(demo_db, area.id)}
    assert people.list_people(demo_db, "Søren Fogh")  # still in the register
    window.undo_action.trigger()
    back = [m for m in areas.area_people(demo_db, area.id) if m.person_id == newcomer.id]
    assert back and back[0].is_primary_contact


def test_area_form_saves_signatory_and_case_number_and_keeps_them_on_edit(
    qtbot: QtBot, db: Database, programme_id: int
) -> None:
    from kulturpunkt_desk.ui.context import DeskContext

    window = open_window(qtbot, db)
    ctx: DeskContext = window.ctx
    new = AreaDialog(ctx, window)
    qtbot.addWidget(new)
    qtbot.keyClicks(new.name, "Klithuse")
    new.municipality.setCurrentText("Thisted")
    qtbot.keyClicks(new.signatory_name, "Formand Eksempel")
    qtbot.keyClicks(new.signatory_title, "Formand")
    qtbot.keyClicks(new.case_number, "25-000123")
    new.try_save()
    area = areas.find_area(db, programme_id, "Klithuse")
    assert (area.signatory_name, area.signatory_title, area.case_number) == (
        "Formand Eksempel",
        "Formand",
        "25-000123",
    )
    edit = AreaDialog(ctx, window, areas.get_area(db, area.id))  # an edit keeps them
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit.vision, "Klitten")
    edit.try_save()
    again = areas.get_area(db, area.id)
    assert again.case_number == "25-000123" and again.signatory_name == "Formand Eksempel"


def test_an_attachment_pointing_outside_the_store_is_never_opened(
    qtbot: QtBot, demo_db: Database, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog
    from sqlalchemy import update

    from kulturpunkt_desk.domain.models import Attachment

    source = tmp_path / "program.txt"
    source.write_text("Fjordfest 2026", encoding="utf-8")
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("adgangskode", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    opened: list[str] = []
    warned: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    window = open_window(qtbot, demo_db)
    area = areas.find_area(demo_db, window.ctx.programme_id, "Fjordglimt")
    window.open_record("area", area.id)
    page = window.show_view("areas").page  # type: ignore[attr-defined]
    page.evaluation.add_attachment()
    with demo_db.transaction() as s:  # someone edited the file by hand
        s.execute(update(Attachment).values(stored_path=str(secret)))
    window.ctx.changed()
    assert page.evaluation.table.select_id(areas.get_area(demo_db, area.id).attachments[0].id)
    page.evaluation.open_attachment()
    assert opened == [] and "uden for bilagsmappen" in warned[0]
