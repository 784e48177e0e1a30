"""The laptop's own changes are SQLite's diff of the file against its base, in Python values."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from kulturpunkt_desk.domain.models import SessionForm
from kulturpunkt_desk.domain.services import areas, programmes, sparring
from kulturpunkt_desk.domain.services.sync.local_changes import (
    column_names,
    find_changes,
    read_changes,
)
from kulturpunkt_desk.domain.services.sync.sqlite_copies import copy_file
from kulturpunkt_desk.storage.engine import Database

pytestmark = pytest.mark.sqlite_only


def test_edits_new_records_and_deletions_are_found_with_typed_values(
    demo_db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "Bærbar #1"
    folder.mkdir()
    base = folder / "grundlag.sqlite"
    copy_file(demo_db.path, base)
    programme = programmes.current_programme(demo_db)
    assert programme is not None
    first, second = areas.list_areas(demo_db, programme.id)[:2]
    areas.update_area(
        demo_db,
        first.id,
        areas.AreaData(name="Fjordglimt Nord", municipality=first.municipality, notes="Ny note"),
    )
    new_session = sparring.log_session(
        demo_db,
        second.id,
        sparring.SessionData(
            held_on=date(2025, 9, 3),
            form=SessionForm.ONLINE,
            notes="Opstart",
            follow_ups=[sparring.FollowUpData("Send budget", due_on=date(2025, 9, 10))],
        ),
    )
    old_session = sparring.list_sessions(demo_db, programme.id)[0]
    assert old_session.id != new_session
    sparring.delete_session(demo_db, old_session.id)

    snapshot = folder / "bærbar.sqlite"
    copy_file(demo_db.path, snapshot)
    changes = read_changes(find_changes(snapshot, base), column_names(snapshot))
    by = {(c.table, c.op, c.key[0]): c for c in changes}

    renamed = by[("area", "update", first.id)]
    assert renamed.old["name"] == first.name and renamed.new["name"] == "Fjordglimt Nord"
    assert renamed.new["notes"] == "Ny note" and renamed.new["id"] == first.id
    assert "municipality" not in renamed.new  # unchanged columns are not in an update
    assert renamed.new["row_version"] == renamed.old["row_version"] + 1

    made = by[("sparring_session", "insert", new_session)]
    assert made.new["held_on"] == date(2025, 9, 3)
    assert made.new["form"] == SessionForm.ONLINE
    assert isinstance(made.new["created_at"], datetime)
    assert made.new["core_elements"] == []
    follow_ups = [c for c in changes if c.table == "follow_up_action" and c.op == "insert"]
    assert [c.new["description"] for c in follow_ups] == ["Send budget"]

    gone = by[("sparring_session", "delete", old_session.id)]
    assert gone.old["area_id"] == old_session.area_id  # a deletion carries the whole row
    assert gone.old["held_on"] == old_session.held_on
    audited = {c.new["entity_uuid"] for c in changes if c.table == "audit_entry"}
    assert {first.id, new_session, old_session.id} <= audited
    assert not [c for c in changes if c.table in ("laptop_sync", "alembic_version")]


def test_an_unchanged_file_has_no_changes(demo_db: Database, tmp_path: Path) -> None:
    base = tmp_path / "grundlag.sqlite"
    copy_file(demo_db.path, base)
    snapshot = tmp_path / "bærbar.sqlite"
    copy_file(demo_db.path, snapshot)
    assert read_changes(find_changes(snapshot, base)) == []
