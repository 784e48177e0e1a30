"""The next round: settings, agreement text and timeline moved (property tests for the
date moves), the areas as candidates with their people, nothing of the old round's money,
sessions or evaluations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import MilestoneKind
from kulturpunkt_desk.domain.services import areas, programmes, templates
from kulturpunkt_desk.domain.services.next_round import (
    NewRoundData,
    move_date,
    move_phase,
    new_round,
)
from kulturpunkt_desk.storage.engine import Database

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2080, 12, 31))
shifts = st.builds(
    relativedelta,
    years=st.integers(0, 5),
    months=st.integers(0, 11),
    days=st.integers(0, 30),
)


def _month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


@given(day=days, shift=shifts)
def test_a_day_inside_a_month_keeps_its_weekday_and_stays_near(
    day: date, shift: relativedelta
) -> None:
    moved = move_date(day, shift)
    if day.day == 1:
        assert moved.day == 1 and moved == (day + shift).replace(day=1)
    elif _month_end(day):
        assert _month_end(moved)
    else:
        assert moved.weekday() == day.weekday()
        assert abs((moved - (day + shift)).days) <= 3


@given(day=days, weeks=st.integers(0, 520))
def test_moving_by_whole_weeks_moves_exactly(day: date, weeks: int) -> None:
    if day.day != 1 and not _month_end(day):
        assert move_date(day, relativedelta(weeks=weeks)) == day + timedelta(weeks=weeks)


@given(start=days, length=st.integers(0, 400), shift=shifts)
def test_a_phase_never_ends_before_it_starts(
    start: date, length: int, shift: relativedelta
) -> None:
    end = start + timedelta(days=length)
    new_start, new_end = move_phase(start, end, shift)
    assert new_start <= new_end
    if start == end:  # a deadline stays one day
        assert new_start == new_end


def _round(demo_db: Database, carry: bool = True) -> int:
    old = programmes.current_programme(demo_db)
    assert old is not None
    return new_round(demo_db, old.id, NewRoundData("Kulturpunkt 2027-28", date(2027, 3, 1), carry))


def test_the_new_round_has_the_old_settings_text_and_moved_timeline(demo_db: Database) -> None:
    old = programmes.current_programme(demo_db)
    assert old is not None
    new_id = _round(demo_db)
    new = programmes.current_programme(demo_db)
    assert new is not None and new.id == new_id and new.name == "Kulturpunkt 2027-28"
    assert (new.start_year, new.end_year) == (2027, 2028)
    assert new.default_grant_ore == old.default_grant_ore
    assert new.contact_email == old.contact_email
    by_kind = {m.title: m for m in new.milestones}
    deadline = by_kind["Frist for interessetilkendegivelse"]
    assert deadline.kind == MilestoneKind.INTEREST_DEADLINE
    assert deadline.starts_on == date(2027, 4, 26) and deadline.starts_on.weekday() == 0
    sparring = by_kind["Lokale sparringsmøder, 2. runde"]
    assert (sparring.starts_on, sparring.ends_on) == (date(2028, 1, 1), date(2028, 2, 29))
    old_text = templates.latest_template(demo_db, old.id)
    new_text = templates.latest_template(demo_db, new_id)
    assert old_text is not None and new_text is not None and new_text.body == old_text.body


def test_areas_come_as_candidates_with_their_people_and_nothing_else(demo_db: Database) -> None:
    old = programmes.current_programme(demo_db)
    assert old is not None
    new_id = _round(demo_db)
    before = {a.name: a.id for a in areas.list_areas(demo_db, old.id)}
    after = {a.name: a.id for a in areas.list_areas(demo_db, new_id)}
    assert set(after) == set(before)
    for name, area_id in after.items():
        area = areas.get_area(demo_db, area_id)
        assert area.interest is None and area.agreement is None and area.grant is None
        assert area.sessions == [] and area.evaluations == [] and area.spending == []
        old_people = {m.person_id for m in areas.area_people(demo_db, before[name])}
        assert {m.person_id for m in areas.area_people(demo_db, area_id)} == old_people
    assert areas.list_areas(demo_db, _round_again(demo_db)) == []


def _round_again(demo_db: Database) -> int:
    first = next(p for p in programmes.list_programmes(demo_db) if p.name == "Kulturpunkt 2025-26")
    return new_round(demo_db, first.id, NewRoundData("Uden områder", date(2029, 3, 1), False))


def test_a_start_before_the_old_round_or_a_taken_name_is_refused(demo_db: Database) -> None:
    old = programmes.current_programme(demo_db)
    assert old is not None
    with pytest.raises(ValidationError) as caught:
        new_round(demo_db, old.id, NewRoundData("Ny", date(2024, 1, 1)))
    assert set(caught.value.errors) == {"starts_on"}
    with pytest.raises(ValidationError):
        new_round(demo_db, old.id, NewRoundData(old.name, date(2027, 3, 1)))
    assert len(programmes.list_programmes(demo_db)) == 1


def test_new_round_cli_prints_the_moved_timeline(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["programme", "new-round", "--db", str(demo_db.path), "--from", "Kulturpunkt 2025-26"]
    assert main([*argv, "--name", "Kulturpunkt 2027-28", "--start", "01.03.2027"]) == 0
    out = capsys.readouterr().out
    assert "26.04.2027–26.04.2027  Frist for interessetilkendegivelse" in out
    assert "11 lokalområder" in out
    assert main([*argv, "--name", "Igen", "--start", "01.01.2020"]) == 1
    assert "Start:" in capsys.readouterr().err
