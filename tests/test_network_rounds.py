"""Network meetings in their rounds (issue 19, point 3), held against the seed's timeline:

"Netværks- og inspirationsmøde(r) Aug. - nov. 2025" (round 1)
"Netværks- og inspirationsmøde(r) Feb. - marts 2026" (round 2)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import InterestDecision
from kulturpunkt_desk.domain.services import areas, grants, meetings
from kulturpunkt_desk.domain.services.areas import AreaData, MemberData
from kulturpunkt_desk.domain.services.attention import AttentionKind, attention_items
from kulturpunkt_desk.domain.services.grants import InterestData
from kulturpunkt_desk.domain.services.meetings import MeetingData, NetworkRound
from kulturpunkt_desk.domain.services.people import PersonData
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database, upgrade


def designated_with_person(db: Database, programme_id: int, name: str) -> tuple[int, int]:
    area_id = areas.create_area(db, programme_id, AreaData(name, "Morsø"))
    grants.record_interest(
        db, area_id, InterestData(date(2025, 4, 20), decision=InterestDecision.ACCEPTED)
    )
    person = areas.add_new_person(db, area_id, PersonData(name=f"Kontakt {name}"), MemberData())
    return area_id, person


def test_the_programme_has_the_seeds_two_rounds(db: Database, programme_id: int) -> None:
    assert meetings.network_rounds(db, programme_id) == [
        NetworkRound(1, date(2025, 8, 1), date(2025, 11, 30)),
        NetworkRound(2, date(2026, 2, 1), date(2026, 3, 31)),
    ]


def test_a_meeting_takes_its_round_from_its_date_unless_one_is_chosen(
    db: Database, programme_id: int
) -> None:
    autumn = meetings.create_meeting(db, programme_id, MeetingData("Møde", date(2025, 9, 24)))
    spring = meetings.create_meeting(db, programme_id, MeetingData("Møde", date(2026, 3, 5)))
    # Postponed into December, but still the first round's meeting.
    late = meetings.create_meeting(
        db, programme_id, MeetingData("Udsat møde", date(2025, 12, 4), round=1)
    )
    rounds = {m.id: m.round for m in meetings.list_meetings(db, programme_id)}
    assert rounds == {autumn: 1, spring: 2, late: 1}
    with pytest.raises(ValidationError) as caught:
        meetings.create_meeting(db, programme_id, MeetingData("Møde", date(2026, 3, 5), round=3))
    assert caught.value.errors == {"round": "Runde: programmets tidsplan har runde 1., 2., ikke 3."}


def test_overblik_warns_when_a_round_ends_with_an_area_at_none_of_its_meetings(
    db: Database, programme_id: int
) -> None:
    came, person = designated_with_person(db, programme_id, "Fjordglimt")
    stayed_away, _ = designated_with_person(db, programme_id, "Skovkanten")
    meeting = meetings.create_meeting(db, programme_id, MeetingData("Møde", date(2025, 9, 24)))
    meetings.set_attendance(db, meeting, [(came, person)])

    def network_items(today: date) -> list[tuple[str, bool, str]]:
        return [
            (i.area_name, i.overdue, i.text)
            for i in attention_items(db, programme_id, today)
            if i.kind == AttentionKind.NETWORK_MISSING
        ]

    assert network_items(date(2025, 10, 1)) == []
    assert network_items(date(2025, 11, 20)) == [
        (
            "Skovkanten",
            False,
            "Endnu ikke med til noget netværksmøde i 1. runde, som slutter 30.11.2025.",
        )
    ]
    assert network_items(date(2025, 12, 10)) == [
        ("Skovkanten", True, "Ikke med til noget netværksmøde i 1. runde (01.08.2025–30.11.2025).")
    ]
    # The view's list and Overblik come from the same rule.
    absent = meetings.areas_absent_from_round(db, programme_id, 1)
    assert [a.id for a in absent] == [stayed_away]


def test_migration_puts_existing_meetings_in_their_round(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite"
    old = Database(path, create=True)
    upgrade(old, "0004")
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO programme (id, uuid, created_at, updated_at, name, start_year, end_year,"
            " default_grant_ore, total_budget_ore, contact_organisation, contact_department,"
            " contact_street, contact_postcode_city, contact_email, contact_phone,"
            " retention_years) VALUES (1, 'p', '2025-01-01', '2025-01-01', 'K', 2025, 2026,"
            " 5000000, 55000000, '', '', '', '', '', '', 5)"
        )
        conn.exec_driver_sql(
            "INSERT INTO milestone (id, uuid, created_at, updated_at, programme_id, kind, title,"
            " starts_on, ends_on, round) VALUES (1, 'm', '2025-01-01', '2025-01-01', 1,"
            " 'network_round', 'Netværk', '2025-08-01', '2025-11-30', 1)"
        )
        for n, day in ((1, "2025-09-24"), (2, "2026-06-01")):
            conn.exec_driver_sql(
                "INSERT INTO network_meeting (id, uuid, created_at, updated_at, programme_id,"
                f" kind, title, held_on, place, agenda, notes) VALUES ({n}, 'n{n}', '2025-01-01',"
                f" '2025-01-01', 1, 'network', 'Møde', '{day}', '', '', '')"
            )
    old.dispose()
    db = open_database(path, user="test")
    try:
        assert [(m.id, m.round) for m in meetings.list_meetings(db, 1)] == [(1, 1), (2, None)]
    finally:
        db.dispose()
