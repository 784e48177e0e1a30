"""The services' rules: validated first, one transaction, nothing half saved."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import (
    Area,
    AreaMember,
    AuditEntry,
    CoreElement,
    Organisation,
    Person,
    SessionForm,
    SessionParticipant,
    SparringSession,
)
from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import (
    areas,
    audit,
    grants,
    meetings,
    overview,
    people,
    sparring,
)
from kulturpunkt_desk.domain.services.areas import AreaData, MemberData
from kulturpunkt_desk.domain.services.grants import AgreementData, InstalmentData, InterestData
from kulturpunkt_desk.domain.services.meetings import MeetingData
from kulturpunkt_desk.domain.services.people import PersonData
from kulturpunkt_desk.domain.services.sparring import FollowUpData, SessionData
from kulturpunkt_desk.domain.status import AreaStatus
from kulturpunkt_desk.storage.engine import Database


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def make_area(db: Database, programme_id: str, name: str = "Fjordglimt") -> int:
    return areas.create_area(
        db,
        programme_id,
        AreaData(name=name, municipality="Aalborg", recipient_cvr="30007921"),
    )


def test_area_with_bad_cvr_and_no_name_is_refused_with_both_fields(
    db: Database, programme_id: str
) -> None:
    with pytest.raises(ValidationError) as err:
        areas.create_area(
            db, programme_id, AreaData(name=" ", municipality="Aalborg", recipient_cvr="12345678")
        )
    assert set(err.value.errors) == {"name", "recipient_cvr"}
    assert "Navn" in err.value.errors["name"]
    assert count(db, Area) == 0


def test_area_names_are_unique_within_a_programme_ignoring_case(
    db: Database, programme_id: str
) -> None:
    make_area(db, programme_id)
    with pytest.raises(ValidationError, match="findes allerede"):
        make_area(db, programme_id, "FJORDGLIMT")
    assert count(db, Area) == 1


def test_area_can_have_only_one_primary_contact(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    areas.add_new_person(
        db, area_id, PersonData("Mette Kjærgaard"), MemberData("Formand", True, True)
    )
    with pytest.raises(ValidationError) as err:
        areas.add_new_person(
            db, area_id, PersonData("Jens Bundgaard"), MemberData("Kasserer", True, True)
        )
    assert "Mette Kjærgaard" in err.value.errors["is_primary_contact"]
    # The second person was not half saved either.
    assert count(db, Person) == 1


def test_primary_contact_can_be_moved(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    areas.add_new_person(db, area_id, PersonData("Mette"), MemberData(is_primary_contact=True))
    jens = areas.add_new_person(db, area_id, PersonData("Jens"), MemberData())
    areas.set_primary_contact(db, area_id, jens)
    primaries = [m.person.name for m in areas.area_people(db, area_id) if m.is_primary_contact]
    assert primaries == ["Jens"]


def test_person_with_bad_email_and_phone_writes_nothing(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    with pytest.raises(ValidationError) as err:
        areas.add_new_person(
            db, area_id, PersonData("Ida", email="ida@", phone="123"), MemberData()
        )
    assert set(err.value.errors) == {"email", "phone"}
    assert count(db, Person) == 0 and count(db, AreaMember) == 0


def test_a_failure_midway_rolls_back_the_whole_session(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    with pytest.raises(ValidationError):
        sparring.log_session(
            db,
            area_id,
            SessionData(held_on=date(2025, 7, 1), form=SessionForm.PHYSICAL, participant_ids=[999]),
        )
    assert count(db, SparringSession) == 0


def test_sparring_session_is_logged_with_participants_and_follow_ups(
    db: Database, programme_id: str
) -> None:
    area_id = make_area(db, programme_id)
    mette = areas.add_new_person(
        db, area_id, PersonData("Mette"), MemberData(is_primary_contact=True)
    )
    session_id = sparring.log_session(
        db,
        area_id,
        SessionData(
            held_on=date(2025, 7, 1),
            form=SessionForm.ONLINE,
            participant_ids=[mette],
            core_elements=[CoreElement.ANCHORING, CoreElement.COMMUNITY],
            notes="Godt møde",
            follow_ups=[FollowUpData("Send foreningsliste", due_on=date(2025, 7, 15))],
        ),
    )
    (logged,) = sparring.list_sessions(db, programme_id)
    assert logged.id == session_id
    assert logged.core_elements == ["anchoring", "community"]
    assert [p.person.name for p in logged.participants] == ["Mette"]
    assert logged.follow_ups[0].due_on == date(2025, 7, 15)
    assert count(db, SessionParticipant) == 1


def test_instalments_cannot_exceed_the_grant(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    grants.award_grant(db, area_id, kr(50_000), date(2025, 5, 15))
    grants.add_instalment(db, area_id, InstalmentData(kr(40_000), date(2025, 6, 30)))
    with pytest.raises(ValidationError, match=r"kun bevilget 50\.000 kr\."):
        grants.add_instalment(db, area_id, InstalmentData(kr(10_001), date(2026, 6, 30)))


def test_negative_or_float_money_is_refused(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    with pytest.raises(ValidationError):
        grants.award_grant(db, area_id, -1, None)
    with pytest.raises(ValidationError):
        grants.award_grant(db, area_id, 5000.0, None)  # type: ignore[arg-type]


def test_payment_needs_an_agreement_signed_by_both_parties(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    grants.award_grant(db, area_id, kr(50_000), None)
    rate = grants.add_instalment(db, area_id, InstalmentData(kr(50_000), date(2025, 6, 30)))
    with pytest.raises(ValidationError, match="underskrevet af begge"):
        grants.mark_paid(db, rate, date(2025, 6, 27))
    grants.record_agreement(
        db,
        area_id,
        AgreementData(None, date(2025, 5, 20), date(2025, 6, 1), date(2025, 6, 2)),
    )
    grants.mark_paid(db, rate, date(2025, 6, 27))
    assert overview.money_totals(db, programme_id).paid_ore == kr(50_000)


def test_agreement_signed_before_it_was_sent_is_refused(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    with pytest.raises(ValidationError) as err:
        grants.record_agreement(
            db,
            area_id,
            AgreementData(sent_on=date(2025, 5, 20), signed_by_area_on=date(2025, 5, 1)),
        )
    assert list(err.value.errors) == ["signed_by_area_on"]


def test_status_follows_the_area_through_the_programme(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    assert overview.area_status(db, area_id) == AreaStatus.AWAITING_INTEREST
    grants.record_interest(db, area_id, InterestData(received_on=date(2025, 4, 20)))
    assert overview.area_status(db, area_id) == AreaStatus.INTEREST_RECEIVED
    grants.record_agreement(db, area_id, AgreementData(sent_on=date(2025, 5, 20)))
    assert overview.area_status(db, area_id) == AreaStatus.AGREEMENT_SENT
    grants.record_agreement(
        db,
        area_id,
        AgreementData(
            sent_on=date(2025, 5, 20),
            signed_by_area_on=date(2025, 6, 1),
            signed_by_region_on=date(2025, 6, 2),
        ),
    )
    assert overview.area_status(db, area_id) == AreaStatus.AGREEMENT_SIGNED


def test_agreement_remembers_the_template_version(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    grants.record_agreement(db, area_id, AgreementData(sent_on=date(2025, 5, 20)))
    agreement = areas.get_area(db, area_id).agreement
    assert agreement is not None and agreement.template is not None
    assert agreement.template.version == 1


def test_attendance_only_for_people_of_the_area(db: Database, programme_id: str) -> None:
    a = make_area(db, programme_id, "A")
    b = make_area(db, programme_id, "B")
    mette = areas.add_new_person(db, a, PersonData("Mette"), MemberData(is_primary_contact=True))
    meeting = meetings.create_meeting(
        db, programme_id, MeetingData("Netværksmøde 1", date(2025, 9, 24))
    )
    with pytest.raises(ValidationError, match="Fremmøde"):
        meetings.set_attendance(db, meeting, [(b, mette)])
    meetings.set_attendance(db, meeting, [(a, mette)])
    assert [x.name for x in meetings.areas_not_represented(db, meeting)] == ["B"]


def test_changes_are_audited_with_user_and_values(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    areas.update_area(db, area_id, AreaData(name="Fjordglimt", municipality="Rebild"))
    uuid = areas.get_area(db, area_id).id
    log = audit.history(db, uuid)
    assert [e.action for e in log] == ["create", "update"]
    assert log[1].user == "testbruger"
    assert log[1].changes["municipality"] == ["Aalborg", "Rebild"]
    assert count(db, AuditEntry) >= 2


def test_deleting_an_area_removes_what_hangs_on_it(db: Database, programme_id: str) -> None:
    area_id = make_area(db, programme_id)
    areas.add_new_person(db, area_id, PersonData("Mette"), MemberData(is_primary_contact=True))
    sparring.log_session(db, area_id, SessionData(date(2025, 7, 1), SessionForm.PHONE))
    areas.delete_area(db, area_id)
    assert count(db, Area) == 0 and count(db, SparringSession) == 0 and count(db, AreaMember) == 0
    # People are kept: they may belong to other areas or meetings.
    assert count(db, Person) == 1


def test_every_record_gets_a_uuid_and_timestamps(db: Database, programme_id: str) -> None:
    person_id = people.create_person(db, PersonData("Ida"))
    person = people.get_person(db, person_id)
    assert len(person.id) == 36 and person.created_at is not None and person.updated_at


def test_a_deleted_person_comes_back_with_memberships_and_attendance(
    db: Database, programme_id: str
) -> None:
    from kulturpunkt_desk.domain.models import MeetingAttendance
    from kulturpunkt_desk.domain.services import trash

    area_id = make_area(db, programme_id)
    mette = areas.add_new_person(
        db, area_id, PersonData("Mette"), MemberData(is_primary_contact=True)
    )
    meeting = meetings.create_meeting(db, programme_id, MeetingData("Møde", date(2025, 9, 24)))
    meetings.set_attendance(db, meeting, [(area_id, mette)])
    sparring.log_session(db, area_id, SessionData(date(2025, 7, 1), SessionForm.PHONE, [mette]))
    uuid = people.get_person(db, mette).id

    snapshot = trash.delete_record(db, Person, mette, "Mette")
    assert count(db, Person) == 0 and count(db, MeetingAttendance) == 0
    assert count(db, SessionParticipant) == 0

    trash.restore(db, snapshot)
    assert people.get_person(db, mette).id == uuid
    assert count(db, MeetingAttendance) == 1 and count(db, SessionParticipant) == 1
    assert overview.area_summaries(db, programme_id)[0].primary_contact == "Mette"


def test_a_deleted_organisation_comes_back_and_people_point_to_it_again(
    db: Database, programme_id: str
) -> None:
    from kulturpunkt_desk.domain.models import Sector
    from kulturpunkt_desk.domain.services import trash
    from kulturpunkt_desk.domain.services.people import OrganisationData

    org = people.create_organisation(db, OrganisationData("Skolen", Sector.SCHOOL))
    ida = people.create_person(db, PersonData("Ida", organisation_id=org))
    snapshot = trash.delete_record(
        db,
        Organisation,
        org,
        "Skolen",
    )
    assert people.get_person(db, ida).organisation_id is None
    trash.restore(db, snapshot)
    assert people.get_person(db, ida).organisation_id == org


def test_area_names_clash_regardless_of_case_in_danish_letters(
    db: Database, programme_id: str
) -> None:
    make_area(db, programme_id, "Øster Åby")
    with pytest.raises(ValidationError, match="findes allerede"):
        make_area(db, programme_id, "øster åby")
    assert areas.find_area(db, programme_id, "ØSTER ÅBY").name == "Øster Åby"
