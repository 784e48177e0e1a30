"""Every file name the desk makes is one Windows accepts, and none overwrites another.

`windows_accepts` restates Windows' rules independently of the code under test.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PureWindowsPath

import pytest
from documents_support import make_area
from hypothesis import given, settings
from hypothesis import strategies as st

from kulturpunkt_desk.documents.agreement import render_all_agreements
from kulturpunkt_desk.documents.files import file_name, safe_name, unique_name
from kulturpunkt_desk.storage.backup import make_backup
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.file_names import windows_file_name

DEVICES = {"CON", "PRN", "AUX", "NUL"} | {
    f"{port}{n}" for port in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]
}
# A folder as deep as a consultant's synced SharePoint library on Windows.
DEEP_FOLDER = PureWindowsPath(
    r"C:\Users\mette.kulturkonsulent\Region Nordjylland"
    r"\Regional Udvikling - Kultur og Internationalt - Dokumenter"
    r"\Kulturpunkt 2025-26\Samarbejdsaftaler til underskrift"
)


def windows_accepts(name: str) -> bool:
    return (
        bool(name)
        and len(name.encode("utf-16-le")) // 2 <= 255
        and not any(c in '<>:"/\\|?*' or ord(c) < 32 for c in name)
        and not name.endswith((" ", "."))
        and name.split(".")[0].rstrip(" ").upper() not in DEVICES
    )


@pytest.mark.parametrize(
    ("typed", "made"),
    [
        ("CON", "_CON"),
        ("nul.pdf", "_nul.pdf"),
        ("Com1.tar.gz", "_Com1.tar.gz"),
        ("LPT¹", "_LPT¹"),
        ("Aux .pdf", "_Aux.pdf"),
        ("Fjordglimt. ", "Fjordglimt"),
        ('Nord/Syd: "Ø?"', "Nord_Syd_ _Ø"),
        ("Tab\there", "Tab_here"),
        ("", "uden navn"),
        ("CONCERT.pdf", "CONCERT.pdf"),
    ],
)
def test_names_windows_refuses_are_made_acceptable(typed: str, made: str) -> None:
    assert windows_file_name(typed) == made
    assert windows_accepts(made)


def test_a_name_cut_short_keeps_its_suffix_and_stays_a_name_windows_accepts() -> None:
    name = windows_file_name("Æbleø " * 60 + ".pdf")
    assert name.startswith("Æbleø Æbleø") and name.endswith(".pdf")
    assert len(name.encode("utf-8")) <= 255
    assert windows_file_name("CONCERT" + "." * 300, max_length=3) == "_CO"


def test_name_chosen_for_a_deep_folder_keeps_the_path_under_max_path() -> None:
    name = file_name("Samarbejdsaftale", "Lokalområde " * 20, folder=DEEP_FOLDER)
    assert len(str(DEEP_FOLDER / name)) <= 259
    assert name.startswith("Samarbejdsaftale - Lokalområde") and name.endswith(".pdf")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_area_name_gives_file_names_windows_accepts(area_name: str) -> None:
    for name in (
        file_name("Samarbejdsaftale", area_name),
        file_name("Revisionsmappe", area_name, suffix=".zip"),
        file_name("Samarbejdsaftale", area_name, folder=DEEP_FOLDER),
        safe_name(area_name),
    ):
        assert windows_accepts(name), name
    assert len(str(DEEP_FOLDER / file_name("Bidrag 2026", area_name, folder=DEEP_FOLDER))) <= 259
    # A name made once stays as it is: a reprint gets the same file name.
    made = windows_file_name(area_name)
    assert windows_file_name(made) == made


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=12))
def test_names_that_differ_only_in_case_never_overwrite_each_other(areas: list[str]) -> None:
    names = [*areas, *(a.upper() for a in areas), *(a.swapcase() for a in areas)]
    used: set[str] = set()
    made = [unique_name(file_name("Samarbejdsaftale", a), used, DEEP_FOLDER) for a in names]
    assert len({m.casefold() for m in made}) == len(made)
    assert all(windows_accepts(m) and len(str(DEEP_FOLDER / m)) <= 259 for m in made)
    with tempfile.TemporaryDirectory() as folder:  # and this file system takes them too
        for m in made:
            (Path(folder) / m).write_bytes(b"%PDF")
        assert len(list(Path(folder).iterdir())) == len(made)


def test_one_pdf_per_area_into_one_folder_keeps_names_equal_but_for_case_apart(
    db: Database, programme_id: int, tmp_path: Path
) -> None:
    make_area(db, programme_id, "Nord/Syd")
    make_area(db, programme_id, "nord:syd")
    make_area(db, programme_id, "Con")
    names = sorted(p.name for p in render_all_agreements(db, programme_id, tmp_path / "ud"))
    assert len({n.casefold() for n in names}) == 3 and all(map(windows_accepts, names))
    assert "Samarbejdsaftale - Con.pdf" in names


@pytest.mark.sqlite_only
def test_backup_file_names_are_names_windows_accepts(db: Database) -> None:
    for reason in ("opstart", "foer-opgradering", "manuel"):
        assert windows_accepts(make_backup(db.path, reason).name)
