"""Europæisk Kulturregion's new screens driven as the team uses them (issue 19, 6-11): the
funding rule and a population file with two periods, a budget line made and undone, an
effort refused without a responsible member, a stand-in in the secretariat, a mandate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from desk_window import ViewOpener
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.models import WheelMeetingKind
from kulturpunkt_desk.domain.services import (
    ekr_action_plan,
    ekr_budget,
    ekr_forum,
    ekr_frame_rule,
    ekr_funding,
    ekr_partnership,
    ekr_wheel,
)
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.views.ekr import EkrView


def test_the_funding_tab_shows_the_rule_as_the_status_summary_does(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    """Seed: "1 kr. pr. år pr. indbygger" ... "folketal minus ca. 1%" - one sentence from
    ekr_frame_rule, in the window, the status summary and the command line."""
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.funding
    view.tabs.setCurrentWidget(tab)
    rule = ekr_frame_rule.frame_rule(ekr_db, view.partnership_id, 2026)
    assert rule is not None
    assert rule.summary in tab.rule_label.text() and "Advarsel" not in tab.rule_label.text()
    tab.new_year_button.click()
    tab.set_frame("1.100.000")
    assert "Advarsel: Rammen for 2027" in tab.rule_label.text()
    # The margin is the partnership's setting: widen it and the warning goes.
    view.members.settings_button.click()
    dialog = view.members.settings_dialog
    assert dialog is not None and dialog.margin.value() == 2
    dialog.margin.setValue(20)
    dialog.try_save()
    assert "Advarsel" not in tab.rule_label.text()


def test_a_file_with_two_periods_asks_which_and_names_what_it_lacks(
    qtbot: QtBot,
    ekr_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    open_view: ViewOpener,
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.funding
    view.tabs.setCurrentWidget(tab)
    tab.new_year_button.click()
    path = tmp_path / "FOLK1A.csv"
    path.write_bytes(
        "\ufeffOMRÅDE;TID;INDHOLD\nAarhus;2017K4;335684\nAarhus;2018K1;336411\n".encode()
    )
    asked: list[list[str]] = []

    def choose(*args: object) -> tuple[str, bool]:
        asked.append(list(args[3]))  # type: ignore[call-overload]
        return "2018K1", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    tab.import_file(path)
    assert asked == [["2017K4", "2018K1"]]
    assert "Indlæste indbyggertal for 1 kommune (2018K1)." in tab.message.text()
    assert "Filen mangler: Favrskov Kommune" in tab.message.text()
    table = ekr_funding.contributions_table(ekr_db, view.partnership_id, 2027)
    aarhus = next(r for r in table.rows if r.name == "Aarhus Kommune")
    assert aarhus.population == 336411 and table.basis_date == date(2018, 1, 1)


def test_a_budget_line_is_made_in_its_form_and_undone(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.budget
    view.tabs.setCurrentWidget(tab)
    assert tab.year.year() == date.today().year or tab.year.year() in (2026, 2027)
    tab.year.setCurrentIndex(tab.year.findData(2026))
    assert "EU-midler hjemtaget i 2026: 400.000 kr." in tab.summary.text()
    tab.new_button.click()
    dialog = tab.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.name, "Europæisk netværksdag")
    dialog.planned.setText("50.000")
    dialog.spent.setText("abc")
    dialog.try_save()
    assert dialog.error_labels["spent_ore"].isVisible()  # the field is named, nothing saved
    assert len(ekr_budget.budget_overview(ekr_db, view.partnership_id, 2026).lines) == 7
    dialog.spent.setText("0")
    dialog.try_save()
    lines = ekr_budget.budget_overview(ekr_db, view.partnership_id, 2026).lines
    assert [line.name for line in lines][-1] == "Europæisk netværksdag"
    assert "ikke fordelt 50.000 kr." in tab.summary.text()
    view.ctx.undo_stack.undo()
    assert len(ekr_budget.budget_overview(ekr_db, view.partnership_id, 2026).lines) == 7
    view.ctx.undo_stack.redo()
    assert len(ekr_budget.budget_overview(ekr_db, view.partnership_id, 2026).lines) == 8


def test_an_effort_needs_a_responsible_member(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.plan
    view.tabs.setCurrentWidget(tab)
    tab.year.setCurrentIndex(tab.year.findData(2026))
    assert tab.model.rowCount() == 6
    assert "skulle være gennemført 30.06.2026" in tab.warning_label.text()
    tab.new_action()
    dialog = tab.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.title, "Temadag om børn og unge")
    dialog.try_save()
    assert dialog.error_labels["responsible_id"].text().startswith("Ansvarlig:")
    assert tab.model.rowCount() == 6
    dialog.responsible.setCurrentIndex(dialog.responsible.findText("Odder Kommune"))
    dialog.members.item(3).setCheckState(Qt.CheckState.Checked)
    dialog.try_save()
    plan = ekr_action_plan.action_plan(ekr_db, view.partnership_id, 2026)
    new = next(r for r in plan.rows if r.title == "Temadag om børn og unge")
    assert new.responsible == "Odder Kommune" and len(new.members) == 2
    assert tab.table.current_id() == new.action_id


def test_a_stand_in_at_the_secretariat_is_pointed_out_and_presence_undone(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    """Seed: "det fast er de samme en til to person/er, som deltager i fællessekretariat"."""
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.people
    view.tabs.setCurrentWidget(tab)
    tab.year.setCurrentIndex(tab.year.findData(2026))
    first = ekr_wheel.list_wheel(ekr_db, view.partnership_id, 2026)[0]
    assert first.kind == WheelMeetingKind.SECRETARIAT_DIGITAL
    tab.occasion.setCurrentIndex(tab.occasion.findData(f"meeting:{first.id}"))
    assert "Favrskov Kommune sendte" in tab.warning_label.text()
    stand_in = next(r for r in tab.model.rows if not r.fixed)
    assert tab.table.select_id(stand_in.participant_id)
    tab.toggle_presence()
    assert "Favrskov" not in tab.warning_label.text()  # only those who came count
    view.ctx.undo_stack.undo()
    assert "Favrskov Kommune sendte" in tab.warning_label.text()
    forum = ekr_forum.kulturforum_of_year(ekr_db, view.partnership_id, 2026)
    assert forum is not None
    tab.occasion.setCurrentIndex(tab.occasion.findData(f"forum:{forum.id}"))
    assert "Prioriteringer: Flere fælles EU-ansøgninger i 2027" in tab.details.text()
    assert tab.model.rowCount() == 13


def test_a_representatives_mandate_is_recorded_and_the_warning_goes(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    """Seed: "Repræsentanterne i fællessekretariatet skal have beslutningsmandat med fra eget
    bagland"."""
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.members
    pid = view.partnership_id
    assert "har intet beslutningsmandat" in tab.mandate_label.text()
    herning = next(m for m in ekr_partnership.list_members(ekr_db, pid) if "Herning" in m.name)
    assert tab.table.select_id(herning.id)
    row = next(i for i in range(tab.people.count()) if "intet mandat" in tab.people.item(i).text())
    tab.people.setCurrentRow(row)
    tab.mandate_on.set_value(date(2026, 3, 2))
    tab.mandate_button.click()
    assert "beslutningsmandat" not in tab.mandate_label.text()
    view.ctx.undo_stack.undo()
    assert "har intet beslutningsmandat" in tab.mandate_label.text()


def test_a_secretariat_meeting_starts_from_the_fixed_people_and_a_stand_in_is_added(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    view = open_view(ekr_db, "ekr", EkrView)[1]
    tab = view.people
    view.tabs.setCurrentWidget(tab)
    pid = view.partnership_id
    physical = next(
        m
        for m in ekr_wheel.list_wheel(ekr_db, pid, 2026)
        if m.kind == WheelMeetingKind.SECRETARIAT_PHYSICAL
    )
    tab.year.setCurrentIndex(tab.year.findData(2026))
    tab.occasion.setCurrentIndex(tab.occasion.findData(f"meeting:{physical.id}"))
    assert tab.prefill_button.isEnabled() and tab.model.rowCount() == 0
    tab.prefill_button.click()
    fixed = sum(len(m.representatives) for m in ekr_partnership.list_members(ekr_db, pid))
    assert tab.model.rowCount() == fixed and all(r.fixed for r in tab.model.rows)
    assert tab.warning_label.isHidden() and not tab.prefill_button.isEnabled()
    tab.add_participant()
    dialog = tab.dialog
    assert dialog is not None
    dialog.member.setCurrentIndex(dialog.member.findText("Skive Kommune"))
    qtbot.keyClicks(dialog.name, "Vikar Vestergaard")
    dialog.try_save()
    assert "Skive Kommune sendte Vikar Vestergaard" in tab.warning_label.text()
    view.ctx.undo_stack.undo()  # the stand-in
    view.ctx.undo_stack.undo()  # the whole prefill at once
    assert tab.model.rowCount() == 0


def test_an_effort_and_kulturforum_are_edited_and_the_edits_undone(
    qtbot: QtBot, ekr_db: Database, open_view: ViewOpener
) -> None:
    """Seed: Kulturforum is "mødested og prioriteringsrum for politikerne"."""
    from kulturpunkt_desk.domain.models import ActionStatus

    view = open_view(ekr_db, "ekr", EkrView)[1]
    pid = view.partnership_id
    tab = view.plan
    view.tabs.setCurrentWidget(tab)
    tab.year.setCurrentIndex(tab.year.findData(2026))
    late = next(r for r in tab.model.rows if r.status == ActionStatus.IN_PROGRESS)
    assert tab.table.select_id(late.action_id)
    tab.edit_selected()
    dialog = tab.dialog
    assert dialog is not None
    dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.DONE))
    dialog.try_save()
    done = ekr_action_plan.action_data(ekr_db, late.action_id)
    assert done.status == ActionStatus.DONE and done.member_ids  # members kept
    view.ctx.undo_stack.undo()
    assert ekr_action_plan.action_data(ekr_db, late.action_id).status == late.status

    people = view.people
    view.tabs.setCurrentWidget(people)
    people.year.setCurrentIndex(people.year.findData(2026))
    forum = ekr_forum.kulturforum_of_year(ekr_db, pid, 2026)
    assert forum is not None
    people.occasion.setCurrentIndex(people.occasion.findData(f"forum:{forum.id}"))
    people.edit_forum()
    editor = people.dialog
    assert editor is not None
    editor.priorities.setPlainText("Kulturens rolle i den grønne omstilling")
    editor.try_save()
    assert "grønne omstilling" in people.details.text()
    view.ctx.undo_stack.undo()
    again = ekr_forum.kulturforum_of_year(ekr_db, pid, 2026)
    assert again is not None and again.priorities == forum.priorities
