"""E-mail drafts as .eml files that Outlook and Thunderbird open as a new message.

`X-Unsent: 1` makes Outlook open the file as a draft to send from the user's own account;
the desk sends nothing. Attachments: the agreement PDF for the agreement mail, the
meeting as a calendar file for the invitation.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from kulturpunkt_desk.domain.services import calendar, mail
from kulturpunkt_desk.domain.services.mail import MailDraft, MailKind
from kulturpunkt_desk.storage.engine import Database

from .ical import calendar_bytes


@dataclass(frozen=True)
class MailAttachment:
    filename: str
    content: bytes
    maintype: str
    subtype: str


def eml_bytes(draft: MailDraft, attachments: list[MailAttachment]) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["X-Unsent"] = "1"  # Outlook: open as a draft, not as a received message
    if draft.to:
        message["To"] = ", ".join(draft.to)
    if draft.bcc:
        message["Bcc"] = ", ".join(draft.bcc)
    message["Subject"] = draft.subject
    message["Date"] = datetime.now(UTC)
    message.set_content(draft.body)
    for item in attachments:
        message.add_attachment(
            item.content, maintype=item.maintype, subtype=item.subtype, filename=item.filename
        )
    return message.as_bytes()


def attachments_for(db: Database, draft: MailDraft) -> list[MailAttachment]:
    """What the draft carries: the agreement PDF, or the meeting's calendar file."""
    if draft.kind == MailKind.AGREEMENT:
        from kulturpunkt_desk.domain.services.areas import get_area

        from .agreement import render_agreement
        from .files import file_name

        name = file_name("Samarbejdsaftale", get_area(db, draft.about_id).name)
        with tempfile.TemporaryDirectory() as folder:
            pdf = render_agreement(db, draft.about_id, Path(folder) / name).read_bytes()
        return [MailAttachment(name, pdf, "application", "pdf")]
    if draft.kind == MailKind.MEETING_INVITATION:
        event = calendar.meeting_event(db, draft.about_id)
        day = event.start if isinstance(event.start, date) else date.today()
        ics = calendar_bytes(
            [event],
            event.summary,
            "-//Kulturpunkt Desk//Invitation//DA",
            date(day.year - 1, 1, 1),
            date(day.year + 2, 1, 1),
        )
        return [MailAttachment("Invitation.ics", ics, "text", "calendar")]
    return []


def write_draft(db: Database, draft: MailDraft, out: Path) -> Path:
    out = Path(out)
    content = eml_bytes(draft, attachments_for(db, draft))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    return out


def agreement_draft(db: Database, area_id: int, out: Path) -> Path:
    return write_draft(db, mail.agreement_mail(db, area_id), out)
