"""Indstillinger: one registry of settings with their defaults, team-wide ones in the
database (the window and the command line read the same), this laptop's in its
preferences; recently used databases, save dialogs that open where the user saved last,
and Hjælp with the guide (F1) and the keyboard shortcuts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from desk_window import ViewOpener
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain import settings
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.services import attention, backups, programmes, week
from kulturpunkt_desk.storage import backup as storage_backup
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import documents_menu, preferences
from kulturpunkt_desk.ui.help_menu import GuideDialog, ShortcutsDialog
from kulturpunkt_desk.ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_declared_once_with_its_default() -> None:
    keys = [s.key for s in settings.REGISTRY]
    assert len(keys) == len(set(keys))
    assert settings.BACKUP_KEEP.default == storage_backup.DEFAULT_KEEP == 20
    assert settings.COMING_DAYS.default == 14
    # The backup count's default was written out in three places; now only storage has it.
    for module in ("storage/startup.py", "storage/migrate.py", "domain/services/backups.py"):
        source = (ROOT / "kulturpunkt_desk" / module).read_text(encoding="utf-8")
        assert "= 20" not in source and "else 20" not in source, module


def test_a_team_setting_out_of_range_is_refused_in_danish(db: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        settings.write(db, settings.COMING_DAYS, 0)
    assert refused.value.errors == {
        "overview.coming_days": "Overblikkets kommende dage: skal være mellem 1 og 90."
    }
    assert settings.read(db, settings.COMING_DAYS) == 14


def test_the_dialog_saves_region_and_team_settings_which_the_cli_follows(
    qtbot: QtBot,
    demo_db: Database,
    open_view: ViewOpener,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    window, _ = open_view(demo_db)
    dialog = SettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.edits["contact_cvr"].text() == "29190941"
    assert dialog.numbers["backup.keep"].value() == 20
    assert dialog.numbers["overview.coming_days"].value() == 14
    dialog.edits["signatory_name"].setText("Kim Eksempel")
    dialog.numbers["overview.coming_days"].setValue(7)
    dialog.numbers["backup.keep"].setValue(3)
    (tmp_path / "Aftaler").mkdir()
    dialog.folder.setText(str(tmp_path / "Aftaler"))
    dialog.try_save()
    assert dialog.result() == dialog.DialogCode.Accepted

    assert settings.read(demo_db, settings.COMING_DAYS) == 7
    assert backups.backup_keep(demo_db) == 3 == storage_backup.backup_keep(demo_db.path)
    programme = programmes.current_programme(demo_db)
    assert programme is not None and programme.signatory_name == "Kim Eksempel"
    assert documents_menu.documents_folder() == tmp_path / "Aftaler"
    # Overblik and the morning check on the command line look 7 days ahead now.
    assert window.views["overview"].week.fortnight.text() == "Næste &7 dage"
    assert main(["overblik", "--db", str(demo_db.path), "--date", "20.01.2026"]) == 0
    assert "De næste 7 dage:" in capsys.readouterr().out
    day = date(2026, 1, 20)
    ahead = week.ahead(demo_db, programme.id, day)
    assert all(i.due_on <= date(2026, 1, 27) for i in ahead)
    assert [i for i in attention.attention_items(demo_db, programme.id, day) if not i.overdue]

    window.ctx.undo_stack.undo()
    assert settings.read(demo_db, settings.COMING_DAYS) == 14
    assert backups.backup_keep(demo_db) == 20
    assert preferences.text(settings.DOCUMENTS_FOLDER) == dialog.folder_before


def test_a_bad_value_names_its_field_and_saves_nothing(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, _ = open_view(demo_db)
    dialog = SettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.edits["contact_cvr"].setText("123")
    dialog.numbers["overview.coming_days"].setValue(30)
    dialog.folder.setText("/findes/ikke")
    dialog.try_save()
    assert "CVR" in dialog.error_labels["contact_cvr"].text()  # every wrong field at once
    assert dialog.error_labels["folders/documents"].text()
    assert settings.read(demo_db, settings.COMING_DAYS) == 14  # nothing half saved
    assert window.ctx.undo_stack.count() == 0
    dialog.edits["contact_cvr"].setText("29190941")
    dialog.try_save()
    assert dialog.error_labels["folders/documents"].text() == (
        "Mappe til dokumenter: mappen findes ikke."
    )
    assert settings.read(demo_db, settings.COMING_DAYS) == 14


def test_a_save_dialog_opens_in_the_folder_used_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents_menu, "documents_folder", lambda: tmp_path / "Dokumenter")
    started: list[str] = []
    chosen = tmp_path / "Møder 2026" / "status.pdf"
    chosen.parent.mkdir()

    def answer(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        started.append(start)
        return str(chosen), ""

    monkeypatch.setattr(documents_menu.QFileDialog, "getSaveFileName", answer)
    assert documents_menu.ask_save(None, "Gem", "status.pdf", [documents_menu.PDF_FILTER])
    assert documents_menu.ask_save(None, "Gem", "aftale.pdf", [documents_menu.PDF_FILTER])
    assert started == [
        str(tmp_path / "Dokumenter" / "status.pdf"),
        str(tmp_path / "Møder 2026" / "aftale.pdf"),
    ]


def test_recently_used_databases_are_offered_in_filer(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener, tmp_path: Path
) -> None:
    window, _ = open_view(demo_db)
    other = tmp_path / "anden.sqlite"
    assert window.switch_database(other, create=True)
    menu = window.recent_menu  # type: ignore[attr-defined]
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert texts == [f"&1 demo.sqlite – {demo_db.path.parent}"]
    menu.actions()[0].trigger()
    assert window.ctx.db.path.resolve() == demo_db.path.resolve()
    assert preferences.recent_databases()[:2] == [demo_db.path.resolve(), other.resolve()]
    window.ctx.db.close()


def test_hjaelp_has_the_guide_on_f1_and_lists_the_shortcuts(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    window, _ = open_view(demo_db)
    guide_action = window.guide_action  # type: ignore[attr-defined]
    assert guide_action.shortcut() == QKeySequence("F1")
    guide = GuideDialog(window)
    qtbot.addWidget(guide)
    assert "Overblik" in guide.text.toPlainText()
    keys = ShortcutsDialog(window)
    qtbot.addWidget(keys)
    rows = {
        keys.table.item(n, 0).text(): keys.table.item(n, 1).text()
        for n in range(keys.table.rowCount())
    }
    assert rows["Ctrl+F"] == "Redigér ▸ Søg"
    assert rows["F1"] == "Hjælp ▸ Vejledning"
    assert rows["Ctrl+1"] == "Vis ▸ Overblik"


def test_each_table_remembers_its_sort_order_and_column_widths(
    qtbot: QtBot, demo_db: Database, open_view: ViewOpener
) -> None:
    from PySide6.QtCore import Qt

    from kulturpunkt_desk.ui.views.areas import AreasView

    window, view = open_view(demo_db, "areas", AreasView)
    view.table.horizontalHeader().resizeSection(1, 222)
    view.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    window.close()

    _, again = open_view(demo_db, "areas", AreasView)
    header = again.table.horizontalHeader()
    assert header.sectionSize(1) == 222
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        4,
        Qt.SortOrder.DescendingOrder,
    )
    amounts = [
        again.model.rows[again.proxy.mapToSource(again.proxy.index(r, 0)).row()]
        for r in range(again.proxy.rowCount())
    ]
    assert [a.awarded_ore for a in amounts] == sorted(
        (a.awarded_ore for a in amounts), reverse=True
    )
