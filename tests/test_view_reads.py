"""The read functions the desk's lists load in one go: right rows, everything loaded."""

from __future__ import annotations

from kulturpunkt_desk.domain.services import areas, grants, meetings
from kulturpunkt_desk.storage.engine import Database


def programme_id_of(db: Database) -> int:
    from kulturpunkt_desk.domain.services import programmes

    programme = programmes.current_programme(db)
    assert programme is not None
    return programme.id


def test_programme_members_lists_every_areas_people_by_area(demo_db: Database) -> None:
    pid = programme_id_of(demo_db)
    members = meetings.programme_members(demo_db, pid)
    names = [m.area.name for m in members]
    assert names == sorted(names)
    fjord = areas.find_area(demo_db, pid, "Fjordglimt")
    own = [m for m in members if m.area_id == fjord.id]
    assert [m.person_id for m in own] == [m.person_id for m in areas.area_people(demo_db, fjord.id)]
    assert own[0].is_primary_contact and own[0].person.name


def test_grant_overview_loads_grant_instalments_agreement_and_spending(
    demo_db: Database,
) -> None:
    pid = programme_id_of(demo_db)
    overview = grants.grant_overview(demo_db, pid)
    assert len(overview) == 11
    fjord = next(a for a in overview if a.name == "Fjordglimt")
    assert fjord.grant is not None and len(fjord.grant.instalments) == 2
    assert fjord.agreement is not None and fjord.interest is not None
    assert sum(s.amount_ore for s in fjord.spending) > 0
    waiting = next(a for a in overview if a.name == "Bakkekammen")
    assert waiting.grant is None and waiting.agreement is not None


def test_evaluation_overview_loads_submissions_answers_and_agreement(demo_db: Database) -> None:
    from kulturpunkt_desk.domain.services import evaluations

    pid = programme_id_of(demo_db)
    overview = evaluations.evaluation_overview(demo_db, pid)
    assert [a.name for a in overview] == sorted(a.name for a in overview)
    done = [a for a in overview if a.evaluations]
    assert done and all(a.evaluations[0].answers for a in done)
    assert all(a.agreement is not None for a in done)


def test_list_people_brings_the_areas_each_person_belongs_to(demo_db: Database) -> None:
    from kulturpunkt_desk.domain.services import people

    everyone = people.list_people(demo_db)
    member = next(p for p in everyone if p.memberships)
    assert member.memberships[0].area.name
