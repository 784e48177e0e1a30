"""Agreement templates: checked placeholders, versions, and reprints from the old version."""

from __future__ import annotations

from datetime import date

import pytest
from documents_support import make_area

from kulturpunkt_desk.domain.dates import long_date, period, short_date
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.services import templates
from kulturpunkt_desk.domain.services.templates import TemplateData, check_body
from kulturpunkt_desk.resources import default_agreement_text
from kulturpunkt_desk.storage.engine import Database


def test_dates_are_written_the_danish_way_with_en_dash_ranges() -> None:
    assert long_date(date(2025, 6, 18)) == "18. juni 2025"
    assert short_date(date(2025, 6, 18)) == "18.06.2025"
    assert period(date(2025, 6, 1), date(2025, 8, 31)) == "juni–august 2025"
    assert period(date(2025, 6, 1), date(2026, 5, 31)) == "juni 2025 – maj 2026"
    assert period(date(2026, 8, 1), date(2026, 8, 31)) == "august 2026"


def test_unknown_placeholder_is_refused_with_its_name() -> None:
    with pytest.raises(ValidationError) as caught:
        check_body("Aftale med {område} om {tilskud}.")
    message = caught.value.errors["body"]
    assert "ukendt pladsholder {tilskud}" in message
    assert "{beløb}" in message  # the message tells what may be used


@pytest.mark.parametrize(
    "body", ["Aftale {område", "Aftale {område!r}", "Aftale {område:>20}", "Aftale {}"]
)
def test_broken_or_decorated_placeholders_are_refused(body: str) -> None:
    with pytest.raises(ValidationError):
        check_body(body)


def test_the_shipped_default_text_uses_only_known_placeholders() -> None:
    assert check_body(default_agreement_text())
    assert set(templates.placeholders_in(default_agreement_text())) <= set(templates.PLACEHOLDERS)


def test_doubled_braces_give_literal_braces() -> None:
    assert templates.fill("{{ikke}} {område}", {"område": "Fjordglimt"}) == "{ikke} Fjordglimt"


def test_values_are_never_read_as_placeholders() -> None:
    assert templates.fill("{område}", {"område": "{beløb} & <b>"}) == "{beløb} & <b>"


def test_editing_a_template_creates_a_new_version(db: Database, programme_id: int) -> None:
    first = templates.latest_template(db, programme_id)
    assert first is not None and first.version == 1
    new_id = templates.save_template_version(
        db, programme_id, TemplateData("Samarbejdsaftale", "Ny tekst for {område}.", "Kortere")
    )
    versions = templates.list_template_versions(db, programme_id)
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].body == first.body  # the old version is untouched
    assert versions[1].id == new_id and versions[1].note == "Kortere"


def test_saving_a_bad_template_writes_nothing(db: Database, programme_id: int) -> None:
    with pytest.raises(ValidationError) as caught:
        templates.save_template_version(db, programme_id, TemplateData("", "Hej {navn}"))
    assert set(caught.value.errors) == {"title", "body"}
    assert len(templates.list_template_versions(db, programme_id)) == 1


def test_reprinting_an_old_agreement_gives_its_own_version_text(
    db: Database, programme_id: int
) -> None:
    templates.save_template_version(
        db, programme_id, TemplateData("Samarbejdsaftale", "Version et for {område}.")
    )
    area_id = make_area(db, programme_id)  # agreement recorded now: tied to version 2
    templates.save_template_version(
        db, programme_id, TemplateData("Samarbejdsaftale", "Version tre for {område}.")
    )
    content = templates.agreement_content(db, area_id)
    assert content.template_version == 2
    assert content.text == "Version et for Fjordglimt."


def test_placeholders_are_filled_from_the_area_and_programme(
    db: Database, programme_id: int
) -> None:
    templates.save_template_version(
        db,
        programme_id,
        TemplateData(
            "Samarbejdsaftale",
            "{tilskudsmodtager} {cvr} {beløb} {evalueringsfrist} {kontaktperson} {antal_rater}",
        ),
    )
    area_id = make_area(db, programme_id)
    text = templates.agreement_content(db, area_id).text
    assert text == "Fjordglimt Borgerforening 12345674 50.000 kr. 30. juni 2026 Anna Testesen 2"
