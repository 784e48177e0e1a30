"""Two desks save the same record: no update is lost, and real conflicts reach a person."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas, edit_conflicts
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.domain.services.audit import history
from kulturpunkt_desk.domain.services.edit_conflicts import EditConflict, saving_from
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.conflict_dialog import ConflictDialog
from kulturpunkt_desk.ui.context import DeskContext
from kulturpunkt_desk.ui.dialogs.area_dialogs import AreaDialog


@pytest.fixture
def colleague(db: Database) -> Iterator[Database]:
    """A second desk on the same database (file or server), logged in as someone else."""
    other = Database(db.backend.target, user="kollega")
    yield other
    other.dispose()


def _data(db: Database, area_id: str, **changes: str) -> AreaData:
    area = areas.get_area(db, area_id)
    data = AreaData(
        name=area.name, municipality=area.municipality, vision=area.vision, idea=area.idea
    )
    return replace(data, **changes)


@pytest.fixture
def area_id(db: Database, programme_id: str) -> str:
    return areas.create_area(
        db, programme_id, AreaData(name="Fjordglimt", municipality="Aalborg", vision="Hav")
    )


def test_changes_to_different_fields_merge(db: Database, colleague: Database, area_id: str) -> None:
    form = edit_conflicts.seen(areas.get_area(db, area_id))
    areas.update_area(colleague, area_id, _data(colleague, area_id, vision="Fjord og hav"))

    # The form still holds the old vision; only the idea was typed.
    mine = AreaData(name="Fjordglimt", municipality="Aalborg", vision="Hav", idea="Sejlads")
    with saving_from(form):
        areas.update_area(db, area_id, mine)

    area = areas.get_area(db, area_id)
    assert (area.vision, area.idea) == ("Fjord og hav", "Sejlads")


MINE = AreaData(name="Fjordglimt", municipality="Aalborg", vision="Min vision", idea="Ny")


def _both_change_the_vision(db: Database, colleague: Database, area_id: str) -> EditConflict:
    """The form opens, the colleague saves a new vision, the user saves another one."""
    form = edit_conflicts.seen(areas.get_area(db, area_id))
    areas.update_area(colleague, area_id, _data(colleague, area_id, vision="Kollegaens vision"))
    with pytest.raises(EditConflict) as caught, saving_from(form):
        areas.update_area(db, area_id, MINE)
    return caught.value


def test_the_same_field_changed_on_both_desks_is_refused_with_both_values(
    db: Database, colleague: Database, area_id: str
) -> None:
    conflict = _both_change_the_vision(db, colleague, area_id)

    (field,) = conflict.fields
    assert (field.name, field.base, field.theirs, field.mine) == (
        "vision",
        "Hav",
        "Kollegaens vision",
        "Min vision",
    )
    assert conflict.by == "kollega" and conflict.at is not None
    assert "vision" in str(conflict)
    # Nothing of the refused save was written: the colleague's value stands.
    area = areas.get_area(db, area_id)
    assert (area.vision, area.idea) == ("Kollegaens vision", "")

    # The user keeps their own vision; the save goes through against the colleague's version.
    with saving_from(conflict.resolved({"vision": "mine"})):
        areas.update_area(db, area_id, MINE)
    area = areas.get_area(db, area_id)
    assert (area.vision, area.idea) == ("Min vision", "Ny")
    assert [e.user for e in history(db, area_id)][-2:] == ["kollega", "testbruger"]


def test_taking_the_colleagues_value_keeps_it_and_the_users_other_changes(
    db: Database, colleague: Database, area_id: str
) -> None:
    conflict = _both_change_the_vision(db, colleague, area_id)
    with saving_from(conflict.resolved({"vision": "theirs"})):
        areas.update_area(db, area_id, MINE)
    area = areas.get_area(db, area_id)
    assert (area.vision, area.idea) == ("Kollegaens vision", "Ny")


def test_a_save_without_a_colleagues_change_goes_through_as_usual(
    db: Database, area_id: str
) -> None:
    form = edit_conflicts.seen(areas.get_area(db, area_id))
    with saving_from(form):
        areas.update_area(db, area_id, _data(db, area_id, vision="Ny vision"))
    area = areas.get_area(db, area_id)
    assert area.vision == "Ny vision" and area.row_version == form.row_version + 1


def test_the_form_asks_field_by_field_and_saves_the_users_choice(
    qtbot: QtBot, db: Database, colleague: Database, area_id: str
) -> None:
    """Two desks: the colleague saves a new vision while this desk's form is open; saving
    the form shows both visions, the user takes the colleague's for the vision and keeps
    their own notes; the idea the colleague did not touch is the user's."""
    dialog = AreaDialog(DeskContext(db), area=areas.get_area(db, area_id))
    qtbot.addWidget(dialog)
    colleague_data = _data(colleague, area_id, vision="Kollegaens vision")
    areas.update_area(colleague, area_id, replace(colleague_data, notes="Kollegaens noter"))

    dialog.vision.setPlainText("Min vision")
    dialog.notes.setPlainText("Mine noter")
    dialog.idea.setPlainText("Min idé")
    asked: list[ConflictDialog] = []

    def answer() -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, ConflictDialog)
        asked.append(shown)
        theirs, _mine = shown.groups["vision"]
        theirs.setChecked(True)
        shown.accept()

    QTimer.singleShot(0, answer)
    dialog.try_save()

    (conflict,) = asked
    assert set(conflict.groups) == {"vision", "notes"}
    texts = [w.text() for w in conflict.findChildren(QLabel)]
    assert "Hav" in texts and any("kollega" in t for t in texts)
    assert dialog.result() == QDialog.DialogCode.Accepted
    area = areas.get_area(db, area_id)
    assert (area.vision, area.notes, area.idea) == ("Kollegaens vision", "Mine noter", "Min idé")


def test_cancelling_the_choice_keeps_the_form_open_with_the_input(
    qtbot: QtBot, db: Database, colleague: Database, area_id: str
) -> None:
    dialog = AreaDialog(DeskContext(db), area=areas.get_area(db, area_id))
    qtbot.addWidget(dialog)
    areas.update_area(colleague, area_id, _data(colleague, area_id, vision="Kollegaens vision"))
    dialog.vision.setPlainText("Min vision")

    def cancel() -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, ConflictDialog)
        shown.reject()

    QTimer.singleShot(0, cancel)
    dialog.try_save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.vision.toPlainText() == "Min vision"
    assert "Fælles udfordring/vision" in dialog.general_error.text()
    assert areas.get_area(db, area_id).vision == "Kollegaens vision"
