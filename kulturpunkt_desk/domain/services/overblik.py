"""The Overblik's figures in one call, and the start-up snapshot written from them.

`overblik(db, programme_id, today)` asks the services that own each rule (attention,
overview, selection, week, programmes) and returns what the Overblik shows as plain data
(domain/overblik_data.py). The same call writes that data as the start-up snapshot
(storage/snapshot.py), so the snapshot is never computed by a second rule: it is exactly
what the last live Overblik showed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import selectinload

from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.snapshot import (
    FileStamp,
    file_stamp,
    restamp_after_close,
    snapshot_path,
    snapshot_stamp,
    write_snapshot,
)

from ..models import Programme
from ..overblik_data import AttentionRow, OverblikData, Phase, StatusCount
from ..status import STATUS_LABELS, STATUS_ORDER
from . import attention, budget_warnings, overview, selection, week


def overblik(db: Database, programme_id: str, today: date) -> OverblikData:
    """What the Overblik shows on `today`; also kept as the file's start-up snapshot."""
    stamp = file_stamp(db.path)  # before reading: a write meanwhile makes the snapshot stale
    days = week.coming_days(db)
    items = attention.attention_items(db, programme_id, today, days)
    # "Det kommende" from the same attention items, so they are not asked for twice.
    ahead = week.ahead(db, programme_id, today, days, attention=items)
    # One session for the rest, so the programme is read once (its identity map).
    with db.read() as s:
        programme = s.get(Programme, programme_id, options=[selectinload(Programme.milestones)])
        milestones = list(programme.milestones) if programme else []
        totals = overview.money_totals_in(s, programme_id)
        warnings = budget_warnings.money_warnings_in(s, programme_id)
        statuses = overview.statuses_in(s, programme_id)
        designation = selection.designation_in(s, programme_id)
    counts = {status: statuses.count(status) for status in STATUS_ORDER}
    data = OverblikData(
        today=today,
        phases=[Phase(m.title, m.starts_on, m.ends_on) for m in milestones],
        attention=[
            AttentionRow(
                kind=item.kind.value,
                label=attention.ATTENTION_LABELS[item.kind],
                area_name=item.area_name,
                due_on=item.due_on,
                days_overdue=item.days_overdue,
                text=item.text,
                opens=item.opens,
            )
            for item in items
        ],
        money={
            "budget": totals.budget_ore,
            "awarded": totals.awarded_ore,
            "paid": totals.paid_ore,
            "left": totals.left_to_pay_ore,
            "free": totals.unallocated_ore,
        },
        statuses=[
            StatusCount(n, STATUS_LABELS[status], counts[status])
            for n, status in enumerate(STATUS_ORDER)
            if counts[status]
        ],
        designation=designation.text,
        area_count=len(statuses),
        ahead=ahead,
        coming_days=days,
        money_warnings=warnings,
    )
    # Only a file has a start-up snapshot: a server's data can change without this laptop.
    snapshot = db.backend.is_file and not db.read_only
    if snapshot and not _already_written(db.path, stamp, data):
        write_snapshot(db.path, data.to_plain(), today, stamp=stamp)
        _written[db.path] = (stamp, data)
    return data


# What was last written for each file: a refresh that finds the same figures on the
# unchanged file writes nothing again (on a large programme that is hundreds of items).
_written: dict[Path, tuple[FileStamp, OverblikData]] = {}


def _already_written(path: Path, stamp: FileStamp, data: OverblikData) -> bool:
    """Whether this very snapshot was written for `path` and its file is still there."""
    return _written.get(path) == (stamp, data) and snapshot_path(path).exists()


def close_keeping_snapshot(db: Database, programme_id: str, today: date) -> None:
    """Close `db`'s connections (the desk lock stays), leaving the start-up snapshot true
    for the file as it is then: recomputed if something changed the file since the
    Overblik was last computed, and re-stamped after closing folds the -wal into the file."""
    if not db.backend.is_file:
        db.dispose()
        return
    if snapshot_stamp(db.path) != file_stamp(db.path):
        overblik(db, programme_id, today)
    before = file_stamp(db.path)
    db.dispose()
    restamp_after_close(db.path, before)
