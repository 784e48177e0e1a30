"""The fields of the forms the desk sends out and reads back (expression of interest,
evaluation): one list per form, so the PDF writer, the reader and the import share them.

A new field is one line here plus where its value goes in services/returned_forms.py.
Each form also carries its key fields (which form, its version, the area's and the
programme's UUID), so a form cannot be read into another area or programme.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .models import CORE_ELEMENT_LABELS, SECTOR_LABELS

# Raised when a field changes meaning; a form of another version is refused.
FORM_VERSION = "1"


class FormKind(StrEnum):
    INTEREST = "interest"
    EVALUATION = "evaluation"


FORM_TITLES: dict[FormKind, str] = {
    FormKind.INTEREST: "Interessetilkendegivelse",
    FormKind.EVALUATION: "Evaluering",
}


class FieldType(StrEnum):
    FIXED = "fixed"  # shown, read-only: what the desk knows and the area cannot change
    TEXT = "text"
    LONG_TEXT = "long_text"
    CHECK = "check"
    AMOUNT = "amount"  # kroner, Danish format
    DATE = "date"  # DD.MM.ÅÅÅÅ
    COUNT = "count"  # a whole number


@dataclass(frozen=True)
class FormField:
    name: str  # the PDF field's name, ASCII
    label: str  # Danish, printed beside the field and used in messages
    type: FieldType
    section: str = ""  # a heading printed before the field when it changes


# Hidden key fields, read-only in the PDF.
KEY_FORM, KEY_VERSION, KEY_AREA, KEY_PROGRAMME = "kp_form", "kp_version", "kp_area", "kp_programme"
KEY_FIELDS = (KEY_FORM, KEY_VERSION, KEY_AREA, KEY_PROGRAMME)

F = FieldType

_HEAD = [
    FormField("area_name", "Lokalområde", F.FIXED, "Lokalområdet"),
    FormField("municipality", "Kommune", F.FIXED),
]

_CORE = [
    FormField(f"core_{element.value}", label, F.CHECK, "Kerneelementer I arbejder med")
    for element, label in CORE_ELEMENT_LABELS.items()
]

INTEREST_FIELDS: list[FormField] = [
    *_HEAD,
    FormField("recipient_name", "Tilskudsmodtager (juridisk navn)", F.TEXT, "Tilskudsmodtager"),
    FormField("recipient_cvr", "CVR-nummer", F.TEXT),
    FormField("recipient_address", "Adresse", F.TEXT),
    FormField("contact_name", "Navn", F.FIXED, "Primær kontaktperson"),
    FormField("contact_email", "E-mail", F.TEXT),
    FormField("contact_phone", "Telefon", F.TEXT),
    FormField("vision", "Fælles udfordring/vision", F.LONG_TEXT, "Jeres projekt"),
    FormField("idea", "Idé: sådan vil I arbejde med det", F.LONG_TEXT),
    FormField("local_goals", "Lokale mål", F.LONG_TEXT),
    FormField("partnership", "Partnerskabet: hvem er med?", F.LONG_TEXT),
    *[
        FormField(f"sector_{sector.value}", label, F.CHECK, "Sektorer i partnerskabet")
        for sector, label in SECTOR_LABELS.items()
    ],
    *_CORE,
    FormField("signed_on", "Dato", F.DATE, "Indsendt"),
]

EVALUATION_FIELDS: list[FormField] = [
    *_HEAD,
    FormField("summary", "Sammenfatning", F.LONG_TEXT, "Evaluering"),
    FormField("activities_held", "Aktiviteter gennemført (antal)", F.COUNT, "Tal"),
    FormField("participants_total", "Deltagere i alt", F.COUNT),
    FormField("volunteers", "Frivillige", F.COUNT),
    FormField("new_partners", "Nye samarbejdspartnere", F.COUNT),
    FormField("declared_spending", "Forbrug af tilskuddet (kr.)", F.AMOUNT),
    *_CORE,
    *[
        FormField(f"answer_{element.value}", f"{label}: jeres erfaringer", F.LONG_TEXT, "Svar")
        for element, label in CORE_ELEMENT_LABELS.items()
    ],
    FormField("signed_on", "Dato", F.DATE, "Indsendt"),
]

FORM_FIELDS: dict[FormKind, list[FormField]] = {
    FormKind.INTEREST: INTEREST_FIELDS,
    FormKind.EVALUATION: EVALUATION_FIELDS,
}
