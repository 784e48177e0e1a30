"""Every write the user makes goes on ONE undo stack through the services: Ctrl+Z puts the
database back exactly as it was, Ctrl+Shift+Z makes the write again.

`test_each_write_is_undone_and_redone` walks the kinds of write the desk makes (creating,
editing, paying, cancelling a payment, attendance, engagement, the year wheel, deleting);
`test_the_window_has_no_undo_of_its_own` holds that no view keeps a private undo or
refresh path around the services (so a new write is covered without being listed here).
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from kulturpunkt_desk.domain.models import (
    Area,
    Base,
    Contribution,
    Instalment,
    NetworkMeeting,
    Partnership,
    WheelMeeting,
)
from kulturpunkt_desk.domain.models.partnership_enums import EngagementLevel
from kulturpunkt_desk.domain.services import (
    areas,
    ekr_funding,
    ekr_themes,
    ekr_wheel,
    grants,
    meetings,
    programmes,
    trash,
)
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.context import DeskContext

_SKIPPED_COLUMNS = {"updated_at", "row_version"}


def dump(db: Database) -> dict[str, list[str]]:
    """Every row of every table but the audit log (history only grows), as text."""
    out: dict[str, list[str]] = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name == "audit_entry":
                continue
            rows = conn.execute(select(table)).mappings().all()
            out[table.name] = sorted(
                repr({k: v for k, v in r.items() if k not in _SKIPPED_COLUMNS}) for r in rows
            )
    return out


def _first(db: Database, query: Any) -> Any:
    with db.read() as s:
        found = s.scalars(query).first()
    assert found is not None
    return found


def create_area(db: Database) -> None:
    pid = programmes.current_programme(db).id  # type: ignore[union-attr]
    areas.create_area(db, pid, areas.AreaData(name="Nyby Strand", municipality="Hjørring"))


def edit_area(db: Database) -> None:
    area = _first(db, select(Area))
    areas.update_area(db, area.id, areas.AreaData(name=area.name + " Syd", municipality="Skive"))


def pay_instalment(db: Database) -> None:
    instalment = _first(db, select(Instalment).where(Instalment.paid_on.is_(None)))
    grants.mark_paid(db, instalment.id, instalment.due_on)


def cancel_instalment_payment(db: Database) -> None:
    instalment = _first(db, select(Instalment).where(Instalment.paid_on.is_not(None)))
    grants.mark_paid(db, instalment.id, None)


def record_attendance(db: Database) -> None:
    meeting = _first(db, select(NetworkMeeting))
    present = sorted(meetings.attendees(db, meeting.id))
    meetings.set_attendance(db, meeting.id, present[1:])


def delete_area(db: Database) -> None:
    area = _first(db, select(Area))
    trash.delete_record(db, Area, area.id, area.name)


def change_engagement(db: Database) -> None:
    partnership = _first(db, select(Partnership))
    grid = ekr_themes.engagement_grid(db, partnership.id)
    theme = grid.themes[0]
    member_id = next(m for m, _name in grid.members if (m, theme.theme_id) not in grid.levels)
    ekr_themes.set_engagement(db, theme.theme_id, member_id, EngagementLevel.LEADING)


def adjust_year_wheel(db: Database) -> None:
    meeting = _first(db, select(WheelMeeting))
    data = ekr_wheel.as_data(meeting)
    later = dataclasses.replace(data, held_on=data.held_on + timedelta(days=7), place="Vejle")
    ekr_wheel.update_wheel_meeting(db, meeting.id, later)


def pay_contribution(db: Database) -> None:
    contribution = _first(db, select(Contribution).where(Contribution.paid_on.is_(None)))
    ekr_funding.record_payment(db, contribution.id, date(2026, 3, 2))


def cancel_contribution_payment(db: Database) -> None:
    contribution = _first(db, select(Contribution).where(Contribution.paid_on.is_not(None)))
    ekr_funding.undo_payment(db, contribution.id)


PROGRAMME_WRITES: list[Callable[[Database], None]] = [
    create_area,
    edit_area,
    pay_instalment,
    cancel_instalment_payment,
    record_attendance,
    delete_area,
]
EKR_WRITES: list[Callable[[Database], None]] = [
    change_engagement,
    adjust_year_wheel,
    pay_contribution,
    cancel_contribution_payment,
]


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """An undo that fails says so in a box; here that is a failure, not a wait."""

    def refuse(_parent: object, title: str, text: str, *_args: object) -> None:
        raise AssertionError(f"{title}: {text}")

    monkeypatch.setattr(QMessageBox, "warning", refuse)


def _undo_and_redo(db: Database, write: Callable[[Database], None]) -> None:
    ctx = DeskContext(db)
    before = dump(db)
    write(db)
    after = dump(db)
    assert after != before, "the write changed nothing"
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.canUndo()
    ctx.undo_stack.undo()
    assert dump(db) == before
    ctx.undo_stack.redo()
    assert dump(db) == after
    ctx.close()


@pytest.mark.parametrize("write", PROGRAMME_WRITES, ids=lambda w: w.__name__)
def test_each_write_is_undone_and_redone(
    demo_db: Database, write: Callable[[Database], None], qtbot: Any
) -> None:
    _undo_and_redo(demo_db, write)


@pytest.mark.parametrize("write", EKR_WRITES, ids=lambda w: w.__name__)
def test_each_ekr_write_is_undone_and_redone(
    ekr_db: Database, write: Callable[[Database], None], qtbot: Any
) -> None:
    _undo_and_redo(ekr_db, write)


UI = Path(__file__).parent.parent / "kulturpunkt_desk" / "ui"


def test_the_window_has_no_undo_of_its_own() -> None:
    """Views write only through services; the services' journal is the one undo path, and
    the bus the one refresh path (F5, a restored file and a sync, which writes the file
    through its own connection, excepted)."""
    found: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(UI).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and where != "undo.py":
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                if "QUndoCommand" in bases:
                    found.append(f"{where}: undo command {node.name}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                name = node.func.attr
                pushed = name in {"push", "beginMacro"} and "undo_stack" in ast.unparse(node.func)
                if pushed and where != "context.py":
                    found.append(f"{where}:{node.lineno}: {ast.unparse(node.func)}")
                if name == "changed" and where not in {
                    "context.py",
                    "main_window.py",
                    "safety_menu.py",
                    "sync_menu.py",
                }:
                    found.append(f"{where}:{node.lineno}: hand-written refresh")
    assert found == []
