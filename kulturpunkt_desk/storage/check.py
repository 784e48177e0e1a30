"""`check`: is this file a sound Kulturpunkt database, and at which schema version?

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
