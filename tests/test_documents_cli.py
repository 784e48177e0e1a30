"""The document commands: agreement, export status/evaluation and dossier."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from documents_support import pdf_text
from pypdf import PdfReader

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.storage.engine import Database


@pytest.fixture
def demo_path(demo_db: Database) -> Path:
    path = demo_db.path
    demo_db.dispose()  # the command opens the file itself
    return path


def test_agreement_for_one_area_by_name(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "aftale.pdf"
    assert (
        main(["agreement", "--db", str(demo_path), "--area", "fjordglimt", "--out", str(out)]) == 0
    )
    text = pdf_text(out)
    assert "Fjordglimt Borgerforening" in text and "Side 1 af" in text


def test_agreement_for_all_areas_as_files_or_one_combined_pdf(
    demo_path: Path, tmp_path: Path
) -> None:
    # The demo's three areas without an accepted interest and a grant get no agreement.
    folder = tmp_path / "aftaler"
    assert main(["agreement", "--db", str(demo_path), "--all", "--out", str(folder)]) == 0
    assert len(list(folder.glob("Samarbejdsaftale - *.pdf"))) == 8
    combined = tmp_path / "alle.pdf"
    args = ["agreement", "--db", str(demo_path), "--all", "--out", str(combined), "--combined"]
    assert main(args) == 0
    assert pdf_text(combined).count("Side 1 af") == 8


def test_agreement_for_an_unknown_area_fails_in_danish(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["agreement", "--db", str(demo_path), "--area", "Atlantis", "--out", str(tmp_path)]
    assert main(args) == 1
    assert "Der findes intet lokalområde ved navn «Atlantis»" in capsys.readouterr().err


def test_agreement_needs_area_or_all(demo_path: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["agreement", "--db", str(demo_path), "--out", str(tmp_path / "x.pdf")])


@pytest.mark.parametrize("suffix", [".pdf", ".csv", ".xlsx"])
def test_export_status_picks_the_format_from_the_extension(
    demo_path: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"status{suffix}"
    assert main(["export", "status", "--db", str(demo_path), "--out", str(out)]) == 0
    head = out.read_bytes()[:4]
    assert head == {".pdf": b"%PDF", ".csv": b"\xef\xbb\xbfL", ".xlsx": b"PK\x03\x04"}[suffix]


def test_export_status_refuses_an_unknown_format(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "status.txt"
    assert main(["export", "status", "--db", str(demo_path), "--out", str(out)]) == 1
    assert ".pdf, .csv eller .xlsx" in capsys.readouterr().err
    assert not out.exists()


def test_export_evaluation_and_dossier(demo_path: Path, tmp_path: Path) -> None:
    report = tmp_path / "evaluering.pdf"
    assert main(["export", "evaluation", "--db", str(demo_path), "--out", str(report)]) == 0
    assert len(PdfReader(str(report)).pages) >= 2
    dossier = tmp_path / "fjordglimt.zip"
    args = ["dossier", "--db", str(demo_path), "--area", "Fjordglimt", "--out", str(dossier)]
    assert main(args) == 0
    with zipfile.ZipFile(dossier) as z:
        assert "Oversigt.pdf" in z.namelist()


def test_document_modules_import_without_reportlab_or_openpyxl() -> None:
    """The window imports these to wire menus; reportlab loads only when a document is made."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import kulturpunkt_desk.documents.agreement, kulturpunkt_desk.documents.status_summary\n"
        "import kulturpunkt_desk.documents.evaluation_report, kulturpunkt_desk.documents.dossier\n"
        "import kulturpunkt_desk.cli_documents\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'reportlab', 'openpyxl'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
