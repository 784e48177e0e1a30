"""Overblik's attention list: overdue and coming items, each opening its record."""

from __future__ import annotations

from datetime import date

from kulturpunkt_desk.domain.models import SessionForm
from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import areas, grants, programmes, sparring
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.domain.services.attention import AttentionKind, attention_items
from kulturpunkt_desk.domain.services.grants import AgreementData, InstalmentData, InterestData
from kulturpunkt_desk.domain.services.sparring import FollowUpData, SessionData
from kulturpunkt_desk.storage.engine import Database


def signed_area(db: Database, programme_id: str, name: str) -> int:
    area_id = areas.create_area(db, programme_id, AreaData(name, "Aalborg"))
    grants.record_interest(db, area_id, InterestData(date(2025, 4, 10)))
    grants.record_agreement(
        db, area_id, AgreementData(None, date(2025, 5, 20), date(2025, 6, 2), date(2025, 6, 10))
    )
    grants.award_grant(db, area_id, kr(50_000), date(2025, 5, 15))
    return area_id


def kinds(db: Database, programme_id: str, today: date) -> list[tuple[AttentionKind, str]]:
    return [(i.kind, i.area_name) for i in attention_items(db, programme_id, today)]


def test_interest_missing_shows_only_once_the_deadline_is_near(
    db: Database, programme_id: str
) -> None:
    areas.create_area(db, programme_id, AreaData("Bakkekammen", "Rebild"))
    assert kinds(db, programme_id, date(2025, 3, 1)) == []
    coming = attention_items(db, programme_id, date(2025, 4, 20))
    assert [(i.kind, i.overdue) for i in coming] == [(AttentionKind.INTEREST_MISSING, False)]
    late = attention_items(db, programme_id, date(2025, 5, 1))
    assert late[0].overdue and late[0].days_overdue == 3
    assert late[0].text == "Ingen interessetilkendegivelse; fristen var 28.04.2025."


def test_area_without_session_in_current_round_is_listed_until_it_has_one(
    db: Database, programme_id: str
) -> None:
    area_id = signed_area(db, programme_id, "Fjordglimt")
    in_round_one = date(2025, 7, 20)
    assert kinds(db, programme_id, in_round_one) == [(AttentionKind.SPARRING_MISSING, "Fjordglimt")]
    sparring.log_session(db, area_id, SessionData(date(2025, 7, 3), SessionForm.PHONE))
    assert kinds(db, programme_id, in_round_one) == []
    # Between rounds the last finished round counts; round 2 then needs its own session.
    assert kinds(db, programme_id, date(2025, 10, 1)) == []
    assert kinds(db, programme_id, date(2026, 3, 15)) == [
        (AttentionKind.SPARRING_MISSING, "Fjordglimt")
    ]


def test_instalments_due_soon_come_after_the_overdue_ones(db: Database, programme_id: str) -> None:
    late = signed_area(db, programme_id, "Fjordglimt")
    soon = signed_area(db, programme_id, "Lyngbakken")
    grants.add_instalment(db, late, InstalmentData(kr(40_000), date(2025, 6, 30)))
    grants.add_instalment(db, soon, InstalmentData(kr(40_000), date(2025, 7, 25)))
    for area_id in (late, soon):
        sparring.log_session(db, area_id, SessionData(date(2025, 7, 3), SessionForm.PHONE))
    items = attention_items(db, programme_id, date(2025, 7, 20))
    assert [(i.area_name, i.overdue) for i in items] == [
        ("Fjordglimt", True),
        ("Lyngbakken", False),
    ]
    assert items[1].text == "Rate på 40.000 kr. forfalder 25.07.2025."
    assert items[1].opens == ("instalment", grants.area_instalments(db, soon)[0].id)


def test_follow_up_opens_its_sparring_session_and_leaves_when_done(
    db: Database, programme_id: str
) -> None:
    area_id = signed_area(db, programme_id, "Fjordglimt")
    session_id = sparring.log_session(
        db,
        area_id,
        SessionData(
            date(2025, 7, 3),
            SessionForm.PHYSICAL,
            follow_ups=[FollowUpData("Send foreningslisten", date(2025, 7, 17), "Styregruppen")],
        ),
    )
    items = attention_items(db, programme_id, date(2025, 7, 20))
    assert [(i.kind, i.opens) for i in items] == [
        (AttentionKind.FOLLOW_UP_DUE, ("sparring_session", session_id))
    ]
    assert items[0].text.startswith("Send foreningslisten (ansvarlig: Styregruppen)")
    action_id = sparring.list_sessions(db, programme_id)[0].follow_ups[0].id
    sparring.set_follow_up_done(db, action_id, date(2025, 7, 18))
    assert attention_items(db, programme_id, date(2025, 7, 20)) == []


def test_closed_and_declined_areas_ask_for_nothing(db: Database, programme_id: str) -> None:
    closed = signed_area(db, programme_id, "Fjordglimt")
    areas.close_area(db, closed, date(2025, 6, 20))
    declined = areas.create_area(db, programme_id, AreaData("Bakkekammen", "Rebild"))
    from kulturpunkt_desk.domain.models import InterestDecision

    grants.record_interest(
        db, declined, InterestData(date(2025, 4, 10), decision=InterestDecision.DECLINED)
    )
    assert kinds(db, programme_id, date(2026, 11, 23)) == []


def test_demo_programme_after_the_round_lists_every_kind(
    demo_db: Database,
) -> None:
    programme = programmes.current_programme(demo_db)
    assert programme is not None
    items = attention_items(demo_db, programme.id, date(2026, 11, 23))
    # The demo keeps to the seed's timeline: every interest came by the deadline and every
    # agreement was signed in May 2025, so those two kinds cannot arise.
    expected = set(AttentionKind) - {
        AttentionKind.INTEREST_MISSING,
        AttentionKind.AGREEMENT_UNSIGNED,
    }
    assert {i.kind for i in items} == expected
    assert all(i.overdue for i in items)
    assert [i.days_overdue for i in items] == sorted((i.days_overdue for i in items), reverse=True)
