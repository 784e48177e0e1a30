"""Planlægning in the window: the calendar file, "Skriv e-mail" drafts handed to the mail
program (never sent), the template editor with undo, and copying a group's addresses."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas, mail, meetings, programmes
from kulturpunkt_desk.domain.services.mail import MailKind
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import mail_dialog, week_menu
from kulturpunkt_desk.ui.main_window import MainWindow
from kulturpunkt_desk.ui.week_menu import WeekMenu


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the desk handed to the system (a file or a mailto: link) instead of opening it."""
    handed: list[str] = []

    def hand(url: QUrl) -> bool:
        handed.append(url.toString())
        return True

    monkeypatch.setattr(mail_dialog, "open_url", hand)
    return handed


def _menu(qtbot: QtBot, db: Database) -> tuple[MainWindow, WeekMenu]:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    menu = window.week_menu  # type: ignore[attr-defined]
    assert isinstance(menu, WeekMenu)
    return window, menu


def _pid(db: Database) -> int:
    programme = programmes.current_programme(db)
    assert programme is not None
    return programme.id


def test_the_menu_offers_calendar_mail_and_addresses(qtbot: QtBot, demo_db: Database) -> None:
    window, menu = _menu(qtbot, demo_db)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Planlægning") == titles.index("&Dokumenter") - 1
    entries = [a.text() for a in menu.menu.actions()]
    assert entries[:3] == ["&Kalenderfil (.ics)…", "Skriv &e-mail", "K&opiér e-mailadresser"]


def test_calendar_action_writes_one_areas_events(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from icalendar import Calendar

    out = tmp_path / "fjordglimt.ics"

    def choose_fjordglimt(dialog: week_menu.CalendarDialog) -> bool:
        dialog.one_area.setChecked(True)
        dialog.area.setCurrentIndex(dialog.area.findText("Fjordglimt"))
        return True

    monkeypatch.setattr(week_menu, "ask_calendar", choose_fjordglimt)
    monkeypatch.setattr(week_menu, "ask_save_path", lambda *a: out)
    window, menu = _menu(qtbot, demo_db)
    assert menu.calendar_file() == out
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert summaries and all("Fjordglimt" in s for s in summaries)
    assert "Importér filen" in window.statusBar().currentMessage()


def test_agreement_mail_opens_an_eml_draft_with_the_edited_subject(
    qtbot: QtBot, demo_db: Database, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    area = areas.find_area(demo_db, _pid(demo_db), "Fjordglimt")
    monkeypatch.setattr(week_menu, "choose_area", lambda *_a: (area.id, area.name))

    def edit_and_open(dialog: mail_dialog.MailDraftDialog) -> None:
        assert dialog.to.text().endswith("@example.com")
        dialog.subject.setText("Jeres aftale, Fjordglimt")
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(mail_dialog, "show_draft_dialog", edit_and_open)
    _window, menu = _menu(qtbot, demo_db)
    menu.mail_agreement()
    (url,) = opened
    path = Path(QUrl(url).toLocalFile())
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1" and message["Subject"] == "Jeres aftale, Fjordglimt"
    assert [p.get_content_type() for p in message.iter_attachments()] == ["application/pdf"]


def test_reminder_without_attachment_opens_a_mailto_link(
    qtbot: QtBot, demo_db: Database, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mail_dialog, "show_draft_dialog", lambda d: d.open_in_mail())
    _window, menu = _menu(qtbot, demo_db)
    menu.mail_reminder()
    (url,) = opened
    assert url.startswith("mailto:?bcc=") and "subject=" in url


def test_a_meetings_invitees_are_copied_in_one_click(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = meetings.list_meetings(demo_db, _pid(demo_db))[0]
    monkeypatch.setattr(week_menu, "choose_meeting", lambda *_a: meeting.id)
    window, menu = _menu(qtbot, demo_db)
    menu.copy_invitees()
    found, _missing = mail.invitees(demo_db, meeting.id)
    assert QGuiApplication.clipboard().text() == "; ".join(found)
    assert window.statusBar().currentMessage().startswith(f"{len(found)} e-mailadresser")


def test_a_saved_mail_template_can_be_undone(qtbot: QtBot, demo_db: Database) -> None:
    window, _ = _menu(qtbot, demo_db)
    dialog = mail_dialog.MailTemplateDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.subject.setText("Aftale {omraade}")
    assert not dialog.save() and "Emne" in dialog.error.text()
    dialog.subject.setText("Aftalen til {område}")
    assert dialog.save()
    assert mail.mail_template(demo_db, MailKind.AGREEMENT).subject == "Aftalen til {område}"
    window.ctx.undo_stack.undo()
    default = mail.DEFAULT_TEMPLATES[MailKind.AGREEMENT]
    assert mail.mail_template(demo_db, MailKind.AGREEMENT) == default


def test_an_areas_page_writes_its_agreement_mail_and_copies_its_steering_group(
    qtbot: QtBot, demo_db: Database, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QPushButton

    from kulturpunkt_desk.ui.views.areas import AreasView

    shown: list[mail_dialog.MailDraftDialog] = []
    monkeypatch.setattr(mail_dialog, "show_draft_dialog", shown.append)
    window, _ = _menu(qtbot, demo_db)
    view = window.show_view("areas")
    assert isinstance(view, AreasView)
    area_id = areas.find_area(demo_db, _pid(demo_db), "Fjordglimt").id
    view.show_area(area_id)
    button = next(b for b in view.page.findChildren(QPushButton) if b.text() == "Skriv e-&mail")
    agreement, copy = button.menu().actions()
    agreement.trigger()
    assert shown and shown[0].draft.kind == MailKind.AGREEMENT
    copy.trigger()
    found, _missing = mail.steering_group_addresses(demo_db, area_id)
    assert QGuiApplication.clipboard().text() == "; ".join(found)


def test_overblik_writes_the_evaluation_reminder(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from kulturpunkt_desk.ui.views.overview import OverviewView

    monkeypatch.setattr(OverviewView, "today", staticmethod(lambda: date(2026, 11, 23)))
    shown: list[mail_dialog.MailDraftDialog] = []
    monkeypatch.setattr(mail_dialog, "show_draft_dialog", shown.append)
    window, _ = _menu(qtbot, demo_db)
    view = window.show_view("overview")
    assert isinstance(view, OverviewView)
    view.week.reminder_requested.emit()
    assert shown and len(shown[0].draft.bcc) == 6
