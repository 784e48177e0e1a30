"""Fillable forms that come back: pre-filled from the desk, filled in with pypdf as a PDF
reader would (update_page_form_field_values), read back and imported with the desk's own
rules; another area's or programme's form, or a bad value, writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.documents.fillable_forms import render_form
from kulturpunkt_desk.documents.form_reader import read_form
from kulturpunkt_desk.domain.errors import DeskError, ValidationError
from kulturpunkt_desk.domain.form_fields import KEY_AREA, KEY_VERSION, FormKind
from kulturpunkt_desk.domain.models import CoreElement
from kulturpunkt_desk.domain.services import areas, programmes, returned_forms
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.storage.engine import Database


def _pid(db: Database) -> int:
    programme = programmes.current_programme(db)
    assert programme is not None
    return programme.id


def fill(form: Path, out: Path, values: dict[str, str | bool]) -> Path:
    """Fill the form as a PDF reader does: text as text, a tick as the box's /Yes state."""
    writer = PdfWriter(clone_from=PdfReader(str(form)))
    filled = {k: (NameObject("/Yes") if v is True else v) for k, v in values.items()}
    for page in writer.pages:
        writer.update_page_form_field_values(page, filled, auto_regenerate=False)
    writer.write(str(out))
    return out


@pytest.fixture
def area_id(demo_db: Database) -> int:
    return areas.find_area(demo_db, _pid(demo_db), "Østerø Havn").id


def test_a_form_is_prefilled_and_carries_its_keys_read_only(
    demo_db: Database, area_id: int, tmp_path: Path
) -> None:
    out = render_form(demo_db, area_id, FormKind.INTEREST, tmp_path / "interesse.pdf")
    values = read_form(out)
    area = areas.get_area(demo_db, area_id)
    assert values["area_name"] == "Østerø Havn" and values["municipality"] == "Læsø"
    assert values["recipient_cvr"] == area.recipient_cvr and values["contact_email"]
    assert values["sector_association"] is True and values["sector_education"] is False
    assert values[KEY_AREA] == area.uuid and values[KEY_VERSION] == "1"
    fields = PdfReader(str(out)).get_fields()
    assert fields is not None
    for name in ("kp_form", "kp_version", "kp_area", "kp_programme", "area_name"):
        assert int(fields[name].get("/Ff", 0)) & 1, f"{name} must be read-only"


def test_a_filled_evaluation_is_imported_with_the_pdf_as_attachment(
    demo_db: Database, area_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = render_form(demo_db, area_id, FormKind.EVALUATION, tmp_path / "evaluering.pdf")
    filled = fill(
        blank,
        tmp_path / "evaluering udfyldt.pdf",
        {
            "summary": "Saltværkstederne samlede øen.",
            "activities_held": "6",
            "participants_total": "1.240",
            "volunteers": "18",
            "new_partners": "3",
            "declared_spending": "48.250,50",
            "core_anchoring": True,
            "answer_anchoring": "Foreningen fortsætter værkstederne.",
            "answer_community": "Unge og ældre mødtes.",
            "signed_on": "12.06.2026",
        },
    )
    assert main(["import", "form", str(filled), "--db", str(demo_db.path)]) == 0
    out = capsys.readouterr().out
    assert "Evaluering fra Østerø Havn" in out and "48.250,50 kr." in out
    area = areas.get_area(demo_db, area_id)
    (submission,) = [e for e in _evaluations(demo_db, area_id)]
    assert submission.received_on == date(2026, 6, 12)
    assert submission.participants_total == 1240 and submission.declared_spending_ore == 4_825_050
    answers = {a.element: a.answer for a in submission.answers}
    assert answers == {
        CoreElement.ANCHORING: "Foreningen fortsætter værkstederne.",
        CoreElement.COMMUNITY: "Unge og ældre mødtes.",
    }
    kept = [a for a in area.attachments if a.evaluation_id == submission.id]
    assert [a.filename for a in kept] == ["evaluering udfyldt.pdf"]


def _evaluations(db: Database, area_id: int) -> list:  # type: ignore[type-arg]
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from kulturpunkt_desk.domain.models import EvaluationSubmission

    with db.read() as s:
        return list(
            s.scalars(
                select(EvaluationSubmission)
                .where(EvaluationSubmission.area_id == area_id)
                .options(selectinload(EvaluationSubmission.answers))
            )
        )


def test_bad_values_are_named_by_field_and_nothing_is_written(
    demo_db: Database, area_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = render_form(demo_db, area_id, FormKind.INTEREST, tmp_path / "interesse.pdf")
    bad = fill(
        blank,
        tmp_path / "forkert.pdf",
        {"recipient_cvr": "12345678", "contact_email": "ikke en adresse", "vision": "Ny vision"},
    )
    before = areas.get_area(demo_db, area_id)
    attachments = len(before.attachments)
    assert main(["import", "form", str(bad), "--db", str(demo_db.path)]) == 1
    err = capsys.readouterr().err
    assert "CVR-nummer" in err and "E-mail" in err
    with pytest.raises(ValidationError) as caught:
        returned_forms.preview_form(demo_db, _pid(demo_db), read_form(bad))
    assert set(caught.value.errors) == {"recipient_cvr", "contact_email"}
    after = areas.get_area(demo_db, area_id)
    assert after.vision == before.vision and len(after.attachments) == attachments


def test_a_good_interest_form_changes_the_area_and_its_contact(
    demo_db: Database, area_id: int, tmp_path: Path
) -> None:
    blank = render_form(demo_db, area_id, FormKind.INTEREST, tmp_path / "interesse.pdf")
    good = fill(
        blank,
        tmp_path / "udfyldt.pdf",
        {
            "vision": "Øen samles om saltet.",
            "contact_phone": "+45 20 30 40 50",
            "partnership": "Saltforeningen og skolen",
            "sector_education": True,
            "core_across": True,
        },
    )
    values = read_form(good)
    preview = returned_forms.preview_form(demo_db, _pid(demo_db), values)
    labels = [c.label for c in preview.changes]
    assert "Fælles udfordring/vision" in labels and "Telefon" in labels
    returned_forms.import_form(demo_db, _pid(demo_db), values, good)
    area = areas.get_area(demo_db, area_id)
    assert area.vision == "Øen samles om saltet."
    assert area.interest is not None and "Uddannelsesinstitution" in area.interest.content
    assert "Samler lokalområdet på tværs" in area.interest.content
    contact = next(m.person for m in areas.area_people(demo_db, area_id) if m.is_primary_contact)
    assert contact.phone == "+45 20 30 40 50"


def test_a_form_for_another_area_programme_or_version_is_refused(
    demo_db: Database, area_id: int, db: Database, programme_id: int, tmp_path: Path
) -> None:
    form = render_form(demo_db, area_id, FormKind.EVALUATION, tmp_path / "e.pdf")
    values = read_form(fill(form, tmp_path / "f.pdf", {"signed_on": "01.06.2026"}))
    areas.create_area(db, programme_id, AreaData(name="Østerø Havn", municipality="Læsø"))
    with pytest.raises(DeskError, match="andet program"):
        returned_forms.preview_form(db, programme_id, values)
    other = areas.find_area(demo_db, _pid(demo_db), "Fjordglimt")
    with pytest.raises(DeskError, match="ikke findes"):
        returned_forms.preview_form(demo_db, _pid(demo_db), values | {KEY_AREA: other.uuid[::-1]})
    with pytest.raises(DeskError, match="version 0"):
        returned_forms.preview_form(demo_db, _pid(demo_db), values | {KEY_VERSION: "0"})


def test_a_count_that_is_not_a_number_is_refused_by_the_desks_rule(
    demo_db: Database, area_id: int, tmp_path: Path
) -> None:
    form = render_form(demo_db, area_id, FormKind.EVALUATION, tmp_path / "e.pdf")
    values = read_form(
        fill(form, tmp_path / "f.pdf", {"volunteers": "mange", "signed_on": "31.02.2026"})
    )
    with pytest.raises(ValidationError) as caught:
        returned_forms.preview_form(demo_db, _pid(demo_db), values)
    assert caught.value.errors == {
        "volunteers": "Frivillige: skal være et helt tal.",
        "signed_on": "Dato: «31.02.2026» er ikke en dato; skriv fx 18.06.2025.",
    }


def test_form_cli_checks_the_extension_and_writes_the_form(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "skema.docx"
    argv = ["form", "interest", "--db", str(demo_db.path), "--area", "Fjordglimt"]
    assert main([*argv, "--out", str(out)]) == 1 and not out.exists()
    assert ".pdf" in capsys.readouterr().err
    pdf = tmp_path / "skema.pdf"
    assert main([*argv, "--out", str(pdf)]) == 0
    assert read_form(pdf)["area_name"] == "Fjordglimt"


def named_fonts(path: Path) -> list[tuple[str, bool]]:
    """Every font the PDF names anywhere (pages and field appearances), and whether the
    file carries its program."""
    from pypdf.generic import DictionaryObject

    reader = PdfReader(str(path))
    found: list[tuple[str, bool]] = []
    for number in range(1, len(reader.xref_objStm) + max(reader.xref[0]) + 2):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/Font":
            if obj.get("/Subtype") == "/Type0":
                obj = obj["/DescendantFonts"][0].get_object()
            descriptor = obj.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found.append((str(obj.get("/BaseFont")), embedded))
    return found


@pytest.mark.parametrize("kind", [FormKind.INTEREST, FormKind.EVALUATION])
def test_a_form_embeds_every_font_it_names_fields_included(
    demo_db: Database, area_id: int, kind: FormKind, tmp_path: Path
) -> None:
    out = render_form(demo_db, area_id, kind, tmp_path / "skema.pdf")
    fonts = named_fonts(out)
    assert ("/DejaVuSans", True) in fonts  # the fields' font, whole: typed text can use it
    assert [name for name, embedded in fonts if not embedded] == []
    widgets = [a.get_object() for page in PdfReader(str(out)).pages for a in page["/Annots"]]
    text_fields = [w for w in widgets if w.get("/FT") == "/Tx"]
    assert text_fields and all(str(w["/DA"]).startswith("/DejaVu ") for w in text_fields)
    catalog = PdfReader(str(out)).trailer["/Root"]
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]  # the title, not the file name


def test_danish_letters_typed_into_a_form_come_back(
    demo_db: Database, area_id: int, tmp_path: Path
) -> None:
    form = render_form(demo_db, area_id, FormKind.INTEREST, tmp_path / "interesse.pdf")
    filled = fill(form, tmp_path / "udfyldt.pdf", {"vision": "Æblefest på Ærø – for alle"})
    assert read_form(filled)["vision"] == "Æblefest på Ærø – for alle"
