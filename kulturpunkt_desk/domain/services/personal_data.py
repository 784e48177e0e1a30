"""Personal data (GDPR): export all that is held about one person, and anonymise a person.

Anonymising replaces the person's name, e-mail, phone, title and notes, keeps the row (so
areas, agreements, grants and attendance keep their shape and their numbers), scrubs the
erased values from every other text in the file (free-text notes, the audit log's JSON),
and then makes sure no copy survives in the database itself (the engine's way, see
storage/engines: on a file `PRAGMA secure_delete`, VACUUM and a TRUNCATE checkpoint that
empties the -wal; on a server VACUUM FULL). Backups made before keep the old values until they
roll out of the rotation; `anonymise_person` says how many there are.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, String, Table, Text, select, update
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.backup import list_backups
from kulturpunkt_desk.storage.engine import Database

from ..models import (
    PARTICIPANT_ROLE_LABELS,
    Attachment,
    AuditEntry,
    Base,
    MeetingAttendance,
    Participant,
    Person,
    Representative,
    SessionParticipant,
)
from . import change_journal
from .common import get
from .person_traces import AttachmentMention, attachments_mentioning, traces_in_files

ERASED = "[anonymiseret]"
PERSONAL_FIELDS = ("name", "email", "phone", "title", "notes")
# A name shorter than this would scrub ordinary words out of other records.
MIN_NAME_LENGTH = 3


def anonymous_name(person_id: str) -> str:
    return f"Anonymiseret person {person_id}"


def _word(pattern: str) -> re.Pattern[str]:
    """`pattern` as a whole word (so "Anna" does not take "Annasvej"), in any case."""
    return re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)


def _patterns(person: Person, *, strong_only: bool = False) -> list[re.Pattern[str]]:
    """What counts as a trace of this person in free text, longest first: the full name (any
    spacing), the name written without spaces, the e-mail, its local part ("anna.t"), the
    phone digits and the first name alone. `strong_only` leaves out the first name and the
    local part, which other people may share (used to look for traces in the raw file)."""
    found: list[re.Pattern[str]] = []
    name = person.name.strip()
    words = [re.escape(w) for w in name.split()]
    if len(name) >= MIN_NAME_LENGTH:
        found.append(_word(r"\s+".join(words)))
        if len(words) > 1:
            found.append(_word("".join(words)))
    email = person.email.strip()
    if email:
        found.append(re.compile(re.escape(email), re.IGNORECASE))
        local = email.split("@")[0]
        if len(local) >= MIN_NAME_LENGTH and not strong_only:
            found.append(_word(re.escape(local)))
    digits = re.sub(r"\D", "", person.phone)
    if person.phone.strip().startswith("+45"):
        digits = digits[2:]
    if len(digits) == 8:
        # 12345678, 12 34 56 78, 12-34-56-78, +45 1234 5678 ...
        found.append(re.compile(r"(?:\+45[\s.-]?)?" + r"[\s.-]?".join(digits)))
    # Not for an anonymised person: "Anonymiseret" would find every "[anonymiseret]".
    first_name_is_theirs = person.anonymised_at is None and not strong_only
    if len(words) > 1 and len(name.split()[0]) >= MIN_NAME_LENGTH and first_name_is_theirs:
        found.append(_word(words[0]))
    # Longest first: "Anna Testesen" must go whole, not leave "[anonymiseret] Testesen".
    return sorted(found, key=lambda p: len(p.pattern), reverse=True)


def _scrub_text(text: str, patterns: list[re.Pattern[str]]) -> str:
    for pattern in patterns:
        text = pattern.sub(ERASED, text)
    return text


def _scrub_json(value: Any, patterns: list[re.Pattern[str]]) -> Any:
    if isinstance(value, str):
        return _scrub_text(value, patterns)
    if isinstance(value, list):
        return [_scrub_json(v, patterns) for v in value]
    if isinstance(value, dict):
        return {k: _scrub_json(v, patterns) for k, v in value.items()}
    return value


def _text_columns(table: Table) -> list[str]:
    return [
        c.name
        for c in table.columns
        if isinstance(c.type, String | Text | JSON) and not (c.primary_key or c.foreign_keys)
    ]


def _mentions(
    s: Session, patterns: list[re.Pattern[str]], skip: set[str]
) -> list[tuple[Table, str, dict[str, Any]]]:
    """(table, id, {column: scrubbed value}) for every row whose texts mention the person.

    A full scan in Python: the file holds one programme's few thousand rows, and SQLite's
    LIKE is case-blind only for ASCII, which would miss "ØSTERGAARD" for "Østergaard".
    """
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name in skip or "id" not in table.c:
            continue
        columns = _text_columns(table)
        if not columns:
            continue
        conn = s.connection()
        for row in conn.execute(select(table.c.id, *(table.c[c] for c in columns))).mappings():
            changed = {}
            for column in columns:
                value = row[column]
                scrubbed = _scrub_json(value, patterns)
                if scrubbed != value:
                    changed[column] = scrubbed
            if changed:
                found.append((table, row["id"], changed))
    return found


# --- export ------------------------------------------------------------------------


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _occasion(p: Participant) -> dict[str, Any]:
    """Where an EKR participant took part: a Kulturforum or a meeting of the year wheel."""
    if p.kulturforum is not None:
        return {"dato": _iso(p.kulturforum.held_on), "møde": "Kulturforum"}
    if p.meeting is not None:
        return {"dato": _iso(p.meeting.held_on), "møde": p.meeting.title}
    return {"dato": None, "møde": ""}  # pragma: no cover - the table's check forbids it


def person_record(db: Database, person_id: str) -> dict[str, Any]:
    """Everything the file holds about one person, in Danish, ready for JSON or a PDF."""
    with db.read() as s:
        person = get(s, Person, person_id, "Personen")
        patterns = _patterns(person)
        record: dict[str, Any] = {
            "udtrukket": datetime.now(UTC).isoformat(timespec="seconds"),
            "person": {
                "navn": person.name,
                "e-mail": person.email,
                "telefon": person.phone,
                "titel": person.title,
                "noter": person.notes,
                "organisation": person.organisation.name if person.organisation else "",
                "oprettet": _iso(person.created_at),
                "ændret": _iso(person.updated_at),
                "anonymiseret": _iso(person.anonymised_at),
                "id": person.id,
            },
            "lokalområder": [
                {
                    "område": m.area.name,
                    "program": m.area.programme.name,
                    "rolle": m.role,
                    "styregruppe": m.in_steering_group,
                    "primær kontaktperson": m.is_primary_contact,
                }
                for m in person.memberships
            ],
            "europæisk kulturregion": [
                {
                    "medlem": r.member.name,
                    "partnerskab": r.member.partnership.name,
                    "titel i fællessekretariatet": r.role_title,
                    "beslutningsmandat": _iso(r.mandate_on),
                }
                for r in s.scalars(
                    select(Representative).where(Representative.person_id == person_id)
                )
            ],
            "europæisk kulturregion, møder og kulturforum": [
                {
                    **_occasion(p),
                    "rolle": PARTICIPANT_ROLE_LABELS[p.role],
                    "for": p.member.name if p.member else "",
                    "deltog": p.present,
                }
                for p in s.scalars(select(Participant).where(Participant.person_id == person_id))
            ],
            "sparringsmøder": [
                {"dato": _iso(p.session.held_on), "område": p.session.area.name}
                for p in s.scalars(
                    select(SessionParticipant).where(SessionParticipant.person_id == person_id)
                )
            ],
            "netværksmøder": [
                {"dato": _iso(a.meeting.held_on), "møde": a.meeting.title, "for": a.area.name}
                for a in s.scalars(
                    select(MeetingAttendance).where(MeetingAttendance.person_id == person_id)
                )
            ],
            "nævnt i": [
                {"tabel": table.name, "række": row_id, "felter": sorted(changed)}
                for table, row_id, changed in _mentions(s, patterns, {"person", "audit_entry"})
            ],
            "ændringslog": [
                {
                    "tidspunkt": _iso(e.at),
                    "bruger": e.user,
                    "handling": e.action,
                    "post": e.entity,
                    "ændringer": e.changes,
                }
                for e in s.scalars(select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id))
                if e.entity_uuid == person.id or _scrub_json(e.changes, patterns) != e.changes
            ],
        }
        return record


def export_person_json(db: Database, person_id: str, target: Path) -> Path:
    target = Path(target)
    target.write_text(
        json.dumps(person_record(db, person_id), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return target


# --- anonymise ------------------------------------------------------------------------


@dataclass
class AnonymiseResult:
    person_id: str
    records_scrubbed: int  # other rows whose free text named the person
    audit_entries_scrubbed: int
    # True only when the file and its -wal hold no trace of the person (checked byte by
    # byte); False while another desk keeps the -wal from being emptied.
    file_purged: bool
    backups_with_old_data: int
    # Attachments that mention the person: the user deletes or keeps each.
    attachments: list[AttachmentMention] = field(default_factory=list)
    # What the byte check looks for, to check again after attachments are deleted.
    traces: list[re.Pattern[str]] = field(default_factory=list)


def _scrub_audit(s: Session, person: Person, patterns: list[re.Pattern[str]]) -> int:
    table = AuditEntry.__table__
    assert isinstance(table, Table)
    count = 0
    for entry in s.execute(select(table)).mappings().all():
        changes = entry["changes"] or {}
        if entry["entity_uuid"] == person.id and isinstance(changes, dict):
            # The person's own entries: every personal field goes, whatever it held.
            changes = {
                k: ([ERASED if x else x for x in v] if isinstance(v, list) else ERASED)
                if k in PERSONAL_FIELDS
                else v
                for k, v in changes.items()
            }
        changes = _scrub_json(changes, patterns)
        summary = _scrub_text(entry["summary"] or "", patterns)
        if entry["entity_uuid"] == person.id:
            summary = anonymous_name(person.id)
        if changes != entry["changes"] or summary != entry["summary"]:
            s.execute(
                update(table)
                .where(table.c.id == entry["id"])
                .values(changes=changes, summary=summary)
            )
            count += 1
    return count


def purge_free_pages(db: Database, traces: list[re.Pattern[str]] | None = None) -> bool:
    """Rewrite the storage so no freed space keeps old bytes (the engine's way: VACUUM and
    an emptied -wal for a file, VACUUM FULL on a server); True only when that worked and,
    given `traces`, a database file holds none of them. A desk reading the file holds the
    -wal: the checkpoint then waits for it and otherwise says the purge is still pending."""
    if not db.backend.purge_free_pages(db.engine):
        return False
    return not (traces and traces_in_files(db.backend.stored_files(), traces))


def anonymise_person(db: Database, person_id: str) -> AnonymiseResult:
    """Erase one person's data everywhere in the file; records they took part in stay."""
    with db.read() as s:
        person = get(s, Person, person_id, "Personen")
        attachments = attachments_mentioning(db, _patterns(person))
        strong = _patterns(person, strong_only=True)
    with db.transaction() as s:
        change_journal.erasing(s)  # an erasure is final: Ctrl+Z must not undo it
        db.backend.erase_on_delete(s.connection())
        person = get(s, Person, person_id, "Personen")
        patterns = _patterns(person)
        mentions = _mentions(s, patterns, {"person", "audit_entry"})
        now = datetime.now(UTC)
        table = Person.__table__
        assert isinstance(table, Table)
        # Core updates, not the ORM: the audit hook would log the old values again.
        s.execute(
            update(table)
            .where(table.c.id == person_id)
            .values(
                name=anonymous_name(person_id),
                # A desk that has this person open must notice that they were erased.
                row_version=table.c.row_version + 1,
                email="",
                phone="",
                title="",
                notes="",
                anonymised_at=now,
                updated_at=now,
            )
        )
        for other, row_id, changed in mentions:
            stamp = (
                {"updated_at": now, "row_version": other.c.row_version + 1}
                if "row_version" in other.c
                else {}
            )
            s.execute(update(other).where(other.c.id == row_id).values(**changed, **stamp))
        audited = _scrub_audit(s, person, patterns)
        s.add(
            AuditEntry(
                user=db.user,
                action="anonymise",
                entity="person",
                entity_uuid=person.id,
                summary=anonymous_name(person_id),
                changes={"anonymiseret": list(PERSONAL_FIELDS), "andre poster": len(mentions)},
            )
        )
        s.expunge(person)  # its loaded attributes still hold the old values
    purged = purge_free_pages(db, strong)
    return AnonymiseResult(
        person_id=person_id,
        records_scrubbed=len(mentions),
        audit_entries_scrubbed=audited,
        file_purged=purged,
        backups_with_old_data=len(list_backups(db.path)),
        attachments=attachments,
        traces=strong,
    )


def delete_attachments(
    db: Database, attachment_ids: list[str], result: AnonymiseResult | None = None
) -> int:
    """Delete the listed attachments (the user chose to) and their content where no other
    attachment shares it; the number deleted. Given the erasure's `result`, the file is
    purged again and `result.file_purged` says whether it now holds no trace."""
    from .attachments import forget_unused_content

    with db.transaction() as s:
        change_journal.erasing(s)  # an erasure is final: Ctrl+Z must not undo it
        db.backend.erase_on_delete(s.connection())
        chosen = [get(s, Attachment, i, "Bilaget") for i in attachment_ids]
        for attachment in chosen:
            s.delete(attachment)
        s.flush()
        forget_unused_content(s, {a.sha256 for a in chosen})
    if result is not None:
        result.file_purged = purge_free_pages(db, result.traces)
    return len(chosen)
