"""The open sync conflicts from the command line:

    kulturpunkt-desk conflicts --db FILE|URL [--json]

Each with its record, field, the base, server and laptop values and who changed them when
(services/sync_conflicts.py, the same list as the Konflikter view). They are resolved in
the window's Konflikter view.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kulturpunkt_desk.domain.services.sync_conflicts import ConflictRow


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    conflicts = sub.add_parser(
        "conflicts",
        parents=[common],
        help="vis de åbne konflikter fra synkroniseringen af bærbare",
    )
    conflicts.add_argument(
        "--json", action="store_true", help="ét JSON-objekt (til et script) i stedet for tekst"
    )
    conflicts.set_defaults(handler=cmd_conflicts)


def as_json(row: ConflictRow) -> dict[str, Any]:
    """One conflict with stable keys; times in ISO 8601 with their zone."""
    return {
        "id": row.id,
        "kind": row.kind.value,
        "kind_label": row.kind_label,
        "table": row.table_name,
        "record_id": row.record_id,
        "record": row.record_label,
        "field": row.field,
        "field_label": row.field_label,
        "base": row.base,
        "server": row.server,
        "laptop": row.laptop,
        "server_user": row.server_user,
        "server_at": row.server_at.isoformat() if row.server_at else None,
        "laptop_user": row.laptop_user,
        "laptop_at": row.laptop_at.isoformat() if row.laptop_at else None,
    }


def _who(user: str, when: str) -> str:
    parts = [p for p in (user, when) if p]
    return f" ({', '.join(parts)})" if parts else ""


def cmd_conflicts(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import open_session
    from kulturpunkt_desk.domain.danish import count
    from kulturpunkt_desk.domain.services.sync_conflicts import count_open, open_conflicts

    session = open_session(args, writes=False)
    try:
        rows = open_conflicts(session.db)
        open_count = count_open(session.db)  # the window's count, from the same function
    finally:
        session.close()
    if args.json:
        result = {"open": open_count, "conflicts": [as_json(r) for r in rows]}
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Ingen åbne konflikter.")
        return 0
    print(f"{count(open_count, 'konflikt')} venter på en beslutning (løs dem i Konflikter):")
    for r in rows:
        print(f"\n{r.record_label} – {r.field_label}: {r.kind_label}")
        print(f"  Før:              {r.base}")
        print(f"  Serveren:         {r.server}{_who(r.server_user, r.server_when)}")
        print(f"  Den bærbare:      {r.laptop}{_who(r.laptop_user, r.laptop_when)}")
    return 0
