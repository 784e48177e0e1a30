"""The demo follows the seed's timeline (issue 19, point 5). The seed's "Tidsplan":

    "Interessetilkendegivelse fra lokalområder. 28. april 2025"
    "Samarbejdsaftale mellem region og lokalområder. Maj 2025"
    "Offentliggørelse og kick-off 18. juni 2025"
    "Lokale sparringsmøder Juni - aug. 2025" / "Jan. - feb. 2026"
    "Netværks- og inspirationsmøde(r) Aug. - nov. 2025" / "Feb. - marts 2026"
    "Aktiviteter gennemført Maj 2026"; "Evaluering. Indsamling af materiale Maj-juni 2026"

Every demo date is checked against the programme's milestones, which hold those phases.
"""

from __future__ import annotations

from datetime import date

from kulturpunkt_desk.domain.models import InterestDecision, Milestone, MilestoneKind
from kulturpunkt_desk.domain.services import areas, meetings, overview, programmes, selection
from kulturpunkt_desk.storage.engine import Database

K = MilestoneKind


def phases(db: Database) -> tuple[int, dict[MilestoneKind, list[Milestone]]]:
    programme = programmes.current_programme(db)
    assert programme is not None
    found: dict[MilestoneKind, list[Milestone]] = {}
    for m in programme.milestones:
        found.setdefault(m.kind, []).append(m)
    return programme.id, found


def within(day: date | None, spans: list[Milestone]) -> bool:
    return day is not None and any(m.starts_on <= day <= m.ends_on for m in spans)


def test_demo_dates_keep_to_the_seeds_timeline(demo_db: Database) -> None:
    programme_id, plan = phases(demo_db)
    deadline = plan[K.INTEREST_DEADLINE][0].ends_on
    kickoff = plan[K.KICKOFF][0].starts_on
    assert (deadline, kickoff) == (date(2025, 4, 28), date(2025, 6, 18))
    loaded = [areas.get_area(demo_db, a.id) for a in areas.list_areas(demo_db, programme_id)]
    for area in loaded:
        interest = area.interest
        assert interest is not None, area.name
        assert plan[K.DIALOGUE][0].starts_on <= interest.received_on <= deadline, area.name
        assert interest.decided_on is not None and deadline < interest.decided_on < kickoff
        if interest.decision != InterestDecision.ACCEPTED:
            assert area.agreement is None and area.grant is None, area.name
            continue
        # Agreements sent and signed in May 2025, so every designated area is in by kick-off.
        agreement = area.agreement
        assert agreement is not None, area.name
        for day in (agreement.sent_on, agreement.signed_by_area_on, agreement.signed_by_region_on):
            assert within(day, plan[K.AGREEMENTS]), (area.name, day)
        for session in area.sessions:
            assert within(session.held_on, plan[K.SPARRING_ROUND]), (area.name, session.held_on)
        for activity in area.activities:
            assert within(activity.held_on, plan[K.ACTIVITIES]), (area.name, activity.held_on)
        for evaluation in area.evaluations:
            assert within(evaluation.received_on, plan[K.EVALUATION_COLLECTION]), area.name
        if area.grant is not None:
            assert area.grant.awarded_on is not None and area.grant.awarded_on < kickoff
    rounds = {m.round: m for m in plan[K.NETWORK_ROUND]}
    listed = meetings.list_meetings(demo_db, programme_id)
    assert listed
    for meeting in listed:
        assert meeting.round in rounds, meeting.title
        assert within(meeting.held_on, [rounds[meeting.round]]), meeting.title


def test_demo_designates_the_programmes_eleven_at_varied_stages(demo_db: Database) -> None:
    """ "11 lokalområder i Nordjylland udpeges som Kulturpunkt"."""
    programme_id, _ = phases(demo_db)
    assert selection.designation(demo_db, programme_id).text == "11 af 11 lokalområder udpeget"
    statuses = {r.status for r in overview.area_summaries(demo_db, programme_id)}
    assert len(statuses) >= 5  # the stages are still varied
