"""The benchmark's measurements, each run in a fresh process by benchmarks/run.py.

    python benchmarks/probes.py bare
    python benchmarks/probes.py desk DB [--work | --shell-only]   (the desk's start until the
        Overblik; --shell-only ends the process at the shell's first paint)
    python benchmarks/probes.py direct DB          (the same without the start-up shell)
    python benchmarks/probes.py documents DB OUT_DIR
    python benchmarks/probes.py services DB

Each prints one line `RESULT {json}`. Times are wall-clock milliseconds; `cpu` beside a
time is the process's CPU time for the same work, which other load on the machine does
not inflate. Start-up probes report `painted_at` (time.time()) for the parent to subtract
its own start time from.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def emit(result: dict[str, Any]) -> None:
    print("RESULT " + json.dumps(result), flush=True)


def peak_rss_mb() -> float:
    """This process's own peak. On Linux getrusage's ru_maxrss survives exec: a probe
    started by a parent that had grown (building the large database) would report the
    parent's peak. The kernel's high-water mark of this process's memory does not."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, kB else


def timed(fn: Callable[[], Any], repeat: int = 5) -> dict[str, Any]:
    """The first call (may include imports) and the median of `repeat` more."""

    def once() -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

    first = once()
    rest = [once() for _ in range(repeat)]
    return {
        "first": round(first[0], 1),
        "median": round(statistics.median(r[0] for r in rest), 1),
        "cpu": round(statistics.median(r[1] for r in rest), 1),
    }


def alternate(apply: Callable[[], Any], clear: Callable[[], Any], rounds: int = 3) -> dict:
    """A filter switched on and off `rounds` times: the median of each direction."""
    on: list[tuple[float, float]] = []
    off: list[tuple[float, float]] = []
    for _ in range(rounds):
        for fn, times in ((apply, on), (clear, off)):
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            times.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))

    def summary(times: list[tuple[float, float]]) -> dict[str, float]:
        return {
            "median": round(statistics.median(t[0] for t in times), 1),
            "cpu": round(statistics.median(t[1] for t in times), 1),
            "first": round(times[0][0], 1),
        }

    return {"type": summary(on), "clear": summary(off)}


def guarded(fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A measurement of something another part of the desk may not provide (yet)."""
    try:
        return fn()
    except (ImportError, AttributeError) as exc:
        return {"missing": f"{type(exc).__name__}: {exc}"}
    except Exception as exc:  # a benchmark reports, it does not crash
        return {"error": f"{type(exc).__name__}: {exc}"}


# --- start-up ----------------------------------------------------------------------------


def watch_first_paint(widgets: list[Any], on_paint: Callable[[Any], None]) -> Any:
    """Call on_paint once, at the first paint of a listed item view that shows rows."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                view = obj.parent()
                if view.model() is not None and view.model().rowCount() > 0:
                    self.done = True
                    on_paint(view)
            return False

    watcher = FirstPaint()
    for view in widgets:
        view.viewport().installEventFilter(watcher)
    return watcher


def bare() -> None:
    """A QMainWindow holding a QTableView with 11 rows: what any PySide6 desk costs."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    model = QStandardItemModel(11, 6)
    for row in range(11):
        for column in range(6):
            model.setItem(row, column, QStandardItem(f"Celle {row}.{column}"))
    table = QTableView()
    table.setModel(model)
    window = QMainWindow()
    window.setCentralWidget(table)
    window.resize(1280, 760)
    result: dict[str, Any] = {}

    def painted(_view: Any) -> None:
        result.update(painted_at=time.time(), cpu=time.process_time() * 1000)
        QTimer.singleShot(0, app.quit)

    watcher = watch_first_paint([table], painted)  # noqa: F841 (kept alive)
    window.show()
    app.exec()
    emit(result | {"rows": model.rowCount(), "peak_mb": round(peak_rss_mb(), 1)})


def desk(db_path: str, work: bool, shell_only: bool = False) -> None:
    """The desk's real start (ui.app.run), until the Overblik is painted with its figures.

    `painted_at`: the first paint of the Overblik's list, from the start-up snapshot in the
    shell (`snapshot` true) or, without a valid snapshot, from the live window. `live_at`:
    the live window's Overblik painted with the live figures."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kulturpunkt_desk.ui import app as desk_app
    from kulturpunkt_desk.ui.shell import StartShell

    desk_app.make_application()
    result: dict[str, Any] = {"snapshot": False}
    keep: list[Any] = []

    def first_paint(which: str) -> None:
        now = {"at": time.time(), "cpu": time.process_time() * 1000}
        if "painted_at" not in result:
            result.update(painted_at=now["at"], cpu=now["cpu"], start_mb=round(peak_rss_mb(), 1))
            result["snapshot"] = which == "shell"
        if which == "live":
            result.update(live_at=now["at"], live_cpu=now["cpu"])
        if shell_only:  # a whole process from start to the shell's first paint, timed outside
            emit(result)
            os._exit(0)

    original_shell_show = StartShell.show
    original_open_live = desk_app.open_live_window

    def shell_show(shell: StartShell) -> None:
        if shell.panel is not None:
            keep.append(watch_paint(shell.panel.items, lambda: first_paint("shell")))
        original_shell_show(shell)

    def open_live(path: Path, shell: StartShell) -> Any:
        # Wraps the step that imports the database layer, so the probe imports none of it
        # before the shell is painted; the window is shown but not yet painted on return.
        window = original_open_live(path, shell)
        if window is None:
            return None

        def painted() -> None:
            first_paint("live")

            def finish() -> None:
                if work:
                    result.update(after_start(window))
                QApplication.exit(0)

            QTimer.singleShot(0, finish)

        keep.append(watch_paint(window.view("overview").items, painted))
        return window

    StartShell.show = shell_show  # type: ignore[method-assign]
    desk_app.open_live_window = open_live  # type: ignore[assignment]
    desk_app.run(Path(db_path))
    result["peak_mb"] = round(peak_rss_mb(), 1)
    emit(result)


def direct(db_path: str) -> None:
    """The start without the shell, as the desk started before the snapshot: open the file
    on the GUI thread, build the window, until its live Overblik is painted. The yardstick
    for `live_at` (the live data must arrive no later than this)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kulturpunkt_desk.ui import app as desk_app
    from kulturpunkt_desk.ui.main_window import MainWindow

    qapp = desk_app.make_application()
    result: dict[str, Any] = {}
    db = desk_app.open_or_explain(Path(db_path))
    assert db is not None
    window = MainWindow(db, first_view="overview")

    def painted() -> None:
        result.update(painted_at=time.time(), cpu=time.process_time() * 1000)
        QTimer.singleShot(0, lambda: QApplication.exit(0))

    watcher = watch_paint(window.view("overview").items, painted)  # type: ignore[attr-defined]  # noqa: F841
    window.show()
    qapp.exec()
    db.dispose()
    emit(result | {"peak_mb": round(peak_rss_mb(), 1)})


def watch_paint(view: Any, on_paint: Callable[[], None]) -> Any:
    """Call on_paint once, at the first paint of an item view's viewport."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                on_paint()
            return False

    watcher = FirstPaint()
    view.viewport().installEventFilter(watcher)
    return watcher


def after_start(window: Any) -> dict[str, Any]:
    """On the large database: filter the lists, build the Overblik, visit every view."""
    from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

    from kulturpunkt_desk.ui.main_window import VIEWS

    out: dict[str, Any] = {"views": {}, "filters": {}}

    def settle() -> None:
        QApplication.processEvents()

    def type_filter(edit: QLineEdit, text: str) -> Callable[[], None]:
        return lambda: (edit.setText(text), settle())

    for spec in VIEWS:
        wall = time.perf_counter()
        try:
            view = window.show_view(spec.key)
            settle()
        except Exception as exc:
            out["views"][spec.key] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        entry: dict[str, Any] = {"first_show": round((time.perf_counter() - wall) * 1000, 1)}
        entry["peak_mb"] = round(peak_rss_mb(), 1)
        entry["refresh"] = guarded(lambda v=view: timed(lambda: (v.refresh(), settle()), 5))
        if spec.key == "overview":  # a refresh that finds other figures paints them anew

            def repaint(v: Any = view) -> None:
                v.panel.data = None
                v.refresh()
                settle()

            entry["repaint"] = guarded(lambda: timed(repaint, 5))
        out["views"][spec.key] = entry
        edits = [e for e in view.findChildren(QLineEdit) if e.isVisible() and not e.isReadOnly()]
        edits = [e for e in edits if not isinstance(e.parent(), QComboBox)]
        for n, edit in enumerate(edits[:2]):
            name = f"{spec.key}: {edit.placeholderText() or edit.objectName() or f'felt {n + 1}'}"
            out["filters"][name] = guarded(
                lambda e=edit: alternate(type_filter(e, "Fjord"), type_filter(e, ""))
            )
        # Drop-down filters (status, area, round...): the second choice, then back.
        combos = [c for c in view.findChildren(QComboBox) if c.isVisible() and c.count() > 1]
        for n, combo in enumerate(combos[:3]):
            name = f"{spec.key}: {combo.itemText(0) or f'valg {n + 1}'}"
            out["filters"][name] = guarded(
                lambda c=combo: alternate(
                    lambda: (c.setCurrentIndex(1), settle()),
                    lambda: (c.setCurrentIndex(0), settle()),
                )
            )
    out["after_views_mb"] = round(peak_rss_mb(), 1)
    return out


# --- documents and services ------------------------------------------------------------


def documents(db_path: str, out_dir: str) -> None:
    from kulturpunkt_desk.domain.services import overview, programmes
    from kulturpunkt_desk.storage.migrate import open_database

    out = Path(out_dir)
    db = open_database(Path(db_path))
    programme = programmes.current_programme(db)
    assert programme is not None
    pid = programme.id
    rows = overview.area_summaries(db, pid)
    with_agreement = [r for r in rows if r.facts.agreement_sent_on] or rows
    result: dict[str, Any] = {"areas": len(rows)}

    def agreement() -> dict[str, Any]:
        from kulturpunkt_desk.documents.agreement import render_agreement

        return timed(lambda: render_agreement(db, with_agreement[0].id, out / "aftale.pdf"), 10)

    def all_agreements(combined: bool) -> dict[str, Any]:
        from kulturpunkt_desk.documents.agreement import render_all_agreements

        target = out / ("alle.pdf" if combined else "alle")
        return timed(lambda: render_all_agreements(db, pid, target, combined=combined), 3)

    def status(suffix: str) -> dict[str, Any]:
        from kulturpunkt_desk.documents.status_summary import export_status

        return timed(lambda: export_status(db, pid, out / f"status{suffix}"), 5)

    result["agreement"] = guarded(agreement)
    result["all_agreements"] = guarded(lambda: all_agreements(False))
    result["all_agreements_combined"] = guarded(lambda: all_agreements(True))
    result["status_pdf"] = guarded(lambda: status(".pdf"))
    result["status_xlsx"] = guarded(lambda: status(".xlsx"))
    result["peak_mb"] = round(peak_rss_mb(), 1)
    db.dispose()
    emit(result)


def services(db_path: str) -> None:
    """The Overblik's services on the biggest programme, without a window."""
    from kulturpunkt_desk.domain.services import overview, programmes
    from kulturpunkt_desk.storage.migrate import open_database

    result: dict[str, Any] = {}
    wall = time.perf_counter()
    db = open_database(Path(db_path))
    result["open_database"] = round((time.perf_counter() - wall) * 1000, 1)
    programme = programmes.current_programme(db)
    assert programme is not None
    pid = programme.id
    today = date.today()
    result["areas_in_programme"] = len(overview.area_summaries(db, pid))
    result["area_summaries"] = timed(lambda: overview.area_summaries(db, pid))
    result["money_totals"] = timed(lambda: overview.money_totals(db, pid))

    def attention() -> dict[str, Any]:
        from kulturpunkt_desk.domain.services.attention import attention_items

        result["attention_count"] = len(attention_items(db, pid, today))
        return timed(lambda: attention_items(db, pid, today))

    result["attention_items"] = guarded(attention)

    def overblik() -> dict[str, Any]:
        from kulturpunkt_desk.domain.services.attention import attention_items

        def all_three() -> None:
            attention_items(db, pid, today)
            overview.area_summaries(db, pid)
            overview.money_totals(db, pid)

        return timed(all_three)

    result["overblik_services"] = guarded(overblik)

    def search() -> dict[str, Any]:
        from kulturpunkt_desk.domain.services.search import search as find

        return timed(lambda: find(db, pid, "Fjord"))

    result["search"] = guarded(search)
    db.dispose()
    emit(result)


if __name__ == "__main__":
    probe, args = sys.argv[1], sys.argv[2:]
    if probe == "bare":
        bare()
    elif probe == "desk":
        desk(args[0], work="--work" in args, shell_only="--shell-only" in args)
    elif probe == "direct":
        direct(args[0])
    elif probe == "documents":
        documents(args[0], args[1])
    elif probe == "services":
        services(args[0])
    else:
        raise SystemExit(f"unknown probe {probe}")
