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
from kulturpunkt_desk.domain.services.templates import (
    AgreementContent,
    agreement_content,
    programme_with_timeline,
)
from kulturpunkt_desk.storage.engine import Database

from .files import file_name, unique_name


def render_agreement(db: Database, area_id: int, out_path: Path) -> Path:
    """Write one area's agreement to `out_path` (a .pdf file) and return the path."""
    return _write(agreement_content(db, area_id), Path(out_path))


def _write(content: AgreementContent, out_path: Path) -> Path:
    from .layout import build_pdf

    out_path.parent.mkdir(parents=True, exist_ok=True)
    build_pdf(out_path, agreement_story(content), _info(content))
    return out_path


def render_all_agreements(
    db: Database, programme_id: int, out: Path, *, combined: bool = False
) -> list[Path]:
    """Every selected area's agreement (declined areas are left out).

    combined=False: `out` is a folder and gets one PDF per area.
    combined=True: `out` is one PDF holding all agreements, each numbered from page 1.
    """
    from reportlab.platypus import PageBreak

    from .layout import DocumentStart, PdfInfo, build_pdf

    contents = [agreement_content(db, a.id) for a in _areas_to_print(db, programme_id)]
    if not contents:  # never an empty folder or an empty PDF that looks like a result
        raise DeskError("Der er ingen lokalområder med en aftale at udskrive; intet er gemt.")
    out = Path(out)
    if not combined:
        out.mkdir(parents=True, exist_ok=True)
        used: set[str] = set()  # two names may become one file name once made safe
        return [
            _write(c, out / unique_name(file_name("Samarbejdsaftale", c.area.name), used))
            for c in contents
        ]
    story: list[Any] = []
    for n, content in enumerate(contents):
        if n:
            story.append(PageBreak())
        story.append(DocumentStart(_info(content).footer))
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
    )
    return [out]


def _areas_to_print(db: Database, programme_id: int) -> list[Any]:
    from kulturpunkt_desk.domain.services.overview import area_summaries
    from kulturpunkt_desk.domain.status import AreaStatus

    declined = {r.id for r in area_summaries(db, programme_id) if r.status == AreaStatus.DECLINED}
    return [a for a in area_service.list_areas(db, programme_id) if a.id not in declined]


def _info(content: AgreementContent) -> Any:
    from .layout import PdfInfo

    area, programme = content.area, content.programme
    recipient = area.recipient_name or area.name
    return PdfInfo(
        title=f"{content.title} – {area.name}",
        author=programme.contact_organisation,
        subject=f"{programme.name}: samarbejdsaftale med {recipient}",
        footer=(
            f"{content.title} · {area.name} · {programme.name} · "
            f"skabelon version {content.template_version}"
        ),
    )


def agreement_story(content: AgreementContent) -> list[Any]:
    """The agreement's flowables, for one PDF or as one part of a combined PDF."""
    from reportlab.platypus import Spacer

    from .layout import markup, para

    area, programme = content.area, content.programme
    story: list[Any] = [_letterhead(content), Spacer(1, 6)]
    story.append(para(content.title, "title"))
    story.append(para(f"{programme.name} · {area.name}, {area.municipality} Kommune", "subtitle"))
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
    story.append(para("Udbetalingsplan", "h1"))
    story.extend(_instalment_plan(content))
    story.append(para(f"Tidsplan for {programme.name}", "h1"))
    story.append(_timeline(content))
    story.append(Spacer(1, 4))
    story.append(
        markup(
            "Datoerne er programmets fælles tidsplan; lokalområdet planlægger sine egne "
            "aktiviteter inden for den.",
            "small",
        )
    )
    story.append(_signatures(content))
    return story


def template_flowables(text: str) -> list[Any]:
    """The template's light markup: '# ' headings, '- ' bullets, blank-line paragraphs."""
    from reportlab.platypus import Paragraph

    from .layout import para, safe, styles

    flowables: list[Any] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            flowables.append(Paragraph("<br/>".join(safe(x, "") for x in lines), styles()["body"]))
            lines.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("# "):
            flush()
            flowables.append(para(line[2:], "h1"))
        elif line.startswith("- "):
            flush()
            flowables.append(Paragraph(safe(line[2:]), styles()["bullet"], bulletText="•"))
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
        safe(p.contact_email, ""),
        safe(p.contact_phone, ""),
    ]
    return [line for line in lines if line]


def _letterhead(content: AgreementContent) -> Any:
    from .layout import FRAME_WIDTH, layout_grid, markup, para

    lines = region_lines(content.programme)
    agreement = content.area.agreement
    if agreement is not None and agreement.sent_on is not None:
        lines.append(f"Dato: {long_date(agreement.sent_on)}")
    block = markup("<br/>".join(lines), "contact")
    left = para(content.programme.name.upper(), "small")
    return layout_grid([[left, block]], [FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.5])


def _parties(content: AgreementContent) -> Any:
    from .layout import FRAME_WIDTH, markup, safe, table

    area = content.area
    recipient = [
        f"<b>{safe(area.recipient_name, '(tilskudsmodtager ikke oplyst)')}</b>",
        f"CVR-nr. {safe(area.recipient_cvr, '(ikke oplyst)')}",
        safe(area.recipient_address, "(adresse ikke oplyst)"),
        f"Lokalområde: {safe(area.name)}, {safe(area.municipality)} Kommune",
        f"Primær kontaktperson: {safe(content.primary_contact, '(ikke udpeget)')}",
    ]
    half = FRAME_WIDTH / 2
    return table(
        [
            ["Regionen", "Tilskudsmodtager"],
            [
                markup("<br/>".join(region_lines(content.programme)), "cell"),
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
    if grant is None:
        amount = format_kr(content.programme.default_grant_ore)
        return [para(f"Tilskuddet på {amount} er endnu ikke bevilget; planen følger.")]
    if not grant.instalments:
        return [
            para(
                f"Tilskuddet er {format_kr(grant.amount_ore)}. Udbetalingsplanen er ikke "
                "fastlagt endnu og sendes særskilt."
            )
        ]
    rows: list[list[Any]] = [["Rate", "Forfalder", "Beløb", "Bemærkning"]]
    for n, instalment in enumerate(grant.instalments, start=1):
        rows.append(
            [
                f"{n}. rate",
                short_date(instalment.due_on),
                format_kr(instalment.amount_ore, decimals=True),
                instalment.note,
            ]
        )
    planned = sum(i.amount_ore for i in grant.instalments)
    rows.append(["I alt", "", format_kr(planned, decimals=True), ""])
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
    blank = "_______________"
    rows = [
        [
            para(f"For {p.contact_organisation or 'regionen'}", "h2"),
            "",
            para(f"For {area.recipient_name or area.name}", "h2"),
        ],
        [
            para(f"Dato: {long_date(region_day, blank)}"),
            "",
            para(f"Dato: {long_date(area_day, blank)}"),
        ],
        [Spacer(1, 18 * mm), "", Spacer(1, 18 * mm)],
        [
            para("Underskrift, navn og titel", "small"),
            "",
            para("Underskrift, navn og titel", "small"),
        ],
    ]
    gap = 14 * mm
    column = (FRAME_WIDTH - gap) / 2
    grid = layout_grid(
        rows,
        [column, gap, column],
        ("LINEABOVE", (0, 3), (0, 3), 0.6, RULE),
        ("LINEABOVE", (2, 3), (2, 3), 0.6, RULE),
    )
    return KeepTogether([Spacer(1, 10), para("Underskrifter", "h1"), grid])
