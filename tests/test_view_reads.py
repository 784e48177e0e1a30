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
    names = [m.area_name for m in members]
    assert names == sorted(names)
    fjord = areas.find_area(demo_db, pid, "Fjordglimt")
    own = [m for m in members if m.area_id == fjord.id]
    assert [m.person_id for m in own] == [m.person_id for m in areas.area_people(demo_db, fjord.id)]
    assert own[0].is_primary_contact and own[0].person_name


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
    waiting = next(a for a in overview if a.name == "Bakkekammen")  # awarded, nothing planned
    assert waiting.grant is not None and waiting.grant.instalments == []
    assert waiting.agreement is not None


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


def test_session_rows_show_what_the_sessions_hold_with_their_round(demo_db: Database) -> None:
    from kulturpunkt_desk.domain.services import programmes, sparring

    pid = programme_id_of(demo_db)
    programme = programmes.current_programme(demo_db)
    assert programme is not None
    rows = sparring.session_rows(demo_db, pid)
    records = {s.id: s for s in sparring.list_sessions(demo_db, pid)}
    assert [r.id for r in rows] == list(records)  # newest first, as the service lists them
    assert any(r.follow_ups for r in rows) and any(r.participants for r in rows)
    for row in rows:
        record = records[row.id]
        assert (row.area_id, row.area_name) == (record.area_id, record.area.name)
        assert (row.held_on, row.form) == (record.held_on, record.form)
        assert sparring.session_notes(demo_db, row.id) == record.notes
        assert row.round == sparring.round_of(record.held_on, list(programme.milestones))
        assert sorted(row.participants) == sorted(p.person.name for p in record.participants)
        assert list(row.core_elements) == list(record.core_elements)
        assert [
            (a.id, a.description, a.responsible, a.due_on, a.done_on) for a in row.follow_ups
        ] == [(a.id, a.description, a.responsible, a.due_on, a.done_on) for a in record.follow_ups]


def test_meeting_rows_count_each_area_once_however_many_came(demo_db: Database) -> None:
    pid = programme_id_of(demo_db)
    members = meetings.programme_members(demo_db, pid)
    area_id = next(m.area_id for m in members if sum(o.area_id == m.area_id for o in members) > 1)
    two = [(m.area_id, m.person_id) for m in members if m.area_id == area_id][:2]
    first = meetings.meeting_rows(demo_db, pid)[0]
    meetings.set_attendance(demo_db, first.id, two)
    rows = meetings.meeting_rows(demo_db, pid)
    records = {m.id: m for m in meetings.list_meetings(demo_db, pid)}
    assert sorted(r.id for r in rows) == sorted(records)
    assert [r.held_on for r in rows] == sorted((r.held_on for r in rows), reverse=True)
    assert rows[0].id == first.id and rows[0].represented == 1
    for row in rows:
        record = records[row.id]
        assert row.represented == len({a.area_id for a in record.attendance})
        assert meetings.attendees(demo_db, row.id) == {
            (a.area_id, a.person_id) for a in record.attendance
        }
        assert (row.title, row.kind, row.round) == (record.title, record.kind, record.round)


def test_person_rows_name_each_persons_organisation_and_areas(demo_db: Database) -> None:
    from kulturpunkt_desk.domain.services import people

    rows = people.person_rows(demo_db)
    records = people.list_people(demo_db)
    assert [r.id for r in rows] == [p.id for p in records]
    for row, record in zip(rows, records, strict=True):
        assert row.organisation == (record.organisation.name if record.organisation else "")
        assert list(row.areas) == sorted(
            (m.area.name, m.is_primary_contact) for m in record.memberships
        )
    assert any(primary for r in rows for _name, primary in r.areas)
    organisations = people.organisation_rows(demo_db)
    assert [(o.id, o.name, o.sector) for o in organisations] == [
        (o.id, o.name, o.sector) for o in people.list_organisations(demo_db)
    ]


def test_a_session_with_several_participants_and_follow_ups_is_listed_once(
    db: Database, programme_id: str
) -> None:
    from datetime import date

    from kulturpunkt_desk.domain.models import SessionForm
    from kulturpunkt_desk.domain.services import sparring
    from kulturpunkt_desk.domain.services.areas import AreaData, MemberData
    from kulturpunkt_desk.domain.services.people import PersonData
    from kulturpunkt_desk.domain.services.sparring import FollowUpData, SessionData

    area_id = areas.create_area(
        db, programme_id, AreaData(name="Fjordglimt", municipality="Aalborg")
    )
    ids = [
        areas.add_new_person(db, area_id, PersonData(name), MemberData())
        for name in ("Åse", "Bo", "Ærle")
    ]
    sparring.log_session(db, area_id, SessionData(date(2025, 6, 2), SessionForm.PHONE))
    session_id = sparring.log_session(
        db,
        area_id,
        SessionData(
            date(2025, 7, 1),
            SessionForm.ONLINE,
            participant_ids=ids,
            follow_ups=[
                FollowUpData("Send listen", due_on=date(2025, 7, 15)),
                FollowUpData("Ring op"),
                FollowUpData("Book sal", due_on=date(2025, 7, 10), done_on=date(2025, 7, 9)),
            ],
        ),
    )
    listed = sparring.session_list(db, programme_id)
    assert [r.held_on for r in listed.rows] == [date(2025, 7, 1), date(2025, 6, 2)]
    newest, oldest = listed.rows
    assert newest.id == session_id and newest.area_name == "Fjordglimt"
    assert sorted(newest.participants) == sorted(["Åse", "Bo", "Ærle"])
    assert [a.description for a in newest.follow_ups] == ["Ring op", "Book sal", "Send listen"]
    assert oldest.participants == () and oldest.follow_ups == ()


def test_session_list_names_the_timelines_sparring_rounds(demo_db: Database) -> None:
    from kulturpunkt_desk.domain.models import MilestoneKind
    from kulturpunkt_desk.domain.services import programmes, sparring

    programme = programmes.current_programme(demo_db)
    assert programme is not None
    rounds = sorted(
        m.round for m in programme.milestones if m.kind == MilestoneKind.SPARRING_ROUND and m.round
    )
    listed = sparring.session_list(demo_db, programme.id)
    assert rounds and listed.rounds == tuple(rounds)
    assert listed.rows == sparring.session_rows(demo_db, programme.id)


def test_area_names_are_the_programmes_areas_in_danish_order(demo_db: Database) -> None:
    pid = programme_id_of(demo_db)
    assert [(a.id, a.name) for a in areas.area_names(demo_db, pid)] == [
        (a.id, a.name) for a in areas.list_areas(demo_db, pid)
    ]


def test_a_person_in_several_areas_is_listed_once_with_each_area(
    db: Database, programme_id: str
) -> None:
    from kulturpunkt_desk.domain.services import people
    from kulturpunkt_desk.domain.services.areas import AreaData, MemberData
    from kulturpunkt_desk.domain.services.people import PersonData

    first, second = (
        areas.create_area(db, programme_id, AreaData(name=name, municipality="Aalborg"))
        for name in ("Øbakken", "Bakkekammen")
    )
    mette = areas.add_new_person(
        db, first, PersonData("Mette"), MemberData(is_primary_contact=True)
    )
    areas.add_member(db, second, mette, MemberData())
    people.create_person(db, PersonData("Anders"))
    rows = people.person_rows(db)
    assert [(r.name, r.areas) for r in rows] == [
        ("Anders", ()),
        ("Mette", (("Bakkekammen", False), ("Øbakken", True))),
    ]


def test_absences_by_round_are_each_rounds_absent_areas(demo_db: Database) -> None:
    pid = programme_id_of(demo_db)
    by_round = meetings.absences_by_round(demo_db, pid)
    assert [r for r, _absent in by_round] == meetings.network_rounds(demo_db, pid)
    assert any(absent for _r, absent in by_round)
    for r, absent in by_round:
        assert [tuple(a) for a in absent] == [
            tuple(a) for a in meetings.areas_absent_from_round(demo_db, pid, r.number)
        ]


def test_overbliks_statuses_are_the_area_lists_statuses(demo_db: Database) -> None:
    from kulturpunkt_desk.domain.services import overview

    pid = programme_id_of(demo_db)
    with demo_db.read() as s:
        statuses = overview.statuses_in(s, pid)
        summaries = overview.summaries_in(s, pid)
    assert len(set(statuses)) > 1
    assert statuses == [summary.status for summary in summaries]
