"""Search across areas, people, organisations, notes and activity titles."""

from __future__ import annotations

from datetime import date

from kulturpunkt_desk.domain.models import SessionForm
from kulturpunkt_desk.domain.models.base import NO_RECORD
from kulturpunkt_desk.domain.services import activities, areas, programmes, sparring
from kulturpunkt_desk.domain.services.activities import ActivityData
from kulturpunkt_desk.domain.services.areas import AreaData, MemberData
from kulturpunkt_desk.domain.services.people import PersonData
from kulturpunkt_desk.domain.services.search import like_pattern, search, snippet
from kulturpunkt_desk.domain.services.sparring import SessionData
from kulturpunkt_desk.storage.engine import Database


def test_search_ignores_case_also_for_danish_letters(db: Database, programme_id: str) -> None:
    area_id = areas.create_area(db, programme_id, AreaData("Østerø Havn", "Læsø"))
    areas.add_new_person(db, area_id, PersonData("Søren Ærø"), MemberData())
    assert [(h.kind, h.title) for h in search(db, programme_id, "SØREN")] == [
        ("person", "Søren Ærø")
    ]
    assert [h.title for h in search(db, programme_id, "østerø")] == ["Østerø Havn"]
    # "_" stands for one letter in SQL; Python then checks the real letter.
    assert search(db, programme_id, "Sxren") == []


def test_every_word_must_occur(db: Database, programme_id: str) -> None:
    areas.create_area(db, programme_id, AreaData("Fjordglimt", "Aalborg", vision="Fjordfest"))
    assert len(search(db, programme_id, "fjord aalborg")) == 1
    assert search(db, programme_id, "fjord hjørring") == []


def test_sparring_notes_and_activity_titles_are_found_and_open_their_record(
    db: Database, programme_id: str
) -> None:
    area_id = areas.create_area(db, programme_id, AreaData("Fjordglimt", "Aalborg"))
    session_id = sparring.log_session(
        db,
        area_id,
        SessionData(date(2025, 7, 3), SessionForm.PHONE, notes="Talte om en ny kajscene"),
    )
    activity_id = activities.add_activity(
        db, area_id, ActivityData(date(2025, 9, 6), "Kajscene med kor")
    )
    hits = {h.kind: h for h in search(db, programme_id, "kajscene")}
    assert hits["sparring_session"].id == session_id
    assert hits["sparring_session"].snippet == "Talte om en ny kajscene"
    # An activity opens the activity itself (on its area's page).
    assert (hits["activity"].open_kind, hits["activity"].open_id) == ("activity", activity_id)
    assert activities.activity_area_id(db, activity_id) == area_id


def test_areas_of_another_programme_are_not_found(db: Database, programme_id: str) -> None:
    template = programmes.kulturpunkt_2025_26()
    template.data.name = "Kulturpunkt 2027-28"
    other = programmes.create_programme(db, template)
    areas.create_area(db, other, AreaData("Fjordglimt", "Aalborg"))
    assert search(db, programme_id, "fjordglimt") == []


def test_wildcards_typed_by_the_user_are_taken_literally() -> None:
    assert like_pattern("50%") == "%50\\%%"
    assert like_pattern("a_b") == "%a\\_b%"


def test_snippet_shows_the_words_around_the_match() -> None:
    text = "Indledning. " * 20 + "Her står om forankring efter projektet."
    piece = snippet(text, ["forankring"], width=40)
    assert piece.startswith("…") and "forankring" in piece


def test_europaeisk_kulturregion_members_representatives_themes_and_eu_cases_are_found(
    ekr_db: Database,
) -> None:
    def kinds(words: str) -> set[str]:
        return {h.kind for h in search(ekr_db, NO_RECORD, words)}

    assert "ekr_member" in kinds("Aarhus")
    assert "ekr_representative" in kinds("Ane Bakkegaard")
    assert "ekr_theme" in kinds("Børn og unge")
    assert "ekr_eu_case" in kinds("Genvej til Europa")
    representative = next(
        h for h in search(ekr_db, NO_RECORD, "Ane Bakkegaard") if h.kind == "ekr_representative"
    )
    assert representative.open_kind == "ekr_member"  # shown on the member it represents
