"""The Planlægning menu: the calendar file, e-mail drafts and group addresses, fillable
forms and the next round. Each action calls the same service as the CLI."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.form_fields import FORM_TITLES, FormKind
from kulturpunkt_desk.domain.services import areas, mail, meetings

from . import preferences
from .area_choice import choose_area, current_area_id
from .dialog_buttons import ok_cancel
from .documents_actions import ask_save_path, documents_folder
from .form_import_dialog import open_import
from .mail_dialog import MailTemplateDialog, copy_addresses, write_mail

if TYPE_CHECKING:
    from .context import DeskContext
    from .main_window import MainWindow


class CalendarDialog(QDialog):
    """Which events go into the calendar file: all, one area's, or the user's own."""

    def __init__(self, ctx: DeskContext, current_area: int | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kalenderfil")
        self.everything = QRadioButton("&Hele programmet")
        self.one_area = QRadioButton("Ét &lokalområde:")
        self.mine = QRadioButton("Kun &mine sparringsmøder og opfølgninger:")
        self.everything.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.everything, self.one_area, self.mine):
            group.addButton(button)
        self.area = QComboBox()
        self.area.setAccessibleName("Lokalområde")
        for area in areas.list_areas(ctx.db, ctx.programme_id):
            self.area.addItem(area.name, area.id)
        self.area.setCurrentIndex(max(self.area.findData(current_area), 0))
        self.name = QLineEdit(str(preferences.settings().value(preferences.LAST_CONSULTANT, "")))
        self.name.setAccessibleName("Dit navn, som det står under Konsulent")
        form = QFormLayout()
        form.addRow(self.everything)
        form.addRow(self.one_area, self.area)
        form.addRow(self.mine, self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "Fortsæt"))

    def choice(self) -> tuple[int | None, str | None]:
        """(area id, consultant name): what programme_events filters on."""
        if self.one_area.isChecked() and self.area.currentData() is not None:
            return int(self.area.currentData()), None
        if self.mine.isChecked() and self.name.text().strip():
            return None, self.name.text().strip()
        return None, None


def choose_meeting(window: MainWindow, title: str) -> int | None:
    """A network meeting of the programme (tests replace this)."""
    found = meetings.list_meetings(window.ctx.db, window.ctx.programme_id)
    if not found:
        QMessageBox.information(window, title, "Programmet har ingen netværksmøder endnu.")
        return None
    labels = [f"{m.title} ({short_date(m.held_on)})" for m in found]
    # The meeting selected in Netværksmøder, else the newest.
    view = window.views.get("meetings") if window.current_view_key() == "meetings" else None
    table = getattr(view, "table", None)
    selected = table.current_id() if table is not None else None
    ids = [m.id for m in found]
    start = ids.index(selected) if selected in ids else len(labels) - 1
    label, ok = QInputDialog.getItem(window, title, "&Møde:", labels, start, False)
    return found[labels.index(label)].id if ok else None


def choose_form_kind(window: MainWindow) -> FormKind | None:
    """Which form to send (tests replace this)."""
    kinds = list(FORM_TITLES)
    labels = [FORM_TITLES[k] for k in kinds]
    label, ok = QInputDialog.getItem(window, "Skema til udfyldning", "&Skema:", labels, 0, False)
    return kinds[labels.index(label)] if ok else None


def ask_open_form(window: MainWindow) -> Path | None:
    """The returned form to read (tests replace this)."""
    chosen, _ = QFileDialog.getOpenFileName(
        window, "Indlæs udfyldt skema", str(documents_folder()), "PDF-skema (*.pdf)"
    )
    return Path(chosen) if chosen else None


def ask_calendar(dialog: CalendarDialog) -> bool:
    return bool(dialog.exec())


class WeekMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu("&Planlægning", window)
        self.last_dialog: QDialog | None = None
        self._add(self.menu, "&Kalenderfil (.ics)…", self.calendar_file)
        write = self.menu.addMenu("Skriv &e-mail")
        self._add(write, "&Samarbejdsaftale til kontaktperson…", self.mail_agreement)
        self._add(write, "&Påmindelse om evaluering…", self.mail_reminder)
        self._add(write, "&Invitation til netværksmøde…", self.mail_invitation)
        write.addSeparator()
        self._add(write, "E-mail&skabeloner…", self.mail_templates)
        copy = self.menu.addMenu("K&opiér e-mailadresser")
        self._add(copy, "Et lokalområdes &styregruppe…", self.copy_steering_group)
        self._add(copy, "Alle &inviterede til et netværksmøde…", self.copy_invitees)
        self.menu.addSeparator()
        self._add(self.menu, "&Skema til udfyldning (PDF)…", self.fillable_form)
        self._add(self.menu, "&Indlæs udfyldt skema…", self.import_form)
        self.menu.addSeparator()
        self._add(self.menu, "&Ny runde…", self.new_round)

    @staticmethod
    def _add(menu: QMenu, text: str, slot: Callable[[], object]) -> None:
        menu.addAction(text).triggered.connect(lambda _=False: slot())

    @property
    def ctx(self) -> DeskContext:
        return self.window.ctx

    def _guarded(self, title: str, work: Callable[[], object]) -> bool:
        try:
            work()
        except DeskError as exc:
            QMessageBox.warning(self.window, title, str(exc))
            return False
        return True

    # --- calendar ---------------------------------------------------------------------

    def calendar_file(self) -> Path | None:
        dialog = CalendarDialog(self.ctx, current_area_id(self.window), self.window)
        self.last_dialog = dialog
        if not ask_calendar(dialog):
            return None
        area_id, mine = dialog.choice()
        out = ask_save_path(
            self.window, "Gem kalenderfil", "Kulturpunkt kalender.ics", "Kalenderfil (*.ics)"
        )
        if out is None:
            return None
        out = out if out.suffix.lower() == ".ics" else out.with_name(out.name + ".ics")

        def work() -> None:
            from kulturpunkt_desk.documents.programme_calendar import write_programme_calendar
            from kulturpunkt_desk.domain.services import calendar

            if not calendar.programme_events(self.ctx.db, self.ctx.programme_id, area_id, mine):
                raise DeskError("Der er ingen datoer at gemme; ingen fil er skrevet.")
            write_programme_calendar(self.ctx.db, self.ctx.programme_id, out, area_id, mine)

        if not self._guarded("Kalenderfil", work):
            return None
        self.window.statusBar().showMessage(
            f"Gemt: {out}. Importér filen i Outlook eller Thunderbird.", 10_000
        )
        return out

    # --- e-mail -----------------------------------------------------------------------

    def _draft(self, make: Callable[[], mail.MailDraft]) -> None:
        write_mail(self.ctx, self.window, make)

    def mail_agreement(self) -> None:
        chosen = choose_area(self.window, "Samarbejdsaftale til kontaktperson")
        if chosen is not None:
            self._draft(lambda: mail.agreement_mail(self.ctx.db, chosen[0]))

    def mail_reminder(self) -> None:
        self._draft(
            lambda: mail.evaluation_reminder(self.ctx.db, self.ctx.programme_id, date.today()),
        )

    def mail_invitation(self) -> None:
        meeting_id = choose_meeting(self.window, "Invitation til netværksmøde")
        if meeting_id is not None:
            self._draft(lambda: mail.meeting_invitation(self.ctx.db, meeting_id))

    def mail_templates(self) -> None:
        dialog = MailTemplateDialog(self.ctx, self.window)
        self.last_dialog = dialog
        dialog.exec()

    # --- forms ------------------------------------------------------------------------

    def fillable_form(self) -> Path | None:
        chosen = choose_area(self.window, "Skema til udfyldning")
        kind = choose_form_kind(self.window) if chosen is not None else None
        if chosen is None or kind is None:
            return None
        from kulturpunkt_desk.documents.files import file_name

        out = ask_save_path(
            self.window,
            "Gem skema",
            file_name(FORM_TITLES[kind], chosen[1]),
            "PDF-skema (*.pdf)",
        )
        if out is None:
            return None

        def work() -> None:
            from kulturpunkt_desk.documents.fillable_forms import render_form

            render_form(self.ctx.db, chosen[0], kind, out)

        if not self._guarded("Skema til udfyldning", work):
            return None
        self.window.statusBar().showMessage(
            f"Gemt: {out}. Send det til området; det udfyldte skema indlæses herfra "
            "eller ved at slippe det på områdets side.",
            10_000,
        )
        return out

    def import_form(self) -> None:
        path = ask_open_form(self.window)
        if path is not None:
            open_import(self.ctx, path, None, self.window)

    def new_round(self) -> None:
        from .new_round_dialog import NewRoundDialog

        def work() -> None:
            dialog = NewRoundDialog(self.ctx, self.window)
            self.last_dialog = dialog
            dialog.exec()

        self._guarded("Ny runde", work)

    # --- addresses ----------------------------------------------------------------------

    def _copied(self, found: list[str], missing: list[str]) -> str:
        line = copy_addresses(found)
        text = f"{len(found)} e-mailadresser er kopieret; sæt dem ind i dit mailprogram."
        if missing:
            text += " Uden adresse: " + ", ".join(missing) + "."
        self.window.statusBar().showMessage(text, 10_000)
        return line

    def copy_steering_group(self) -> None:
        chosen = choose_area(self.window, "Kopiér styregruppens e-mailadresser")
        if chosen is not None:
            self._copied(*mail.steering_group_addresses(self.ctx.db, chosen[0]))

    def copy_invitees(self) -> None:
        meeting_id = choose_meeting(self.window, "Kopiér de inviteredes e-mailadresser")
        if meeting_id is not None:
            self._copied(*mail.invitees(self.ctx.db, meeting_id))


def install_week_menu(window: MainWindow) -> WeekMenu:
    """Add Planlægning to the menu bar before Dokumenter; return its controller."""
    controller = WeekMenu(window)
    bar = window.menuBar()
    titles = ("Dokumenter", "Hjælp")
    before = next((a for a in bar.actions() if a.text().replace("&", "") in titles), None)
    if before is not None:
        bar.insertMenu(before, controller.menu)
    else:
        bar.addMenu(controller.menu)
    window.week_menu = controller  # type: ignore[attr-defined]
    return controller
