"""Europæisk Kulturregion in the window: record a payment, adjust the wheel, take
attendance, set an engagement level in place, add a representative."""

from __future__ import annotations

from datetime import date

import pytest
from desk_window import ViewOpener
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.models import EngagementLevel, WheelMeetingKind
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import ekr_funding, ekr_partnership, ekr_themes, ekr_wheel
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import payment_questions
from kulturpunkt_desk.ui.views import ekr_wheel as ekr_wheel_view
from kulturpunkt_desk.ui.views.ekr import EkrView
from kulturpunkt_desk.ui.wheel_preview_dialog import WheelPreviewDialog


def _member(db: Database, pid: int, prefix: str) -> int:
    return next(m.id for m in ekr_partnership.list_members(db, pid) if m.name.startswith(prefix))


def test_a_payment_is_recorded_from_the_funding_table(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.funding
    view.tabs.setCurrentWidget(tab)
    assert tab.year.currentData() == 2026
    assert "Struer Kommune" in tab.late_label.text()
    struer = _member(ekr_db, view.partnership_id, "Struer")
    assert tab.table.select_id(struer)
    tab.on_date.set_value(date(2026, 4, 20))
    tab.pay_button.click()
    row = next(
        r
        for r in ekr_funding.contributions_table(ekr_db, view.partnership_id, 2026).rows
        if r.member_id == struer
    )
    assert row.paid_on == date(2026, 4, 20)
    assert "Struer" not in tab.late_label.text() and "Lemvig" in tab.late_label.text()
    assert tab.message.text() == "Betaling fra Struer Kommune registreret 20.04.2026."


def test_paying_again_names_the_date_and_cancelling_names_the_amount(
    qtbot: QtBot, ekr_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    asked: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(
        payment_questions, "ask", lambda _p, _t, text, _y: asked.append(text) or next(answers)
    )
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.funding
    view.tabs.setCurrentWidget(tab)
    struer = _member(ekr_db, view.partnership_id, "Struer")

    def paid_on() -> date | None:
        rows = ekr_funding.contributions_table(ekr_db, view.partnership_id, 2026).rows
        return next(r.paid_on for r in rows if r.member_id == struer)

    assert tab.table.select_id(struer)
    tab.on_date.set_value(date(2026, 4, 20))
    tab.pay_button.click()
    assert asked == []  # not paid before: no question
    assert tab.table.select_id(struer)
    tab.on_date.set_value(date(2026, 5, 1))
    tab.pay_button.click()  # answered no
    assert "allerede betalt 20.04.2026" in asked[-1]
    assert paid_on() == date(2026, 4, 20)
    assert tab.table.select_id(struer)
    amount = next(r.amount_ore for r in tab.table_data.rows if r.member_id == struer)  # type: ignore[union-attr]
    tab.undo_pay_button.click()  # answered yes
    assert format_kr(amount) in asked[-1]
    assert paid_on() is None
    view.ctx.undo_stack.undo()  # Ctrl+Z: the payment is back
    assert paid_on() == date(2026, 4, 20)


def test_a_payment_without_a_chosen_municipality_is_explained(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    view.funding.table.clearSelection()
    view.funding.pay_button.click()
    assert "Vælg den kommune" in view.funding.message.text()


def test_the_wheel_is_adjusted_and_the_chair_follows_the_new_host(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.wheel
    view.tabs.setCurrentWidget(tab)
    pid = view.partnership_id
    physical = next(
        m
        for m in ekr_wheel.list_wheel(ekr_db, pid, 2026)
        if m.kind == WheelMeetingKind.SECRETARIAT_PHYSICAL
    )
    assert tab.table.select_id(physical.id)
    skive = _member(ekr_db, pid, "Skive")
    tab.host.setCurrentIndex(tab.host.findData(skive))
    assert tab.chair.currentData() == skive  # the host chairs
    tab.held_on.set_value(date(2026, 5, 19))
    tab.minutes.setPlainText("Referat: handleplanen er vedtaget.")
    tab.save_button.click()
    moved = next(m for m in ekr_wheel.list_wheel(ekr_db, pid, 2026) if m.id == physical.id)
    assert moved.held_on == date(2026, 5, 19)
    assert moved.host_id == moved.chair_id == skive
    assert moved.minutes == "Referat: handleplanen er vedtaget."


def test_next_years_wheel_is_a_preview_adjusted_before_it_is_saved(
    qtbot: QtBot, ekr_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.wheel
    view.tabs.setCurrentWidget(tab)
    assert tab.propose_button.text() == "Foreslå årshjul for 2027"
    seen: list[int] = []

    def adjust_and_save(dialog: WheelPreviewDialog) -> bool:
        seen.append(len(ekr_wheel.list_wheel(ekr_db, view.partnership_id, 2027)))
        first = dialog.rows[0]
        first.place.setText("Kulturhuset, Herning")  # the team adjusts before saving
        dialog.try_save()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(ekr_wheel_view, "open_preview", adjust_and_save)
    tab.propose_button.click()
    assert seen == [0]  # nothing was saved while the preview was open
    saved = ekr_wheel.list_wheel(ekr_db, view.partnership_id, 2027)
    assert saved[0].place == "Kulturhuset, Herning"
    assert tab.year.currentData() == 2027
    assert tab.model.rowCount() == 6
    hosts = [m.host.name for m in tab.model.rows if m.kind == WheelMeetingKind.SECRETARIAT_PHYSICAL]  # type: ignore[union-attr]
    assert hosts == ["Herning Kommune", "Holstebro Kommune"]  # after Favrskov, Hedensted


def test_attendance_is_taken_and_keeping_away_shows(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.wheel
    view.tabs.setCurrentWidget(tab)
    pid = view.partnership_id
    last = ekr_wheel.list_wheel(ekr_db, pid, 2026)[-1]
    assert tab.table.select_id(last.id)
    members = [m.id for m in ekr_partnership.list_members(ekr_db, pid)]
    for member_id in members:
        tab.set_present(member_id, True)
    samso = _member(ekr_db, pid, "Samsø")
    tab.set_present(samso, False)
    tab.save_attendance_button.click()
    saved = next(m for m in ekr_wheel.list_wheel(ekr_db, pid, 2026) if m.id == last.id)
    assert {a.member_id for a in saved.attendance if not a.present} == {samso}
    assert tab.away.text().startswith("Holder sig væk:")


def test_an_engagement_level_is_set_in_the_grid_in_place(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.themes
    view.tabs.setCurrentWidget(tab)
    model = tab.model
    index = model.index(1, 2)
    member_id = model.grid.members[1][0]
    theme_id = model.grid.themes[2].theme_id
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    combo = tab.view.findChild(QComboBox)
    assert isinstance(combo, QComboBox)
    chosen = combo.findData(EngagementLevel.LEADING.value)
    combo.setCurrentIndex(chosen)
    combo.activated.emit(chosen)
    assert (
        ekr_themes.engagement_grid(ekr_db, view.partnership_id).level(member_id, theme_id)
        == EngagementLevel.LEADING
    )
    assert index.data() == "Førende"
    assert index.data(Qt.ItemDataRole.UserRole) == "leading"


def test_adding_a_representative_clears_the_warning(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.members
    pid = view.partnership_id
    assert "Samsø Kommune har ingen fast repræsentant" in tab.warning_label.text()
    assert tab.table.select_id(_member(ekr_db, pid, "Samsø"))
    qtbot.keyClicks(tab.name, "Vera Vestergaard")
    qtbot.keyClicks(tab.role_title, "Kulturkonsulent")
    qtbot.keyClicks(tab.phone, "10 99 00 01")
    tab.add_button.click()
    assert "Samsø" not in tab.warning_label.text()
    assert (
        tab.people.count() == 1 and "Vera Vestergaard, Kulturkonsulent" in tab.people.item(0).text()
    )


def test_an_empty_database_offers_to_create_the_partnership(
    qtbot: QtBot, db: Database, open_view: ViewOpener
) -> None:
    view = open_view(db, "ekr", EkrView)[1]
    assert view.stack.currentIndex() == 0
    view.create_button.click()
    assert view.stack.currentIndex() == 1
    assert view.members.model.rowCount() == 21


def test_a_new_year_copies_the_key_and_its_frame_can_be_changed(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.funding
    view.tabs.setCurrentWidget(tab)
    assert not tab.frame_button.isEnabled()  # 2026 is invoiced: locked
    tab.new_year_button.click()
    assert tab.year.currentData() == 2027 and tab.frame_button.isEnabled()
    tab.set_frame("1.400.000")
    table = ekr_funding.contributions_table(ekr_db, view.partnership_id, 2027)
    assert table.total_ore == table.frame_ore == 140_000_000
    assert table.budget_ore == 280_000_000
    locked = ekr_funding.contributions_table(ekr_db, view.partnership_id, 2026)
    assert locked.total_ore == 130_000_000
    tab.set_frame("mange penge")
    assert "er ikke et beløb" in tab.message.text()


def test_the_default_frame_is_a_setting_used_by_the_next_new_year(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    view.members.settings_button.click()
    dialog = view.members.settings_dialog
    assert dialog is not None and dialog.frame.text() == "1.300.000"
    dialog.frame.setText("1.350.000")
    dialog.street.setText("Demovej 1")
    dialog.try_save()
    assert dialog.result() == 1
    partnership = ekr_partnership.get_partnership(ekr_db, view.partnership_id)
    assert (
        partnership.default_frame_ore == 135_000_000 and partnership.contact_street == "Demovej 1"
    )
    view.tabs.setCurrentWidget(view.funding)
    view.funding.new_year_button.click()
    table = ekr_funding.contributions_table(ekr_db, view.partnership_id, 2027)
    assert table.frame_ore == table.total_ore == 135_000_000


def test_a_members_letter_address_is_saved(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.members
    odder = _member(ekr_db, view.partnership_id, "Odder")
    assert tab.table.select_id(odder)
    tab.address.setText("Demogade 3, 8300 Odder")
    tab.address_button.click()
    saved = next(
        m for m in ekr_partnership.list_members(ekr_db, view.partnership_id) if m.id == odder
    )
    assert saved.address == "Demogade 3, 8300 Odder"
