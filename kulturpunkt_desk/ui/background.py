"""Long work off the GUI thread, with a progress dialog: all agreements, exports, imports.

Anything that can take over half a second runs here, so the window keeps painting and the
user sees how far it has got. A view calls:

    from kulturpunkt_desk.ui.background import run_with_progress

    def make_all(db: Database, progress: Progress) -> list[Path]:
        areas = ...
        for n, area in enumerate(areas):
            progress(n, len(areas), area.name)   # also raises Cancelled if the user cancelled
            render_agreement(db, area.id, folder / ...)
        return paths

    run_with_progress(self, self.tr("Laver samarbejdsaftaler…"), self.ctx, make_all,
                      on_done=lambda paths: open_document(folder))

The job gets its OWN Database on the same file (SQLite connections must not cross
threads), opened in the worker thread and closed when the job ends; it never touches Qt
widgets. A running task belongs to no widget: closing the window while a document renders
must not destroy the QObject the worker is about to signal through, and the worker must
never drop the last reference to a Qt object (Qt objects die on the thread they live on,
the GUI thread). So a task is held in `_RUNNING` from start until its last signal has
reached the GUI thread and the worker has let go of it. Its result comes back on the GUI
thread through `on_done`; an error becomes a Danish message box (or `on_error`). The
dialog appears only if the job is still running after half a second.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from kulturpunkt_desk.domain.changes import ChangeBus, bus_for, share_bus
from kulturpunkt_desk.storage.engine import Database

from .context import DeskContext
from .failure import explain

SHOW_AFTER_MS = 500

# Tasks between start() and their last signal on the GUI thread (touched only there).
_RUNNING: set[BackgroundTask] = set()


def running_tasks() -> list[BackgroundTask]:
    """The tasks whose worker has not yet handed back its result."""
    return list(_RUNNING)


def stop_all(pool: QThreadPool | None = None, timeout_ms: int = 60_000) -> bool:
    """When the window closes: ask every running job to stop at its next progress report
    (a cancelled import rolls back, so nothing is half saved), then wait for the workers, so
    none of them outlives the application's objects. False if one did not finish in time."""
    for task in running_tasks():
        task.cancel()
    return (pool or QThreadPool.globalInstance()).waitForDone(timeout_ms)


def tr(text: str) -> str:
    return QCoreApplication.translate("Background", text)


class Cancelled(Exception):
    """Raised inside a job by `progress(...)` once the user has pressed Annullér."""


class Progress:
    """Handed to the job: call it with (done, total, text) as the work goes on."""

    def __init__(self, task: BackgroundTask) -> None:
        self._task = task

    def __call__(self, done: int, total: int, text: str = "") -> None:
        if self.cancelled:
            raise Cancelled()
        self._task.progress.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._task.cancel_requested.is_set()


Job = Callable[[Database, Progress], Any]


class BackgroundTask(QObject):
    """One job on Qt's thread pool. Signals arrive on the thread that made the task."""

    progress = Signal(int, int, str)  # done, total, text
    finished = Signal(object)  # the job's result
    failed = Signal(object)  # the exception
    cancelled = Signal()

    def __init__(
        self,
        job: Job,
        db_path: Path | str,
        *,
        user: str | None = None,
        read_only: bool = False,
        write_guard: Callable[[], None] | None = None,
        bus: ChangeBus | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bus = bus  # the open file's change news: what the job writes, the views hear
        self.job = job
        # A file path, or a server URL (kept as text: a URL is no path).
        self.db_path = db_path if isinstance(db_path, str) else Path(db_path)
        self.user = user
        self.read_only = read_only
        self.write_guard = write_guard
        self.cancel_requested = threading.Event()
        # Set by the worker once it holds no reference to this task any more.
        self.worker_released = threading.Event()
        self.running = False
        self.dialog: QProgressDialog | None = None  # set by run_with_progress
        for last_signal in (self.finished, self.failed, self.cancelled):
            last_signal.connect(self._release)

    @classmethod
    def for_context(
        cls, ctx: DeskContext | Database, job: Job, parent: QObject | None = None
    ) -> BackgroundTask:
        """A task on the desk's open file, as the same user and under the same desk lock."""
        db = ctx if isinstance(ctx, Database) else ctx.db
        return cls(
            job,
            db.target,
            user=db.user,
            read_only=db.read_only,
            write_guard=db.write_guard,
            bus=bus_for(db.engine),
            parent=parent,
        )

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def _release(self, *_args: object) -> None:
        """On the GUI thread after the last signal: from now on only the caller holds us."""
        # The worker lets go right after emitting; wait the moment that takes, so the
        # last reference (and with it the C++ object) is never dropped on the worker.
        self.worker_released.wait(5)
        _RUNNING.discard(self)

    def cancel(self) -> None:
        self.cancel_requested.set()

    def run_job(self) -> None:
        """Runs on the worker thread."""
        db = Database(self.db_path, user=self.user, read_only=self.read_only)
        # A desk that lost its lock must not write from a worker either.
        db.write_guard = self.write_guard
        if self.bus is not None:
            share_bus(db.engine, self.bus)
        result: Any = None
        error: BaseException | None = None
        try:
            result = self.job(db, Progress(self))
        except Cancelled:
            pass
        except BaseException as exc:  # the GUI thread decides how to tell the user
            error = exc
        finally:
            db.dispose()
        # Signalled after the database is closed and outside the except blocks.
        self.running = False
        if error is not None:
            self.failed.emit(error)
        elif self.cancel_requested.is_set():
            self.cancelled.emit()
        else:
            self.finished.emit(result)


class _Runner(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self.task: BackgroundTask | None = task

    def run(self) -> None:
        task, self.task = self.task, None
        if task is None:
            return
        released = task.worker_released
        task.run_job()
        del task  # before `released` lets the GUI thread drop its reference
        released.set()


def run_with_progress(
    parent: QWidget,
    label: str,
    ctx: DeskContext | Database,
    job: Job,
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Run `job(db, progress)` off the GUI thread behind a progress dialog that can cancel.

    `on_done(result)` runs on the GUI thread when the job succeeds; nothing runs when the
    user cancels. Errors go to `on_error`, or become a Danish message box.
    """
    dialog = QProgressDialog(label, tr("Annullér"), 0, 0, parent)
    dialog.setWindowTitle(tr("Arbejder…"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    # Not a child of the dialog: the window may close (and take the dialog with it) while
    # the worker still runs; `_RUNNING` keeps the task until the worker is done.
    task = BackgroundTask.for_context(ctx, job)
    task.dialog = dialog

    def gone() -> bool:
        """The window (or the dialog) was closed and destroyed while the job ran."""
        return not (shiboken6.isValid(dialog) and shiboken6.isValid(parent))

    def show_progress(done: int, total: int, text: str) -> None:
        if gone():
            return
        if total > 0:  # else the dialog stays a busy bar (setValue(0) would delay showing it)
            if dialog.maximum() != total:
                dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if text:
            dialog.setLabelText(f"{label}\n{text}")

    def done(result: object) -> None:
        if gone():
            return
        dialog.close()
        dialog.deleteLater()
        if on_done is not None:
            on_done(result)

    def fail(exc: BaseException) -> None:
        if gone():
            explain(exc)  # nobody left to tell; the log still has it
            return
        dialog.close()
        dialog.deleteLater()
        if on_error is not None:
            on_error(exc)
            return
        QMessageBox.warning(parent, tr("Arbejdet kunne ikke gøres færdigt"), explain(exc))

    def stopped() -> None:
        if gone():
            return
        dialog.close()
        dialog.deleteLater()
        if on_cancel is not None:
            on_cancel()

    task.progress.connect(show_progress)
    task.finished.connect(done)
    task.failed.connect(fail)
    task.cancelled.connect(stopped)
    dialog.canceled.connect(task.cancel)
    task.start(pool)
    return task
