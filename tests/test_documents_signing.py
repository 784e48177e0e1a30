"""Agreements a region signs without a pen correction (issue 20): only for an area the rule
allows, else refused or a draft; both parties' CVR, signatories, place and date lines; the
letter block with the case number; bookmarks and odd-page starts in the combined PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from documents_support import make_area, pdf_text
from pypdf import PdfReader

from kulturpunkt_desk.documents.agreement import render_agreement, render_all_agreements
from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.models import InterestDecision
from kulturpunkt_desk.domain.services import areas, grants, programmes
from kulturpunkt_desk.domain.services.agreement_rule import agreement_candidates
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.domain.services.grants import InterestData
from kulturpunkt_desk.domain.services.templates import TemplateData, save_template_version
from kulturpunkt_desk.resources import default_agreement_text
from kulturpunkt_desk.storage.engine import Database


def use_default_text(db: Database, programme_id: int) -> None:
    save_template_version(
        db, programme_id, TemplateData("Samarbejdsaftale", default_agreement_text())
    )


def pending_area(db: Database, programme_id: int, name: str = "Venteby") -> int:
    area_id = areas.create_area(db, programme_id, AreaData(name=name, municipality="Læsø"))
    grants.record_interest(db, area_id, InterestData(date(2025, 4, 20)))
    return area_id


def test_area_without_accepted_interest_and_grant_is_refused_with_the_reason(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    area_id = pending_area(db, programme_id)
    with pytest.raises(DeskError) as caught:
        render_agreement(db, area_id, tmp_path / "a.pdf")
    message = str(caught.value)
    assert "«Venteby»" in message
    assert "ikke godkendt endnu" in message and "ikke bevilget tilskud" in message
    assert not (tmp_path / "a.pdf").exists()


def test_draft_says_udkast_on_every_page_and_never_states_the_grant(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    use_default_text(db, programme_id)
    area_id = pending_area(db, programme_id)
    out = render_agreement(db, area_id, tmp_path / "udkast.pdf", draft=True)
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert "UDKAST" in (page.extract_text() or "")
    text = pdf_text(out)
    assert "yder et tilskud" not in text  # the template's grant section is left out
    assert "Tilskud og udbetaling" not in text
    assert "Første rate udbetales" not in text
    assert "giver ingen ret til tilskud" in text
    assert reader.metadata is not None and (reader.metadata.title or "").startswith("Udkast")


def test_all_agreements_name_the_areas_left_out_and_why(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    make_area(db, programme_id, "Fjordglimt")
    pending_area(db, programme_id, "Venteby")
    declined = make_area(db, programme_id, "Afslået")
    grants.record_interest(
        db, declined, InterestData(date(2025, 4, 20), decision=InterestDecision.DECLINED)
    )
    candidates = agreement_candidates(db, programme_id)
    assert len(candidates.ready) == 1
    reasons = {a.name: a.reason for a in candidates.left_out}
    assert "ikke udvalgt" in reasons["Afslået"]
    assert "ikke godkendt endnu" in reasons["Venteby"]
    files = render_all_agreements(db, programme_id, tmp_path / "ud")
    assert [p.name for p in files] == ["Samarbejdsaftale - Fjordglimt.pdf"]
    # Asked for drafts: the waiting area gets one, the declined area never.
    drafts = render_all_agreements(db, programme_id, tmp_path / "udkast", drafts=True)
    assert sorted(p.name for p in drafts) == [
        "Samarbejdsaftale - Fjordglimt.pdf",
        "Udkast til samarbejdsaftale - Venteby.pdf",
    ]


def test_cli_all_prints_which_areas_it_left_out(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kulturpunkt_desk.cli import main

    demo_db.dispose()  # the command opens the file itself
    args = ["agreement", "--db", str(demo_db.path), "--all", "--out", str(tmp_path / "ud")]
    assert main(args) == 0
    out = capsys.readouterr().out
    # The demo's three areas whose grant is not yet awarded are left out, each named.
    assert out.count("Udeladt: «") == 3
    assert out.count("der er ikke bevilget tilskud") == 3


def test_parties_signatories_place_and_letter_block_come_from_the_settings(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    programme = programmes.current_programme(db)
    assert programme is not None
    data = programmes.programme_data(programme)
    data.signatory_name = "Kim Eksempel"
    data.case_number = "25-004711"
    data.case_handler_name = "Sagsbehandler Eksempel"
    data.case_handler_phone = "11 22 33 44"
    data.case_handler_email = "sag@example.com"
    programmes.update_programme(db, programme_id, data)
    area_id = make_area(db, programme_id)
    area = areas.get_area(db, area_id)
    areas.update_area(
        db,
        area_id,
        AreaData(
            name=area.name,
            municipality=area.municipality,
            recipient_name=area.recipient_name,
            recipient_cvr=area.recipient_cvr,
            recipient_address=area.recipient_address,
            signatory_name="Forkvinde Eksempel",
            signatory_title="Formand",
        ),
    )
    text = pdf_text(render_agreement(db, area_id, tmp_path / "a.pdf"))
    assert "CVR-nr. 29190941" in text  # the region's, set in a new programme
    assert "CVR-nr. 12345674" in text  # the recipient's
    for expected in [
        "Kim Eksempel",
        "Kulturchef",
        "Forkvinde Eksempel",
        "Formand",
        "Sted: Aalborg Øst",
        "Dato: 18. juni 2025",  # signed by the region
        "Sagsnr.: 25-004711",
        "Sagsbehandler: Sagsbehandler Eksempel",
        "Direkte tlf.: 11 22 33 44",
        "E-mail: sag@example.com",
    ]:
        assert expected in text, expected
    files = render_all_agreements(db, programme_id, tmp_path / "ud")
    assert [p.name for p in files] == ["25-004711 Samarbejdsaftale - Fjordglimt.pdf"]


def test_area_case_number_overrides_the_programme_case_number(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    area_id = make_area(db, programme_id)
    area = areas.get_area(db, area_id)
    fields = {"name": area.name, "municipality": area.municipality}
    areas.update_area(db, area_id, AreaData(**fields, case_number="25-000042"))
    (path,) = render_all_agreements(db, programme_id, tmp_path / "ud")
    assert path.name.startswith("25-000042 ")
    assert "Sagsnr.: 25-000042" in pdf_text(path)


def test_bad_case_handler_phone_is_refused_naming_the_field(
    db: Database, programme_id: int
) -> None:
    from kulturpunkt_desk.domain.errors import ValidationError

    programme = programmes.current_programme(db)
    assert programme is not None
    data = programmes.programme_data(programme)
    data.case_handler_phone = "123"
    data.contact_cvr = "12345678"
    with pytest.raises(ValidationError) as caught:
        programmes.update_programme(db, programme_id, data)
    assert "Sagsbehandlers direkte telefon" in caught.value.errors["case_handler_phone"]
    assert "Regionens CVR-nummer" in caught.value.errors["contact_cvr"]
    again = programmes.current_programme(db)
    assert again is not None and again.contact_cvr == "29190941"  # nothing half saved


def test_combined_agreements_have_a_bookmark_each_starting_on_an_odd_page(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    use_default_text(db, programme_id)
    for name in ("Fjordglimt", "Havnestrøget", "Østerø Havn"):
        make_area(db, programme_id, name)
    (out,) = render_all_agreements(db, programme_id, tmp_path / "alle.pdf", combined=True)
    reader = PdfReader(str(out))
    marks = [(o.title, reader.get_destination_page_number(o) + 1) for o in reader.outline]
    assert [title for title, _ in marks] == [
        "Samarbejdsaftale – Fjordglimt",
        "Samarbejdsaftale – Havnestrøget",
        "Samarbejdsaftale – Østerø Havn",
    ]
    assert all(page % 2 == 1 for _, page in marks), marks
    assert marks[1][1] > marks[0][1]
    for title, page in marks:
        assert title.split("– ")[1] in (reader.pages[page - 1].extract_text() or "")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da-DK"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_agreement_text_tables_and_footer_share_one_left_edge(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    from kulturpunkt_desk.documents.layout import MARGIN_X

    use_default_text(db, programme_id)
    out = render_agreement(db, make_area(db, programme_id), tmp_path / "a.pdf")
    starts: dict[str, float] = {}

    def seen(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            starts.setdefault(text.strip().split()[0], cm[4] + tm[4] * cm[0])

    PdfReader(str(out)).pages[0].extract_text(visitor_text=seen)
    assert round(starts["KULTURPUNKT"], 1) == round(MARGIN_X, 1)  # letter block
    assert round(starts["Samarbejdsaftale"], 1) == round(MARGIN_X, 1)  # title
    assert round(starts["Parter"], 1) == round(MARGIN_X, 1)  # heading
    assert round(starts["Regionen"], 1) == round(MARGIN_X + 3, 1)  # a table cell's text
