"""Tilskud in the window: register a payment, plan instalments, refuse bad input, undo."""

from __future__ import annotations

from datetime import date

import pytest
from desk_window import ViewOpener
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import areas, grants, programmes
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.domain.services.grants import AgreementData
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import palette
from kulturpunkt_desk.ui.dialogs.grants import InstalmentDialog, PaymentDialog, PlanDialog
from kulturpunkt_desk.ui.views.grants import GrantsView

PAID, LEFT = 3, 4  # columns of the area table


def cell(view: GrantsView, area_id: str, column: int) -> str:
    return str(view.model.index(view.model.row_of_id(area_id), column).data())


def demo_programme(db: Database) -> int:
    programme = programmes.current_programme(db)
    assert programme is not None
    return programme.id


def signed_unpaid_area(db: Database, programme_id: str) -> int:
    return next(
        a.id
        for a in grants.grant_overview(db, programme_id)
        if a.agreement
        and a.agreement.signed_by_region_on
        and a.grant
        and a.grant.instalments
        and all(i.paid_on is None for i in a.grant.instalments)
    )


def test_registering_a_payment_changes_paid_and_left(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "grants", GrantsView)
    pid = window.ctx.programme_id
    area_id = signed_unpaid_area(demo_db, pid)
    first = grants.area_instalments(demo_db, area_id)[0]
    window.open_record("instalment", first.id)
    assert view.table.current_id() == area_id
    assert view.instalment_table.current_id() == first.id
    assert cell(view, area_id, PAID) == "0 kr."
    assert cell(view, area_id, LEFT) == "50.000 kr."

    view.pay_button.click()
    dialog = view.dialog
    assert isinstance(dialog, PaymentDialog)
    dialog.paid_on.set_value(date(2025, 7, 1))
    dialog.try_save()
    assert not dialog.isVisible()

    assert grants.area_instalments(demo_db, area_id)[0].paid_on == date(2025, 7, 1)
    assert cell(view, area_id, PAID) == "40.000 kr."
    assert cell(view, area_id, LEFT) == "10.000 kr."
    assert view.instalment_table.current_id() == first.id
    assert view.instalments.index(0, 3).data() == "01.07.2025"
    assert "udbetalt 250.000 kr." in view.totals.text()

    window.close()  # a new window on the same file shows the payment
    _, view2 = open_view(demo_db, "grants", GrantsView)
    assert cell(view2, area_id, PAID) == "40.000 kr."


def test_payment_before_the_agreement_is_signed_is_refused_beside_the_field(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    # The demo's agreements are all signed (May 2025, as the seed has it): unsign one.
    unsigned = areas.find_area(demo_db, demo_programme(demo_db), "Møllehøj")
    grants.record_agreement(demo_db, unsigned.id, AgreementData(sent_on=date(2025, 5, 12)))
    window, view = open_view(demo_db, "grants", GrantsView)
    pid = window.ctx.programme_id
    area = next(
        a
        for a in grants.grant_overview(demo_db, pid)
        if a.grant and a.grant.instalments and not (a.agreement and a.agreement.signed_by_area_on)
    )
    rate = area.grant.instalments[0]  # type: ignore[union-attr]
    window.open_record("instalment", rate.id)
    view.pay_button.click()
    dialog = view.dialog
    assert isinstance(dialog, PaymentDialog)
    dialog.try_save()
    assert dialog.isVisible()
    assert "samarbejdsaftalen er underskrevet" in dialog.error_labels["paid_on"].text()
    assert grants.area_instalments(demo_db, area.id)[0].paid_on is None


def test_bad_amount_is_shown_next_to_the_field_and_nothing_saved(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "grants", GrantsView)
    area_id = signed_unpaid_area(demo_db, window.ctx.programme_id)
    before = len(grants.area_instalments(demo_db, area_id))
    view.table.select_id(area_id)
    view.new_instalment_button.click()
    dialog = view.dialog
    assert isinstance(dialog, InstalmentDialog)
    qtbot.keyClicks(dialog.amount, "halvtreds")
    dialog.try_save()
    assert "er ikke et beløb" in dialog.error_labels["amount_ore"].text()
    dialog.amount.setText("1.000")  # more than the 50.000 kr. awarded in total
    dialog.try_save()
    assert "kun bevilget 50.000 kr." in dialog.error_labels["amount_ore"].text()
    assert len(grants.area_instalments(demo_db, area_id)) == before


def test_award_and_plan_instalments_for_a_new_area(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "grants", GrantsView)
    area_id = areas.create_area(demo_db, window.ctx.programme_id, AreaData("Nyby", "Læsø"))
    window.ctx.changed()
    view.table.select_id(area_id)
    assert cell(view, area_id, 1) == "Ikke bevilget"
    view.award_button.click()
    assert view.dialog is not None
    view.dialog.try_save()  # the programme's 50.000 kr. is filled in
    assert cell(view, area_id, 1) == "50.000 kr."
    view.plan_button.click()
    dialog = view.dialog
    assert isinstance(dialog, PlanDialog)
    dialog.first_due.set_value(date(2026, 1, 15))
    dialog.count.setValue(3)
    dialog.try_save()
    planned = grants.area_instalments(demo_db, area_id)
    assert [i.amount_ore for i in planned] == [kr("16666.68"), kr("16666.66"), kr("16666.66")]
    assert view.instalments.rowCount() == 3
    assert cell(view, area_id, 2) == "50.000 kr."


def test_deleting_an_instalment_is_undone_with_ctrl_z(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "grants", GrantsView)
    area_id = signed_unpaid_area(demo_db, window.ctx.programme_id)
    last = grants.area_instalments(demo_db, area_id)[-1]
    window.open_record("instalment", last.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_instalment_button.click()
    assert [i.id for i in grants.area_instalments(demo_db, area_id)] != []
    assert last.id not in [i.id for i in grants.area_instalments(demo_db, area_id)]
    assert view.instalments.row_of_id(last.id) == -1
    window.undo_action.trigger()
    assert last.id in [i.id for i in grants.area_instalments(demo_db, area_id)]
    assert view.instalments.row_of_id(last.id) >= 0


def test_agreement_dates_are_edited_in_the_agreements_tab(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    # Every demo agreement is signed (May 2025, as the seed has it): start one afresh.
    area_id = areas.find_area(demo_db, demo_programme(demo_db), "Engholm").id
    grants.delete_agreement(demo_db, area_id)
    window, view = open_view(demo_db, "grants", GrantsView)
    window.open_record("agreement", area_id)
    assert view.tabs.currentWidget() is view.agreements
    assert view.agreements.table.current_id() == area_id
    view.agreements.agreement_button.click()
    dialog = view.agreements.dialog
    assert dialog is not None
    field = dialog.signed_by_region_on  # type: ignore[attr-defined]
    assert field.value() is None
    qtbot.keyClick(field, Qt.Key.Key_Up)  # from "Ingen dato" straight to today
    assert field.value() == date.today()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None
    dialog.sent_on.set_value(date(2025, 6, 1))  # type: ignore[attr-defined]
    dialog.signed_by_area_on.set_value(date(2025, 5, 1))  # type: ignore[attr-defined]
    dialog.try_save()
    assert "kan ikke ligge før sendt" in dialog.error_labels["signed_by_area_on"].text()
    dialog.signed_by_area_on.set_value(date(2025, 6, 5))  # type: ignore[attr-defined]
    dialog.try_save()
    assert not dialog.isVisible()
    row = view.agreements.model.row_of_id(area_id)
    assert view.agreements.model.index(row, 3).data() == "01.06.2025"
    assert view.agreements.model.index(row, 4).data() == "05.06.2025"


def test_deleting_an_agreement_then_undo_restores_its_dates(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "grants", GrantsView)
    area_id = signed_unpaid_area(demo_db, window.ctx.programme_id)
    window.open_record("agreement", area_id)
    row = view.agreements.model.row_of_id(area_id)
    signed = view.agreements.model.index(row, 5).data()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.agreements.delete_button.click()
    area = next(
        a for a in grants.grant_overview(demo_db, window.ctx.programme_id) if a.id == area_id
    )
    assert area.agreement is None and area.interest is not None
    assert view.agreements.model.index(row, 5).data() == "–"
    window.undo_action.trigger()
    assert view.agreements.model.index(row, 5).data() == signed


def test_deleting_a_grant_takes_its_instalments_and_undo_brings_them_back(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    window, view = open_view(demo_db, "grants", GrantsView)
    area_id = signed_unpaid_area(demo_db, window.ctx.programme_id)
    before = [i.id for i in grants.area_instalments(demo_db, area_id)]
    view.table.select_id(area_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_grant_button.click()
    assert grants.area_instalments(demo_db, area_id) == []
    assert cell(view, area_id, 1) == "Ikke bevilget"
    window.undo_action.trigger()
    assert [i.id for i in grants.area_instalments(demo_db, area_id)] == before
    assert cell(view, area_id, 1) == "50.000 kr."


def test_a_grant_above_the_standard_and_totals_above_the_budget_warn_in_words(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, open_view: ViewOpener
) -> None:
    from kulturpunkt_desk.ui.dialogs import grants as grant_dialogs

    told: list[str] = []
    monkeypatch.setattr(grant_dialogs, "warn_after_saving", lambda _p, text: told.append(text))
    window, view = open_view(demo_db, "grants", GrantsView)
    pid = window.ctx.programme_id
    programme = programmes.current_programme(demo_db)
    assert programme is not None
    area_id = signed_unpaid_area(demo_db, pid)
    area = next(a for a in grants.grant_overview(demo_db, pid) if a.id == area_id)
    dialog = grant_dialogs.AwardDialog(window.ctx, area, programme.default_grant_ore, view)
    dialog.amount.set_ore(programme.total_budget_ore)  # alone as much as the whole budget
    dialog.try_save()
    assert "Over standardbeløbet" in told[-1] and "Over budgettet" in told[-1]
    assert "Over budgettet" in view.totals.text()  # in words, not in red alone
    assert palette.WARNING in view.totals.styleSheet()
