"""The programme's conditions for an area: what the area page's check list says."""

from __future__ import annotations

from datetime import date

from kulturpunkt_desk.domain.models import InterestDecision, Sector
from kulturpunkt_desk.domain.services import areas, grants, people
from kulturpunkt_desk.domain.services.areas import AreaData, MemberData
from kulturpunkt_desk.domain.services.conditions import area_conditions
from kulturpunkt_desk.domain.services.grants import AgreementData, InterestData
from kulturpunkt_desk.domain.services.people import OrganisationData, PersonData
from kulturpunkt_desk.storage.engine import Database


def met(db: Database, area_id: str) -> dict[str, bool]:
    return {c.key: c.met for c in area_conditions(db, area_id)}


def test_new_area_meets_no_condition(db: Database, programme_id: str) -> None:
    area_id = areas.create_area(db, programme_id, AreaData("Fjordglimt", "Aalborg"))
    assert met(db, area_id) == {
        "partnership": False,
        "steering_group": False,
        "primary_contact": False,
        "interest": False,
        "agreement": False,
    }


def test_area_that_did_everything_meets_every_condition(db: Database, programme_id: str) -> None:
    area_id = areas.create_area(db, programme_id, AreaData("Fjordglimt", "Aalborg"))
    for name, sector in (("Borgerforeningen", Sector.ASSOCIATION), ("Skolen", Sector.SCHOOL)):
        org = people.create_organisation(db, OrganisationData(name, sector))
        areas.add_partner(db, area_id, org)
    areas.add_new_person(db, area_id, PersonData("Ane Fisker"), MemberData("Formand", True, True))
    areas.add_new_person(db, area_id, PersonData("Bo Smed"), MemberData("Kasserer", True, False))
    grants.record_interest(db, area_id, InterestData(date(2025, 4, 10)))
    grants.record_agreement(
        db, area_id, AgreementData(None, date(2025, 5, 20), date(2025, 6, 2), date(2025, 6, 10))
    )
    checks = area_conditions(db, area_id)
    assert all(c.met for c in checks)
    by_key = {c.key: c.detail for c in checks}
    assert by_key["primary_contact"] == "Ane Fisker"
    assert "forening" in by_key["partnership"] and "skole" in by_key["partnership"]


def test_one_organisation_is_not_yet_a_partnership(db: Database, programme_id: str) -> None:
    area_id = areas.create_area(db, programme_id, AreaData("Fjordglimt", "Aalborg"))
    org = people.create_organisation(db, OrganisationData("Borgerforeningen", Sector.ASSOCIATION))
    areas.add_partner(db, area_id, org)
    check = next(c for c in area_conditions(db, area_id) if c.key == "partnership")
    assert not check.met and "mindst 2" in check.detail


def test_declined_interest_does_not_count_as_received(db: Database, programme_id: str) -> None:
    area_id = areas.create_area(db, programme_id, AreaData("Fjordglimt", "Aalborg"))
    grants.record_interest(
        db, area_id, InterestData(date(2025, 4, 10), decision=InterestDecision.DECLINED)
    )
    check = next(c for c in area_conditions(db, area_id) if c.key == "interest")
    assert not check.met and "afvist" in check.detail


def test_agreement_signed_by_one_party_names_who_is_missing(
    db: Database, programme_id: str
) -> None:
    area_id = areas.create_area(db, programme_id, AreaData("Fjordglimt", "Aalborg"))
    grants.record_agreement(db, area_id, AgreementData(None, date(2025, 5, 20), date(2025, 6, 2)))
    check = next(c for c in area_conditions(db, area_id) if c.key == "agreement")
    assert not check.met and check.detail.endswith("mangler underskrift fra regionen")
