"""`check`: is this file (or server database) a sound Kulturpunkt database, at which schema?

Reads only; never migrates or repairs, so it is safe on a file someone worries about.
The judgement itself is storage/recognise.examine, the same one every opening uses.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .migrate import head_revision
from .recognise import examine


@dataclass
class CheckReport:
    sound: bool = True
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.sound = False
        self.lines.append(line)


def check_file(path: Path) -> CheckReport:
    report = CheckReport()
    path = Path(path)
    if path.is_file():
        report.lines.append(f"Fil: {path} ({path.stat().st_size:,} byte)".replace(",", "."))
        report.lines.append(f"SQLite-version: {sqlite3.sqlite_version}")
    found = examine(path, integrity="integrity_check")
    if found.damage:
        report.fail(f"FEJL: integritetstjekket fandt {len(found.damage)} problem(er):")
        report.lines += [f"  {p}" for p in found.damage[:20]]
        return report
    if found.problem is not None:
        report.fail(f"FEJL: {found.problem}")
        return report
    report.lines.append("Integritet: ok")
    if found.broken_links:
        report.fail(f"FEJL: {len(found.broken_links)} brudte henvisninger mellem tabeller.")
    else:
        report.lines.append("Henvisninger (fremmednøgler): ok")
    head = head_revision()
    if found.revision == head:
        report.lines.append(f"Skemaversion: {found.revision} (nyeste)")
    else:
        report.lines.append(
            f"Skemaversion: {found.revision}; opgraderes til {head} næste gang filen åbnes."
        )
    return report


def check_server(url: str) -> CheckReport:
    """`check` of a server database: reachable, ours, at a known schema, nothing invalid.
    Reads only (a read-only connection), so it never creates or migrates the schema."""
    from .engine import Database
    from .failures import connection_error
    from .migrate import known_revisions, schema_revision

    report = CheckReport()
    db = Database(url, read_only=True)
    report.lines += db.backend.describe()
    try:
        with db.engine.connect() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar_one()
        report.lines.append(f"PostgreSQL-version: {version}")
        revision = schema_revision(db)
        head = head_revision()
        if revision is None:
            report.fail(f"FEJL: {db.name} er ikke en Kulturpunkt-database (ingen skemaversion).")
        elif revision not in known_revisions():
            report.fail(
                f"FEJL: skemaversion {revision} er fra en nyere version af Kulturpunkt Desk."
            )
        else:
            problems = db.backend.integrity_report(db.engine)
            if problems:
                report.fail(f"FEJL: kontrollen fandt {len(problems)} problem(er):")
                report.lines += [f"  {p}" for p in problems[:20]]
            else:
                report.lines.append("Integritet: ok")
            report.lines.append("Henvisninger (fremmednøgler): håndhæves af serveren")
            if revision == head:
                report.lines.append(f"Skemaversion: {revision} (nyeste)")
            else:
                report.lines.append(
                    f"Skemaversion: {revision}; opgraderes til {head} næste gang den åbnes."
                )
    except Exception as exc:
        known = connection_error(exc, db.name, getattr(db.backend, "address", None))
        if known is None:
            raise
        report.fail(f"FEJL: {known}")
    finally:
        db.dispose()
    return report
