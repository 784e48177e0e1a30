"""A readable PDF of all that is held about one person (a GDPR access request, "indsigt").

The content is personal_data.person_record, the same dictionary the JSON export writes,
so the two exports can never disagree. reportlab is imported only when a PDF is made.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from kulturpunkt_desk.domain.dates import date_time
from kulturpunkt_desk.domain.services.personal_data import person_record
from kulturpunkt_desk.storage.engine import Database

PERSON_LABELS = {
    "navn": "Navn",
    "e-mail": "E-mail",
    "telefon": "Telefon",
    "titel": "Titel",
    "noter": "Noter",
    "organisation": "Organisation",
    "oprettet": "Oprettet",
    "ændret": "Senest ændret",
    "anonymiseret": "Anonymiseret",
    "id": "Intern id",
}


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T[\d:.+-]+)?$")


def _text(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, str) and _ISO.match(value):
        moment = datetime.fromisoformat(value)
        if "T" in value:  # stored in UTC; the reader thinks in local time
            return date_time(moment.astimezone())
        return f"{moment:%d.%m.%Y}"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _rows(items: list[dict[str, Any]]) -> list[list[str]]:
    if not items:
        return []
    keys = list(items[0])
    return [[k.capitalize() for k in keys]] + [[_text(i.get(k)) for k in keys] for i in items]


def person_story(record: dict[str, Any]) -> list[Any]:
    from .layout import FRAME_WIDTH, markup, para, table

    person = record["person"]
    story: list[Any] = [
        markup("Oplysninger om en person", "title"),
        para(
            f"Alt, hvad Kulturpunkt Desk har registreret om {person['navn']}, "
            f"udtrukket {_text(record['udtrukket'])}.",
            "subtitle",
        ),
        table(
            [[label, _text(person.get(key))] for key, label in PERSON_LABELS.items()],
            [FRAME_WIDTH * 0.28, FRAME_WIDTH * 0.72],
            header=False,
        ),
    ]
    sections = [
        ("lokalområder", "Tilknytning til lokalområder"),
        ("europæisk kulturregion", "Plads i Europæisk Kulturregions fællessekretariat"),
        ("sparringsmøder", "Deltagelse i sparringsmøder"),
        ("netværksmøder", "Deltagelse i netværksmøder"),
        ("nævnt i", "Nævnt i andre poster"),
    ]
    for key, title in sections:
        story.append(markup(title, "h1"))
        rows = _rows(record.get(key, []))
        if rows:
            width = FRAME_WIDTH / len(rows[0])
            story.append(table(rows, [width] * len(rows[0])))
        else:
            story.append(para("Ingen.", "small"))
    story.append(markup("Ændringslog", "h1"))
    log = [["Tidspunkt", "Bruger", "Handling", "Ændringer"]] + [
        [_text(e["tidspunkt"]), e["bruger"], e["handling"],
         _text(e["ændringer"])]
        for e in record.get("ændringslog", [])
    ]  # fmt: skip
    w = FRAME_WIDTH
    story.append(table(log, [w * 0.2, w * 0.14, w * 0.12, w * 0.54]))
    return story


def write_person_pdf(db: Database, person_id: int, out_path: Path) -> Path:
    from .layout import PdfInfo, build_pdf

    record = person_record(db, person_id)
    info = PdfInfo(
        title=f"Oplysninger om {record['person']['navn']}",
        author="Region Nordjylland, Regional Udvikling",
        subject="Indsigt i registrerede personoplysninger",
        footer=f"Oplysninger om {record['person']['navn']}",
    )
    out_path = Path(out_path)
    build_pdf(out_path, person_story(record), info, aligned=True)
    return out_path
