"""Filer: backups, import, personal data and retention reach their dialogs; switching files
goes through the desk lock and lets go of the old file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.services import areas, people, programmes
from kulturpunkt_desk.storage.desk_lock import lock_path
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.startup import DeskSession, start_desk
from kulturpunkt_desk.ui import backup_dialog
from kulturpunkt_desk.ui.backup_dialog import BackupDialog
from kulturpunkt_desk.ui.import_dialog import ImportDialog
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.person_data_dialog import PersonDataDialog, RetentionDialog
from kulturpunkt_desk.ui.safety_menu import PersonChoiceDialog


@pytest.fixture
def window(demo_db: Database, qtbot: QtBot) -> MainWindow:
    win = MainWindow(demo_db)
    qtbot.addWidget(win)
    return win


def file_actions(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [a.text().replace("&", "") or "---" for a in menu.actions()]


def trigger(window: MainWindow, text: str) -> None:
    menu = window.menuBar().actions()[0].menu()
    next(a for a in menu.actions() if a.text().replace("&", "") == text).trigger()


def changes(window: MainWindow) -> list[bool]:
    seen: list[bool] = []
    window.ctx.data_changed.connect(lambda: seen.append(True))
    return seen


def test_safety_actions_sit_in_filer_before_afslut(window: MainWindow) -> None:
    assert file_actions(window) == [
        "Åbn database…",
        "Ny database fra programskabelon…",
        "Forbind til server…",
        "Flet en fil ind i teamets database…",
        "Synkronisér med serveren…",
        "Seneste databaser",
        "Indstillinger…",
        "---",
        "Sikkerhedskopier og gendan…",
        "Importér lokalområder fra regneark…",
        "Personoplysninger om en person…",
        "Slettefrister (GDPR)…",
        "---",
        "Afslut",
    ]


def test_restoring_a_backup_clears_undo_and_reloads_the_window(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = window.ctx
    ctx.undo_stack.push(QUndoCommand("Ændring i den gamle fil"))
    changed = changes(window)
    fjord = areas.find_area(ctx.db, ctx.programme_id, "Fjordglimt")

    def take_then_restore(dialog: BackupDialog) -> int:
        dialog.backup_now()
        areas.delete_area(ctx.db, fjord.id)  # a change made after the backup
        dialog.restore(dialog.items[0].path)
        return 0

    monkeypatch.setattr(BackupDialog, "exec", take_then_restore)
    trigger(window, "Sikkerhedskopier og gendan…")

    assert ctx.undo_stack.count() == 0
    assert changed
    assert areas.find_area(ctx.db, ctx.programme_id, "Fjordglimt").id == fjord.id


def test_import_from_a_spreadsheet_adds_areas_and_reloads(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    sheet = tmp_path / "områder.csv"
    sheet.write_text("Navn;Kommune\nNyby Strand;Hjørring\n", encoding="utf-8")
    changed = changes(window)

    def load_and_import(dialog: ImportDialog) -> int:
        dialog.load(sheet)  # read in the background, as the window does
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
        dialog.run_import()
        qtbot.waitUntil(lambda: bool(dialog.imported), timeout=30_000)
        return 1

    monkeypatch.setattr(ImportDialog, "exec", load_and_import)
    trigger(window, "Importér lokalområder fra regneark…")

    ctx = window.ctx
    assert areas.find_area(ctx.db, ctx.programme_id, "Nyby Strand").municipality == "Hjørring"
    # The import commits in a worker thread; its news reaches the window's thread queued.
    qtbot.waitUntil(lambda: bool(changed), timeout=10_000)


def test_person_data_for_the_person_chosen_by_typing_part_of_the_name(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    jens = next(p for p in people.list_people(window.ctx.db) if p.name == "Jens Lykke")
    opened: list[int] = []

    def type_name(dialog: PersonChoiceDialog) -> int:
        dialog.search.setText("jens ly")
        shown = [
            dialog.list.item(r).text()
            for r in range(dialog.list.count())
            if not dialog.list.item(r).isHidden()
        ]
        assert len(shown) == 1 and shown[0].startswith("Jens Lykke")
        return 1

    monkeypatch.setattr(PersonChoiceDialog, "exec", type_name)
    monkeypatch.setattr(PersonDataDialog, "exec", lambda self: opened.append(self.person_id))
    trigger(window, "Personoplysninger om en person…")
    assert opened == [jens.id]


def test_no_person_dialog_when_the_choice_is_cancelled(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[int] = []
    monkeypatch.setattr(PersonChoiceDialog, "exec", lambda self: 0)
    monkeypatch.setattr(PersonDataDialog, "exec", lambda self: opened.append(self.person_id))
    trigger(window, "Personoplysninger om en person…")
    assert opened == []


def test_retention_list_opens_on_the_open_file(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Database] = []
    monkeypatch.setattr(RetentionDialog, "exec", lambda self: opened.append(self.db))
    trigger(window, "Slettefrister (GDPR)…")
    assert opened == [window.ctx.db]


# --- switching files through the desk lock ----------------------------------------------


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes of the opening flow, recorded instead of shown."""
    shown: list[str] = []

    def record(_parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(backup_dialog.QMessageBox, "warning", record)
    monkeypatch.setattr(backup_dialog.QMessageBox, "critical", record)
    monkeypatch.setattr("kulturpunkt_desk.ui.main_window.QMessageBox.critical", record)
    return shown


@pytest.fixture
def first(tmp_path: Path) -> Iterator[DeskSession]:
    """A desk on its own file, holding the lock as the application would."""
    session = start_desk(tmp_path / "første.sqlite")
    programmes.create_programme(session.db, programmes.kulturpunkt_2025_26(), "Aftale {område}")
    yield session
    session.close()


@pytest.fixture
def desk(first: DeskSession, qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(first.db)
    qtbot.addWidget(win)
    yield win
    win.ctx.db.close()


def test_switching_database_lets_go_of_the_old_files_lock(
    desk: MainWindow, first: DeskSession, tmp_path: Path, quiet: list[str]
) -> None:
    second = tmp_path / "anden.sqlite"
    assert lock_path(first.path).exists()

    assert desk.switch_database(second, create=True)

    assert desk.ctx.db.path == second and not desk.ctx.db.read_only
    assert programmes.current_programme(desk.ctx.db) is not None  # made from the template
    assert not lock_path(first.path).exists()
    assert lock_path(second).exists()
    colleague = start_desk(first.path, create=False)  # a second desk may now write there
    try:
        assert not colleague.read_only
    finally:
        colleague.close()
    assert quiet == []


def test_a_file_another_desk_holds_opens_read_only_when_the_user_agrees(
    desk: MainWindow, first: DeskSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = tmp_path / "kollegaens.sqlite"
    colleague = start_desk(second)
    programmes.create_programme(colleague.db, programmes.kulturpunkt_2025_26(), "Aftale")
    asked: list[str] = []

    def answer(_parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(backup_dialog.QMessageBox, "question", answer)
    try:
        assert desk.switch_database(second, create=False)
        assert desk.ctx.db.read_only
        assert "skrivebeskyttet" in asked[0]
        with pytest.raises(DeskError):
            areas.create_area(
                desk.ctx.db, desk.ctx.programme_id, areas.AreaData(name="X", municipality="Y")
            )
        assert not lock_path(first.path).exists()
        assert lock_path(second).exists()  # still the colleague's
    finally:
        colleague.close()


def test_refusing_read_only_keeps_the_file_that_was_open(
    desk: MainWindow, first: DeskSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = tmp_path / "kollegaens.sqlite"
    colleague = start_desk(second)
    monkeypatch.setattr(
        backup_dialog.QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No
    )
    try:
        assert not desk.switch_database(second, create=False)
        assert desk.ctx.db is first.db
        assert lock_path(first.path).exists()
    finally:
        colleague.close()


def test_a_file_that_is_not_a_database_is_refused_and_the_open_one_kept(
    desk: MainWindow, first: DeskSession, tmp_path: Path, quiet: list[str]
) -> None:
    foreign = tmp_path / "regnskab.sqlite"
    foreign.write_bytes(b"Dette er ikke en database. " * 100)

    assert not desk.switch_database(foreign, create=False)

    assert desk.ctx.db is first.db and lock_path(first.path).exists()
    assert len(quiet) == 1 and "kan ikke åbnes" in quiet[0]
    assert foreign.read_bytes().startswith(b"Dette er ikke")  # left untouched
    assert not lock_path(foreign).exists()


def test_opening_the_file_already_open_changes_nothing(
    desk: MainWindow, first: DeskSession, quiet: list[str]
) -> None:
    assert desk.switch_database(first.path, create=False)
    assert desk.ctx.db is first.db and lock_path(first.path).exists()
    assert quiet == []


def test_backup_dialog_names_its_folder_and_opens_it(
    demo_db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kulturpunkt_desk.storage.paths import backup_dir

    opened: list[Path] = []
    monkeypatch.setattr("kulturpunkt_desk.ui.documents_actions.open_document", opened.append)
    dialog = BackupDialog(demo_db)
    qtbot.addWidget(dialog)
    folder = backup_dir(demo_db.path)
    assert str(folder) in dialog.folder.text()
    if not dialog.items:
        assert "ingen sikkerhedskopier" in dialog.status.text()
    dialog.open_folder()
    assert opened == [folder] and folder.is_dir()


def test_person_chooser_is_driven_from_the_keyboard(demo_db: Database, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    dialog = PersonChoiceDialog(demo_db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "gaard")
    first = dialog.person_id()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    second = dialog.person_id()
    assert first is not None and second is not None and first != second
    chosen = people.get_person(demo_db, second)
    assert "gaard" in chosen.name.casefold() or "gaard" in (chosen.email or "")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.result() == 1
