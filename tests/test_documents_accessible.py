"""The published documents (status summary, evaluation report) are tagged PDF/UA-1.

They go out with political meeting papers, so a screen reader must find their headings,
table headers, chart descriptions, language and title (EN 301 549 / WCAG 2.1 AA).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from documents_support import make_area, pdf_body_text
from pdfua import validate

from kulturpunkt_desk.documents.evaluation_report import render_evaluation_report
from kulturpunkt_desk.documents.status_summary import export_status
from kulturpunkt_desk.documents.svg_chart import money_per_area_alt
from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import grants, programmes
from kulturpunkt_desk.storage.engine import Database

SUMMER_2026 = date(2026, 7, 15)


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every element of the PDF's structure tree, in reading order (valid while `pdf` is)."""

    def walk(node: object) -> Iterator[pikepdf.Dictionary]:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                yield from walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            if "/K" in node:
                yield from walk(node.K)

    return list(walk(pdf.Root.StructTreeRoot.K))


def has_content(element: pikepdf.Dictionary) -> bool:
    """Whether a structure element holds marked content (text on a page) at all."""
    kids = element.get("/K")
    if kids is None:
        return False
    return not isinstance(kids, pikepdf.Array) or len(kids) > 0


def attributes(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    found = element.get("/A")
    if found is None:
        return []
    return list(found) if isinstance(found, pikepdf.Array) else [found]


def assert_pdf_ua(path: Path) -> None:
    report = validate(str(path))
    findings = [f"{f.rule_id}: {f.message}" for f in report.findings]
    assert findings == [], findings
    pdf = pikepdf.open(path)
    assert str(pdf.Root.Lang).startswith("da")
    assert bool(pdf.Root.MarkInfo.Marked)
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    assert pdf.open_metadata().get("pdfuaid:part") == "1"
    fonts = {
        str(font.get("/BaseFont"))
        for page in pdf.pages
        for font in page.Resources.get("/Font", {}).values()
    }
    assert fonts and all("DejaVuSans" in name for name in fonts), fonts


@pytest.fixture
def two_areas(db: Database, programme_id: int) -> None:
    make_area(db, programme_id, "Fjordglimt", signed=False)
    paid = make_area(db, programme_id, "Østerø Havn")
    grants.mark_paid(db, grants.area_instalments(db, paid)[0].id, date(2025, 6, 28))


@pytest.mark.usefixtures("two_areas")
def test_status_summary_is_tagged_pdf_ua_with_headings_tables_and_chart_text(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    out = export_status(db, programme_id, tmp_path / "status.pdf", SUMMER_2026)
    assert_pdf_ua(out)
    pdf = pikepdf.open(out)
    elements = structure(pdf)
    kinds = [str(e.S) for e in elements]
    assert kinds.count("/Title") == 1
    assert kinds.count("/H1") == 4  # Nøgletal, the chart, Lokalområderne, Overskredne punkter
    assert kinds.count("/Table") == 4 and kinds.count("/TH") >= 2 + 2 + 7 + 5
    titled = [e for e in elements if str(e.S) in {"/Title", "/H1"}]
    assert all(has_content(e) for e in titled), "a heading without text"
    figures = [e for e in elements if str(e.S) == "/Figure"]
    assert len(figures) == 1
    alt = str(figures[0].Alt)
    assert "Fjordglimt: bevilget 50.000 kr., udbetalt 0 kr." in alt
    assert "Østerø Havn: bevilget 50.000 kr., udbetalt 40.000 kr." in alt


def test_header_cells_name_their_columns(db: Database, programme_id: int, tmp_path: Path) -> None:
    make_area(db, programme_id, "Fjordglimt")
    out = export_status(db, programme_id, tmp_path / "status.pdf", SUMMER_2026)
    pdf = pikepdf.open(out)
    elements = structure(pdf)
    assert len([e for e in elements if str(e.S) == "/THead"]) == 4
    header_cells = [e for e in elements if str(e.S) == "/TH"]
    scopes = {str(a.Scope) for th in header_cells for a in attributes(th) if "/Scope" in a}
    assert scopes == {"/Column"}


@pytest.mark.usefixtures("two_areas")
def test_evaluation_report_is_tagged_pdf_ua_with_one_heading_per_area(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    out = render_evaluation_report(db, programme_id, tmp_path / "e.pdf", date(2026, 7, 1))
    assert_pdf_ua(out)
    pdf = pikepdf.open(out)
    kinds = [str(e.S) for e in structure(pdf)]
    assert kinds.count("/H1") == 3  # Programmet samlet, Målene, Lokalområderne
    assert kinds.count("/H2") == 3 + 2  # the three goal levels' parts, then one per area
    assert kinds.index("/H1") < kinds.index("/H2") < kinds.index("/H3")


def test_every_published_pdf_shows_its_title_not_its_file_name(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    status = export_status(db, programme_id, tmp_path / "s.pdf", SUMMER_2026)
    report = render_evaluation_report(db, programme_id, tmp_path / "e.pdf", SUMMER_2026)
    for path, title in [
        (status, "Statusoverblik – Kulturpunkt 2025-26"),
        (report, "Udkast: Evalueringsrapport – Kulturpunkt 2025-26"),
    ]:
        pdf = pikepdf.open(path)
        assert str(pdf.docinfo.Title) == title
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)


TYPST_MARKUP = '#panic("x") *fed* _kursiv_ $x^2$ <mærke> @henvisning \\ ] } // kommentar'


def test_typed_text_is_printed_as_typed_never_read_as_layout_code(
    db: Database, tmp_path: Path
) -> None:
    template = programmes.kulturpunkt_2025_26()
    template.data = replace(template.data, contact_organisation=TYPST_MARKUP)
    programme_id = programmes.create_programme(db, template)
    make_area(db, programme_id, TYPST_MARKUP[:60].strip())
    out = export_status(db, programme_id, tmp_path / "status.pdf", SUMMER_2026)
    text = pdf_body_text(out)
    assert TYPST_MARKUP[:60].strip() in text
    assert TYPST_MARKUP in text


def test_a_programme_without_areas_still_gives_an_accessible_summary(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    out = export_status(db, programme_id, tmp_path / "status.pdf", SUMMER_2026)
    assert_pdf_ua(out)
    assert "Intet er overskredet." in pdf_body_text(out)


def test_chart_description_names_each_area_and_both_amounts() -> None:
    alt = money_per_area_alt(["Ærø", "Åby"], [kr(50_000), kr(50_000)], [kr(40_000), 0])
    assert alt.startswith("Søjlediagram over bevilget og udbetalt beløb pr. lokalområde.")
    assert "Ærø: bevilget 50.000 kr., udbetalt 40.000 kr." in alt
    assert "Åby: bevilget 50.000 kr., udbetalt 0 kr." in alt


def test_a_failed_render_leaves_no_partial_file(
    db: Database, programme_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import typst

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(typst, "compile", broken)
    with pytest.raises(RuntimeError):
        export_status(db, programme_id, tmp_path / "status.pdf", SUMMER_2026)
    assert list(tmp_path.glob("*status*")) == []
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_a_character_the_fonts_cannot_draw_is_shown_as_its_code_and_told(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    make_area(db, programme_id, "Fjordglimt")
    before = pdf_body_text(export_status(db, programme_id, tmp_path / "før.pdf", SUMMER_2026))
    assert "kunne ikke vises" not in before  # nothing missing: nothing said
    make_area(db, programme_id, "Østerø \U0001f3ad")
    text = pdf_body_text(export_status(db, programme_id, tmp_path / "efter.pdf", SUMMER_2026))
    assert "Østerø [U+1F3AD]" in text
    assert "tegn kunne ikke vises med dokumentets skrifttype" in text
