"""The draft evaluation report and the auditor's dossier ZIP."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from documents_support import LONG_NOTE, NASTY, make_area, pdf_body_text, pdf_text, squeezed
from pypdf import PdfReader

from kulturpunkt_desk.documents.dossier import build_dossier
from kulturpunkt_desk.documents.evaluation_report import render_evaluation_report
from kulturpunkt_desk.domain.models import CoreElement
from kulturpunkt_desk.domain.money import format_kr, kr
from kulturpunkt_desk.domain.services import activities, areas, evaluations, grants
from kulturpunkt_desk.domain.services.activities import ActivityData
from kulturpunkt_desk.domain.services.evaluations import EvaluationData
from kulturpunkt_desk.domain.services.grants import SpendingData
from kulturpunkt_desk.storage.engine import Database


def evaluated_area(db: Database, programme_id: int, name: str = "Fjordglimt") -> int:
    area_id = make_area(db, programme_id, name, notes=LONG_NOTE)
    grants.mark_paid(db, grants.area_instalments(db, area_id)[0].id, date(2025, 6, 28))
    activities.add_activity(
        db,
        area_id,
        ActivityData(held_on=date(2025, 9, 6), title=f"Fællesspisning {NASTY}", participants=35),
    )
    evaluations.add_evaluation(
        db,
        area_id,
        EvaluationData(
            received_on=date(2026, 6, 12),
            answers={
                CoreElement.ANCHORING: "Styregruppen fortsætter som fast forum.",
                CoreElement.COMMUNITY: f"Svar med {NASTY}",
            },
            summary=LONG_NOTE,
            activities_held=4,
            participants_total=1310,
            volunteers=24,
            new_partners=3,
            declared_spending_ore=kr(48_250),
        ),
    )
    grants.add_spending(
        db, area_id, SpendingData(date(2026, 5, 30), "=Leje af lyd og scene", kr(18_000))
    )
    return area_id


def test_evaluation_report_gives_totals_then_answers_by_core_element(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    evaluated_area(db, programme_id)
    make_area(db, programme_id, "Østerø Havn")
    out = render_evaluation_report(db, programme_id, tmp_path / "e.pdf", date(2026, 7, 1))
    text = pdf_text(out)
    assert text.index("Programmet samlet") < text.index("Fjordglimt, Aalborg")
    for expected in [
        "Evalueringer modtaget 1 af 2",
        "Deltagere i alt (ifølge evalueringerne) 1.310",
        "Forbrug ifølge evalueringerne 48.250,00 kr.",
        "Forankring Styregruppen fortsætter som fast forum.",
        f"Kultur = fællesskab Svar med {NASTY}",
        "Udvikling (intet svar)",
        f"Fællesspisning {NASTY}",
        "06.09.2025",
        "Østerø Havn, Aalborg Evalueringen er ikke modtaget endnu.",
    ]:
        assert expected in text, expected
    assert squeezed(LONG_NOTE) in squeezed(pdf_body_text(out))
    meta = PdfReader(str(out)).metadata
    assert meta is not None and meta.author == "Region Nordjylland"
    assert (meta.title or "").startswith("Udkast: Evalueringsrapport")


def test_dossier_zip_holds_agreement_payments_spending_evaluation_and_attachments(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    area_id = evaluated_area(db, programme_id)
    receipt = tmp_path / "kvittering.txt"
    receipt.write_text("Kvittering for scene\n", encoding="utf-8")
    evaluations.add_attachment(db, area_id, receipt, description="Kvittering")
    other = tmp_path / "andet" / "kvittering.txt"
    other.parent.mkdir()
    other.write_text("En anden kvittering\n", encoding="utf-8")
    evaluations.add_attachment(db, area_id, other)

    out = build_dossier(db, area_id, tmp_path / "mappe.zip", date(2026, 9, 20))
    with zipfile.ZipFile(out) as z:
        names = sorted(z.namelist())
        assert names == [
            "Bilag/kvittering (2).txt",
            "Bilag/kvittering.txt",
            "Forbrug.csv",
            "Oversigt.pdf",
            "Samarbejdsaftale - Fjordglimt.pdf",
            "Udbetalinger.csv",
        ]
        assert z.read("Bilag/kvittering.txt") == receipt.read_bytes()
        payments = z.read("Udbetalinger.csv").decode("utf-8-sig").splitlines()
        # One kind of value per column: the payment date, then the state.
        assert payments[0] == "Rate;Forfalder;Beløb (kr.);Udbetalt den;Status;Bemærkning"
        assert payments[1] == "1. rate;30.06.2025;40.000,00;28.06.2025;Udbetalt;"
        assert payments[2] == "2. rate;01.09.2026;10.000,00;;Ikke udbetalt;Sidst"
        spending = z.read("Forbrug.csv").decode("utf-8-sig").splitlines()
        assert spending[1] == "30.05.2026;'=Leje af lyd og scene;18.000,00"
        overview = z.read("Oversigt.pdf")
        agreement_text = pdf_text(z.read("Samarbejdsaftale - Fjordglimt.pdf"))
    text = pdf_text(overview)
    for expected in [
        "Revisionsmappe – Fjordglimt",
        "CVR-nr. 12345674",
        "Underskrevet af regionen 18.06.2025",
        "I alt 50.000,00",
        "=Leje af lyd og scene",
        "Forankring Styregruppen fortsætter som fast forum.",
        "kvittering.txt",
        "i orden",
    ]:
        assert expected in text, expected
    assert squeezed(LONG_NOTE) in squeezed(pdf_body_text(overview))  # the agreement's notes
    sha = areas.get_area(db, area_id).attachments[0].sha256
    assert f"{sha[:8]} {sha[8:16]}" in text  # the hash wraps between groups, not inside
    assert "CVR-nr. 12345674" in agreement_text
    assert not (tmp_path / "mappe.zip.part").exists()
    assert not (tmp_path / "mappe.zip.files").exists()


def test_dossier_marks_a_missing_attachment_file(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    area_id = make_area(db, programme_id)
    source = tmp_path / "bilag.pdf"
    source.write_bytes(b"%PDF-1.4 ikke rigtig")
    attachment_id = evaluations.add_attachment(db, area_id, source)
    from kulturpunkt_desk.domain.services import areas

    stored = next(a for a in areas.get_area(db, area_id).attachments if a.id == attachment_id)
    evaluations.attachment_path(db, stored).unlink()
    out = build_dossier(db, area_id, tmp_path / "m.zip")
    with zipfile.ZipFile(out) as z:
        assert not any(n.startswith("Bilag/") for n in z.namelist())
        assert "MANGLER eller ændret" in pdf_text(z.read("Oversigt.pdf"))


def test_dossier_shows_paid_planned_outstanding_and_names_the_spending_difference(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    from kulturpunkt_desk.domain.services import areas
    from kulturpunkt_desk.domain.services.area_money import area_money

    area_id = evaluated_area(db, programme_id)
    money = area_money(areas.get_area(db, area_id))
    out = build_dossier(db, area_id, tmp_path / "mappe.zip", date(2026, 9, 20))
    with zipfile.ZipFile(out) as z:
        text = pdf_text(z.read("Oversigt.pdf"))
    kr_ = format_kr
    for expected in [
        f"Bevilget {kr_(money.awarded_ore, decimals=True)}",
        f"Planlagt i rater {kr_(money.planned_ore, decimals=True)}",
        "Udbetalt 40.000,00 kr.",
        "Planlagt, ikke udbetalt 10.000,00 kr.",
        "Udestående (bevilget, ikke udbetalt) 10.000,00 kr.",
        f"Anmeldt forbrug (posterne nedenfor) {kr_(money.declared_ore, decimals=True)}",
        "Forbrug oplyst i evalueringen 48.250,00 kr.",
        f"Evalueringen oplyser {kr_(48_250_00 - money.declared_ore, decimals=True)} mere",
    ]:
        assert expected in text, expected


def test_dossier_packs_only_attachments_inside_the_store_with_visible_names(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    """A stored_path edited to lead out of the attachment store is refused, and a file name
    with a direction override ("faktura‮fdp.exe" shows as "fakturaexe.pdf") is cleaned."""
    from sqlalchemy import update

    from kulturpunkt_desk.domain.models import Attachment

    area_id = evaluated_area(db, programme_id)
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("adgangskode", encoding="utf-8")
    source = tmp_path / "faktura\u202efdp.exe"
    source.write_bytes(b"MZ")
    tricked = evaluations.add_attachment(db, area_id, source)
    honest = tmp_path / "kvittering\u200b.pdf"
    honest.write_bytes(b"%PDF-1.4 kvittering")
    evaluations.add_attachment(db, area_id, honest)
    for n, escape in enumerate(["../../hemmelig.txt", str(secret)]):
        outside = evaluations.add_attachment(db, area_id, _copy(source, tmp_path / f"x{n}.txt"))
        with db.transaction() as s:
            s.execute(update(Attachment).where(Attachment.id == outside).values(stored_path=escape))
    out = build_dossier(db, area_id, tmp_path / "d.zip")
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        packed = b"".join(z.read(n) for n in names)
    assert "Bilag/fakturafdp.exe" in names and "Bilag/kvittering.pdf" in names
    assert all(ch.isprintable() for name in names for ch in name)
    assert b"adgangskode" not in packed
    assert tricked


def _copy(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes() + target.name.encode())
    return target
