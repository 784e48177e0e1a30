"""The large database's service and document timings on PostgreSQL beside SQLite.

    .venv/bin/python benchmarks/postgresql.py      (builds both databases: a few minutes)

Starts a private PostgreSQL the way the tests do (tests/postgres_server.py: Debian's
package, a socket in a temporary folder, fsync off, so writes are faster than on a real
server), builds the same large database in it (benchmarks/large_db.py), and times the
Overblik's services, search and two documents on both engines, in this one process.
Medians of wall-clock milliseconds; the server runs on this machine (no network).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

from large_db import build, cached_large_db  # noqa: E402
from postgres_server import PostgresServer, find_bin  # noqa: E402


def median_ms(fn: Callable[[], Any], repeat: int = 5) -> float:
    fn()  # warm: first imports, caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def measure(target: Path | str, out: Path) -> dict[str, float]:
    from kulturpunkt_desk.documents.agreement import render_agreement
    from kulturpunkt_desk.documents.status_summary import export_status
    from kulturpunkt_desk.domain.services import overview, programmes
    from kulturpunkt_desk.domain.services.attention import attention_items
    from kulturpunkt_desk.domain.services.search import search
    from kulturpunkt_desk.storage.migrate import open_database

    started = time.perf_counter()
    db = open_database(target)
    opened = round((time.perf_counter() - started) * 1000, 1)
    try:
        programme = programmes.current_programme(db)
        assert programme is not None
        pid, today = programme.id, date.today()
        first = overview.area_summaries(db, pid)[0].id
        return {
            "open_database": opened,
            "area_summaries": median_ms(lambda: overview.area_summaries(db, pid)),
            "money_totals": median_ms(lambda: overview.money_totals(db, pid)),
            "attention_items": median_ms(lambda: attention_items(db, pid, today)),
            "search": median_ms(lambda: search(db, pid, "Fjord")),
            "agreement_pdf": median_ms(lambda: render_agreement(db, first, out / "a.pdf")),
            "status_xlsx": median_ms(lambda: export_status(db, pid, out / "s.xlsx"), 3),
        }
    finally:
        db.dispose()


def main() -> int:
    bin_dir = find_bin()
    if bin_dir is None:
        print("PostgreSQL er ikke installeret (Debian-pakken postgresql).", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="kp-bench-"))
    os.environ["KULTURPUNKT_DATA_DIR"] = str(work / "data")
    sqlite_path = cached_large_db()
    server = PostgresServer(bin_dir)
    server.start()
    try:
        server.admin("CREATE DATABASE large")
        url = server.url("large")
        started = time.perf_counter()
        build(url)
        built = time.perf_counter() - started
        on_sqlite = measure(sqlite_path, work)
        on_server = measure(url, work)
    finally:
        server.stop()
    print(f"Large database built on PostgreSQL in {built:.0f} s")
    print(f"{'ms (median)':<18}{'SQLite':>10}{'PostgreSQL':>12}")
    for key, value in on_sqlite.items():
        print(f"{key:<18}{value:>10}{on_server[key]:>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
