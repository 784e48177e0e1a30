"""An area's history reads as Danish sentences: who changed what, newest first."""

from __future__ import annotations

from kulturpunkt_desk.domain.services import areas
from kulturpunkt_desk.domain.services.area_history import area_history
from kulturpunkt_desk.domain.services.areas import AreaData, MemberData
from kulturpunkt_desk.domain.services.people import PersonData
from kulturpunkt_desk.storage.engine import Database


def test_history_names_user_and_changed_fields(db: Database, programme_id: int) -> None:
    area_id = areas.create_area(db, programme_id, AreaData("Fjordglimt", "Aalborg"))
    areas.update_area(db, area_id, AreaData("Fjordglimt", "Hjørring"))
    lines = area_history(db, area_id)
    assert [line.text for line in lines] == [
        "Ændrede lokalområdet «Fjordglimt»: Kommune: Aalborg → Hjørring",
        "Oprettede lokalområdet «Fjordglimt»",
    ]
    assert {line.user for line in lines} == {"testbruger"}


def test_history_keeps_records_removed_from_the_area(db: Database, programme_id: int) -> None:
    area_id = areas.create_area(db, programme_id, AreaData("Fjordglimt", "Aalborg"))
    areas.add_new_person(db, area_id, PersonData("Ane Fisker"), MemberData("Formand", True, True))
    member = areas.area_people(db, area_id)[0]
    areas.update_member(db, member.id, MemberData("Kasserer", True, True))
    areas.remove_member(db, member.id)
    texts = [line.text for line in area_history(db, area_id)]
    assert texts[:3] == [
        "Slettede en person i lokalområdet «Ane Fisker»",
        "Ændrede en person i lokalområdet «Ane Fisker»: Rolle: Formand → Kasserer",
        "Oprettede en person i lokalområdet «Ane Fisker»",
    ]
