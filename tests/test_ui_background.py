"""Long work runs off the GUI thread with its own database connection and a progress dialog."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.services import overview
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.background import BackgroundTask, Cancelled, Progress, run_with_progress
from kulturpunkt_desk.ui.context import DeskContext


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> DeskContext:
    return DeskContext(demo_db)


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    """A pool of its own, so other tests' work cannot delay these jobs."""
    own = QThreadPool()
    yield own
    own.waitForDone(10_000)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """A shown window, as the main window is: hiding the progress dialog must not leave the
    application without windows (Qt would then quit its event loops)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_job_runs_on_another_thread_with_its_own_database_on_the_same_file(
    qtbot: QtBot, pool: QThreadPool, ctx: DeskContext
) -> None:
    seen: dict[str, object] = {}

    def job(db: Database, progress: Progress) -> int:
        seen["thread"] = threading.get_ident()
        seen["db"] = db
        return len(overview.area_summaries(db, ctx.programme_id))

    task = BackgroundTask.for_context(ctx, job)
    with qtbot.waitSignal(task.finished, timeout=10_000) as result:
        task.start(pool)
    assert result.args == [11]
    assert seen["thread"] != threading.get_ident()
    assert seen["db"] is not ctx.db
    assert isinstance(seen["db"], Database) and seen["db"].path == ctx.db.path


def test_progress_reaches_the_gui_thread_in_order(
    qtbot: QtBot, pool: QThreadPool, ctx: DeskContext
) -> None:
    def job(db: Database, progress: Progress) -> str:
        for n in range(3):
            progress(n, 3, f"område {n}")
        return "færdig"

    task = BackgroundTask.for_context(ctx, job)
    steps: list[tuple[int, int, str]] = []
    task.progress.connect(lambda d, t, text: steps.append((d, t, text)))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start(pool)
    assert steps == [(0, 3, "område 0"), (1, 3, "område 1"), (2, 3, "område 2")]


def test_an_error_in_the_job_becomes_a_danish_message(
    qtbot: QtBot,
    pool: QThreadPool,
    ctx: DeskContext,
    parent: QWidget,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "kulturpunkt_desk.ui.background.QMessageBox.warning",
        lambda _p, title, text: shown.append(f"{title}: {text}"),
    )

    def job(db: Database, progress: Progress) -> None:
        raise DeskError("Mappen kan ikke skrives.")

    done: list[object] = []
    task = run_with_progress(parent, "Laver aftaler…", ctx, job, on_done=done.append, pool=pool)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == ["Arbejdet kunne ikke gøres færdigt: Mappen kan ikke skrives."]
    assert done == [] and not task.running


def test_cancel_stops_the_job_at_its_next_progress_and_skips_on_done(
    qtbot: QtBot, pool: QThreadPool, ctx: DeskContext, parent: QWidget
) -> None:
    started = threading.Event()
    may_continue = threading.Event()
    stopped: list[str] = []

    def job(db: Database, progress: Progress) -> str:
        started.set()
        may_continue.wait(10)
        try:
            progress(1, 2, "")  # raises Cancelled: the user pressed Annullér meanwhile
        except Cancelled:
            stopped.append("annulleret")
            raise
        return "skulle ikke nås"

    done: list[object] = []
    task = run_with_progress(parent, "Eksporterer…", ctx, job, on_done=done.append, pool=pool)
    assert task.dialog is not None
    assert started.wait(10)
    # A job still running after half a second shows the dialog; the user cancels.
    qtbot.waitUntil(task.dialog.isVisible, timeout=10_000)
    button = task.dialog.findChild(QPushButton)
    assert button.text() == "Annullér"
    button.click()
    assert not task.dialog.isVisible()
    may_continue.set()
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    qtbot.wait(50)  # let anything the worker sent arrive
    assert stopped == ["annulleret"] and done == []


def test_a_cancelled_task_says_so_instead_of_finishing(
    qtbot: QtBot, pool: QThreadPool, ctx: DeskContext
) -> None:
    def job(db: Database, progress: Progress) -> str:
        progress(0, 1, "")
        return "skulle ikke nås"

    task = BackgroundTask.for_context(ctx, job)
    task.cancel()
    finished: list[object] = []
    task.finished.connect(finished.append)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        task.start(pool)
    assert finished == []


def test_the_dialog_reports_progress_and_hands_the_result_back(
    qtbot: QtBot, pool: QThreadPool, ctx: DeskContext, parent: QWidget, tmp_path: Path
) -> None:
    from kulturpunkt_desk.documents.agreement import render_agreement
    from kulturpunkt_desk.domain.services.agreement_rule import agreement_candidates

    def job(db: Database, progress: Progress) -> list[Path]:
        # Two areas that may have an agreement (services.agreement_rule).
        ready = set(agreement_candidates(db, ctx.programme_id).ready)
        rows = [r for r in overview.area_summaries(db, ctx.programme_id) if r.id in ready][:2]
        paths = []
        for n, row in enumerate(rows):
            progress(n, len(rows), row.name)
            paths.append(render_agreement(db, row.id, tmp_path / f"{row.id}.pdf"))
        progress(len(rows), len(rows), "")
        return paths

    done: list[list[Path]] = []
    task = run_with_progress(parent, "Laver aftaler…", ctx, job, on_done=done.append, pool=pool)
    assert task.dialog is not None
    maxima: list[int] = []
    task.progress.connect(lambda *_: maxima.append(task.dialog.maximum()))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert [p.stat().st_size > 1000 for p in done[0]] == [True, True]
    assert maxima and maxima[-1] == 2


def test_closing_the_window_while_a_document_renders_never_crashes(
    qtbot: QtBot, pool: QThreadPool, ctx: DeskContext
) -> None:
    """The full run that aborted: the window (and with it the progress dialog) was destroyed
    and collected on the GUI thread while the worker still rendered and then signalled."""
    import gc

    import shiboken6

    from kulturpunkt_desk.ui import background

    window = QWidget()
    window.show()
    gate = threading.Event()

    def job(db: Database, progress: Progress) -> int:
        gate.wait(10)
        progress(1, 1, "område")
        return 42

    done: list[object] = []
    task = run_with_progress(window, "Laver aftaler…", ctx, job, on_done=done.append, pool=pool)
    del task
    shiboken6.delete(window)
    gc.collect()
    gate.set()
    assert pool.waitForDone(10_000)
    QCoreApplication.processEvents()  # the worker's last signal arrives
    gc.collect()
    assert done == []  # nobody is left to tell; above all, nothing crashed
    assert background.running_tasks() == []


def test_closing_the_desk_stops_running_jobs_and_waits_for_them(
    qtbot: QtBot, pool: QThreadPool, ctx: DeskContext
) -> None:
    from kulturpunkt_desk.ui.background import stop_all

    started = threading.Event()
    steps: list[int] = []

    def job(db: Database, progress: Progress) -> None:
        started.set()
        for n in range(10_000):
            progress(n, 10_000)
            steps.append(n)
            threading.Event().wait(0.01)

    task = BackgroundTask.for_context(ctx, job)
    task.start(pool)
    assert started.wait(10)
    assert stop_all(pool)
    assert task.cancel_requested.is_set() and len(steps) < 10_000
