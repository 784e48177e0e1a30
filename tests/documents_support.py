"""Shared helpers for the document tests: an area with a signed agreement, and PDF reading."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kulturpunkt_desk.domain.models import InterestDecision
from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import areas, grants
from kulturpunkt_desk.domain.services.areas import AreaData, MemberData
from kulturpunkt_desk.domain.services.grants import AgreementData, InstalmentData, InterestData
from kulturpunkt_desk.domain.services.people import PersonData
from kulturpunkt_desk.storage.engine import Database

VALID_CVR = "12345674"
NASTY = "<b>&\"'æøå Ærø"
LONG_WORD = "Kultur" + "x" * 294  # 300 characters without a space
LONG_NOTE = ('Lang note med æøå & <tags> og "citater". ' * 60)[:2000]


@dataclass
class Made:
    area_id: int


def make_area(
    db: Database,
    programme_id: int,
    name: str = "Fjordglimt",
    *,
    vision: str = "Vi samler unge og ældre om fjorden.",
    idea: str = "Fortællevandringer og en fjordfest.",
    recipient: str = "Fjordglimt Borgerforening",
    address: str = "Fjordvej 1, 9000 Aalborg",
    signed: bool = True,
    notes: str = "",
) -> int:
    area_id = areas.create_area(
        db,
        programme_id,
        AreaData(
            name=name,
            municipality="Aalborg",
            vision=vision,
            idea=idea,
            recipient_name=recipient,
            recipient_cvr=VALID_CVR,
            recipient_address=address,
        ),
    )
    areas.add_new_person(
        db,
        area_id,
        PersonData(name="Anna Testesen", email="anna@example.com", phone="10 20 30 40"),
        MemberData(role="Formand", in_steering_group=True, is_primary_contact=True),
    )
    grants.record_interest(
        db,
        area_id,
        InterestData(
            date(2025, 4, 20), decision=InterestDecision.ACCEPTED, decided_on=date(2025, 5, 1)
        ),
    )
    grants.record_agreement(
        db,
        area_id,
        AgreementData(
            sent_on=date(2025, 5, 20),
            signed_by_area_on=date(2025, 6, 2) if signed else None,
            signed_by_region_on=date(2025, 6, 18) if signed else None,
            notes=notes,
        ),
    )
    grants.award_grant(db, area_id, kr(50_000), date(2025, 5, 15))
    grants.add_instalment(db, area_id, InstalmentData(kr(40_000), date(2025, 6, 30)))
    grants.add_instalment(db, area_id, InstalmentData(kr(10_000), date(2026, 9, 1), note="Sidst"))
    return area_id


def pdf_text(path: Path | bytes) -> str:
    """All pages' text with whitespace collapsed (line breaks fall where the layout put them)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def pdf_body_text(path: Path | bytes) -> str:
    """Like pdf_text, without each page's footer line (drawn last, so extracted last)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    pages = [_without_footer(page.extract_text() or "") for page in reader.pages]
    return re.sub(r"\s+", " ", " ".join(pages))


def _without_footer(page: str) -> str:
    """A page's text less its footer: two lines from reportlab (the document line, then
    "Side X af Y"), one line from Typst (both on one line)."""
    lines = page.rstrip().split("\n")
    if re.fullmatch(r"Side \d+ af \d+", lines[-1].strip()):
        return "\n".join(lines[:-2])
    if re.search(r"Side \d+ af \d+$", lines[-1]):
        return "\n".join(lines[:-1])
    return "\n".join(lines)


def squeezed(text: str) -> str:
    """Text without any whitespace, to find words the layout split across lines."""
    return re.sub(r"\s+", "", text)
