"""Attachments: files kept in the database under their content hash.

The content lives in `stored_file`, keyed by its SHA-256, so the same file is one row
wherever it was attached, on every laptop and on the server, and a backup of the database
holds its files. To open one, the content is written to the user's cache folder under its
own name; what is read back is checked against the hash first.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.file_names import windows_file_name
from kulturpunkt_desk.storage.paths import opened_files_dir

from .. import validation as v
from ..errors import ValidationError
from ..models import Area, Attachment, StoredFile
from .common import get

# A returned form or a photo is a few MB; a video does not belong in the desk.
MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024


def read_attachment(
    source: Path,
    description: str = "",
    added_on: date | None = None,
    filename: str | None = None,
) -> tuple[Attachment, bytes]:
    """The record for `source` (not yet in any session) and the file's content."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError.single("file", f"Fil: {source} findes ikke.")
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError.single(
            "file",
            f"Fil: {source.name} fylder {size // (1024 * 1024)} MB; et bilag må højst fylde "
            f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB.",
        )
    content = source.read_bytes()
    attachment = Attachment(
        filename=filename or source.name,
        sha256=hashlib.sha256(content).hexdigest(),
        size_bytes=len(content),
        description=v.optional(description, "description", "Beskrivelse", 2_000),
        added_on=added_on or date.today(),
    )
    return attachment, content


def keep(s: Session, attachment: Attachment, content: bytes) -> None:
    """Add `attachment` to the session, with its content unless the database has it."""
    if s.get(StoredFile, attachment.sha256) is None:
        s.add(StoredFile(sha256=attachment.sha256, size_bytes=len(content), content=content))
    s.add(attachment)


def add_attachment(
    db: Database,
    area_id: str,
    source: Path,
    *,
    description: str = "",
    evaluation_id: str | None = None,
    added_on: date | None = None,
) -> str:
    """Store `source` in the database (by content hash) and record it for the area."""
    attachment, content = read_attachment(Path(source), description, added_on)
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet")
        attachment.area_id = area_id
        attachment.evaluation_id = evaluation_id
        keep(s, attachment, content)
        s.flush()
        return attachment.id


def attachment_content(db: Database, attachment: Attachment) -> bytes | None:
    """The file's content, or None when it is missing or no longer has the recorded hash."""
    with db.read() as s:
        content = s.scalar(select(StoredFile.content).where(StoredFile.sha256 == attachment.sha256))
    if content is None or hashlib.sha256(content).hexdigest() != attachment.sha256:
        return None
    return bytes(content)


def verify_attachment(db: Database, attachment: Attachment) -> bool:
    """True when the database holds the file and it still has the recorded hash."""
    return attachment_content(db, attachment) is not None


def attachment_file(db: Database, attachment: Attachment) -> Path:
    """The attachment as a file under its own name (in the user's cache folder), to open
    or to pack; refused (ValidationError) when its content is missing or changed."""
    content = attachment_content(db, attachment)
    if content is None:
        raise ValidationError.single(
            "file", f"Bilaget «{attachment.filename}» mangler eller er ændret og bruges ikke."
        )
    path = opened_files_dir() / attachment.sha256[:16] / windows_file_name(attachment.filename)
    if not (path.is_file() and path.read_bytes() == content):
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(content)
        partial.replace(path)
    return path


def delete_attachment(db: Database, attachment_id: str) -> None:
    # The content stays: another attachment may share it, and undo puts the record back.
    with db.transaction() as s:
        s.delete(get(s, Attachment, attachment_id, "Bilaget"))


def forget_unused_content(s: Session, digests: set[str]) -> None:
    """Remove stored content that no attachment names any more (after an erasure)."""
    used = set(s.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(digests))))
    for digest in digests - used:
        stored = s.get(StoredFile, digest)
        if stored is not None:
            s.delete(stored)
        # The copy written out to open it goes too: it holds the same content.
        shutil.rmtree(opened_files_dir() / digest[:16], ignore_errors=True)
