"""The collaboration agreement PDF, read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from documents_support import (
    LONG_NOTE,
    LONG_WORD,
    NASTY,
    make_area,
    pdf_body_text,
    pdf_text,
    squeezed,
)
from pypdf import PdfReader

from kulturpunkt_desk.documents.agreement import render_agreement, render_all_agreements
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.domain.services.templates import TemplateData, save_template_version
from kulturpunkt_desk.resources import default_agreement_text
from kulturpunkt_desk.storage.engine import Database


def use_default_text(db: Database, programme_id: str) -> None:
    save_template_version(
        db, programme_id, TemplateData("Samarbejdsaftale", default_agreement_text())
    )


def test_agreement_holds_parties_grant_plan_timeline_and_signatures(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    use_default_text(db, programme_id)
    area_id = make_area(db, programme_id)
    out = render_agreement(db, area_id, tmp_path / "aftale.pdf")
    text = pdf_text(out)
    for expected in [
        "Region Nordjylland",  # contact block and party
        "Niels Bohrs Vej 30",
        "9220 Aalborg Øst",
        "kulturpunkt@rn.dk",
        "Fjordglimt Borgerforening",
        "CVR-nr. 12345674",
        "Fjordvej 1, 9000 Aalborg",
        "Anna Testesen",
        "Vi samler unge og ældre om fjorden.",
        "Fortællevandringer og en fjordfest.",
        "tilskud på 50.000 kr.",
        "Udbetalingsplan",
        "30.06.2025",
        "40.000 kr.",  # one amount format in the whole agreement
        "I alt 50.000 kr.",  # the plan's total
        "senest 30. juni 2026",  # evaluation deadline in the obligations
        "Tidsplan for Kulturpunkt 2025-26",
        "Offentliggørelse og opstartsmøde",
        "18. juni 2025",
        "Underskrifter",
        "Dato: 2. juni 2025",
        "Side 1 af",
    ]:
        assert expected in text, expected
    pages = len(PdfReader(str(out)).pages)
    assert f"Side {pages} af {pages}" in text


def test_agreement_pdf_carries_metadata_and_embedded_fonts(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    area_id = make_area(db, programme_id)
    reader = PdfReader(str(render_agreement(db, area_id, tmp_path / "a.pdf")))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Samarbejdsaftale – Fjordglimt"
    assert meta.author == "Region Nordjylland"
    assert "Kulturpunkt 2025-26" in (meta.subject or "")
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        assert "/FontFile2" in font["/FontDescriptor"]  # the TrueType subset is embedded
        assert "DejaVuSans" in str(font["/BaseFont"])


def test_user_text_appears_exactly_as_typed(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    area_id = make_area(
        db,
        programme_id,
        name=f"Område {NASTY}",
        vision=f"{NASTY} {LONG_WORD}",
        idea=LONG_NOTE,
        recipient="",
        address="",
    )
    out = render_agreement(db, area_id, tmp_path / "nasty.pdf")
    text = pdf_text(out)
    assert NASTY in text
    assert LONG_WORD in squeezed(text)  # wrapped across lines, never cut
    assert squeezed(LONG_NOTE) in squeezed(pdf_body_text(out))  # runs over a page break
    assert "(tilskudsmodtager ikke oplyst)" in text
    assert "(adresse ikke oplyst)" in text


def test_long_word_is_wrapped_inside_the_page(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    area_id = make_area(db, programme_id, vision=LONG_WORD)
    reader = PdfReader(str(render_agreement(db, area_id, tmp_path / "long.pdf")))
    lines = [
        line for page in reader.pages for line in page.extract_text().splitlines() if "xxx" in line
    ]
    # About 80 characters fit across the text frame; one line of 300 would run off the page.
    assert len(lines) >= 3 and all(len(line) < 100 for line in lines)


def test_all_agreements_one_file_per_area_or_one_combined_pdf(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    make_area(db, programme_id, "Fjordglimt")
    make_area(db, programme_id, "Østerø Havn", recipient="Østerø Havneforening")
    files = render_all_agreements(db, programme_id, tmp_path / "aftaler")
    assert sorted(p.name for p in files) == [
        "Samarbejdsaftale - Fjordglimt.pdf",
        "Samarbejdsaftale - Østerø Havn.pdf",
    ]
    (combined,) = render_all_agreements(db, programme_id, tmp_path / "alle.pdf", combined=True)
    text = pdf_text(combined)
    assert "Fjordglimt Borgerforening" in text and "Østerø Havneforening" in text
    # Each agreement is numbered from its own first page.
    assert text.count("Side 1 af") == 2


def test_draft_for_area_without_grant_shows_empty_fields_as_empty(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    from kulturpunkt_desk.domain.services import areas
    from kulturpunkt_desk.domain.services.areas import AreaData

    area_id = areas.create_area(db, programme_id, AreaData(name="Tom", municipality="Læsø"))
    text = pdf_text(render_agreement(db, area_id, tmp_path / "tom.pdf", draft=True))
    assert "Udbetalingsplanen følger, når tilskuddet er bevilget" in text
    assert "(ikke udfyldt)" in text
    assert "(ikke udpeget)" in text


def test_region_contact_block_comes_from_the_programme_settings(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    current = programmes.current_programme(db)
    assert current is not None
    data = programmes.kulturpunkt_2025_26().data
    data.contact_department = "Kultur & Udvikling"
    data.contact_phone = "10 11 12 13"
    programmes.update_programme(db, programme_id, data)
    area_id = make_area(db, programme_id)
    text = pdf_text(render_agreement(db, area_id, tmp_path / "k.pdf"))
    assert "Kultur & Udvikling" in text and "10 11 12 13" in text


def test_area_names_become_safe_distinct_file_names(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    make_area(db, programme_id, "Nord/Syd")
    make_area(db, programme_id, "Nord:Syd")
    names = sorted(p.name for p in render_all_agreements(db, programme_id, tmp_path / "ud"))
    assert names == ["Samarbejdsaftale - Nord_Syd (2).pdf", "Samarbejdsaftale - Nord_Syd.pdf"]


def test_all_agreements_leave_out_areas_that_were_not_selected(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    from datetime import date

    from kulturpunkt_desk.domain.models import InterestDecision
    from kulturpunkt_desk.domain.services import grants
    from kulturpunkt_desk.domain.services.grants import InterestData

    make_area(db, programme_id, "Fjordglimt")
    declined = make_area(db, programme_id, "Ikke med")
    grants.record_interest(
        db, declined, InterestData(date(2025, 4, 20), decision=InterestDecision.DECLINED)
    )
    files = render_all_agreements(db, programme_id, tmp_path / "ud")
    assert [p.name for p in files] == ["Samarbejdsaftale - Fjordglimt.pdf"]


def test_programme_without_any_template_is_told_in_danish(db: Database, tmp_path: Path) -> None:
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import areas
    from kulturpunkt_desk.domain.services.areas import AreaData

    bare = programmes.create_programme(db, programmes.kulturpunkt_2025_26())
    area_id = areas.create_area(db, bare, AreaData(name="Fjordglimt", municipality="Aalborg"))
    with pytest.raises(DeskError, match="ingen aftaleskabelon"):
        render_agreement(db, area_id, tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()


def test_agreements_without_areas_say_so_instead_of_writing_an_empty_pdf(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    from kulturpunkt_desk.domain.errors import DeskError

    for combined, out in ((True, tmp_path / "alle.pdf"), (False, tmp_path / "mappe")):
        with pytest.raises(DeskError, match="ingen lokalområder med en aftale"):
            render_all_agreements(db, programme_id, out, combined=combined)
        assert not out.exists()


def test_an_agreement_made_again_and_among_all_says_the_same(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    # The parsed paragraphs and their line breaks are reused (documents/paragraph_reuse):
    # nothing of one document may leak into the next.
    use_default_text(db, programme_id)
    first = make_area(db, programme_id, name="Fjordglimt")
    make_area(db, programme_id, name="Bakkekammen")
    once = pdf_text(render_agreement(db, first, tmp_path / "1.pdf"))
    again = pdf_text(render_agreement(db, first, tmp_path / "2.pdf"))
    every = render_all_agreements(db, programme_id, tmp_path / "alle")
    among = next(pdf_text(p) for p in every if "Fjordglimt" in p.name)
    assert once == again == among
    assert "Fjordglimt" in once and "Bakkekammen" not in once


def test_a_changed_area_or_template_shows_in_the_next_agreement(
    db: Database, programme_id: str, tmp_path: Path
) -> None:
    # Paragraphs are reused by their text (documents/paragraph_reuse): a change is new text.
    from kulturpunkt_desk.domain.services import areas
    from kulturpunkt_desk.domain.services.areas import AreaData

    use_default_text(db, programme_id)
    first = make_area(db, programme_id, name="Fjordglimt", vision="Vi samler unge og ældre.")
    before = pdf_text(render_agreement(db, first, tmp_path / "1.pdf"))
    area = areas.get_area(db, first)
    areas.update_area(
        db, first, AreaData(name="Fjordlyset", municipality="Aalborg", vision="En ny scene.")
    )
    after = pdf_text(render_agreement(db, first, tmp_path / "2.pdf"))
    assert "Vi samler unge og ældre." in before and area.name in before
    assert "En ny scene." in after and "Fjordlyset" in after
    assert "Vi samler unge og ældre." not in after and "Fjordglimt" not in after

    changed = default_agreement_text().replace("styrke de lokale", "løfte de lokale")
    save_template_version(db, programme_id, TemplateData("Samarbejdsaftale", changed))
    second = make_area(db, programme_id, name="Bakkekammen")  # made from the new version
    new = pdf_text(render_agreement(db, second, tmp_path / "3.pdf"))
    old = pdf_text(render_agreement(db, first, tmp_path / "4.pdf"))  # keeps its version
    assert "løfte de lokale" in new and "styrke de lokale" not in new
    assert "styrke de lokale" in old and "løfte de lokale" not in old
