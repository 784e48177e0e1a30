"""Selection (issue 19, point 1), held against the seed's slide "Et kulturpunkt er...":

"Et lokalområde, hvor energien er der!"
"Hvor der er vilje til samarbejde, fællesskab og udvikling gennem kultur"
"Hvor der er ildsjæle og andre kræfter, der kan aktiveres"
"11 lokalområder i Nordjylland udpeges som Kulturpunkt."
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import InterestDecision, SelectionCriterion
from kulturpunkt_desk.domain.services import areas, grants, programmes, selection
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.domain.services.grants import InterestData
from kulturpunkt_desk.domain.services.selection import Assessment
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database

FIXTURES = Path(__file__).parent / "fixtures"


def designate(db: Database, programme_id: str, name: str) -> int:
    area_id = areas.create_area(db, programme_id, AreaData(name, "Thisted"))
    grants.record_interest(
        db,
        area_id,
        InterestData(
            date(2025, 4, 20),
            decision=InterestDecision.ACCEPTED,
            decided_on=date(2025, 5, 2),
            decision_reason="Stærk lokal opbakning",
        ),
    )
    return area_id


def test_interest_records_the_teams_assessment_of_each_seed_criterion(
    db: Database, programme_id: str
) -> None:
    """The three criteria each get a score on the short scale and a note, and the decision
    its reason."""
    area_id = areas.create_area(db, programme_id, AreaData("Klitbyen", "Thisted"))
    grants.record_interest(
        db,
        area_id,
        InterestData(
            date(2025, 4, 20),
            decision=InterestDecision.DECLINED,
            decided_on=date(2025, 5, 2),
            decision_reason="For få ildsjæle bag ansøgningen i år.",
            assessments={
                SelectionCriterion.ENERGY: Assessment(3, "Mange fremmødte på borgermødet"),
                SelectionCriterion.WILL: Assessment(2),
                SelectionCriterion.VOLUNTEERS: Assessment(1, "To personer bærer alt"),
            },
        ),
    )
    interest = areas.get_area(db, area_id).interest
    assert interest is not None
    assert interest.decision_reason == "For få ildsjæle bag ansøgningen i år."
    assert selection.assessments_of(interest) == {
        SelectionCriterion.ENERGY: Assessment(3, "Mange fremmødte på borgermødet"),
        SelectionCriterion.WILL: Assessment(2, ""),
        SelectionCriterion.VOLUNTEERS: Assessment(1, "To personer bærer alt"),
    }


def test_a_score_off_the_scale_is_refused_naming_the_criterion(
    db: Database, programme_id: str
) -> None:
    area_id = areas.create_area(db, programme_id, AreaData("Klitbyen", "Thisted"))
    with pytest.raises(ValidationError) as caught:
        grants.record_interest(
            db,
            area_id,
            InterestData(date(2025, 4, 20), assessments={SelectionCriterion.ENERGY: Assessment(7)}),
        )
    assert caught.value.errors == {"energy_score": "Energien er der: vurderingen skal være 1-3."}
    assert areas.get_area(db, area_id).interest is None  # nothing half saved


def test_the_programme_designates_eleven_areas_and_warns_before_a_twelfth(
    db: Database, programme_id: str
) -> None:
    """ "11 lokalområder i Nordjylland udpeges som Kulturpunkt"."""
    assert selection.designation(db, programme_id).text == "0 af 11 lokalområder udpeget"
    ids = [designate(db, programme_id, f"Område {n}") for n in range(11)]
    assert selection.designation(db, programme_id).text == "11 af 11 lokalområder udpeget"
    twelfth = areas.create_area(db, programme_id, AreaData("Område 12", "Læsø"))
    warning = selection.designation_warning(db, twelfth, InterestDecision.ACCEPTED)
    assert warning == (
        "Programmet udpeger 11 lokalområder, og 11 er allerede udpeget. "
        "Vil du udpege Område 12 som nummer 12?"
    )
    # Declining, or saving an area already designated, never warns.
    assert selection.designation_warning(db, twelfth, InterestDecision.DECLINED) is None
    assert selection.designation_warning(db, ids[0], InterestDecision.ACCEPTED) is None
    assert selection.designated_area_ids(db, programme_id) == set(ids)
    assert selection.is_designated(db, ids[0]) and not selection.is_designated(db, twelfth)


def test_the_number_to_designate_is_a_programme_setting(db: Database, programme_id: str) -> None:
    programme = programmes.current_programme(db)
    assert programme is not None and programme.areas_to_designate == 11
    data = programmes.kulturpunkt_2025_26().data
    data.areas_to_designate = 0
    with pytest.raises(ValidationError) as caught:
        programmes.update_programme(db, programme_id, data)
    assert caught.value.errors == {
        "areas_to_designate": "Lokalområder, der udpeges: skal være mindst 1."
    }
    data.areas_to_designate = 2
    programmes.update_programme(db, programme_id, data)
    designate(db, programme_id, "Første")
    assert not selection.designation(db, programme_id).full
    designate(db, programme_id, "Anden")
    assert selection.designation(db, programme_id).full


def test_an_old_file_gets_eleven_areas_and_no_assessments(tmp_path: Path) -> None:
    """Migration 0005 keeps the data and fills in the seed's number."""
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema_0003.sqlite", path)
    db = open_database(path, user="test")
    try:
        programme = "11111111-1111-4111-8111-111111111111"  # the fixture's, now its key
        assert selection.designation(db, programme).text == "0 af 11 lokalområder udpeget"
        area = areas.get_area(db, "22222222-2222-4222-8222-222222222222")
        assert area.local_challenges == "" and area.programme.strategy_goal.startswith(
            "Gennem projektet styrkes oplevelsen af livskvalitet"
        )
    finally:
        db.dispose()
