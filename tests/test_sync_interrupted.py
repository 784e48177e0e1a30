"""A sync cut off at any step (an error, the network gone, the process killed) leaves the
server and the laptop as before it or as after it, never between; the next sync
finishes the work, and nothing is sent twice."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sync_support import differences, rows_of

from kulturpunkt_desk.domain.models import SessionForm, SparringSession, SyncReceipt
from kulturpunkt_desk.domain.services import areas, programmes, sparring
from kulturpunkt_desk.domain.services.sync import sync
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database

pytestmark = pytest.mark.postgresql_only

BEFORE_THE_SERVER = ("changes_found", "pending_written")
AFTER_THE_SERVER = ("server_committed", "next_base_written", "laptop_committed")


class Cut(Exception):
    """The sync stops here, as if the network went or the process died."""


@dataclasses.dataclass
class Work:
    server: Database
    path: Path
    laptop: Database
    area_id: str
    session_id: str


def edit_area(db: Database, area_id: str, **changes: Any) -> None:
    area = areas.get_area(db, area_id)
    values = {f.name: getattr(area, f.name) for f in dataclasses.fields(areas.AreaData)}
    areas.update_area(db, area_id, areas.AreaData(**(values | changes)))


@pytest.fixture
def work(demo_db: Database, tmp_path: Path) -> Iterator[Work]:
    """Anne's laptop with a day's work, and a colleague's edit on the server."""
    path = tmp_path / "Annes bærbar #1" / "kp.sqlite"
    path.parent.mkdir()
    sync(path, str(demo_db.target))
    laptop = open_database(path, user="anne")
    programme = programmes.current_programme(laptop)
    assert programme is not None
    first, second = areas.list_areas(laptop, programme.id)[:2]
    edit_area(laptop, first.id, notes="Annes note")
    session_id = sparring.log_session(
        laptop,
        first.id,
        sparring.SessionData(held_on=date(2025, 9, 3), form=SessionForm.ONLINE, notes="Annes"),
    )
    edit_area(demo_db, second.id, vision="Kollegens vision")
    yield Work(demo_db, path, laptop, first.id, session_id)
    laptop.dispose()


def receipts_with_changes(db: Database) -> int:
    with db.read() as s:
        return sum(1 for r in s.scalars(select(SyncReceipt)) if r.changes)


def annes_work_on_server(work: Work) -> bool:
    with work.server.read() as s:
        session = s.get(SparringSession, work.session_id)
    return session is not None and areas.get_area(work.server, work.area_id).notes == "Annes note"


@pytest.mark.parametrize("step", BEFORE_THE_SERVER + AFTER_THE_SERVER)
def test_a_sync_cut_off_at_any_step_is_finished_by_the_next(work: Work, step: str) -> None:
    server_before, laptop_before = rows_of(work.server), rows_of(work.laptop)

    def cut(at: str) -> None:
        if at == step:
            raise Cut(at)

    with pytest.raises(Cut):
        sync(work.path, fault=cut)
    if step in BEFORE_THE_SERVER:
        assert rows_of(work.server) == server_before  # as before
    else:
        assert annes_work_on_server(work) and receipts_with_changes(work.server) == 1
    if step == "laptop_committed":
        assert differences(work.server, work.laptop) == []  # as after
    else:
        assert rows_of(work.laptop) == laptop_before  # as before

    again = sync(work.path)
    assert again.conflicts == 0
    assert again.sent == (0 if step in AFTER_THE_SERVER else again.sent)
    assert annes_work_on_server(work)
    assert receipts_with_changes(work.server) == 1  # nothing sent twice
    assert differences(work.server, work.laptop) == []
    assert not (work.path.parent / "kp.synk" / "afsendt.json").exists()
    assert not (work.path.parent / "kp.synk" / "grundlag.ny.sqlite").exists()


def test_the_laptops_new_work_after_a_cut_goes_with_the_next_sync(work: Work) -> None:
    def cut(at: str) -> None:
        if at == "server_committed":
            raise Cut(at)

    with pytest.raises(Cut):
        sync(work.path, fault=cut)
    edit_area(work.laptop, work.area_id, vision="Annes vision bagefter")
    again = sync(work.path)
    assert again.sent >= 1 and again.conflicts == 0
    assert areas.get_area(work.server, work.area_id).vision == "Annes vision bagefter"
    assert receipts_with_changes(work.server) == 2
    assert differences(work.server, work.laptop) == []


KILLED_SYNC = """
import sys, time
from pathlib import Path
from kulturpunkt_desk.domain.services.sync import sync

def stop_here(step):
    if step == sys.argv[3]:
        Path(sys.argv[2]).write_text(step, encoding="utf-8")
        time.sleep(600)  # killed here by the test

sync(Path(sys.argv[1]), fault=stop_here)
"""


@pytest.mark.parametrize("step", ["pending_written", "next_base_written"])
def test_a_sync_killed_with_sigkill_is_finished_by_the_next(
    work: Work, step: str, tmp_path: Path
) -> None:
    marker = tmp_path / "stoppet.txt"
    laptop_before = rows_of(work.laptop)
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_SYNC, str(work.path), str(marker), step],
        env=os.environ.copy(),
    )
    try:
        while not marker.exists() and process.poll() is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.1)
        assert marker.exists(), "the sync ended before the step"
    finally:
        process.kill()  # SIGKILL: no clean-up of any kind
        process.wait()
    assert process.returncode == -9
    assert rows_of(work.laptop) == laptop_before
    assert annes_work_on_server(work) == (step == "next_base_written")
    sync(work.path)
    assert annes_work_on_server(work) and receipts_with_changes(work.server) == 1
    assert differences(work.server, work.laptop) == []
