"""Resolving a sync conflict is an ordinary edit: one transaction, and Fortryd undoes it."""

from __future__ import annotations

from datetime import date

import pytest
from sync_conflict_rows import closing_conflict, json_row, municipality_conflict, record_conflict

from kulturpunkt_desk.domain.changes import ChangeSet, bus_for
from kulturpunkt_desk.domain.errors import DeskError, ValidationError
from kulturpunkt_desk.domain.models import SyncConflict
from kulturpunkt_desk.domain.models.sync import ConflictKind, ConflictResolution
from kulturpunkt_desk.domain.services import areas, change_journal, sync_conflicts
from kulturpunkt_desk.storage.engine import Database

SERVER, LAPTOP, EDITED = ConflictResolution


def _area(db: Database, programme_id: str, name: str = "Fjordglimt") -> str:
    return areas.create_area(db, programme_id, areas.AreaData(name=name, municipality="Viborg"))


def _journal(db: Database) -> list[ChangeSet]:
    heard: list[ChangeSet] = []
    bus_for(db.engine).subscribe(heard.append, journal=True)
    return heard


def _conflict(db: Database, conflict_id: str) -> SyncConflict:
    with db.read() as s:
        found = s.get(SyncConflict, conflict_id)
        assert found is not None
        return found


def test_open_conflicts_show_the_record_the_field_and_three_values(
    db: Database, programme_id: str
) -> None:
    area_id = _area(db, programme_id)
    municipality_conflict(db, area_id)
    [row] = sync_conflicts.open_conflicts(db)
    assert row.record_label == "«Fjordglimt» (lokalområdet)"
    assert (row.field_label, row.base, row.server, row.laptop) == (
        "Kommune",
        "Thisted",
        "Viborg",
        "Skive",
    )
    assert (row.laptop_user, row.server_user) == ("karen", "ole")
    assert row.kind_label == "Samme felt ændret begge steder"
    assert row.editable
    assert sync_conflicts.count_open(db) == 1


def test_money_dates_and_empty_values_are_shown_in_danish(db: Database, programme_id: str) -> None:
    area_id = _area(db, programme_id)
    record_conflict(
        db,
        ConflictKind.SAME_FIELD,
        "grant",
        area_id,
        "amount_ore",
        base=None,
        server=5_000_000,
        laptop=6_250_050,
    )
    closing_conflict(db, area_id)
    money, closed = sync_conflicts.open_conflicts(db)
    assert (money.field_label, money.base, money.server, money.laptop) == (
        "Beløb",
        "(tom)",
        "50.000 kr.",
        "62.500,50 kr.",
    )
    assert (closed.server, closed.laptop) == ("18.06.2026", "30.06.2026")


def test_taking_the_laptops_value_writes_it_and_undo_restores_both(
    db: Database, programme_id: str
) -> None:
    area_id = _area(db, programme_id)
    conflict_id = municipality_conflict(db, area_id)
    heard = _journal(db)
    sync_conflicts.resolve(db, conflict_id, LAPTOP)
    assert areas.get_area(db, area_id).municipality == "Skive"
    resolved = _conflict(db, conflict_id)
    assert (resolved.resolution, resolved.resolved_by) == (LAPTOP, "testbruger")
    assert sync_conflicts.count_open(db) == 0
    [change] = heard
    assert change.undoable and change.touches("area", "sync_conflict")
    change_journal.undo(db, change)
    assert areas.get_area(db, area_id).municipality == "Viborg"
    assert _conflict(db, conflict_id).resolved_at is None
    assert sync_conflicts.count_open(db) == 1


def test_keeping_the_servers_value_only_closes_the_conflict(
    db: Database, programme_id: str
) -> None:
    area_id = _area(db, programme_id)
    conflict_id = municipality_conflict(db, area_id)
    sync_conflicts.resolve(db, conflict_id, SERVER)
    assert areas.get_area(db, area_id).municipality == "Viborg"
    assert _conflict(db, conflict_id).resolution == SERVER
    assert sync_conflicts.open_conflicts(db) == []


def test_a_third_value_is_read_as_the_form_reads_it(db: Database, programme_id: str) -> None:
    area_id = _area(db, programme_id)
    conflict_id = closing_conflict(db, area_id)
    with pytest.raises(ValidationError) as refused:
        sync_conflicts.resolve(db, conflict_id, EDITED, "den 31.")
    assert "Afsluttet" in refused.value.errors["value"]
    assert sync_conflicts.count_open(db) == 1  # nothing written
    sync_conflicts.resolve(db, conflict_id, EDITED, "01.07.2026")
    assert areas.get_area(db, area_id).closed_on == date(2026, 7, 1)
    assert _conflict(db, conflict_id).resolution == EDITED


def test_a_record_deleted_on_the_server_comes_back_from_the_laptops_rows(
    db: Database, programme_id: str
) -> None:
    area_id = _area(db, programme_id)
    row = json_row(db, "area", area_id) | {"municipality": "Skive"}
    areas.delete_area(db, area_id)
    conflict_id = record_conflict(
        db,
        ConflictKind.EDITED_DELETED,
        "area",
        area_id,
        laptop={"municipality": "Skive"},
        laptop_rows=[{"table": "area", "row": row}],
    )
    [shown] = sync_conflicts.open_conflicts(db)
    assert shown.record_label == "«Fjordglimt» (lokalområdet)"  # named from the laptop's row
    assert (shown.server, shown.laptop) == ("(slettet)", "Ændret: Kommune")
    assert not shown.editable
    heard = _journal(db)
    sync_conflicts.resolve(db, conflict_id, LAPTOP)
    assert areas.get_area(db, area_id).municipality == "Skive"
    change_journal.undo(db, heard[-1])
    assert [a.id for a in areas.list_areas(db, programme_id)] == []
    assert sync_conflicts.count_open(db) == 1


def test_a_record_deleted_on_the_laptop_is_deleted_when_the_laptop_is_chosen(
    db: Database, programme_id: str
) -> None:
    area_id = _area(db, programme_id)
    conflict_id = record_conflict(
        db, ConflictKind.DELETED_EDITED, "area", area_id, server={"municipality": "Skive"}
    )
    heard = _journal(db)
    sync_conflicts.resolve(db, conflict_id, LAPTOP)
    assert areas.list_areas(db, programme_id) == []
    change_journal.undo(db, heard[-1])
    assert areas.get_area(db, area_id).name == "Fjordglimt"


def test_a_refused_new_record_needs_a_new_name(db: Database, programme_id: str) -> None:
    area_id = _area(db, programme_id)
    row = json_row(db, "area", area_id)
    areas.delete_area(db, area_id)
    _area(db, programme_id)  # a colleague's «Fjordglimt», made meanwhile
    conflict_id = record_conflict(
        db,
        ConflictKind.UNIQUE,
        "area",
        area_id,
        "name",
        server="Fjordglimt",
        laptop="Fjordglimt",
        laptop_rows=[{"table": "area", "row": row}],
    )
    with pytest.raises(ValidationError) as refused:
        sync_conflicts.resolve(db, conflict_id, LAPTOP)
    assert "Navn" in refused.value.errors["value"]
    sync_conflicts.resolve(db, conflict_id, LAPTOP, "Fjordglimt Nord")
    names = sorted(a.name for a in areas.list_areas(db, programme_id))
    assert names == ["Fjordglimt", "Fjordglimt Nord"]


def test_a_record_whose_parent_is_gone_is_refused_in_danish(
    db: Database, programme_id: str
) -> None:
    area_id = _area(db, programme_id)
    row = json_row(db, "area", area_id) | {"programme_id": "9" * 8 + "-0000-0000-0000-" + "0" * 12}
    areas.delete_area(db, area_id)
    conflict_id = record_conflict(
        db,
        ConflictKind.MISSING_PARENT,
        "area",
        area_id,
        laptop_rows=[{"table": "area", "row": row}],
    )
    with pytest.raises(DeskError, match="slettet på serveren"):
        sync_conflicts.resolve(db, conflict_id, LAPTOP)
    assert sync_conflicts.count_open(db) == 1
    assert areas.list_areas(db, programme_id) == []


def test_a_conflict_is_resolved_once(db: Database, programme_id: str) -> None:
    conflict_id = municipality_conflict(db, _area(db, programme_id))
    sync_conflicts.resolve(db, conflict_id, SERVER)
    with pytest.raises(DeskError, match="allerede løst"):
        sync_conflicts.resolve(db, conflict_id, LAPTOP)


def test_a_whole_record_deleted_on_the_laptop_is_shown_as_deleted_there(
    db: Database, programme_id: str
) -> None:
    area_id = _area(db, programme_id)
    record_conflict(db, ConflictKind.DELETED_EDITED, "area", area_id)
    [shown] = sync_conflicts.open_conflicts(db)
    assert (shown.field_label, shown.base, shown.server, shown.laptop) == (
        "Hele posten",
        "Findes",
        "Ændret",
        "(slettet)",
    )


def test_a_rename_refused_on_the_server_takes_a_new_name(db: Database, programme_id: str) -> None:
    area_id = _area(db, programme_id)
    _area(db, programme_id, "Vesterhede")
    conflict_id = record_conflict(
        db, ConflictKind.UNIQUE, "area", area_id, "name", server="Fjordglimt", laptop="Vesterhede"
    )
    sync_conflicts.resolve(db, conflict_id, EDITED, "Fjordglimt Vest")
    assert areas.get_area(db, area_id).name == "Fjordglimt Vest"


def test_a_link_to_a_record_gone_from_the_server_is_refused(
    db: Database, programme_id: str
) -> None:
    area_id = _area(db, programme_id)
    gone = "9" * 8 + "-0000-0000-0000-" + "0" * 12
    conflict_id = record_conflict(
        db,
        ConflictKind.MISSING_PARENT,
        "area",
        area_id,
        "programme_id",
        server=programme_id,
        laptop=gone,
    )
    with pytest.raises(DeskError, match="Gendan det fra papirkurven"):
        sync_conflicts.resolve(db, conflict_id, LAPTOP)
    sync_conflicts.resolve(db, conflict_id, SERVER)
    assert areas.get_area(db, area_id).programme_id == programme_id
