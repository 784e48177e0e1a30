"""`check`: is this file a sound Kulturpunkt database, and at which schema version?

Reads only; never migrates or repairs, so it is safe on a file someone worries about.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .migrate import head_revision, known_revisions, looks_like_sqlite


@dataclass
class CheckReport:
    sound: bool = True
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.sound = False
        self.lines.append(line)


def check_file(path: Path) -> CheckReport:
    report = CheckReport()
    if not path.is_file():
        report.fail(f"FEJL: {path} findes ikke.")
        return report
    if not looks_like_sqlite(path):
        report.fail(
            f"FEJL: {path} er ikke en SQLite-database (eller starten af filen er beskadiget)."
        )
        return report
    report.lines.append(f"Fil: {path} ({path.stat().st_size:,} byte)".replace(",", "."))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        report.fail(f"FEJL: filen kan ikke åbnes: {exc}")
        return report
    # A damaged page can make SQLite's messages themselves invalid UTF-8.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        report.lines.append(f"SQLite-version: {sqlite3.sqlite_version}")
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if problems:
            report.fail(f"FEJL: integritetstjekket fandt {len(problems)} problem(er):")
            report.lines += [f"  {p}" for p in problems[:20]]
        else:
            report.lines.append("Integritet: ok")
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            report.fail(f"FEJL: {len(broken)} brudte henvisninger mellem tabeller.")
        else:
            report.lines.append("Henvisninger (fremmednøgler): ok")
        _check_revision(conn, report)
    except (sqlite3.DatabaseError, UnicodeError) as exc:
        report.fail(f"FEJL: filen er beskadiget: {exc}")
    finally:
        conn.close()
    return report


def _check_revision(conn: sqlite3.Connection, report: CheckReport) -> None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        report.fail("FEJL: filen er ikke en Kulturpunkt-database (ingen skemaversion).")
        return
    revision = row[0] if row else None
    head = head_revision()
    if revision == head:
        report.lines.append(f"Skemaversion: {revision} (nyeste)")
    elif revision in known_revisions():
        report.lines.append(
            f"Skemaversion: {revision}; opgraderes til {head} næste gang filen åbnes."
        )
    else:
        report.fail(
            f"FEJL: skemaversion {revision} er lavet af en nyere version af Kulturpunkt Desk."
        )
