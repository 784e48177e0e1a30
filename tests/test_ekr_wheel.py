"""Europæisk Kulturregion's year wheel: rotation, proposal, adjustment and attendance."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import MemberKind, WheelMeetingKind
from kulturpunkt_desk.domain.services import ekr_partnership, ekr_wheel
from kulturpunkt_desk.domain.services.ekr_rotation import next_hosts
from kulturpunkt_desk.domain.services.ekr_setup import establish_ekr
from kulturpunkt_desk.storage.engine import Database

K = WheelMeetingKind


@given(
    members=st.integers(min_value=1, max_value=25),
    per_year=st.lists(st.integers(min_value=0, max_value=4), max_size=15),
)
def test_rotation_carries_on_and_nobody_hosts_twice_before_everyone_once(
    members: int, per_year: list[int]
) -> None:
    order = list(range(100, 100 + members))
    history: list[int] = []
    for count in per_year:
        history += next_hosts(order, history, count)
    # Year after year, the hosts are simply the rotation order, round after round.
    assert history == [order[i % members] for i in range(len(history))]


def test_rotation_follows_a_host_swapped_by_hand() -> None:
    # B hosted out of turn; A has not hosted this round yet and C, D follow B.
    assert next_hosts([1, 2, 3, 4], [2], 4) == [3, 4, 1, 2]
    # Everyone but 4 hosted this round: 4 comes before anyone again.
    assert next_hosts([1, 2, 3, 4], [3, 1, 2], 2) == [4, 1]


@pytest.fixture
def ekr(db: Database) -> int:
    return establish_ekr(db)


def test_the_proposed_wheel_follows_the_steering_model(db: Database, ekr: int) -> None:
    proposal = ekr_wheel.propose_wheel(db, ekr, 2027)
    kinds = [m.kind for m in proposal]
    assert kinds.count(K.SECRETARIAT_DIGITAL) == 2 and kinds.count(K.SECRETARIAT_PHYSICAL) == 2
    assert kinds.count(K.DIRECTORS) == 1 and kinds.count(K.DIRECTORS_KULTURFORUM) == 1
    members = {m.id: m for m in ekr_partnership.list_members(db, ekr)}
    for meeting in proposal:
        host = members[meeting.host_id or 0]
        assert meeting.held_on.year == 2027
        expected = MemberKind.MUNICIPALITY if meeting.kind == K.SECRETARIAT_PHYSICAL else None
        assert host.kind == (expected or MemberKind.REGION)
        assert meeting.cleaned()["chair_id"] == meeting.host_id  # the host chairs
    ekr_wheel.create_wheel(db, ekr, 2027, proposal)
    assert ekr_wheel.wheel_warnings(db, ekr, 2027) == []


def test_next_years_wheel_carries_the_rotation_on(db: Database, ekr: int) -> None:
    municipalities = [m.id for m in ekr_partnership.municipalities(db, ekr)]
    for year in (2026, 2027, 2028):
        ekr_wheel.create_wheel(db, ekr, year, ekr_wheel.propose_wheel(db, ekr, year))
    hosts = [
        m.host_id
        for year in (2026, 2027, 2028)
        for m in ekr_wheel.list_wheel(db, ekr, year)
        if m.kind == K.SECRETARIAT_PHYSICAL
    ]
    assert hosts == municipalities[:6]


def test_a_wheel_adjustment_moves_the_meeting_and_hands_the_chair_to_the_new_host(
    db: Database, ekr: int
) -> None:
    ekr_wheel.create_wheel(db, ekr, 2027, ekr_wheel.propose_wheel(db, ekr, 2027))
    physical = next(
        m for m in ekr_wheel.list_wheel(db, ekr, 2027) if m.kind == K.SECRETARIAT_PHYSICAL
    )
    skive = next(m for m in ekr_partnership.municipalities(db, ekr) if m.name.startswith("Skive"))
    data = ekr_wheel.change_host(ekr_wheel.as_data(physical), skive.id)
    ekr_wheel.update_wheel_meeting(db, physical.id, replace(data, held_on=date(2027, 6, 3)))
    moved = next(m for m in ekr_wheel.list_wheel(db, ekr, 2027) if m.id == physical.id)
    assert moved.held_on == date(2027, 6, 3)
    assert moved.host_id == moved.chair_id == skive.id
    with pytest.raises(ValidationError, match="årshjulet for 2027"):
        ekr_wheel.update_wheel_meeting(db, physical.id, replace(data, held_on=date(2028, 1, 5)))


def test_a_second_wheel_for_the_same_year_is_refused(db: Database, ekr: int) -> None:
    ekr_wheel.create_wheel(db, ekr, 2027, ekr_wheel.propose_wheel(db, ekr, 2027))
    with pytest.raises(ValidationError, match="findes allerede"):
        ekr_wheel.create_wheel(db, ekr, 2027, ekr_wheel.propose_wheel(db, ekr, 2027))


def test_attendance_shows_who_keeps_away(db: Database, ekr: int) -> None:
    ids = ekr_wheel.create_wheel(db, ekr, 2027, ekr_wheel.propose_wheel(db, ekr, 2027))
    members = [m.id for m in ekr_partnership.list_members(db, ekr)]
    stay_away = members[-1]
    for meeting_id in ids[:3]:
        ekr_wheel.set_attendance(db, meeting_id, {m: m != stay_away for m in members})
    report = ekr_wheel.absence_report(db, ekr, 2027)
    assert report[0].member_id == stay_away and report[0].keeps_away
    assert report[0].meetings == 3 and report[0].absent == 3
    assert not any(r.keeps_away for r in report[1:])


def test_a_host_taking_a_second_turn_too_early_is_warned_about(db: Database, ekr: int) -> None:
    ekr_wheel.create_wheel(db, ekr, 2026, ekr_wheel.propose_wheel(db, ekr, 2026))
    proposal = ekr_wheel.propose_wheel(db, ekr, 2027)
    favrskov = ekr_partnership.municipalities(db, ekr)[0].id  # hosted in 2026 already
    adjusted = [
        ekr_wheel.change_host(m, favrskov) if m.kind == K.SECRETARIAT_PHYSICAL else m
        for m in proposal
    ]
    ekr_wheel.create_wheel(db, ekr, 2027, adjusted)
    warnings = ekr_wheel.wheel_warnings(db, ekr, 2027)
    assert len([w for w in warnings if "før alle kommuner" in w]) == 2
    assert ekr_wheel.wheel_warnings(db, ekr, 2026) == []
