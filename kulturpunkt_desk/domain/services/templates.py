"""Versioned collaboration-agreement templates and the text of one area's agreement.

A template version is never edited in place: saving an edited text creates the next version,
and each agreement keeps the version it was made from, so printing it again gives the same
text. Placeholders such as {område} are checked before saving; an unknown one is refused
with a Danish message naming it.

Text markup the agreement PDF understands: a line starting with "# " is a heading, a line
starting with "- " is a bullet, and a blank line separates paragraphs.
"""

from __future__ import annotations

import string
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..dates import long_date, period
from ..errors import Collector, DeskError, NotFoundError, ValidationError
from ..models import (
    AgreementTemplate,
    Area,
    AreaMember,
    Grant,
    Milestone,
    MilestoneKind,
    Programme,
)
from ..money import format_kr
from .agreement_rule import agreement_refusal
from .case_file import case_number_for
from .common import get

# The placeholders a template may use, with the Danish explanation the editor shows.
PLACEHOLDERS: dict[str, str] = {
    "område": "lokalområdets navn",
    "kommune": "lokalområdets kommune",
    "tilskudsmodtager": "tilskudsmodtagerens juridiske navn",
    "cvr": "tilskudsmodtagerens CVR-nummer",
    "adresse": "tilskudsmodtagerens adresse",
    "kontaktperson": "lokalområdets primære kontaktperson",
    "program": "programmets navn, fx Kulturpunkt 2025-26",
    "region": "regionens navn (fra programmets kontaktoplysninger)",
    "afdeling": "regionens afdeling",
    "region_email": "regionens e-mailadresse",
    "beløb": "det bevilgede tilskud, fx 50.000 kr.",
    "antal_rater": "antal planlagte rater",
    "kickoff": "datoen for offentliggørelse og opstartsmøde",
    "aktivitetsfrist": "sidste dag for aktiviteterne",
    "evalueringsfrist": "frist for evalueringsmateriale",
    "evalueringsrapport": "hvornår evalueringsrapporten foreligger",
    "afslutning": "hvornår afslutningsarrangementet holdes",
}

NOT_GIVEN = "(ikke oplyst)"
NOT_SET = "(ikke fastsat)"


def placeholders_in(body: str) -> list[str]:
    """The placeholder names used in `body`, in order; raises ValueError on broken braces."""
    return [name for _, name, _, _ in string.Formatter().parse(body) if name is not None]


def check_body(
    body: str, field: str = "body", label: str = "Tekst", known: dict[str, str] | None = None
) -> str:
    """The template text, stripped, if every placeholder is `known` (default: the
    agreement's); else a Danish error."""
    known = PLACEHOLDERS if known is None else known
    cleaned = v.required(body, field, label, 100_000)
    allowed = ", ".join("{" + n + "}" for n in known)
    try:
        names = placeholders_in(cleaned)
    except ValueError:
        raise ValidationError.single(
            field,
            f"{label}: en krølleparentes er ikke lukket. Skriv pladsholdere som {{område}}, "
            "og skriv {{ eller }} for at få en krølleparentes i teksten.",
        ) from None
    for name in names:
        if name not in known:
            shown = "{" + name + "}" if name else "{}"
            raise ValidationError.single(
                field, f"{label}: ukendt pladsholder {shown}. Du kan bruge: {allowed}."
            )
    for _, used, spec, conversion in string.Formatter().parse(cleaned):
        if used is not None and (spec or conversion):
            raise ValidationError.single(
                field, f"{label}: pladsholderen {{{used}}} må ikke have tilføjelser efter navnet."
            )
    return cleaned


@dataclass
class TemplateData:
    title: str
    body: str
    note: str = ""

    def cleaned(self) -> dict[str, str]:
        c = Collector()
        values = {
            "title": c.run(v.required, self.title, "title", "Titel"),
            "body": c.run(check_body, self.body),
            "note": c.run(v.optional, self.note, "note", "Note om ændringen", 2_000),
        }
        c.raise_if_any()
        return values


def save_template_version(db: Database, programme_id: str, data: TemplateData) -> str:
    """Store an edited text as the programme's next template version; return its id.

    Earlier versions stay exactly as they were, because agreements refer to them.
    """
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Programme, programme_id, "Programmet")
        newest = s.scalar(
            select(func.max(AgreementTemplate.version)).where(
                AgreementTemplate.programme_id == programme_id
            )
        )
        template = AgreementTemplate(programme_id=programme_id, version=(newest or 0) + 1, **values)
        s.add(template)
        s.flush()
        return template.id


def list_template_versions(db: Database, programme_id: str) -> list[AgreementTemplate]:
    """All versions, oldest first."""
    with db.read() as s:
        return list(
            s.scalars(
                select(AgreementTemplate)
                .where(AgreementTemplate.programme_id == programme_id)
                .order_by(AgreementTemplate.version)
            )
        )


def latest_template(db: Database, programme_id: str) -> AgreementTemplate | None:
    versions = list_template_versions(db, programme_id)
    return versions[-1] if versions else None


# --- one area's agreement -------------------------------------------------------------


@dataclass(frozen=True)
class AgreementContent:
    """Everything an agreement document shows, read in one go."""

    area: Area  # with members (and their people), agreement, grant and instalments loaded
    programme: Programme  # with milestones loaded
    template_version: int
    title: str
    text: str  # the template's body with the placeholders filled in
    primary_contact: str
    # Why the area cannot have an agreement (services.agreement_rule); None when it can.
    refusal: str | None = None
    # A draft: printed with "UDKAST" on every page and without the grant's sections.
    draft: bool = False
    # The letter block: the area's (else the programme's) case number and the letter's date
    # (the day the agreement was sent, else the day it is printed).
    case_number: str = ""
    letter_date: date | None = None


def programme_with_timeline(db: Database, programme_id: str) -> Programme:
    with db.read() as s:
        return _programme(s, programme_id)


def _programme(s: Session, programme_id: str) -> Programme:
    programme = (
        s.scalars(
            select(Programme)
            .where(Programme.id == programme_id)
            .options(joinedload(Programme.milestones))  # one query, not two
        )
        .unique()
        .first()
    )
    if programme is None:
        raise DeskError("Programmet findes ikke (længere).")
    return programme


def agreement_content(db: Database, area_id: str, *, draft: bool = False) -> AgreementContent:
    """The area's agreement text from ITS template version (the newest if none is recorded).

    With `draft`, the template's sections that state the grant as given are left out.
    """
    return agreement_contents(db, [area_id], drafts={area_id} if draft else set())[0]


def agreement_contents(
    db: Database, area_ids: Sequence[str], *, drafts: Collection[str] = ()
) -> list[AgreementContent]:
    """agreement_content for each of `area_ids`, in their order, read in one go: the areas
    in one query each for them and their parts, each programme and template once (all
    agreements of a programme share them). The areas in `drafts` are drafts."""
    with db.read() as s:
        # Only what the agreement shows, in few queries (each costs more in SQLAlchemy than
        # in the database): the area with its one-to-one parts joined, its members apart
        # (joined together with the instalments, the rows would multiply).
        found = {
            area.id: area
            for area in s.scalars(
                select(Area)
                .where(Area.id.in_(area_ids))
                .options(
                    selectinload(Area.members).joinedload(AreaMember.person),
                    joinedload(Area.agreement),
                    joinedload(Area.interest),
                    joinedload(Area.grant).joinedload(Grant.instalments),
                )
            ).unique()
        }
        if any(area_id not in found for area_id in area_ids):
            raise NotFoundError("Lokalområdet findes ikke (længere).")
        programmes = {pid: _programme(s, pid) for pid in {a.programme_id for a in found.values()}}
        recorded = {
            a.agreement.template_id
            for a in found.values()
            if a.agreement is not None and a.agreement.template_id is not None
        }
        # The recorded versions and every version of the programmes (a handful), at once.
        templates = {
            t.id: t
            for t in s.scalars(
                select(AgreementTemplate).where(
                    or_(
                        AgreementTemplate.id.in_(recorded),
                        AgreementTemplate.programme_id.in_(list(programmes)),
                    )
                )
            )
        }
    newest: dict[str, AgreementTemplate] = {}
    for t in templates.values():
        if t.programme_id in programmes and (
            t.programme_id not in newest or t.version > newest[t.programme_id].version
        ):
            newest[t.programme_id] = t
    contents = []
    for area_id in area_ids:
        area = found[area_id]
        template = None
        if area.agreement is not None and area.agreement.template_id is not None:
            template = templates.get(area.agreement.template_id)
        template = template or newest.get(area.programme_id)
        if template is None:
            raise DeskError(
                "Programmet har ingen aftaleskabelon endnu. Opret en under Aftaleskabeloner."
            )
        contents.append(
            _content(area, programmes[area.programme_id], template, draft=area_id in drafts)
        )
    return contents


def _content(
    area: Area, programme: Programme, template: AgreementTemplate, *, draft: bool
) -> AgreementContent:
    contact = next((m.person.name for m in area.members if m.is_primary_contact), "")
    values = placeholder_values(area, programme, contact)
    body = without_grant_sections(template.body) if draft else template.body
    return AgreementContent(
        area=area,
        programme=programme,
        template_version=template.version,
        title=template.title,
        text=fill(body, values),
        primary_contact=contact,
        refusal=agreement_refusal(area),
        draft=draft,
        case_number=case_number_for(area.case_number, programme.case_number),
        letter_date=(area.agreement.sent_on if area.agreement else None) or date.today(),
    )


# Placeholders that only a sentence stating the grant as given would use.
GRANT_PLACEHOLDERS = ("beløb", "antal_rater")


def without_grant_sections(body: str) -> str:
    """The template without each '# ' section (heading to next heading) that names the
    grant's amount or instalments: a draft must not read as a grant given."""
    sections: list[list[str]] = [[]]
    for line in body.splitlines():
        if line.startswith("# "):
            sections.append([])
        sections[-1].append(line)
    kept = [
        section
        for section in sections
        if not any("{" + name + "}" in line for line in section for name in GRANT_PLACEHOLDERS)
    ]
    return "\n".join(line for section in kept for line in section)


def fill(body: str, values: dict[str, str], known: dict[str, str] | None = None) -> str:
    """Fill placeholders. Values are inserted as they are and never read as placeholders.

    A text stored before it was checked keeps an unknown {name} as written rather than
    failing to print.
    """
    try:
        parts = list(string.Formatter().parse(body))
    except ValueError:
        return body
    out = []
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is None:
            continue
        if name in (PLACEHOLDERS if known is None else known) and not spec and not conversion:
            out.append(values.get(name, NOT_SET))
        else:
            out.append(
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
    return "".join(out)


def placeholder_values(area: Area, programme: Programme, contact: str) -> dict[str, str]:
    grant = area.grant
    return {
        "område": area.name,
        "kommune": area.municipality or NOT_GIVEN,
        "tilskudsmodtager": area.recipient_name or NOT_GIVEN,
        "cvr": area.recipient_cvr or NOT_GIVEN,
        "adresse": area.recipient_address or NOT_GIVEN,
        "kontaktperson": contact or NOT_GIVEN,
        "program": programme.name,
        "region": programme.contact_organisation or NOT_GIVEN,
        "afdeling": programme.contact_department or NOT_GIVEN,
        "region_email": programme.contact_email or NOT_GIVEN,
        "beløb": format_kr(grant.amount_ore if grant else programme.default_grant_ore),
        "antal_rater": str(len(grant.instalments)) if grant and grant.instalments else NOT_SET,
        "kickoff": _milestone(programme, MilestoneKind.KICKOFF, "start"),
        "aktivitetsfrist": _milestone(programme, MilestoneKind.ACTIVITIES, "end"),
        "evalueringsfrist": _milestone(programme, MilestoneKind.EVALUATION_COLLECTION, "end"),
        "evalueringsrapport": _milestone(programme, MilestoneKind.EVALUATION_REPORT, "period"),
        "afslutning": _milestone(programme, MilestoneKind.CLOSING, "period"),
    }


def milestone_of(programme: Programme, kind: MilestoneKind) -> Milestone | None:
    """The programme's first milestone of a kind (its timeline is ordered by start)."""
    return next((m for m in programme.milestones if m.kind == kind), None)


def _milestone(programme: Programme, kind: MilestoneKind, which: str) -> str:
    milestone = milestone_of(programme, kind)
    if milestone is None:
        return NOT_SET
    if which == "period":
        return period(milestone.starts_on, milestone.ends_on)
    day: date = milestone.starts_on if which == "start" else milestone.ends_on
    return long_date(day)
