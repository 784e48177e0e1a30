"""Text the fonts cannot draw is never silently dropped: a plain stand-in or a marked [U+…],
and the document says so exactly when it happened."""

from __future__ import annotations

from pathlib import Path

from documents_support import make_area, pdf_text, squeezed

from kulturpunkt_desk.documents.agreement import render_agreement
from kulturpunkt_desk.documents.layout import drawable
from kulturpunkt_desk.storage.engine import Database

THEATRE = "\U0001f3ad"  # 🎭, not in DejaVu Sans
BOLD_KULTUR = "\U0001d40a\U0001d42e\U0001d425\U0001d42d\U0001d42e\U0001d42b"  # 𝐊𝐮𝐥𝐭𝐮𝐫


def test_mathematical_letters_become_plain_letters_and_emoji_a_visible_code() -> None:
    shown, missing = drawable(f"{BOLD_KULTUR} {THEATRE} Ærø")
    assert shown == "Kultur [U+1F3AD] Ærø"
    assert missing == [THEATRE]


def test_an_agreement_with_emoji_shows_them_and_says_what_it_could_not_draw(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    area_id = make_area(db, programme_id, f"{BOLD_KULTUR}huset {THEATRE}")
    text = squeezed(pdf_text(render_agreement(db, area_id, tmp_path / "a.pdf")))
    assert "Kulturhuset" in text and "[U+1F3AD]" in text
    assert squeezed("tegn kunne ikke vises med dokumentets skrifttype") in text
    assert THEATRE not in text and BOLD_KULTUR not in text


def test_a_document_that_lost_nothing_does_not_say_it_did(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    area_id = make_area(db, programme_id, "Ærø Kulturhus")
    text = pdf_text(render_agreement(db, area_id, tmp_path / "a.pdf"))
    assert "Ærø Kulturhus" in text and "kunne ikke vises" not in text
