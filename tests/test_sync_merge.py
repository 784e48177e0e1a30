"""Two laptops and a colleague on the server: edits merge, real conflicts are kept for a
person to decide (with base, server and laptop values, who and when), and after a sync
the laptop holds exactly the server's data."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sync_support import differences

from kulturpunkt_desk.domain.models import (
    Area,
    ConflictKind,
    SessionForm,
    SparringSession,
    SyncConflict,
    SyncReceipt,
)
from kulturpunkt_desk.domain.services import areas, programmes, sparring
from kulturpunkt_desk.domain.services.sync import sync
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database

pytestmark = pytest.mark.postgresql_only


@dataclasses.dataclass
class Team:
    server: Database
    paths: dict[str, Path]
    laptops: dict[str, Database]

    def sync(self, who: str) -> Any:
        return sync(self.paths[who])

    def area(self, db: Database, number: int) -> Area:
        programme = programmes.current_programme(db)
        assert programme is not None
        return sorted(areas.list_areas(db, programme.id), key=lambda a: a.name)[number]


@pytest.fixture
def team(demo_db: Database, tmp_path: Path) -> Iterator[Team]:
    """Anne's and Bo's laptop copies of the demo on the server (Bo's in a folder with
    a space and a #)."""
    paths = {"anne": tmp_path / "anne.sqlite", "bo": tmp_path / "Bo #2 bærbar" / "kp.sqlite"}
    laptops = {}
    for who, path in paths.items():
        path.parent.mkdir(exist_ok=True)
        sync(path, str(demo_db.target))
        laptops[who] = open_database(path, user=who)
    yield Team(demo_db, paths, laptops)
    for db in laptops.values():
        db.dispose()


def edit_area(db: Database, area_id: str, **changes: Any) -> None:
    area = areas.get_area(db, area_id)
    values = {f.name: getattr(area, f.name) for f in dataclasses.fields(areas.AreaData)}
    areas.update_area(db, area_id, areas.AreaData(**(values | changes)))


def open_conflicts(db: Database) -> list[SyncConflict]:
    with db.read() as s:
        return list(s.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))))


def session_count(db: Database, area_id: str) -> int:
    with db.read() as s:
        query = select(func.count()).where(SparringSession.area_id == area_id)
        return int(s.scalar(query) or 0)


def test_different_fields_of_one_record_merge(team: Team) -> None:
    area_id = team.area(team.server, 0).id
    edit_area(team.laptops["anne"], area_id, notes="Annes note")
    edit_area(team.laptops["bo"], area_id, vision="Bos vision")
    first, second = team.sync("anne"), team.sync("bo")
    assert (first.conflicts, second.conflicts) == (0, 0)
    assert first.applied >= 1 and second.applied >= 1
    merged = areas.get_area(team.server, area_id)
    assert (merged.notes, merged.vision) == ("Annes note", "Bos vision")
    team.sync("anne")
    for laptop in team.laptops.values():
        assert differences(team.server, laptop) == []
    again = team.sync("bo")
    assert (again.sent, again.applied, again.received) == (0, 0, 0)


def test_the_same_field_changed_on_both_sides_is_a_conflict_and_the_server_stands(
    team: Team,
) -> None:
    area = team.area(team.server, 1)
    edit_area(team.laptops["anne"], area.id, notes="Annes note", vision="Annes vision")
    edit_area(team.server, area.id, notes="Kollegens note")
    report = team.sync("anne")
    assert report.conflicts == 1 and report.open_conflicts == 1
    [conflict] = open_conflicts(team.server)
    assert conflict.kind == ConflictKind.SAME_FIELD
    assert (conflict.table_name, conflict.record_id, conflict.field) == ("area", area.id, "notes")
    assert (conflict.base_value, conflict.server_value, conflict.laptop_value) == (
        area.notes,
        "Kollegens note",
        "Annes note",
    )
    assert conflict.laptop_user == "anne" and conflict.laptop_at is not None
    assert conflict.server_user == "testbruger" and conflict.server_at is not None
    on_server = areas.get_area(team.server, area.id)
    assert (on_server.notes, on_server.vision) == ("Kollegens note", "Annes vision")
    assert differences(team.server, team.laptops["anne"]) == []
    # The same conflict is not recorded again by the next sync.
    assert team.sync("anne").conflicts == 0 and len(open_conflicts(team.server)) == 1


def test_edited_on_the_laptop_deleted_on_the_server_keeps_the_laptops_row(team: Team) -> None:
    area = team.area(team.server, 2)
    edit_area(team.laptops["anne"], area.id, notes="Annes note")
    areas.delete_area(team.server, area.id)
    assert team.sync("anne").conflicts == 1
    [conflict] = open_conflicts(team.server)
    assert conflict.kind == ConflictKind.EDITED_DELETED and conflict.record_id == area.id
    [kept] = conflict.laptop_rows
    assert kept["table"] == "area" and kept["row"]["notes"] == "Annes note"
    assert kept["row"]["name"] == area.name  # the whole row, not only the edited field
    with team.server.read() as s:
        assert s.get(Area, area.id) is None
    assert differences(team.server, team.laptops["anne"]) == []


def test_deleted_on_the_laptop_edited_on_the_server_keeps_the_whole_group(team: Team) -> None:
    area = team.area(team.server, 3)
    sessions = session_count(team.server, area.id)
    areas.delete_area(team.laptops["anne"], area.id)
    edit_area(team.server, area.id, notes="Kollegens note")
    assert team.sync("anne").conflicts == 1
    [conflict] = open_conflicts(team.server)
    assert conflict.kind == ConflictKind.DELETED_EDITED and conflict.record_id == area.id
    assert areas.get_area(team.server, area.id).notes == "Kollegens note"
    assert session_count(team.server, area.id) == sessions
    # The laptop has the area back, with everything under it.
    assert differences(team.server, team.laptops["anne"]) == []


def test_a_deleted_area_whose_server_gained_a_session_is_not_deleted(team: Team) -> None:
    area = team.area(team.server, 4)
    sessions = session_count(team.server, area.id)
    areas.delete_area(team.laptops["anne"], area.id)
    sparring.log_session(
        team.server,
        area.id,
        sparring.SessionData(held_on=date(2025, 10, 1), form=SessionForm.PHONE, notes="Ny"),
    )
    assert team.sync("anne").conflicts == 1
    [conflict] = open_conflicts(team.server)
    assert conflict.kind == ConflictKind.DELETED_EDITED
    assert {row["table"] for row in conflict.laptop_rows} >= {"area"}
    assert session_count(team.server, area.id) == sessions + 1
    assert differences(team.server, team.laptops["anne"]) == []


def test_a_new_area_whose_name_the_server_took_meanwhile_is_a_unique_conflict(
    team: Team,
) -> None:
    programme = programmes.current_programme(team.server)
    assert programme is not None
    mine = areas.create_area(
        team.laptops["anne"],
        programme.id,
        areas.AreaData(name="Havnefronten", municipality="Hjørring"),
    )
    areas.create_area(
        team.server, programme.id, areas.AreaData(name="havnefronten", municipality="Brønderslev")
    )
    assert team.sync("anne").conflicts == 1
    [conflict] = open_conflicts(team.server)
    assert conflict.kind == ConflictKind.UNIQUE and conflict.record_id == mine
    assert conflict.laptop_rows[0]["row"]["name"] == "Havnefronten"
    with team.server.read() as s:
        assert s.get(Area, mine) is None
    assert differences(team.server, team.laptops["anne"]) == []


def test_a_session_under_an_area_deleted_on_the_server_is_a_missing_parent(team: Team) -> None:
    area = team.area(team.server, 5)
    mine = sparring.log_session(
        team.laptops["anne"],
        area.id,
        sparring.SessionData(
            held_on=date(2025, 9, 3),
            form=SessionForm.PHYSICAL,
            follow_ups=[sparring.FollowUpData("Ring tilbage")],
        ),
    )
    areas.delete_area(team.server, area.id)
    assert team.sync("anne").conflicts == 1
    [conflict] = open_conflicts(team.server)
    assert conflict.kind == ConflictKind.MISSING_PARENT and conflict.record_id == mine
    assert {row["table"] for row in conflict.laptop_rows} == {
        "sparring_session",
        "follow_up_action",
    }
    assert differences(team.server, team.laptops["anne"]) == []


def test_every_sync_leaves_a_receipt(team: Team) -> None:
    edit_area(team.laptops["bo"], team.area(team.server, 6).id, notes="Bo")
    team.sync("bo")
    with team.server.read() as s:
        receipts = list(s.scalars(select(SyncReceipt)))
    assert [r.changes > 0 for r in receipts] == [True]


def test_a_person_anonymised_on_the_server_is_erased_from_the_laptops_audit_log(
    team: Team,
) -> None:
    from kulturpunkt_desk.domain.services import people, personal_data

    person = people.list_people(team.server)[0]
    team.sync("anne")  # the laptop's audit log holds the person's name
    personal_data.anonymise_person(team.server, person.id)
    team.sync("anne")
    assert differences(team.server, team.laptops["anne"]) == []


def test_a_rename_to_a_name_the_server_took_meanwhile_keeps_the_rest_of_the_edit(
    team: Team,
) -> None:
    mine, theirs = team.area(team.server, 7), team.area(team.server, 8)
    edit_area(team.laptops["anne"], mine.id, name="Nyt Navn", notes="Annes note")
    edit_area(team.server, theirs.id, name="nyt navn")
    steps: list[tuple[str, float]] = []
    report = sync(team.paths["anne"], progress=lambda text, done: steps.append((text, done)))
    assert report.conflicts == 1
    [conflict] = open_conflicts(team.server)
    assert (conflict.kind, conflict.field) == (ConflictKind.UNIQUE, "name")
    assert (conflict.server_value, conflict.laptop_value) == (mine.name, "Nyt Navn")
    on_server = areas.get_area(team.server, mine.id)
    assert (on_server.name, on_server.notes) == (mine.name, "Annes note")
    assert differences(team.server, team.laptops["anne"]) == []
    assert steps[-1] == ("Færdig", 1.0)
    assert [done for _text, done in steps] == sorted(done for _text, done in steps)
