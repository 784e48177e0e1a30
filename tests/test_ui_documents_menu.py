"""The Dokumenter menu makes each document off the GUI thread and offers to open or print it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from documents_support import pdf_text
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas as area_service
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import documents_menu
from kulturpunkt_desk.ui.area_choice import AreaChoiceDialog
from kulturpunkt_desk.ui.main_window import MainWindow

WAIT_MS = 30_000  # the machine may be busy; the document itself takes a second or two


@pytest.fixture
def window(demo_db: Database, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Never the user's own Documents folder.
    monkeypatch.setattr(documents_menu, "documents_folder", lambda: tmp_path / "Dokumenter")
    win = MainWindow(demo_db)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def offered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bool]]:
    """What the "Dokumentet er klar" question was asked about; the user answers Luk."""
    seen: list[tuple[Path, bool]] = []

    def offer(_parent: object, path: Path, *, printable: bool) -> str:
        seen.append((path, printable))
        return ""

    monkeypatch.setattr(documents_menu, "offer_result", offer)
    return seen


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = "") -> list[str]:
    """Answer the save dialog with `path`; return the filters it offered."""
    offered_filters: list[str] = []

    def answer(_parent: object, _title: str, _start: str, filters: str) -> tuple[str, str]:
        offered_filters.append(filters)
        return str(path), chosen_filter

    monkeypatch.setattr(documents_menu.QFileDialog, "getSaveFileName", answer)
    return offered_filters


def choose_area_answer(monkeypatch: pytest.MonkeyPatch, seen: list[int | None]) -> None:
    """Accept the area dialog as it opens, recording which area it proposed."""

    def accept(self: AreaChoiceDialog) -> int:
        seen.append(self.area_id())
        return 1

    monkeypatch.setattr(AreaChoiceDialog, "exec", accept)


def trigger(window: MainWindow, text: str) -> None:
    menu = window.documents_menu.menu
    action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
    action.trigger()


def area_id(db: Database, programme_id: int, name: str) -> int:
    return area_service.find_area(db, programme_id, name).id


def test_menu_lists_every_document_before_help(window: MainWindow) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles.index("Dokumenter") == titles.index("Hjælp") - 1
    texts = [a.text().replace("&", "") for a in window.documents_menu.menu.actions()]
    assert [t for t in texts if t] == [
        "Samarbejdsaftale for lokalområde…",
        "Alle samarbejdsaftaler…",
        "Statusoverblik…",
        "Evalueringsrapport (udkast)…",
        "Revisionsmappe for lokalområde (ZIP)…",
        "Rediger aftaleskabelon…",
        "Regionens oplysninger og sagsnummer…",
    ]


def test_agreement_defaults_to_the_area_on_screen_and_is_offered_for_printing(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    offered: list[tuple[Path, bool]],
) -> None:
    ctx = window.ctx
    shown = area_id(ctx.db, ctx.programme_id, "Havnestrøget")
    window.open_record("area", shown)
    proposed: list[int | None] = []
    choose_area_answer(monkeypatch, proposed)
    out = tmp_path / "aftale.pdf"
    filters = save_as(monkeypatch, out)

    trigger(window, "Samarbejdsaftale for lokalområde…")

    qtbot.waitUntil(lambda: bool(offered), timeout=WAIT_MS)
    assert proposed == [shown]
    assert "PDF" in filters[0]
    assert offered == [(out, True)]
    text = pdf_text(out)
    assert "Havnestrøget" in text and "Samarbejdsaftale" in text


def test_open_and_print_go_to_the_system_viewer(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(documents_menu, "open_document", lambda p: calls.append(f"åbn {p.name}"))
    monkeypatch.setattr(
        documents_menu, "print_pdf", lambda _w, p: calls.append(f"udskriv {p.name}")
    )
    answers = iter(["open", "print", ""])
    monkeypatch.setattr(documents_menu, "offer_result", lambda *_a, **_k: next(answers))
    path = tmp_path / "x.pdf"
    for _ in range(3):
        window.documents_menu.finished(path, True)
    assert calls == ["åbn x.pdf", "udskriv x.pdf"]


def test_all_agreements_in_one_combined_pdf_to_print(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    offered: list[tuple[Path, bool]],
) -> None:
    monkeypatch.setattr(documents_menu, "ask_combined", lambda _p, _l: True)
    out = tmp_path / "alle.pdf"
    save_as(monkeypatch, out)

    trigger(window, "Alle samarbejdsaftaler…")

    qtbot.waitUntil(lambda: bool(offered), timeout=WAIT_MS)
    assert offered == [(out, True)]
    text = pdf_text(out)
    for name in ("Fjordglimt", "Havnestrøget", "Østerø Havn"):
        assert name in text


def test_all_agreements_as_one_pdf_per_area_in_a_folder(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    offered: list[tuple[Path, bool]],
) -> None:
    monkeypatch.setattr(documents_menu, "ask_combined", lambda _p, _l: False)
    folder = tmp_path / "aftaler"
    folder.mkdir()
    monkeypatch.setattr(documents_menu.QFileDialog, "getExistingDirectory", lambda *_a: str(folder))

    trigger(window, "Alle samarbejdsaftaler…")

    qtbot.waitUntil(lambda: bool(offered), timeout=WAIT_MS)
    assert offered == [(folder, False)]  # a folder is opened, not printed
    names = sorted(p.name for p in folder.glob("*.pdf"))
    assert "Samarbejdsaftale - Fjordglimt.pdf" in names
    assert "Fjordglimt" in pdf_text(folder / "Samarbejdsaftale - Fjordglimt.pdf")


def test_cancelling_the_choice_of_all_agreements_makes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, offered: list[tuple[Path, bool]]
) -> None:
    monkeypatch.setattr(documents_menu, "ask_combined", lambda _p, _l: None)
    asked: list[str] = save_as(monkeypatch, Path("/nowhere.pdf"))
    trigger(window, "Alle samarbejdsaftaler…")
    assert asked == [] and offered == [] and window.documents_menu.task is None


def test_status_summary_format_follows_the_chosen_filter_when_no_extension_is_typed(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    offered: list[tuple[Path, bool]],
) -> None:
    from openpyxl import load_workbook

    filters = save_as(monkeypatch, tmp_path / "status", documents_menu.XLSX_FILTER)

    trigger(window, "Statusoverblik…")

    qtbot.waitUntil(lambda: bool(offered), timeout=WAIT_MS)
    out = tmp_path / "status.xlsx"
    assert offered == [(out, False)]
    assert all(kind in filters[0] for kind in ("*.pdf", "*.csv", "*.xlsx"))
    book = load_workbook(out)
    names = [row[0] for row in book["Lokalområder"].iter_rows(values_only=True)]
    assert "Fjordglimt" in names and "Østerø Havn" in names


@pytest.mark.parametrize("suffix", [".pdf", ".csv"])
def test_status_summary_as_pdf_or_csv_by_the_extension(
    suffix: str,
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    offered: list[tuple[Path, bool]],
) -> None:
    out = tmp_path / f"status{suffix}"
    save_as(monkeypatch, out, documents_menu.PDF_FILTER)  # the typed extension wins

    trigger(window, "Statusoverblik…")

    qtbot.waitUntil(lambda: bool(offered), timeout=WAIT_MS)
    assert offered == [(out, suffix == ".pdf")]
    if suffix == ".pdf":
        assert "Fjordglimt" in pdf_text(out)
    else:
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Danish Excel reads UTF-8
        assert "Østerø Havn" in raw.decode("utf-8-sig")


def test_status_summary_with_an_unknown_extension_is_refused_in_danish(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        documents_menu.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text)
    )
    save_as(monkeypatch, tmp_path / "status.txt")
    trigger(window, "Statusoverblik…")
    assert warnings and "«.txt»" in warnings[0]
    assert window.documents_menu.task is None and not (tmp_path / "status.txt").exists()


def test_evaluation_report_draft_is_a_pdf_of_the_programme(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    offered: list[tuple[Path, bool]],
) -> None:
    out = tmp_path / "evaluering.pdf"
    save_as(monkeypatch, out)

    trigger(window, "Evalueringsrapport (udkast)…")

    qtbot.waitUntil(lambda: bool(offered), timeout=WAIT_MS)
    assert offered == [(out, True)]
    text = pdf_text(out)
    assert "Evalueringsrapport" in text and "Fjordglimt" in text


def test_dossier_zip_holds_the_chosen_areas_agreement(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    offered: list[tuple[Path, bool]],
) -> None:
    ctx = window.ctx
    fjord = area_id(ctx.db, ctx.programme_id, "Fjordglimt")
    view = window.show_view("areas")
    view.refresh()  # the window is not shown, so no show event loads the list
    assert view.table.select_id(fjord)  # selected in the list, not opened
    proposed: list[int | None] = []
    choose_area_answer(monkeypatch, proposed)
    out = tmp_path / "revision.zip"
    save_as(monkeypatch, out)

    trigger(window, "Revisionsmappe for lokalområde (ZIP)…")

    qtbot.waitUntil(lambda: bool(offered), timeout=WAIT_MS)
    assert proposed == [fjord]
    assert offered == [(out, False)]
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert "Samarbejdsaftale - Fjordglimt.pdf" in names
        assert "Fjordglimt" in pdf_text(z.read("Samarbejdsaftale - Fjordglimt.pdf"))


def test_a_failing_document_is_explained_in_danish_and_the_window_goes_on(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        "kulturpunkt_desk.ui.background.QMessageBox.warning",
        lambda _p, _t, text: warnings.append(text),
    )
    blocker = tmp_path / "en fil"
    blocker.write_text("ikke en mappe")
    save_as(monkeypatch, blocker / "evaluering.pdf")  # a folder that is a file

    trigger(window, "Evalueringsrapport (udkast)…")

    qtbot.waitUntil(lambda: bool(warnings), timeout=WAIT_MS)
    assert "«evaluering.pdf» kunne ikke gemmes" in warnings[0]
    assert "Er filen åben i et andet program" in warnings[0]
    assert window.isEnabled()


def test_agreement_for_an_area_without_grant_offers_a_draft_or_nothing(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    offered: list[tuple[Path, bool]],
) -> None:
    ctx = window.ctx
    window.open_record("area", area_id(ctx.db, ctx.programme_id, "Bakkekammen"))
    choose_area_answer(monkeypatch, [])
    reasons: list[str] = []
    answers = iter([False, True])

    def ask(_parent: object, reason: str) -> bool:
        reasons.append(reason)
        return next(answers)

    monkeypatch.setattr(documents_menu, "ask_draft", ask)
    out = tmp_path / "udkast.pdf"
    save_as(monkeypatch, out)

    trigger(window, "Samarbejdsaftale for lokalområde…")  # the user says no: nothing made
    assert not out.exists() and not offered
    trigger(window, "Samarbejdsaftale for lokalområde…")  # yes: a draft

    qtbot.waitUntil(lambda: bool(offered), timeout=WAIT_MS)
    assert "der er ikke bevilget tilskud" in reasons[0]
    assert "UDKAST" in pdf_text(out)


def test_all_agreements_say_which_areas_are_left_out_and_why(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[list[str]] = []
    monkeypatch.setattr(documents_menu, "ask_combined", lambda _p, left: told.append(left))

    trigger(window, "Alle samarbejdsaftaler…")

    (reasons,) = told
    assert len(reasons) == 3
    assert any(r.startswith("«Bakkekammen»: der er ikke bevilget tilskud") for r in reasons)
