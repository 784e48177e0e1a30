"""The collaboration agreement (samarbejdsaftale) as PDF: one area, or all areas at once.

The prose comes from the agreement's own template version (services.templates), so a
reprint gives the text it was made from; the parties, the grant's instalment plan, the
programme's timeline and the signature blocks are laid out here from the records.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kulturpunkt_desk.domain.dates import long_date, period, short_date
from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import areas as area_service
from kulturpunkt_desk.domain.services.agreement_rule import agreement_candidates
from kulturpunkt_desk.domain.services.templates import (
    AgreementContent,
    agreement_content,
    agreement_contents,
    programme_with_timeline,
)
from kulturpunkt_desk.storage.engine import Database

from .files import file_name, unique_name, with_case_number


def render_agreement(db: Database, area_id: str, out_path: Path, *, draft: bool = False) -> Path:
    """Write one area's agreement to `out_path` (a .pdf file) and return the path.

    An area that cannot have an agreement (services.agreement_rule) is refused with the
    reason, unless `draft`: then it is printed as a draft, "UDKAST" across every page.
    """
    content = agreement_content(db, area_id, draft=draft)
    if content.refusal is not None and not draft:
        raise DeskError(
            f"Der kan ikke laves en samarbejdsaftale: {content.refusal} "
            "Du kan i stedet lave et udkast."
        )
    return _write(content, Path(out_path))


def agreement_file_name(content: AgreementContent) -> str:
    """ "<sagsnummer> Samarbejdsaftale - <område>.pdf" (an "Udkast" says so in its name)."""
    kind = "Udkast til samarbejdsaftale" if content.draft else "Samarbejdsaftale"
    return with_case_number(content.case_number, file_name(kind, content.area.name))


def suggested_file_name(db: Database, area_id: str, *, draft: bool = False) -> str:
    return agreement_file_name(agreement_content(db, area_id, draft=draft))


def _write(content: AgreementContent, out_path: Path) -> Path:
    from .layout import build_pdf

    out_path.parent.mkdir(parents=True, exist_ok=True)
    build_pdf(out_path, agreement_story(content), _info(content), aligned=True)
    return out_path


def render_all_agreements(
    db: Database, programme_id: str, out: Path, *, combined: bool = False, drafts: bool = False
) -> list[Path]:
    """Every agreement the rule allows (services.agreement_rule); with `drafts` also a
    draft for each area still waiting for its grant or approval (never a declined one).

    combined=False: `out` is a folder and gets one PDF per area.
    combined=True: `out` is one PDF holding all agreements, each numbered from page 1,
    each with a bookmark and starting on an odd page, so duplex printing keeps them apart.
    The areas left out, and why, come from `agreement_candidates`.
    """
    from reportlab.platypus import PageBreak

    from .layout import DocumentStart, OddPageStart, PdfInfo, build_pdf

    candidates = agreement_candidates(db, programme_id)
    wanted = set(candidates.ready)
    if drafts:
        wanted |= {a.area_id for a in candidates.left_out if not a.declined}
    ordered = _in_name_order(db, programme_id, wanted)
    contents = agreement_contents(db, ordered, drafts=set(ordered) - set(candidates.ready))
    if not contents:  # never an empty folder or an empty PDF that looks like a result
        raise DeskError("Der er ingen lokalområder med en aftale at udskrive; intet er gemt.")
    out = Path(out)
    if not combined:
        out.mkdir(parents=True, exist_ok=True)
        # Two names may become one file name once made safe, or differ only in case,
        # which is one file on Windows.
        used: set[str] = set()
        return [
            _write(c, out / unique_name(agreement_file_name(c), used, out.absolute()))
            for c in contents
        ]
    story: list[Any] = []
    for n, content in enumerate(contents):
        if n:
            story += [PageBreak(), OddPageStart()]
        info = _info(content)
        story.append(DocumentStart(info.footer, bookmark=info.title, draft=content.draft))
        story.extend(agreement_story(content))
    programme = programme_with_timeline(db, programme_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    build_pdf(
        out,
        story,
        PdfInfo(
            title=f"Samarbejdsaftaler – {programme.name}",
            author=programme.contact_organisation,
            subject=f"{programme.name}: samarbejdsaftaler med alle lokalområder",
        ),
        aligned=True,
    )
    return [out]


def _in_name_order(db: Database, programme_id: str, wanted: set[str]) -> list[str]:
    return [a.id for a in area_service.list_areas(db, programme_id) if a.id in wanted]


def _info(content: AgreementContent) -> Any:
    from .layout import PdfInfo

    area, programme = content.area, content.programme
    recipient = area.recipient_name or area.name
    title = f"{content.title} – {area.name}"
    case = f" · sagsnr. {content.case_number}" if content.case_number else ""
    return PdfInfo(
        title=f"Udkast: {title}" if content.draft else title,
        author=programme.contact_organisation,
        subject=f"{programme.name}: samarbejdsaftale med {recipient}",
        footer=(
            f"{'Udkast · ' if content.draft else ''}{content.title} · {area.name}{case} · "
            f"skabelon version {content.template_version}"
        ),
        draft=content.draft,
    )


def agreement_story(content: AgreementContent) -> list[Any]:
    """The agreement's flowables, for one PDF or as one part of a combined PDF."""
    from reportlab.platypus import KeepTogether, Spacer

    from .layout import markup, para

    area, programme = content.area, content.programme
    story: list[Any] = [_letterhead(content), Spacer(1, 6)]
    story.append(para(content.title, "title"))
    story.append(para(f"{programme.name} · {area.name}, {area.municipality} Kommune", "subtitle"))
    if content.draft:
        reason = f" {content.refusal}" if content.refusal else ""
        story.append(
            para(
                "Udkast til drøftelse. Det er ikke en aftale og giver ingen ret til "
                f"tilskud.{reason}",
                "draft_note",
            )
        )
    story.append(para("Parter", "h1"))
    story.append(_parties(content))
    story.append(para("Lokalområdets vision og idé", "h1"))
    story.append(para("Fælles udfordring eller vision", "h2"))
    story.append(para(area.vision, empty="(ikke udfyldt)"))
    story.append(para("Idé: sådan arbejder vi med den i praksis", "h2"))
    story.append(para(area.idea, empty="(ikke udfyldt)"))
    if area.local_goals.strip():
        story.append(para("Lokale mål", "h2"))
        story.append(para(area.local_goals))
    story.extend(template_flowables(content.text))
    # Short tables stay with their heading and note (keep-with-next).
    story.append(KeepTogether([para("Udbetalingsplan", "h1"), *_instalment_plan(content)]))
    timeline = [para(f"Tidsplan for {programme.name}", "h1"), _timeline(content), Spacer(1, 4)]
    timeline.append(
        markup(
            "Datoerne er programmets fælles tidsplan; lokalområdet planlægger sine egne "
            "aktiviteter inden for den.",
            "small",
        )
    )
    story.append(KeepTogether(timeline))
    story.append(_signatures(content))
    return story


def template_flowables(text: str) -> list[Any]:
    """The template's light markup: '# ' headings, '- ' bullets, blank-line paragraphs."""
    from .layout import para, safe, styles
    from .paragraph_reuse import WrapOnce

    flowables: list[Any] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            flowables.append(WrapOnce("<br/>".join(safe(x, "") for x in lines), styles()["body"]))
            lines.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("# "):
            flush()
            flowables.append(para(line[2:], "h1"))
        elif line.startswith("- "):
            flush()
            flowables.append(WrapOnce(safe(line[2:]), styles()["bullet"], bulletText="•"))
        elif not line.strip():
            flush()
        else:
            lines.append(line)
    flush()
    return flowables


def region_lines(p: Any) -> list[str]:
    """The region's contact block (programme settings) as markup lines, empty ones left out."""
    from .layout import safe

    lines = [
        f"<b>{safe(p.contact_organisation)}</b>",
        safe(p.contact_department, ""),
        safe(p.contact_street, ""),
        safe(p.contact_postcode_city, ""),
        f"CVR-nr. {safe(p.contact_cvr)}" if p.contact_cvr else "",
        safe(p.contact_email, ""),
        safe(p.contact_phone, ""),
    ]
    return [line for line in lines if line]


def _letterhead(content: AgreementContent) -> Any:
    from .layout import letter_block

    p = content.programme
    return letter_block(
        p.name.upper(),
        region_lines(p),
        letter_date=content.letter_date,
        case_number=content.case_number,
        handler=p,
    )


def _parties(content: AgreementContent) -> Any:
    from .layout import FRAME_WIDTH, markup, safe, table

    area = content.area
    recipient = [
        f"<b>{safe(area.recipient_name, '(tilskudsmodtager ikke oplyst)')}</b>",
        safe(area.recipient_address, "(adresse ikke oplyst)"),
        f"CVR-nr. {safe(area.recipient_cvr, '(ikke oplyst)')}",
        f"Lokalområde: {safe(area.name)}, {safe(area.municipality)} Kommune",
        f"Primær kontaktperson: {safe(content.primary_contact, '(ikke udpeget)')}",
    ]
    p = content.programme
    region = [
        f"<b>{safe(p.contact_organisation, '(regionen ikke oplyst)')}</b>",
        safe(p.contact_department, ""),
        ", ".join(safe(x, "") for x in (p.contact_street, p.contact_postcode_city) if x),
        f"CVR-nr. {safe(p.contact_cvr, '(ikke oplyst)')}",
    ]
    half = FRAME_WIDTH / 2
    return table(
        [
            ["Regionen", "Tilskudsmodtager"],
            [
                markup("<br/>".join(x for x in region if x), "cell"),
                markup("<br/>".join(recipient), "cell"),
            ],
        ],
        [half, half],
        zebra=False,
    )


def _instalment_plan(content: AgreementContent) -> list[Any]:
    from reportlab.lib.units import mm

    from .layout import FRAME_WIDTH, para, table

    grant = content.area.grant
    if content.draft:
        return [para("Udbetalingsplanen følger, når tilskuddet er bevilget.")]
    if grant is None:
        amount = format_kr(content.programme.default_grant_ore)
        return [para(f"Tilskuddet på {amount} er endnu ikke bevilget; planen følger.")]
    if not grant.instalments:
        return [
            para(
                f"Tilskuddet er på {format_kr(grant.amount_ore)}, og udbetalingsplanen er "
                "ikke fastlagt endnu; den sendes særskilt."
            )
        ]
    rows: list[list[Any]] = [["Rate", "Forfalder", "Beløb", "Bemærkning"]]
    for n, instalment in enumerate(grant.instalments, start=1):
        rows.append(
            [
                f"{n}. rate",
                short_date(instalment.due_on),
                format_kr(instalment.amount_ore),
                instalment.note,
            ]
        )
    planned = sum(i.amount_ore for i in grant.instalments)
    rows.append(["I alt", "", format_kr(planned), ""])
    widths = [22 * mm, 28 * mm, 32 * mm, FRAME_WIDTH - 82 * mm]
    flowables: list[Any] = [table(rows, widths, right=(2,), total=True)]
    if planned != grant.amount_ore:
        flowables.append(
            para(
                f"Bevilget i alt: {format_kr(grant.amount_ore)}; resten planlægges senere.",
                "small",
            )
        )
    return flowables


def _timeline(content: AgreementContent) -> Any:
    from reportlab.lib.units import mm

    from .layout import FRAME_WIDTH, table

    rows = [["Fase", "Hvornår"]]
    for milestone in sorted(content.programme.milestones, key=lambda m: (m.starts_on, m.ends_on)):
        rows.append([milestone.title, period(milestone.starts_on, milestone.ends_on)])
    return table(rows, [FRAME_WIDTH - 55 * mm, 55 * mm])


def _signatures(content: AgreementContent) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    from .layout import FRAME_WIDTH, RULE, layout_grid, para

    p, area = content.programme, content.area
    agreement = area.agreement
    region_day = agreement.signed_by_region_on if agreement else None
    area_day = agreement.signed_by_area_on if agreement else None
    blank = "________________"
    region_place = _city(p.contact_postcode_city) or blank

    def signer(name: str, title: str) -> list[Any]:
        # Printed under the line; a missing name leaves room to write it by hand.
        return [
            para(name or "Navn: " + blank, "signature_name"),
            para(title or "Titel: " + blank, "small"),
        ]

    rows = [
        [
            para(f"For {p.contact_organisation or 'regionen'}", "h2"),
            "",
            para(f"For {area.recipient_name or area.name}", "h2"),
        ],
        [para(f"Sted: {region_place}"), "", para(f"Sted: {blank}")],
        [
            para(f"Dato: {long_date(region_day, blank)}"),
            "",
            para(f"Dato: {long_date(area_day, blank)}"),
        ],
        [Spacer(1, 16 * mm), "", Spacer(1, 16 * mm)],
        [
            signer(p.signatory_name, p.signatory_title),
            "",
            signer(area.signatory_name, area.signatory_title),
        ],
    ]
    gap = 14 * mm
    column = (FRAME_WIDTH - gap) / 2
    grid = layout_grid(
        rows,
        [column, gap, column],
        ("LINEABOVE", (0, 4), (0, 4), 0.6, RULE),
        ("LINEABOVE", (2, 4), (2, 4), 0.6, RULE),
    )
    return KeepTogether([Spacer(1, 10), para("Underskrifter", "h1"), grid])


def _city(postcode_city: str) -> str:
    """ "Aalborg Øst" from "9220 Aalborg Øst": the place the region signs."""
    words = postcode_city.split()
    return " ".join(words[1:] if words and words[0].isdigit() else words)
