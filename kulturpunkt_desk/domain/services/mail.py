"""E-mail drafts the user's mail program opens; the desk itself never sends anything.

Three drafts: the collaboration agreement to an area's primary contact, a reminder to the
areas that owe their evaluation (who owes one is attention_items' rule), and the invitation
to a network meeting to every area's people. Subject and body come from templates the team
edits (kept in the database file, so colleagues share them), with placeholders such as
{område}. Addresses of a group (an area's steering group, everybody invited to a meeting)
can be copied in one go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kulturpunkt_desk.storage.engine import Database

from ..dates import long_date
from ..errors import Collector, DeskError
from ..models import MEETING_KIND_LABELS, Area, AreaMember, NetworkMeeting, Programme, Setting
from .attention import AttentionKind, attention_items
from .common import get
from .templates import check_body, fill


class MailKind(StrEnum):
    AGREEMENT = "agreement"
    EVALUATION_REMINDER = "evaluation_reminder"
    MEETING_INVITATION = "meeting_invitation"


MAIL_KIND_LABELS: dict[MailKind, str] = {
    MailKind.AGREEMENT: "Samarbejdsaftale til kontaktperson",
    MailKind.EVALUATION_REMINDER: "Påmindelse om evaluering",
    MailKind.MEETING_INVITATION: "Invitation til netværksmøde",
}

# What a mail template may use; the editor lists them with these explanations.
MAIL_PLACEHOLDERS: dict[str, str] = {
    "område": "lokalområdets navn (aftalen)",
    "kontaktperson": "den primære kontaktpersons navn (aftalen)",
    "program": "programmets navn",
    "region": "regionens navn",
    "afdeling": "regionens afdeling",
    "region_email": "regionens e-mailadresse",
    "evalueringsfrist": "fristen for evalueringsmaterialet (påmindelsen)",
    "møde": "mødets titel (invitationen)",
    "dato": "mødets dato (invitationen)",
    "sted": "mødets sted (invitationen)",
    "dagsorden": "mødets dagsorden (invitationen)",
}


@dataclass(frozen=True)
class MailTemplate:
    subject: str
    body: str


DEFAULT_TEMPLATES: dict[MailKind, MailTemplate] = {
    MailKind.AGREEMENT: MailTemplate(
        "Samarbejdsaftale: {område} og {region}",
        "Kære {kontaktperson}\n\n"
        "Hermed samarbejdsaftalen mellem {område} og {region} om {program}.\n\n"
        "Læs den igennem, underskriv den og send den tilbage til os på {region_email}. "
        "Skriv endelig, hvis noget er uklart.\n\n"
        "Venlig hilsen\n{afdeling}, {region}",
    ),
    MailKind.EVALUATION_REMINDER: MailTemplate(
        "Påmindelse: evalueringsmateriale til {program}",
        "Kære lokalområde\n\n"
        "Vi mangler stadig jeres evalueringsmateriale til {program}. Fristen er "
        "{evalueringsfrist}.\n\n"
        "Send det til {region_email}, eller skriv, hvis I har brug for hjælp.\n\n"
        "Venlig hilsen\n{afdeling}, {region}",
    ),
    MailKind.MEETING_INVITATION: MailTemplate(
        "Invitation: {møde}, {dato}",
        "Kære alle i {program}\n\n"
        "Vi inviterer til {møde} den {dato} i {sted}.\n\n"
        "Dagsorden:\n{dagsorden}\n\n"
        "Mødet ligger som kalenderfil i mailen. Giv besked til {region_email}, "
        "hvem der kommer fra jeres område.\n\n"
        "Venlig hilsen\n{afdeling}, {region}",
    ),
}


@dataclass
class MailDraft:
    kind: MailKind
    to: list[str]
    subject: str
    body: str
    bcc: list[str] = field(default_factory=list)
    # People the draft is meant for who have no e-mail address: the user is told.
    without_address: list[str] = field(default_factory=list)
    # The record the attachments come from (an area's agreement, a meeting's calendar).
    about_id: int = 0


def _setting_key(kind: MailKind) -> str:
    return f"mail_template.{kind.value}"


def mail_template(db: Database, kind: MailKind) -> MailTemplate:
    with db.read() as s:
        stored = s.get(Setting, _setting_key(kind))
    if stored is not None and isinstance(stored.value, dict):
        return MailTemplate(str(stored.value["subject"]), str(stored.value["body"]))
    return DEFAULT_TEMPLATES[kind]


def save_mail_template(db: Database, kind: MailKind, template: MailTemplate) -> None:
    """Keep the team's text; every placeholder is checked first (nothing saved on error)."""
    c = Collector()
    subject = c.run(check_body, template.subject, "subject", "Emne", MAIL_PLACEHOLDERS)
    body = c.run(check_body, template.body, "body", "Tekst", MAIL_PLACEHOLDERS)
    if subject is not None and "\n" in subject:
        c.add("subject", "Emne: skal stå på én linje.")
    c.raise_if_any()
    with db.transaction() as s:
        s.merge(Setting(key=_setting_key(kind), value={"subject": subject, "body": body}))


def _sender_values(programme: Programme) -> dict[str, str]:
    return {
        "program": programme.name,
        "region": programme.contact_organisation or "regionen",
        "afdeling": programme.contact_department or programme.contact_organisation,
        "region_email": programme.contact_email,
    }


def _filled(db: Database, kind: MailKind, values: dict[str, str]) -> tuple[str, str]:
    template = mail_template(db, kind)
    subject = fill(template.subject, values, MAIL_PLACEHOLDERS)
    return " ".join(subject.split()), fill(template.body, values, MAIL_PLACEHOLDERS)


def agreement_mail(db: Database, area_id: int) -> MailDraft:
    """The agreement to the area's primary contact (the PDF is attached by the writer)."""
    with db.read() as s:
        area = get(s, Area, area_id, "Lokalområdet")
        programme = area.programme
        contact = next((m.person for m in area.members if m.is_primary_contact), None)
        if contact is None:
            raise DeskError(f"{area.name} har ingen primær kontaktperson at sende aftalen til.")
        if not contact.email:
            raise DeskError(
                f"{area.name}s primære kontaktperson, {contact.name}, har ingen e-mailadresse."
            )
        values = _sender_values(programme) | {"område": area.name, "kontaktperson": contact.name}
        to = [contact.email]
    subject, body = _filled(db, MailKind.AGREEMENT, values)
    return MailDraft(MailKind.AGREEMENT, to, subject, body, about_id=area_id)


def evaluation_reminder(db: Database, programme_id: int, today: date) -> MailDraft:
    """One reminder to the primary contacts of every area that owes its evaluation, in Bcc
    so the areas do not see each other's addresses."""
    owing = {
        i.area_id: i.due_on
        for i in attention_items(db, programme_id, today)
        if i.kind == AttentionKind.EVALUATION_MISSING
    }
    if not owing:
        raise DeskError("Ingen lokalområder mangler deres evaluering; der er intet at minde om.")
    addresses, missing = [], []
    with db.read() as s:
        programme = get(s, Programme, programme_id, "Programmet")
        for member in s.scalars(
            select(AreaMember)
            .where(AreaMember.area_id.in_(owing), AreaMember.is_primary_contact.is_(True))
            .options(selectinload(AreaMember.person), selectinload(AreaMember.area))
        ):
            if member.person.email:
                addresses.append(member.person.email)
            else:
                missing.append(f"{member.person.name} ({member.area.name})")
        values = _sender_values(programme) | {"evalueringsfrist": long_date(min(owing.values()))}
    subject, body = _filled(db, MailKind.EVALUATION_REMINDER, values)
    return MailDraft(
        MailKind.EVALUATION_REMINDER,
        [],
        subject,
        body,
        bcc=sorted(set(addresses)),
        without_address=missing,
        about_id=programme_id,
    )


def meeting_invitation(db: Database, meeting_id: int) -> MailDraft:
    """The invitation to every area's people (Bcc), with the meeting as a calendar file."""
    with db.read() as s:
        meeting = get(s, NetworkMeeting, meeting_id, "Mødet")
        values = _sender_values(meeting.programme) | {
            "møde": meeting.title or MEETING_KIND_LABELS[meeting.kind],
            "dato": long_date(meeting.held_on),
            "sted": meeting.place or "(sted følger)",
            "dagsorden": meeting.agenda.strip() or "(følger)",
        }
    addresses, missing = invitees(db, meeting_id)
    subject, body = _filled(db, MailKind.MEETING_INVITATION, values)
    return MailDraft(
        MailKind.MEETING_INVITATION,
        [],
        subject,
        body,
        bcc=addresses,
        without_address=missing,
        about_id=meeting_id,
    )


def _addresses(members: list[AreaMember]) -> tuple[list[str], list[str]]:
    found: dict[str, None] = {}
    missing = []
    for m in members:
        if m.person.email:
            found.setdefault(m.person.email)
        else:
            missing.append(f"{m.person.name} ({m.area.name})")
    return list(found), missing


def invitees(db: Database, meeting_id: int) -> tuple[list[str], list[str]]:
    """Everybody invited to a meeting (all the programme's areas' people): addresses, and
    the people without one."""
    with db.read() as s:
        meeting = get(s, NetworkMeeting, meeting_id, "Mødet")
        members = list(
            s.scalars(
                select(AreaMember)
                .join(Area)
                .where(Area.programme_id == meeting.programme_id, Area.closed_on.is_(None))
                .options(selectinload(AreaMember.person), selectinload(AreaMember.area))
                .order_by(Area.name)
            )
        )
        return _addresses(members)


def steering_group_addresses(db: Database, area_id: int) -> tuple[list[str], list[str]]:
    """An area's steering group (and primary contact): addresses, and people without one."""
    with db.read() as s:
        members = list(
            s.scalars(
                select(AreaMember)
                .where(
                    AreaMember.area_id == area_id,
                    AreaMember.in_steering_group.is_(True) | AreaMember.is_primary_contact,
                )
                .options(selectinload(AreaMember.person), selectinload(AreaMember.area))
            )
        )
        return _addresses(members)


def address_line(addresses: list[str]) -> str:
    """Addresses as Outlook and Thunderbird take them pasted into a field."""
    return "; ".join(addresses)


def mailto_link(draft: MailDraft) -> str:
    """A mailto: link for a draft without attachments (RFC 6068, UTF-8)."""
    query = [f"subject={quote(draft.subject)}", f"body={quote(draft.body)}"]
    if draft.bcc:
        query.insert(0, "bcc=" + ",".join(quote(a, safe="@") for a in draft.bcc))
    return "mailto:" + ",".join(quote(a, safe="@") for a in draft.to) + "?" + "&".join(query)
