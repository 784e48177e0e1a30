"""Which sparring round a session belongs to, read from the programme's timeline."""

from __future__ import annotations

from datetime import date

from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.domain.services.sparring import round_of
from kulturpunkt_desk.storage.engine import Database


def test_sessions_belong_to_the_round_they_fall_in_or_the_one_before(
    db: Database, programme_id: str
) -> None:
    programme = programmes.current_programme(db)
    assert programme is not None
    milestones = list(programme.milestones)
    assert round_of(date(2025, 7, 3), milestones) == 1
    assert round_of(date(2025, 12, 1), milestones) == 1  # late, between the rounds
    assert round_of(date(2026, 2, 10), milestones) == 2
    assert round_of(date(2025, 5, 1), milestones) is None  # before the first round
