"""Where an anonymised person may still be found: attachments that mention them, and the
bytes of the database file itself.

An attachment is a file the team received (an evaluation, an invoice); the desk cannot
rewrite it, so it is listed for the user to delete or keep. The raw file check is what
lets anonymisation say "no trace is left" only when that is true: a copy in a search
index, a free page or the -wal would show up here.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from kulturpunkt_desk.storage.engine import Database

from ..errors import ValidationError
from ..models import Attachment
from .evaluations import attachment_path

# Larger attachments are listed as "not searched" rather than read whole into memory.
MAX_SEARCHED_BYTES = 50 * 1024 * 1024
_TAG = re.compile(r"<[^>]+>")
_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


@dataclass(frozen=True)
class AttachmentMention:
    attachment_id: int
    filename: str
    area_name: str
    searched: bool = True  # False: too large to search; listed so the user decides


def _texts(path: Path) -> Iterable[str]:
    """The readable text in a file: as bytes in UTF-8 and Windows-1252, the XML inside an
    Office/OpenDocument file, and the compressed streams of a PDF."""
    raw = path.read_bytes()
    yield raw.decode("utf-8", errors="ignore")
    yield raw.decode("cp1252", errors="ignore")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for part in archive.infolist():
                if part.filename.endswith((".xml", ".txt")) and part.file_size < MAX_SEARCHED_BYTES:
                    yield _TAG.sub("", archive.read(part).decode("utf-8", errors="ignore"))
    if raw.startswith(b"%PDF"):
        for stream in _PDF_STREAM.findall(raw):
            try:
                yield zlib.decompress(stream).decode("latin-1")
            except zlib.error:
                continue


def attachments_mentioning(
    db: Database, patterns: list[re.Pattern[str]]
) -> list[AttachmentMention]:
    """Every stored attachment whose name, description or content mentions the person."""
    found: list[AttachmentMention] = []
    with db.read() as s:
        attachments = list(s.scalars(select(Attachment)))
        for attachment in attachments:
            name = attachment.filename
            area = attachment.area.name if attachment.area else ""
            try:
                path = attachment_path(db, attachment)
            except ValidationError:
                continue  # outside the store: never read, never packed
            if not path.is_file():
                continue
            if path.stat().st_size > MAX_SEARCHED_BYTES:
                found.append(AttachmentMention(attachment.id, name, area, searched=False))
                continue
            texts = [name, attachment.description, *_texts(path)]
            if any(p.search(text) for p in patterns for text in texts):
                found.append(AttachmentMention(attachment.id, name, area))
    return found


def traces_in_file(db_path: Path, patterns: list[re.Pattern[str]]) -> bool:
    """True when the database file or its -wal still holds text matching `patterns`."""
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        for text in (raw.decode("utf-8", errors="ignore"), raw.decode("cp1252", errors="ignore")):
            if any(p.search(text) for p in patterns):
                return True
    return False
