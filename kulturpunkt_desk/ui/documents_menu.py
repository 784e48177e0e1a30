"""The Dokumenter menu: agreements, the status summary, the evaluation report, the dossier.

Every document is made off the GUI thread (ui/background.py) on the worker's own
connection to the file, so the window keeps painting while reportlab works; when it is
done the user may open it in the system's viewer or, for a PDF, print it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.storage.engine import Database

from .area_choice import choose_area
from .background import BackgroundTask, Progress, run_with_progress
from .context import DeskContext
from .documents_actions import documents_folder, open_document, print_pdf
from .failure import explain

if TYPE_CHECKING:
    from .main_window import MainWindow

PDF_FILTER = "PDF-dokument (*.pdf)"
CSV_FILTER = "CSV til Excel (*.csv)"
XLSX_FILTER = "Excel-regneark (*.xlsx)"
ZIP_FILTER = "ZIP-arkiv (*.zip)"


def tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsMenu", text)


# --- small questions, one function each so tests can answer them ---------------------


def ask_save(parent: QWidget | None, title: str, suggested: str, filters: list[str]) -> Path | None:
    """A save dialog in the documents folder. A name typed without an extension gets the
    chosen filter's, so «status» with the Excel filter becomes status.xlsx."""
    folder = documents_folder()
    folder.mkdir(parents=True, exist_ok=True)
    chosen, selected = QFileDialog.getSaveFileName(
        parent, title, str(folder / suggested), ";;".join(tr(f) for f in filters)
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        suffix = selected.rpartition("*")[2].rstrip(")") if "*" in selected else ""
        path = path.with_name(path.name + (suffix or Path(suggested).suffix))
    return path


def ask_folder(parent: QWidget | None, title: str) -> Path | None:
    folder = documents_folder()
    folder.mkdir(parents=True, exist_ok=True)
    chosen = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(chosen) if chosen else None


def ask_combined(parent: QWidget | None, left_out: list[str]) -> bool | None:
    """True: one combined PDF; False: one PDF per area in a folder; None: cancelled.

    `left_out`: why each area without an agreement is left out, shown before the choice.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Alle samarbejdsaftaler"))
    box.setText(tr("Hvordan vil du have aftalerne?"))
    informative = tr(
        "Én samlet PDF er nem at udskrive på én gang. En PDF pr. lokalområde i en mappe "
        "er til at sende til hvert lokalområde."
    )
    if left_out:
        informative += "\n\n" + tr("Disse lokalområder får ingen aftale:") + "\n"
        informative += "\n".join(left_out)
    box.setInformativeText(informative)
    combined = box.addButton(tr("Én samlet PDF"), QMessageBox.ButtonRole.AcceptRole)
    separate = box.addButton(tr("En PDF pr. lokalområde"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Annullér"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(combined)
    box.exec()
    clicked = box.clickedButton()
    if clicked is combined:
        return True
    if clicked is separate:
        return False
    return None


def ask_draft(parent: QWidget | None, reason: str) -> bool:
    """The area cannot have an agreement: make a draft instead? (True: yes)."""
    answer = QMessageBox.question(
        parent,
        tr("Samarbejdsaftale"),
        tr(
            "Der kan ikke laves en samarbejdsaftale: {0}\n\nVil du lave et udkast med UDKAST på "
            "hver side, uden tilskuddet?"
        ).format(reason),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def offer_result(parent: QWidget | None, path: Path, *, printable: bool) -> str:
    """Tell where the document went; return "open", "print" or "" (the user's choice)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(tr("Dokumentet er klar"))
    if path.is_dir():
        box.setText(tr("Dokumenterne er gemt i mappen «{0}».").format(path.name))
    else:
        box.setText(tr("«{0}» er gemt.").format(path.name))
    box.setInformativeText(tr("Mappe: {0}").format(path if path.is_dir() else path.parent))
    # Room for a whole file name on one line instead of a path broken at every slash.
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 420px; }")
    open_button = box.addButton(tr("Åbn"), QMessageBox.ButtonRole.AcceptRole)
    print_button = (
        box.addButton(tr("Udskriv"), QMessageBox.ButtonRole.ActionRole) if printable else None
    )
    box.addButton(tr("Luk"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        return "open"
    if print_button is not None and clicked is print_button:
        return "print"
    return ""


# --- the menu ---------------------------------------------------------------------------


class DocumentsMenu(QObject):
    """The menu's actions; kept alive as a child of the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(tr("&Dokumenter"), window)
        entries: list[tuple[str, Callable[[], None]]] = [
            (tr("&Samarbejdsaftale for lokalområde…"), self.agreement),
            (tr("&Alle samarbejdsaftaler…"), self.all_agreements),
            ("", lambda: None),
            (tr("S&tatusoverblik…"), self.status),
            (tr("&Evalueringsrapport (udkast)…"), self.evaluation_report),
            (tr("&Revisionsmappe for lokalområde (ZIP)…"), self.dossier),
            ("", lambda: None),
            (tr("Re&diger aftaleskabelon…"), self.edit_template),
            (tr("Regionens &oplysninger og sagsnummer…"), self.programme_settings),
        ]
        for text, slot in entries:
            if not text:
                self.menu.addSeparator()
                continue
            action = self.menu.addAction(text)
            action.triggered.connect(slot)
        self.task: BackgroundTask | None = None  # the newest document's task (tests wait on it)

    @property
    def ctx(self) -> DeskContext:
        return self.window.ctx

    def _programme_name(self) -> str:
        programme = programmes.current_programme(self.ctx.db)
        return programme.name if programme else tr("Kulturpunkt")

    def _run(
        self, label: str, target: Path, job: Callable[[Database, Progress], Path], pdf: bool
    ) -> None:
        self.task = run_with_progress(
            self.window,
            label,
            self.ctx,
            job,
            on_done=lambda path: self.finished(Path(str(path)), pdf),
            on_error=lambda exc: self.failed(target, exc),
        )

    def failed(self, target: Path, exc: BaseException) -> None:
        """Explain in Danish; the usual cause is the old copy still open in a PDF reader."""
        if isinstance(exc, DeskError):
            message = str(exc)
        elif isinstance(exc, OSError):
            message = tr(
                "«{0}» kunne ikke gemmes i mappen {1}. Er filen åben i et andet program, "
                "fx PDF-læseren eller Excel? Luk den og prøv igen, eller vælg et andet navn."
                "\n\n(Systemets besked: {2})"
            ).format(target.name, target.parent, exc.strerror or exc)
        else:
            message = explain(exc)  # logs the details of what nobody expected
        QMessageBox.warning(self.window, tr("Dokumentet kunne ikke laves"), message)

    def finished(self, path: Path, pdf: bool) -> None:
        """On the GUI thread once the document exists: say where, offer to open or print."""
        self.window.statusBar().showMessage(tr("Gemt: {0}").format(path), 8000)
        choice = offer_result(self.window, path, printable=pdf)
        if choice == "open":
            open_document(path)
        elif choice == "print":
            print_pdf(self.window, path)

    # --- the actions ----------------------------------------------------------------

    def agreement(self) -> None:
        chosen = choose_area(self.window, tr("Samarbejdsaftale for lokalområde"))
        if chosen is None:
            return
        area_id, name = chosen
        from kulturpunkt_desk.documents.agreement import suggested_file_name
        from kulturpunkt_desk.domain.services.agreement_rule import refusal_for_area

        refusal = refusal_for_area(self.ctx.db, area_id)
        draft = refusal is not None
        if refusal is not None and not ask_draft(self.window, refusal):
            return
        out = ask_save(
            self.window,
            tr("Gem samarbejdsaftale"),
            suggested_file_name(self.ctx.db, area_id, draft=draft),
            [PDF_FILTER],
        )
        if out is None:
            return

        def job(db: Database, progress: Progress) -> Path:
            from kulturpunkt_desk.documents.agreement import render_agreement

            progress(0, 0, name)
            return render_agreement(db, area_id, out, draft=draft)

        self._run(tr("Laver samarbejdsaftalen…"), out, job, pdf=True)

    def all_agreements(self) -> None:
        from kulturpunkt_desk.domain.services.agreement_rule import agreement_candidates

        left_out = agreement_candidates(self.ctx.db, self.ctx.programme_id).left_out
        combined = ask_combined(self.window, [area.reason for area in left_out])
        if combined is None:
            return
        from kulturpunkt_desk.documents.files import file_name

        programme_id = self.ctx.programme_id
        if combined:
            out = ask_save(
                self.window,
                tr("Gem alle samarbejdsaftaler"),
                file_name("Samarbejdsaftaler", self._programme_name()),
                [PDF_FILTER],
            )
        else:
            out = ask_folder(self.window, tr("Vælg mappen til samarbejdsaftalerne"))
        if out is None:
            return
        target = out

        def job(db: Database, progress: Progress) -> Path:
            from kulturpunkt_desk.documents.agreement import render_all_agreements

            render_all_agreements(db, programme_id, target, combined=combined)
            return target

        self._run(tr("Laver alle samarbejdsaftaler…"), target, job, pdf=combined)

    def status(self) -> None:
        from kulturpunkt_desk.documents.files import file_name

        out = ask_save(
            self.window,
            tr("Gem statusoverblik"),
            file_name("Statusoverblik", self._programme_name()),
            [PDF_FILTER, XLSX_FILTER, CSV_FILTER],
        )
        if out is None:
            return
        if out.suffix.lower() not in {".pdf", ".csv", ".xlsx"}:
            QMessageBox.warning(
                self.window,
                tr("Statusoverblik"),
                tr("Statusoverblikket kan gemmes som .pdf, .xlsx eller .csv, ikke «{0}».").format(
                    out.suffix
                ),
            )
            return
        programme_id = self.ctx.programme_id

        def job(db: Database, progress: Progress) -> Path:
            from kulturpunkt_desk.documents.status_summary import export_status

            return export_status(db, programme_id, out)

        self._run(tr("Laver statusoverblikket…"), out, job, pdf=out.suffix.lower() == ".pdf")

    def evaluation_report(self) -> None:
        from kulturpunkt_desk.documents.files import file_name

        out = ask_save(
            self.window,
            tr("Gem evalueringsrapport (udkast)"),
            file_name("Evalueringsrapport (udkast)", self._programme_name()),
            [PDF_FILTER],
        )
        if out is None:
            return
        programme_id = self.ctx.programme_id

        def job(db: Database, progress: Progress) -> Path:
            from kulturpunkt_desk.documents.evaluation_report import render_evaluation_report

            return render_evaluation_report(db, programme_id, out)

        self._run(tr("Laver evalueringsrapporten…"), out, job, pdf=True)

    def dossier(self) -> None:
        chosen = choose_area(self.window, tr("Revisionsmappe for lokalområde"))
        if chosen is None:
            return
        area_id, name = chosen
        from kulturpunkt_desk.documents.dossier import dossier_file_name
        from kulturpunkt_desk.domain.services import areas

        out = ask_save(
            self.window,
            tr("Gem revisionsmappe"),
            dossier_file_name(areas.get_area(self.ctx.db, area_id)),
            [ZIP_FILTER],
        )
        if out is None:
            return

        def job(db: Database, progress: Progress) -> Path:
            from kulturpunkt_desk.documents.dossier import build_dossier

            progress(0, 0, name)
            return build_dossier(db, area_id, out)

        self._run(tr("Samler revisionsmappen…"), out, job, pdf=False)

    def edit_template(self) -> None:
        from .template_editor import TemplateEditor

        TemplateEditor(self.ctx, self.window).exec()

    def programme_settings(self) -> None:
        from .views.programme_settings import ProgrammeSettingsDialog

        ProgrammeSettingsDialog(self.ctx, self.window).exec()


def install_documents_menu(window: MainWindow) -> QMenu:
    """Add Dokumenter to the window's menu bar, before Hjælp; return the menu."""
    controller = DocumentsMenu(window)
    bar = window.menuBar()
    help_action = next((a for a in bar.actions() if a.text().replace("&", "") == tr("Hjælp")), None)
    if help_action is not None:
        bar.insertMenu(help_action, controller.menu)
    else:
        bar.addMenu(controller.menu)
    window.documents_menu = controller  # type: ignore[attr-defined]
    return controller.menu
