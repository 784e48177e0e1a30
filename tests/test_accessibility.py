"""Every view and every dialog can be used with a screen reader and the keyboard alone.

The views come from the main window's navigation and every QDialog subclass under
kulturpunkt_desk.ui is built with the demo data, so what is added later is checked too. A
dialog whose constructor takes a parameter named differently from those in ARGUMENTS fails
until that name joins ARGUMENTS (one line).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from accessibility_audit import audit, menu_duplicates
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

import kulturpunkt_desk.ui
from kulturpunkt_desk.domain.ekr_demo import load_ekr_demo
from kulturpunkt_desk.domain.services import areas, ekr_partnership, grants, templates
from kulturpunkt_desk.storage.backup import copy_database
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database
from kulturpunkt_desk.ui.context import DeskContext
from kulturpunkt_desk.ui.main_window import VIEWS, MainWindow


def dialog_classes() -> list[type[QDialog]]:
    found: dict[str, type[QDialog]] = {}
    package = kulturpunkt_desk.ui
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[key] for key in sorted(found)]


def busiest_area(db: Database, programme_id: int) -> int:
    """The area with the most instalments: its forms have the most to show."""
    ids = [a.id for a in areas.list_areas(db, programme_id)]
    return max(ids, key=lambda i: (len(grants.area_instalments(db, i)), -i))


# How a dialog's constructor parameter is filled, by the parameter's name.
ARGUMENTS: dict[str, Callable[[DeskContext, int], Any]] = {
    "ctx": lambda ctx, area_id: ctx,
    "db": lambda ctx, area_id: ctx.db,
    "programme_id": lambda ctx, area_id: ctx.programme_id,
    "title": lambda ctx, area_id: "Prøve",
    "area_id": lambda ctx, area_id: area_id,
    "area": lambda ctx, area_id: areas.get_area(ctx.db, area_id),
    "member": lambda ctx, area_id: areas.area_people(ctx.db, area_id)[0],
    "person_id": lambda ctx, area_id: areas.area_people(ctx.db, area_id)[0].person_id,
    "instalment": lambda ctx, area_id: grants.area_instalments(ctx.db, area_id)[0],
    "default_ore": lambda ctx, area_id: 5_000_000,
    "template": lambda ctx, area_id: templates.latest_template(ctx.db, ctx.programme_id),
    "partnership_id": lambda ctx, area_id: ekr_partnership.list_partnerships(ctx.db)[0].id,
    "case": lambda ctx, area_id: None,
    "parent": lambda ctx, area_id: None,
    "path": lambda ctx, area_id: sample_pdf(ctx, area_id),
}


def sample_pdf(ctx: DeskContext, area_id: int) -> Path:
    """A real PDF to preview: the area's agreement (a draft where it may have none)."""
    import tempfile

    from kulturpunkt_desk.documents.agreement import render_agreement

    out = Path(tempfile.mkdtemp()) / "aftale.pdf"
    return render_agreement(ctx.db, area_id, out, draft=True)


@pytest.fixture(scope="module")
def full_demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Kulturpunkt's demo areas and Europæisk Kulturregion in one file."""
    path = copy_database(demo_template, tmp_path_factory.mktemp("a11y") / "full.sqlite")
    database = open_database(path, user="demo")
    load_ekr_demo(database)
    database.dispose()
    return path


@pytest.fixture
def window(qtbot: QtBot, full_demo: Path, tmp_path: Path) -> Iterator[MainWindow]:
    database = open_database(copy_database(full_demo, tmp_path / "a.sqlite"), user="test")
    main = MainWindow(database)
    qtbot.addWidget(main)
    main.show()
    yield main
    database.dispose()


@pytest.mark.parametrize("key", [spec.key for spec in VIEWS])
def test_every_view_names_its_controls_and_lets_tab_through(window: MainWindow, key: str) -> None:
    view = window.show_view(key)
    area_id = busiest_area(window.ctx.db, window.ctx.programme_id)
    view.open_record("area", area_id)  # the area's page, in the view that has one
    findings = audit(view, window.menuBar())
    assert findings.named > 0
    assert findings.problems() == []


def test_menus_use_each_alt_letter_once(window: MainWindow) -> None:
    assert menu_duplicates(window.menuBar()) == []


@pytest.mark.parametrize("cls", dialog_classes(), ids=lambda cls: cls.__name__)
def test_every_dialog_names_its_controls_and_lets_tab_through(
    qtbot: QtBot, window: MainWindow, cls: type[QDialog]
) -> None:
    ctx = window.ctx
    area_id = busiest_area(ctx.db, ctx.programme_id)
    parameters = inspect.signature(cls.__init__).parameters.values()
    required = [
        p
        for p in list(parameters)[1:]
        if p.default is inspect.Parameter.empty
        and p.kind != p.VAR_KEYWORD
        and p.kind != p.VAR_POSITIONAL
    ]
    unknown = [p.name for p in required if p.name not in ARGUMENTS]
    assert unknown == [], f"add {unknown} to ARGUMENTS to build {cls.__name__}"
    kwargs = {p.name: ARGUMENTS[p.name](ctx, area_id) for p in required}
    dialog = cls(**kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    findings = audit(dialog)
    dialog.reject()
    assert findings.problems() == []


def test_audit_finds_an_unnamed_field_a_tab_trap_and_a_letter_used_twice(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import (
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QPushButton,
        QTableWidget,
        QVBoxLayout,
        QWidget,
    )

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    unnamed = QLineEdit()
    unnamed.setPlaceholderText("Navn")  # a placeholder is no name
    trap = QTableWidget(3, 3)
    notes = QPlainTextEdit()  # Tab would type a tab character
    notes.setAccessibleName("Noter")
    layout.addWidget(unnamed)
    layout.addWidget(trap)
    layout.addWidget(notes)
    layout.addWidget(QLabel("ingen"))
    layout.addWidget(QPushButton("&Gem"))
    layout.addWidget(QPushButton("&Gendan"))
    root.show()
    findings = audit(root)
    assert [u.split()[0] for u in findings.unnamed] == ["QLineEdit", "QTableWidget"]
    assert [t.split(" in ")[0] + " " + t.split()[2] for t in findings.tab_traps] == [
        "Key_Tab QTableWidget",
        "Key_Backtab QTableWidget",
        "Key_Tab QPlainTextEdit",  # Shift+Tab does leave a text box
    ]
    assert findings.duplicate_mnemonics == ["Alt+G: &Gem / &Gendan"]
