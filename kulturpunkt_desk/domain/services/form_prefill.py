"""What a fillable form comes pre-filled with: what the desk already knows about the area
(name, municipality, recipient, primary contact, its project and partnership sectors) and
the key fields that tie the form to the area, the programme and the form version."""

from __future__ import annotations

from dataclasses import dataclass

from kulturpunkt_desk.storage.engine import Database

from ..form_fields import (
    FORM_TITLES,
    FORM_VERSION,
    KEY_AREA,
    KEY_FORM,
    KEY_PROGRAMME,
    KEY_VERSION,
    FormKind,
)
from ..models import SECTOR_LABELS
from .returned_forms import FormValues, _area, _primary


@dataclass(frozen=True)
class FormPrefill:
    kind: FormKind
    title: str
    area_name: str
    programme_name: str
    values: FormValues  # field name -> text or tick, key fields included


def prefill(db: Database, area_id: int, kind: FormKind) -> FormPrefill:
    """What the desk already knows, so the area fills in only what is new."""
    with db.read() as s:
        area = _area(s, area_id)
        contact = _primary(area)
        values: FormValues = {
            KEY_FORM: kind.value,
            KEY_VERSION: FORM_VERSION,
            KEY_AREA: area.uuid,
            KEY_PROGRAMME: area.programme.uuid,
            "area_name": area.name,
            "municipality": area.municipality,
        }
        if kind == FormKind.INTEREST:
            values |= {
                "recipient_name": area.recipient_name,
                "recipient_cvr": area.recipient_cvr,
                "recipient_address": area.recipient_address,
                "contact_name": contact.name if contact else "",
                "contact_email": contact.email if contact else "",
                "contact_phone": contact.phone if contact else "",
                "vision": area.vision,
                "idea": area.idea,
                "local_goals": area.local_goals,
                "partnership": _own_words(area.interest.content if area.interest else ""),
            }
            for sector in SECTOR_LABELS:
                values[f"sector_{sector.value}"] = any(
                    p.organisation.sector == sector for p in area.partners
                )
        return FormPrefill(kind, FORM_TITLES[kind], area.name, area.programme.name, values)


def _own_words(content: str) -> str:
    """The interest's text without the lines the import writes from the ticks (sectors,
    core elements), which the form shows as check boxes instead."""
    kept = [
        part
        for part in content.split("\n\n")
        if not part.startswith(("Sektorer: ", "Kerneelementer: "))
    ]
    return "\n\n".join(kept).strip()
