"""E-mail drafts: .eml files read back with Python's email parser (recipients, subject,
Danish body, X-Unsent, attachments read back with pypdf and icalendar), templates the team
edits, mailto links, group addresses. Nothing is ever sent."""

from __future__ import annotations

import email
import io
from datetime import date
from email import policy
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from pypdf import PdfReader

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.documents.mail_draft import write_draft
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.services import areas, mail, meetings, programmes
from kulturpunkt_desk.domain.services.mail import MailKind, MailTemplate
from kulturpunkt_desk.domain.services.people import get_person
from kulturpunkt_desk.storage.engine import Database

LATE_2026 = date(2026, 11, 23)


def _pid(db: Database) -> int:
    programme = programmes.current_programme(db)
    assert programme is not None
    return programme.id


def _read(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _primary_email(db: Database, area_name: str) -> str:
    area = areas.find_area(db, _pid(db), area_name)
    member = next(m for m in areas.area_people(db, area.id) if m.is_primary_contact)
    return member.person.email


def test_agreement_draft_goes_to_the_primary_contact_with_the_pdf(
    demo_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "aftale.eml"
    argv = ["mail", "agreement", "--db", str(demo_db.path), "--area", "Fjordglimt"]
    assert main([*argv, "--out", str(out)]) == 0
    message = _read(out)
    assert message["X-Unsent"] == "1"
    assert message["To"] == _primary_email(demo_db, "Fjordglimt")
    assert message["Subject"] == "Samarbejdsaftale: Fjordglimt og Region Nordjylland"
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith("Kære ") and "kulturpunkt@rn.dk" in text
    (pdf,) = list(message.iter_attachments())
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename().endswith(".pdf") and "Fjordglimt" in pdf.get_filename()
    reader = PdfReader(io.BytesIO(pdf.get_content()))
    assert "Fjordglimt" in "".join(page.extract_text() for page in reader.pages)


def test_reminder_goes_blind_to_every_area_that_owes_its_evaluation(
    demo_db: Database, tmp_path: Path
) -> None:
    draft = mail.evaluation_reminder(demo_db, _pid(demo_db), LATE_2026)
    owing = ["Havnestrøget", "Møllehøj", "Sandager Klit", "Skovkanten", "Vesterhede", "Østerø Havn"]
    assert draft.to == [] and sorted(draft.bcc) == sorted(_primary_email(demo_db, a) for a in owing)
    message = _read(write_draft(demo_db, draft, tmp_path / "påmindelse.eml"))
    assert list(message.iter_attachments()) == []
    assert "30. juni 2026" in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    # Nothing attached: a mailto link does as well, Danish letters intact.
    link = urlsplit(mail.mailto_link(draft))
    query = parse_qs(link.query)
    assert link.scheme == "mailto" and len(query["bcc"][0].split(",")) == 6
    assert unquote(query["subject"][0]) == draft.subject and "æ" in query["body"][0]


def test_invitation_goes_to_all_the_areas_people_with_the_meeting_as_calendar_file(
    demo_db: Database, tmp_path: Path
) -> None:
    from icalendar import Calendar

    meeting = meetings.list_meetings(demo_db, _pid(demo_db))[-1]
    draft = mail.meeting_invitation(demo_db, meeting.id)
    members = meetings.programme_members(demo_db, _pid(demo_db))
    people = {get_person(demo_db, m.person_id).email for m in members}
    assert set(draft.bcc) <= people and len(draft.bcc) >= 30
    message = _read(write_draft(demo_db, draft, tmp_path / "invitation.eml"))
    assert message["Subject"] == f"Invitation: {meeting.title}, 5. marts 2026"
    (ics,) = list(message.iter_attachments())
    assert ics.get_content_type() == "text/calendar"
    raw = ics.get_content()
    (event,) = Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["UID"]) == f"{meeting.uuid}@kulturpunkt-desk"
    assert event.decoded("DTSTART") == meeting.held_on


def test_an_edited_template_is_used_and_a_bad_placeholder_is_refused(demo_db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        mail.save_mail_template(
            demo_db, MailKind.AGREEMENT, MailTemplate("Aftale {omraade}", "Hej {kontaktperson}")
        )
    assert set(caught.value.errors) == {"subject"}
    assert (
        "Emne" in caught.value.errors["subject"] and "{omraade}" in caught.value.errors["subject"]
    )
    assert (
        mail.mail_template(demo_db, MailKind.AGREEMENT)
        == mail.DEFAULT_TEMPLATES[MailKind.AGREEMENT]
    )
    mail.save_mail_template(
        demo_db, MailKind.AGREEMENT, MailTemplate("Aftalen til {område}", "Hej {kontaktperson}")
    )
    area = areas.find_area(demo_db, _pid(demo_db), "Fjordglimt")
    draft = mail.agreement_mail(demo_db, area.id)
    assert draft.subject == "Aftalen til Fjordglimt" and draft.body.startswith("Hej ")


def test_a_steering_groups_addresses_are_one_line_to_paste(demo_db: Database) -> None:
    area = areas.find_area(demo_db, _pid(demo_db), "Fjordglimt")
    found, missing = mail.steering_group_addresses(demo_db, area.id)
    members = [m for m in areas.area_people(demo_db, area.id) if m.in_steering_group]
    assert set(found) >= {m.person.email for m in members if m.person.email}
    assert mail.address_line(found) == "; ".join(found) and missing == []


def test_mail_cli_refuses_a_wrong_extension_and_an_unknown_meeting(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "aftale.txt"
    argv = ["mail", "agreement", "--db", str(demo_db.path), "--area", "Fjordglimt"]
    assert main([*argv, "--out", str(out)]) == 1
    assert ".eml" in capsys.readouterr().err and not out.exists()
    eml = tmp_path / "invitation.eml"
    argv = [
        "mail",
        "invitation",
        "--db",
        str(demo_db.path),
        "--meeting",
        "Intet",
        "--out",
        str(eml),
    ]
    assert main(argv) == 1
    assert "--meeting" in capsys.readouterr().err and not eml.exists()
