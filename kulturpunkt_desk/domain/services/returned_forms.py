"""Forms that come back: what a fillable form is pre-filled with, and reading a returned
one into the desk.

The import checks every value with the same rules as the desk's own forms (AreaData,
InterestData, PersonData, EvaluationData and the money and date parsers), shows what will
change, refuses a form made for another area, programme or form version, and then writes
everything, with the returned PDF kept as an attachment, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.paths import attachments_dir

from ..dates import parse_short_date, short_date
from ..errors import Collector, DeskError, ValidationError
from ..form_fields import (
    FORM_FIELDS,
    FORM_TITLES,
    FORM_VERSION,
    KEY_AREA,
    KEY_FORM,
    KEY_PROGRAMME,
    KEY_VERSION,
    FormKind,
)
from ..models import (
    CORE_ELEMENT_LABELS,
    SECTOR_LABELS,
    Area,
    AreaMember,
    Attachment,
    CoreElement,
    EvaluationSubmission,
    ExpressionOfInterest,
    InterestDecision,
    Person,
    Programme,
)
from ..money import format_kr, parse_kr
from .areas import AreaData
from .common import apply, get
from .evaluations import EvaluationData, _answers, stored_attachment
from .grants import InterestData
from .people import PersonData

FormValues = dict[str, str | bool]

# Where a service's field lands on the form, for messages beside the right field.
FIELD_OF = {
    "email": "contact_email",
    "phone": "contact_phone",
    "content": "partnership",
    "received_on": "signed_on",
    "declared_spending_ore": "declared_spending",
}


def _area(s: Session, area_id: int) -> Area:
    area = s.scalar(
        select(Area)
        .where(Area.id == area_id)
        .options(
            selectinload(Area.members).selectinload(AreaMember.person),
            selectinload(Area.partners),
            selectinload(Area.programme),
            selectinload(Area.interest),
        )
    )
    if area is None:
        raise DeskError("Lokalområdet findes ikke (længere). Det kan være slettet af en kollega.")
    return area


def _primary(area: Area) -> Person | None:
    return next((m.person for m in area.members if m.is_primary_contact), None)


# --- reading a returned form -----------------------------------------------------------


@dataclass(frozen=True)
class FormChange:
    label: str
    before: str
    after: str


@dataclass
class FormPreview:
    """What importing the form will do; nothing is written until import_form."""

    kind: FormKind
    area_id: int
    area_name: str
    changes: list[FormChange]
    area_values: dict[str, object] = field(default_factory=dict)
    interest_values: dict[str, object] = field(default_factory=dict)
    person: tuple[int, dict[str, object]] | None = None
    evaluation: EvaluationData | None = None


def _text(values: FormValues, name: str) -> str:
    value = values.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _ticked(values: FormValues, name: str) -> bool:
    return values.get(name) is True


def preview_form(db: Database, programme_id: int, values: FormValues) -> FormPreview:
    """Check a returned form against this file and every field against the desk's rules.

    Raises DeskError for a form of another area, programme or version, and ValidationError
    (messages by form field) for bad values: then nothing may be written."""
    kind = _check_keys(values)
    with db.read() as s:
        programme = get(s, Programme, programme_id, "Programmet")
        if _text(values, KEY_PROGRAMME) != programme.uuid:
            raise DeskError(
                f"Skemaet hører til et andet program end {programme.name}; intet er indlæst."
            )
        area_id = s.scalar(
            select(Area.id).where(
                Area.uuid == _text(values, KEY_AREA), Area.programme_id == programme_id
            )
        )
        if area_id is None:
            raise DeskError(
                "Skemaet er lavet til et lokalområde, som ikke findes i dette program; "
                "intet er indlæst."
            )
        area = _area(s, area_id)
        if kind == FormKind.INTEREST:
            return _interest_preview(area, values)
        return _evaluation_preview(area, values)


def _check_keys(values: FormValues) -> FormKind:
    try:
        kind = FormKind(_text(values, KEY_FORM))
    except ValueError:
        raise DeskError(
            "Filen er ikke et skema fra Kulturpunkt Desk (skemanøglen mangler)."
        ) from None
    version = _text(values, KEY_VERSION)
    if version != FORM_VERSION:
        raise DeskError(
            f"Skemaet har version {version or '?'}, men denne desk læser version {FORM_VERSION}. "
            "Send området et nyt skema."
        )
    return kind


def _errors_by_field(exc: ValidationError, c: Collector) -> None:
    for name, message in exc.errors.items():
        c.add(FIELD_OF.get(name, name), message)


def _run(c: Collector, work: Callable[[], dict[str, object]]) -> dict[str, object]:
    try:
        return work()
    except ValidationError as exc:
        _errors_by_field(exc, c)
        return {}


def _signed_on(c: Collector, values: FormValues, required: bool) -> date | None:
    text = _text(values, "signed_on")
    if not text:
        if required:
            c.add("signed_on", "Dato: skal udfyldes.")
        return None
    try:
        return parse_short_date(text, "signed_on", "Dato")
    except ValidationError as exc:
        _errors_by_field(exc, c)
        return None


def _interest_preview(area: Area, values: FormValues) -> FormPreview:
    c = Collector()
    data = AreaData(
        name=area.name,
        municipality=area.municipality,
        vision=_text(values, "vision"),
        idea=_text(values, "idea"),
        local_goals=_text(values, "local_goals"),
        recipient_name=_text(values, "recipient_name"),
        recipient_cvr=_text(values, "recipient_cvr"),
        recipient_address=_text(values, "recipient_address"),
        notes=area.notes,
    )
    area_values = _run(c, data.cleaned)
    contact = _primary(area)
    person = None
    if contact is not None:
        person_data = PersonData(
            name=contact.name,
            email=_text(values, "contact_email"),
            phone=_text(values, "contact_phone"),
            title=contact.title,
            organisation_id=contact.organisation_id,
            notes=contact.notes,
        )
        person_values = _run(c, person_data.cleaned)
        person = (contact.id, person_values)
    old = area.interest
    # A form sent again after the decision updates the content; its receipt stays.
    received = _signed_on(c, values, required=False) or date.today()
    received = old.received_on if old else received
    interest = InterestData(
        received_on=received,
        content=_interest_content(values),
        decision=old.decision if old else InterestDecision.PENDING,
        decided_on=old.decided_on if old else None,
    )
    interest_values = _run(c, interest.cleaned)
    c.raise_if_any()
    labels = {f.name: f.label for f in FORM_FIELDS[FormKind.INTEREST]}
    changes = [
        FormChange(labels[name], str(getattr(area, name) or ""), str(area_values[name]))
        for name in (
            "recipient_name",
            "recipient_cvr",
            "recipient_address",
            "vision",
            "idea",
            "local_goals",
        )
        if str(getattr(area, name) or "") != str(area_values[name])
    ]
    if contact is not None and person is not None:
        for name, label in (("email", "Kontaktpersonens e-mail"), ("phone", "Telefon")):
            if getattr(contact, name) != person[1][name]:
                changes.append(FormChange(label, getattr(contact, name), str(person[1][name])))
    if old is None:
        changes.append(
            FormChange("Interessetilkendegivelse", "", f"modtaget {short_date(received)}")
        )
    content = str(interest_values.get("content", ""))
    if old is None or old.content != content:
        changes.append(FormChange("Interessens indhold", old.content if old else "", content))
    return FormPreview(
        FormKind.INTEREST,
        area.id,
        area.name,
        changes,
        area_values=area_values,
        interest_values=interest_values,
        person=person,
    )


def _interest_content(values: FormValues) -> str:
    """The expression of interest's text: the partnership, its sectors, its core elements."""
    sectors = [label for s, label in SECTOR_LABELS.items() if _ticked(values, f"sector_{s.value}")]
    core = [label for e, label in CORE_ELEMENT_LABELS.items() if _ticked(values, f"core_{e.value}")]
    parts = [_text(values, "partnership")]
    if sectors:
        parts.append("Sektorer: " + ", ".join(sectors) + ".")
    if core:
        parts.append("Kerneelementer: " + ", ".join(core) + ".")
    return "\n\n".join(p for p in parts if p)


def _count(values: FormValues, name: str) -> int | str:
    """A whole number, or the text as written, which EvaluationData refuses by its rule."""
    text = _text(values, name).replace(".", "").replace(" ", "")
    if not text:
        return 0
    try:
        return int(text)
    except ValueError:
        return text


def _evaluation_preview(area: Area, values: FormValues) -> FormPreview:
    c = Collector()
    received = _signed_on(c, values, required=True)
    spending = 0
    if _text(values, "declared_spending"):
        try:
            spending = parse_kr(_text(values, "declared_spending"), "declared_spending", "Forbrug")
        except ValidationError as exc:
            _errors_by_field(exc, c)
    answers = {
        element: _text(values, f"answer_{element.value}")
        for element in CoreElement
        if _ticked(values, f"core_{element.value}") or _text(values, f"answer_{element.value}")
    }
    data = EvaluationData(
        received_on=received or date.today(),
        answers=answers,
        summary=_text(values, "summary"),
        activities_held=_count(values, "activities_held"),  # type: ignore[arg-type]
        participants_total=_count(values, "participants_total"),  # type: ignore[arg-type]
        volunteers=_count(values, "volunteers"),  # type: ignore[arg-type]
        new_partners=_count(values, "new_partners"),  # type: ignore[arg-type]
        declared_spending_ore=spending,
    )
    _run(c, data.cleaned)
    c.raise_if_any()
    labels = {f.name: f.label for f in FORM_FIELDS[FormKind.EVALUATION]}
    changes = [
        FormChange("Ny evaluering", "", f"modtaget {short_date(data.received_on)}"),
        FormChange(labels["summary"], "", data.summary),
        FormChange(labels["activities_held"], "", str(data.activities_held)),
        FormChange(labels["participants_total"], "", str(data.participants_total)),
        FormChange(labels["volunteers"], "", str(data.volunteers)),
        FormChange(labels["new_partners"], "", str(data.new_partners)),
        FormChange(labels["declared_spending"], "", format_kr(spending, decimals=True)),
        *[
            FormChange(CORE_ELEMENT_LABELS[e], "", text or "(markeret)")
            for e, text in answers.items()
        ],
    ]
    return FormPreview(FormKind.EVALUATION, area.id, area.name, changes, evaluation=data)


@dataclass
class ImportReceipt:
    """What an import wrote and what it replaced, so the window can undo it."""

    preview: FormPreview
    attachment_id: int = 0
    evaluation_id: int | None = None
    area_before: dict[str, object] = field(default_factory=dict)
    person_before: dict[str, object] = field(default_factory=dict)
    interest_before: dict[str, object] | None = None  # None: the area had none
    # The desk's own copy of the returned PDF, so a redo does not need the original file.
    kept_pdf: Path | None = None
    filename: str = ""


def _before(record: object, values: dict[str, object]) -> dict[str, object]:
    return {name: getattr(record, name) for name in values}


def import_form(
    db: Database, programme_id: int, values: FormValues, pdf: Path, filename: str | None = None
) -> ImportReceipt:
    """Check the form (as preview_form) and write it, with the PDF as an attachment (named
    `filename`, default the file's own name), in one transaction; on any error nothing is
    written."""
    preview = preview_form(db, programme_id, values)
    receipt = ImportReceipt(preview)
    title = FORM_TITLES[preview.kind]
    attachment = stored_attachment(db, Path(pdf), f"{title}, returneret skema", None, filename)
    receipt.kept_pdf = attachments_dir(db.path) / attachment.stored_path
    receipt.filename = attachment.filename
    with db.transaction() as s:
        area = get(s, Area, preview.area_id, "Lokalområdet")
        attachment.area_id = area.id
        if preview.kind == FormKind.INTEREST:
            receipt.area_before = _before(area, preview.area_values)
            apply(area, preview.area_values)
            if preview.person is not None:
                person = get(s, Person, preview.person[0], "Kontaktpersonen")
                receipt.person_before = _before(person, preview.person[1])
                apply(person, preview.person[1])
            interest = s.scalar(
                select(ExpressionOfInterest).where(ExpressionOfInterest.area_id == area.id)
            )
            if interest is None:
                s.add(ExpressionOfInterest(area_id=area.id, **preview.interest_values))
            else:
                receipt.interest_before = _before(interest, preview.interest_values)
                apply(interest, preview.interest_values)
        else:
            assert preview.evaluation is not None
            submission = EvaluationSubmission(area_id=area.id, **preview.evaluation.cleaned())
            submission.answers = _answers(preview.evaluation)
            s.add(submission)
            s.flush()
            attachment.evaluation_id = receipt.evaluation_id = submission.id
        s.add(attachment)
        s.flush()
        receipt.attachment_id = attachment.id
    return receipt


def revert_import(db: Database, receipt: ImportReceipt) -> None:
    """Undo an import in one transaction: the area, contact and interest as they were, the
    new evaluation and the attachment record gone."""
    preview = receipt.preview
    with db.transaction() as s:
        attachment = s.get(Attachment, receipt.attachment_id)
        if attachment is not None:
            s.delete(attachment)
        if receipt.evaluation_id is not None:
            submission = s.get(EvaluationSubmission, receipt.evaluation_id)
            if submission is not None:
                s.delete(submission)
            return
        apply(get(s, Area, preview.area_id, "Lokalområdet"), receipt.area_before)
        if preview.person is not None and receipt.person_before:
            apply(get(s, Person, preview.person[0], "Kontaktpersonen"), receipt.person_before)
        interest = s.scalar(
            select(ExpressionOfInterest).where(ExpressionOfInterest.area_id == preview.area_id)
        )
        if interest is not None and receipt.interest_before is None:
            s.delete(interest)
        elif interest is not None and receipt.interest_before is not None:
            apply(interest, receipt.interest_before)
