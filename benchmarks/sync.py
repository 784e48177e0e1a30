"""Issue 12's figures: a laptop's first copy of the large database from the team's
PostgreSQL, and the sync of a laptop with a week's work.

    .venv/bin/python benchmarks/sync.py [--json FILE] [--profile]

Starts a private PostgreSQL the way the tests do (tests/postgres_server.py: a socket on
this machine, fsync off, so no network and faster writes than a real server), fills it
with the large database (benchmarks/large_db.py, restored from the cached SQLite file as
`kulturpunkt-desk restore` does), then times:
- sync_first_copy_s: `make_laptop_copy` of the whole database (target under 30 s);
- sync_week_s: `sync` of a laptop with a week's work, 200 edits of mixed kinds through
  the domain services (new and edited sparring sessions with follow-ups, follow-ups
  done, people and areas edited, a few moves and deletions), while a colleague made 20
  changes directly on the server meanwhile (target under 5 s).
Wall-clock seconds of one run each; the setup is not timed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

from large_db import cached_large_db  # noqa: E402
from postgres_server import PostgresServer, find_bin  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sync_steps import Step, make_edit  # noqa: E402

TARGETS = {"sync_first_copy_s": 30.0, "sync_week_s": 5.0}
LABELS = {
    "sync_first_copy_s": "Første bærbare kopi af den store database fra serveren",
    "sync_week_s": "Synkronisering af en uges arbejde (200 ændringer) mod den store database",
}
# A consultant's week: mostly sparring, some people and areas, a few moves and deletions.
WEEK = {
    "log_session": 55,
    "edit_session": 40,
    "follow_up_done": 35,
    "edit_person": 25,
    "edit_area": 20,
    "create_person": 12,
    "move_session": 5,
    "delete_session": 5,
    "delete_person": 3,
}
COLLEAGUE = {"edit_area": 6, "edit_session": 6, "log_session": 5, "edit_person": 3}


def work(db: Any, kinds: dict[str, int], rng: random.Random) -> Counter[str]:
    """Make `kinds`' edits on `db` through the services, in random order; each kind as many
    times as asked (an edit the desk refuses is drawn again)."""
    todo = [kind for kind, count in kinds.items() for _ in range(count)]
    rng.shuffle(todo)
    done: Counter[str] = Counter()
    for kind in todo:
        while not make_edit(db, Step(0, kind, rng.randrange(10_000), rng.randrange(10_000))):
            pass
        done[kind] += 1
    return done


def measure(work_dir: Path, profile: bool = False) -> dict[str, Any]:
    from kulturpunkt_desk.domain.services.sync import make_laptop_copy, sync
    from kulturpunkt_desk.domain.services.team_backup import restore_into_server
    from kulturpunkt_desk.storage.migrate import open_database

    bin_dir = find_bin()
    if bin_dir is None:
        raise SystemExit("PostgreSQL er ikke installeret (Debian-pakken postgresql).")
    large = cached_large_db()
    server = PostgresServer(bin_dir)
    server.start()
    try:
        server.admin("CREATE DATABASE large")
        url = server.url("large")
        colleague = open_database(url, user="kollega")
        started = time.perf_counter()
        restore_into_server(colleague, large)
        filled = time.perf_counter() - started

        laptop = work_dir / "bærbar #1" / "Kulturpunkt.sqlite"
        laptop.parent.mkdir(parents=True)
        started = time.perf_counter()
        make_laptop_copy(laptop, url)
        first_copy = time.perf_counter() - started

        desk = open_database(laptop, user="konsulent")
        rng = random.Random(12)
        week = work(desk, WEEK, rng)
        work(colleague, COLLEAGUE, rng)
        profiler = cProfile.Profile() if profile else None
        started, cpu = time.perf_counter(), time.process_time()
        report = profiler.runcall(sync, laptop) if profiler else sync(laptop)
        week_s = time.perf_counter() - started
        week_cpu = time.process_time() - cpu
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        with colleague.engine.connect() as conn:
            kinds = conn.execute(
                text(
                    "SELECT kind, table_name, field, count(*) FROM sync_conflict "
                    "GROUP BY kind, table_name, field ORDER BY 4 DESC"
                )
            ).all()
        desk.dispose()
        colleague.dispose()
    finally:
        server.stop()
    return {
        "sync_first_copy_s": round(first_copy, 2),
        "sync_week_s": round(week_s, 2),
        "sync_week_cpu_s": round(week_cpu, 2),  # this process only, not the server's
        "load": [round(x, 1) for x in os.getloadavg()],
        "server_filled_s": round(filled, 1),
        "laptop_mb": round(laptop.stat().st_size / 1e6, 1),
        "week_edits": dict(week),
        "conflicts": [f"{kind} {table}.{column}: {n}" for kind, table, column, n in kinds],
        "report": {k: v for k, v in vars(report).items()},
    }


def show(result: dict[str, Any]) -> str:
    lines = []
    for key, target in TARGETS.items():
        value = result[key]
        verdict = "ja" if value <= target else "NEJ"
        lines.append(f"{LABELS[key]:<76}{value:>7.2f} s   højst {target:g} s   {verdict}")
    report = result["report"]
    lines.append(
        f"(synkroniseringens CPU i denne proces {result['sync_week_cpu_s']:.2f} s; "
        f"maskinens belastning {result['load'][0]})"
    )
    lines.append(
        f"(serveren fyldt på {result['server_filled_s']} s; kopien {result['laptop_mb']} MB; "
        f"ugens arbejde: {sum(result['week_edits'].values())} ændringer; synkroniseringen "
        f"sendte {report.get('sent')} rækkeændringer, {report.get('applied')} taget, "
        f"{report.get('conflicts')} konflikter, {report.get('received')} rækker hentet)"
    )
    lines += [f"  konflikt {c}" for c in result["conflicts"]]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--profile", action="store_true", help="print where the week's sync spends its time"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kp-sync-bench-") as tmp:
        os.environ["KULTURPUNKT_DATA_DIR"] = str(Path(tmp) / "data")
        result = measure(Path(tmp), args.profile)
    print(show(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
