"""Every service transaction tells the bus what it changed, and a local change can be
undone and redone through its journal (one undo stack for every write)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kulturpunkt_desk.domain.changes import ChangeBus, ChangeSet, bus_for
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.services import areas, change_journal, grants
from kulturpunkt_desk.storage.engine import Database


def _listen(db: Database, journal: bool = True) -> list[ChangeSet]:
    heard: list[ChangeSet] = []
    bus_for(db.engine).subscribe(heard.append, journal=journal)
    return heard


def _area(db: Database, programme_id: str, name: str = "Øster Hede") -> int:
    return areas.create_area(db, programme_id, areas.AreaData(name=name, municipality="Viborg"))


def test_a_commit_publishes_the_kinds_it_wrote(db: Database, programme_id: str) -> None:
    heard = _listen(db, journal=False)
    _area(db, programme_id)
    assert len(heard) == 1
    assert "area" in heard[0].kinds
    assert heard[0].local and not heard[0].undoable  # no journal was asked for


def test_a_refused_save_publishes_nothing(db: Database, programme_id: str) -> None:
    _area(db, programme_id)
    heard = _listen(db)
    with pytest.raises(ValidationError):
        _area(db, programme_id)  # the same name again is refused
    assert heard == []


def test_reads_publish_nothing(db: Database, programme_id: str) -> None:
    heard = _listen(db)
    areas.list_areas(db, programme_id)
    assert heard == []


def test_creating_is_undone_and_redone(db: Database, programme_id: str) -> None:
    heard = _listen(db)
    area_id = _area(db, programme_id)
    change = heard[-1]
    assert change.undoable
    assert change_journal.describe(change) == "oprettelse af lokalområdet"
    change_journal.undo(db, change)
    assert [a.id for a in areas.list_areas(db, programme_id)] == []
    assert heard[-1].replay and not heard[-1].undoable  # the undo is news, not a new entry
    change_journal.redo(db, change)
    assert areas.get_area(db, area_id).name == "Øster Hede"


def test_editing_is_undone(db: Database, programme_id: str) -> None:
    area_id = _area(db, programme_id)
    heard = _listen(db)
    areas.update_area(db, area_id, areas.AreaData(name="Vester Hede", municipality="Skive"))
    change_journal.undo(db, heard[-1])
    area = areas.get_area(db, area_id)
    assert (area.name, area.municipality) == ("Øster Hede", "Viborg")


def test_deleting_brings_back_what_the_database_cascaded(demo_db: Database) -> None:
    from kulturpunkt_desk.domain.services import programmes

    pid = programmes.current_programme(demo_db).id  # type: ignore[union-attr]
    area = areas.list_areas(demo_db, pid)[0]
    people_before = len(areas.area_people(demo_db, area.id))
    heard = _listen(demo_db)
    areas.delete_area(demo_db, area.id)
    change_journal.undo(demo_db, heard[-1])
    assert areas.get_area(demo_db, area.id).name == area.name
    assert len(areas.area_people(demo_db, area.id)) == people_before


def test_paying_and_cancelling_a_payment_are_undone(demo_db: Database) -> None:
    from sqlalchemy import select

    from kulturpunkt_desk.domain.models import Instalment

    with demo_db.read() as s:
        instalment = s.scalars(select(Instalment).where(Instalment.paid_on.is_(None))).first()
        assert instalment is not None
    heard = _listen(demo_db)
    grants.mark_paid(demo_db, instalment.id, date(2026, 3, 2))
    paid = heard[-1]
    grants.mark_paid(demo_db, instalment.id, None)
    cancelled = heard[-1]
    change_journal.undo(demo_db, cancelled)
    assert _paid_on(demo_db, instalment.id) == date(2026, 3, 2)
    change_journal.undo(demo_db, paid)
    assert _paid_on(demo_db, instalment.id) is None


def _paid_on(db: Database, instalment_id: Any) -> date | None:
    from kulturpunkt_desk.domain.models import Instalment

    with db.read() as s:
        found = s.get(Instalment, instalment_id)
        assert found is not None
        return found.paid_on


def test_undo_refuses_when_a_colleague_changed_the_record(db: Database, programme_id: str) -> None:
    area_id = _area(db, programme_id)
    heard = _listen(db)
    areas.update_area(db, area_id, areas.AreaData(name="Vester Hede", municipality="Skive"))
    change = heard[-1]
    areas.update_area(db, area_id, areas.AreaData(name="Nørre Hede", municipality="Skive"))
    with pytest.raises(change_journal.ChangedSinceError, match="Kan ikke fortrydes"):
        change_journal.undo(db, change)
    assert areas.get_area(db, area_id).name == "Nørre Hede"  # nothing half undone


def test_a_subscriber_that_fails_does_not_fail_the_save(db: Database, programme_id: str) -> None:
    def broken(_change: ChangeSet) -> None:
        raise RuntimeError("refresh failed")

    bus_for(db.engine).subscribe(broken)
    area_id = _area(db, programme_id)
    assert areas.get_area(db, area_id).name == "Øster Hede"


def test_news_from_elsewhere_reaches_subscribers_alike() -> None:
    bus = ChangeBus()
    heard: list[ChangeSet] = []
    unsubscribe = bus.subscribe(heard.append)
    bus.publish(ChangeSet(kinds=frozenset({"area"}), local=False))
    unsubscribe()
    bus.publish(ChangeSet(kinds=frozenset({"grant"}), local=False))
    assert [c.kinds for c in heard] == [frozenset({"area"})]
    assert not heard[0].undoable


def test_changes_merged_undo_as_one(db: Database, programme_id: str) -> None:
    from kulturpunkt_desk.domain.changes import merged

    heard = _listen(db)
    area_id = _area(db, programme_id)
    areas.update_area(db, area_id, areas.AreaData(name="Vester Hede", municipality="Skive"))
    both = merged(heard)
    assert both.undoable and len(both.rows) == 1  # the same row, created then renamed
    change_journal.undo(db, both)
    assert areas.list_areas(db, programme_id) == []
