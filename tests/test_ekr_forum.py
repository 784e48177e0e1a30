"""The directors' meetings and Kulturforum by person and role, and the representatives'
mandates (issue 19, points 10 and 11)."""

from __future__ import annotations

from datetime import date

import pytest

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import ParticipantRole, WheelMeetingKind
from kulturpunkt_desk.domain.services import ekr_forum, ekr_partnership, ekr_wheel
from kulturpunkt_desk.domain.services.ekr_forum import KulturforumData, ParticipantData
from kulturpunkt_desk.domain.services.ekr_partnership import RepresentativeData
from kulturpunkt_desk.storage.engine import Database

R = ParticipantRole


def _pid(db: Database) -> int:
    return ekr_partnership.current_partnership(db).id  # type: ignore[union-attr]


def _meeting(db: Database, kind: WheelMeetingKind) -> int:
    return next(m.id for m in ekr_wheel.list_wheel(db, _pid(db), 2026) if m.kind == kind)


def test_the_directors_meeting_is_taken_by_person_and_role(ekr_db: Database) -> None:
    """Seed: "direktørmøderne ved kommunernes kulturdirektører/fagchefer, CDEU's direktør,
    regionens udviklingsdirektør og en kommunaldirektør udpeget af
    kommunaldirektørnetværket"."""
    meeting = _meeting(ekr_db, WheelMeetingKind.DIRECTORS)
    rows = ekr_forum.list_participants(ekr_db, meeting_id=meeting)
    roles = {r.role for r in rows}
    assert {R.CULTURE_DIRECTOR, R.CDEU_DIRECTOR, R.DEVELOPMENT_DIRECTOR, R.CHIEF_EXECUTIVE} <= roles
    assert all(r.name and r.member for r in rows)  # a person, for a member
    assert ekr_forum.meeting_warnings(ekr_db, meeting) == [
        "16 af 19 kommuner var repræsenteret ved kulturdirektør/fagchef."
    ]
    cdeu = next(r for r in rows if r.role == R.CDEU_DIRECTOR)
    ekr_forum.set_present(ekr_db, cdeu.participant_id, False)
    assert "Ingen deltager med rollen «CDEU's direktør»." in ekr_forum.meeting_warnings(
        ekr_db, meeting
    )


def test_the_meeting_with_kulturforum_needs_its_political_participants(
    ekr_db: Database,
) -> None:
    """Seed: "Det ene af de to årlige møder afvikles ifm. Kulturforum og omfatter politisk
    deltagelse ved forpersonen for kommunernes kulturudvalg og regionens formandskab i
    Udvalg for regional udvikling"."""
    meeting = _meeting(ekr_db, WheelMeetingKind.DIRECTORS_KULTURFORUM)
    rows = ekr_forum.list_participants(ekr_db, meeting_id=meeting)
    assert {R.CULTURE_COMMITTEE_CHAIR, R.REGIONAL_COMMITTEE_CHAIR} <= {r.role for r in rows}
    for row in rows:
        if row.role in (R.CULTURE_COMMITTEE_CHAIR, R.REGIONAL_COMMITTEE_CHAIR):
            ekr_forum.set_present(ekr_db, row.participant_id, False)
    assert any(
        "ingen politiske deltagere" in w for w in ekr_forum.meeting_warnings(ekr_db, meeting)
    )


def test_kulturforum_is_a_record_with_programme_participants_and_priorities(
    ekr_db: Database,
) -> None:
    """Seed: "Et årligt kulturforum målrettet kulturpolitikere" ... "At fungere som mødested
    og prioriteringsrum for politikerne"."""
    forum = ekr_forum.kulturforum_of_year(ekr_db, _pid(ekr_db), 2026)
    assert forum is not None and forum.meeting is not None
    assert forum.meeting.kind == WheelMeetingKind.DIRECTORS_KULTURFORUM
    assert forum.held_on == forum.meeting.held_on
    assert "Politikernes prioriteringer" in forum.programme
    assert ekr_forum.priorities_of(forum)[0] == "Flere fælles EU-ansøgninger i 2027"
    assert len(forum.participants) == 13


def test_a_kulturforum_without_a_date_is_refused(ekr_db: Database) -> None:
    with pytest.raises(ValidationError, match="Dato: skal udfyldes"):
        ekr_forum.create_kulturforum(ekr_db, _pid(ekr_db), KulturforumData(None))  # type: ignore[arg-type]


def test_a_member_sending_someone_else_than_its_fixed_people_is_warned_about(
    ekr_db: Database,
) -> None:
    """Seed: "det er vedtaget, at det fast er de samme en til to person/er, som deltager i
    fællessekretariat"."""
    pid = _pid(ekr_db)
    assert ekr_forum.secretariat_substitutes(ekr_db, pid, 2026) == [
        "10.02.2026: Favrskov Kommune sendte Carl Kulsø, som ikke er en af medlemmets faste "
        "repræsentanter."
    ]
    meeting = _meeting(ekr_db, WheelMeetingKind.SECRETARIAT_PHYSICAL)
    struer = next(
        m for m in ekr_partnership.list_members(ekr_db, pid) if m.name == "Struer Kommune"
    )
    ekr_forum.add_participant(
        ekr_db,
        ParticipantData(R.REPRESENTATIVE, struer.id, person_id=struer.representatives[0].person_id),
        meeting_id=meeting,
    )
    assert ekr_forum.meeting_warnings(ekr_db, meeting) == []
    with pytest.raises(ValidationError, match="er allerede med"):
        ekr_forum.add_participant(
            ekr_db,
            ParticipantData(R.REPRESENTATIVE, struer.id, struer.representatives[0].person_id),
            meeting_id=meeting,
        )


def test_each_representative_has_a_decision_mandate_with_a_date(ekr_db: Database) -> None:
    """Seed: "Repræsentanterne i fællessekretariatet skal have beslutningsmandat med fra eget
    bagland"."""
    pid = _pid(ekr_db)
    lacking = [w.message for w in ekr_partnership.mandate_warnings(ekr_db, pid)]
    assert len(lacking) == 1 and "(Herning Kommune)" in lacking[0]
    herning = next(
        m for m in ekr_partnership.list_members(ekr_db, pid) if m.name.startswith("Herning")
    )
    newest = next(r for r in herning.representatives if r.mandate_on is None)
    ekr_partnership.set_mandate(ekr_db, newest.id, date(2026, 3, 2))
    assert ekr_partnership.mandate_warnings(ekr_db, pid) == []
    rep = ekr_partnership.add_representative(
        ekr_db, herning.id, RepresentativeData("Ny Person", mandate_on=date(2026, 4, 1))
    )
    assert rep


def test_a_persons_data_export_holds_their_ekr_meetings_and_mandate(ekr_db: Database) -> None:
    from kulturpunkt_desk.domain.services.personal_data import person_record

    meeting = _meeting(ekr_db, WheelMeetingKind.DIRECTORS)
    row = ekr_forum.list_participants(ekr_db, meeting_id=meeting)[0]
    record = person_record(ekr_db, row.person_id)
    (entry,) = [
        e
        for e in record["europæisk kulturregion, møder og kulturforum"]
        if e["møde"] == "Direktørmøde"
    ]
    assert entry["rolle"] == "Kulturdirektør/fagchef" and entry["deltog"] is True
    pid = _pid(ekr_db)
    rep = ekr_partnership.list_members(ekr_db, pid)[0].representatives[0]
    record = person_record(ekr_db, rep.person_id)
    assert record["europæisk kulturregion"][0]["beslutningsmandat"] == "2025-01-20"


def test_next_years_directors_meeting_starts_from_the_last_ones_directors(
    ekr_db: Database,
) -> None:
    pid = _pid(ekr_db)
    ekr_wheel.create_wheel(ekr_db, pid, 2027, ekr_wheel.propose_wheel(ekr_db, pid, 2027))
    spring = next(
        m.id
        for m in ekr_wheel.list_wheel(ekr_db, pid, 2027)
        if m.kind == WheelMeetingKind.DIRECTORS
    )
    made = ekr_forum.prefill_participants(ekr_db, spring)
    rows = ekr_forum.list_participants(ekr_db, meeting_id=spring)
    assert len(made) == len(rows) == 19  # the directors; the politicians stay with Kulturforum
    assert not {r.role for r in rows} & {R.CULTURE_COMMITTEE_CHAIR, R.REGIONAL_COMMITTEE_CHAIR}
    with pytest.raises(ValidationError, match="allerede registreret"):
        ekr_forum.prefill_participants(ekr_db, spring)
