"""Europæisk Kulturregion's documents without a pen correction (issue 20): the letter's full
sender and recipient addresses, the letter block with the case number, one page whatever the
number of representatives; the status summary's fonts all embedded and no word broken."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from documents_support import pdf_text
from pypdf import PdfReader

from kulturpunkt_desk.documents.ekr_letters import render_all_letters, render_contribution_letter
from kulturpunkt_desk.documents.ekr_status import render_status_summary
from kulturpunkt_desk.domain.services import ekr_partnership
from kulturpunkt_desk.domain.services.ekr_partnership import PartnershipData, RepresentativeData
from kulturpunkt_desk.storage.engine import Database


def ekr_pid(db: Database) -> int:
    partnership = ekr_partnership.current_partnership(db)
    assert partnership is not None
    return partnership.id


def set_case(db: Database, pid: int) -> None:
    p = ekr_partnership.get_partnership(db, pid)
    names = PartnershipData.__dataclass_fields__
    data = PartnershipData(**{n: getattr(p, n) for n in names})
    data = dataclasses.replace(
        data,
        case_number="1-30-72-4-26",
        case_handler_name="Sagsbehandler Eksempel",
        case_handler_phone="87 65 43 21",
        case_handler_email="sag@example.com",
    )
    ekr_partnership.update_partnership(db, pid, data)


def aarhus_id(db: Database, pid: int) -> int:
    return next(m.id for m in ekr_partnership.municipalities(db, pid) if m.name == "Aarhus Kommune")


def test_letter_has_sender_and_recipient_addresses_phone_and_letter_block(
    ekr_db: Database, tmp_path: Path
) -> None:
    pid = ekr_pid(ekr_db)
    set_case(ekr_db, pid)
    out = render_contribution_letter(ekr_db, pid, 2026, aarhus_id(ekr_db, pid), tmp_path / "b.pdf")
    text = pdf_text(out)
    for expected in [
        "Skottenborg 26",
        "8800 Viborg",
        "Tlf. 12 34 56 78",
        "Aarhus Kommune Rådhuset 8000 Aarhus C",  # the recipient's address under its name
        "Sagsnr.: 1-30-72-4-26",
        "Sagsbehandler: Sagsbehandler Eksempel",
        "Direkte tlf.: 87 65 43 21",
        "E-mail: sag@example.com",
    ]:
        assert expected in text, expected


def test_letter_fits_one_page_however_many_representatives(
    ekr_db: Database, tmp_path: Path
) -> None:
    pid = ekr_pid(ekr_db)
    member = aarhus_id(ekr_db, pid)
    for n in range(14):
        ekr_partnership.add_representative(
            ekr_db, member, RepresentativeData(f"Repræsentant Nummer{n}", "Kulturkonsulent")
        )
    out = render_contribution_letter(ekr_db, pid, 2026, member, tmp_path / "mange.pdf")
    assert len(PdfReader(str(out)).pages) == 1
    text = pdf_text(out)
    assert "Repræsentant Nummer13" in text and "Budget 2026 i alt" in text
    assert "Med venlig hilsen" in text


def test_letter_file_names_start_with_the_case_number(ekr_db: Database, tmp_path: Path) -> None:
    pid = ekr_pid(ekr_db)
    set_case(ekr_db, pid)
    names = [p.name for p in render_all_letters(ekr_db, pid, 2026, tmp_path)]
    assert names and all(n.startswith("1-30-72-4-26 Bidrag 2026 - ") for n in names)


def test_ekr_status_embeds_every_font_and_breaks_no_word_or_amount(
    ekr_db: Database, tmp_path: Path
) -> None:
    out = render_status_summary(ekr_db, ekr_pid(ekr_db), 2026, tmp_path / "status.pdf")
    reader = PdfReader(str(out))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font.get("/FontDescriptor") or font["/DescendantFonts"][0]["/FontDescriptor"]
            )
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
    lines = "\n".join(page.extract_text() or "" for page in reader.pages).splitlines()
    assert any("samarbejdsprojekter" in line for line in lines)
    assert not any(re.fullmatch(r"\s*\.?\s*", line) for line in lines if line)
    assert not any(line.strip() in {"kr.", "."} for line in lines)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da-DK" and root["/ViewerPreferences"]["/DisplayDocTitle"]
