"""A draft of the programme's evaluation report: totals first, then each area's answers by
core element, its activities and its figures. The team edits the final report elsewhere;
this draft gathers what the desk holds, exactly as the areas wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kulturpunkt_desk.domain.dates import long_date, short_date
from kulturpunkt_desk.domain.models import (
    CORE_ELEMENT_LABELS,
    SECTOR_LABELS,
    Area,
    CoreElement,
)
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import areas as area_service
from kulturpunkt_desk.domain.services.templates import programme_with_timeline
from kulturpunkt_desk.storage.engine import Database


@dataclass(frozen=True)
class Totals:
    areas: int
    evaluations: int
    activities_registered: int
    activities_reported: int
    participants: int
    volunteers: int
    new_partners: int
    awarded_ore: int
    paid_ore: int
    declared_ore: int


def participating_areas(db: Database, programme_id: int) -> list[Area]:
    """Areas that were awarded a grant, fully loaded, by name."""
    loaded = [area_service.get_area(db, a.id) for a in area_service.list_areas(db, programme_id)]
    return [a for a in loaded if a.grant is not None]


def totals(areas: list[Area]) -> Totals:
    submissions = [e for a in areas for e in a.evaluations]
    return Totals(
        areas=len(areas),
        evaluations=len({e.area_id for e in submissions}),
        activities_registered=sum(len(a.activities) for a in areas),
        activities_reported=sum(e.activities_held for e in submissions),
        participants=sum(e.participants_total for e in submissions),
        volunteers=sum(e.volunteers for e in submissions),
        new_partners=sum(e.new_partners for e in submissions),
        awarded_ore=sum(a.grant.amount_ore for a in areas if a.grant),
        paid_ore=sum(
            i.amount_ore for a in areas if a.grant for i in a.grant.instalments if i.paid_on
        ),
        declared_ore=sum(e.declared_spending_ore for e in submissions),
    )


def render_evaluation_report(
    db: Database, programme_id: int, out_path: Path, today: date | None = None
) -> Path:
    from .layout import PdfInfo, build_pdf

    programme = programme_with_timeline(db, programme_id)
    areas = participating_areas(db, programme_id)
    today = today or date.today()
    title = f"Evalueringsrapport – {programme.name}"
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    build_pdf(
        out_path,
        report_story(programme.name, programme.contact_organisation, areas, today),
        PdfInfo(
            title=f"Udkast: {title}",
            author=programme.contact_organisation,
            subject=f"Udkast til evalueringsrapport for {programme.name}, {long_date(today)}",
            footer=f"UDKAST · {title} · {long_date(today)}",
        ),
    )
    return out_path


def report_story(programme: str, region: str, areas: list[Area], today: date) -> list[Any]:
    from reportlab.lib.units import mm

    from .layout import FRAME_WIDTH, para, table

    t = totals(areas)
    story: list[Any] = [
        para(f"Evalueringsrapport – {programme}", "title"),
        para(f"Udkast · {region} · udskrevet {long_date(today)}", "subtitle"),
        para("Programmet samlet", "h1"),
    ]
    figures = [
        ["Lokalområder med tilskud", str(t.areas)],
        ["Evalueringer modtaget", f"{t.evaluations} af {t.areas}"],
        ["Aktiviteter registreret i Kulturpunkt Desk", str(t.activities_registered)],
        ["Aktiviteter ifølge evalueringerne", str(t.activities_reported)],
        ["Deltagere i alt (ifølge evalueringerne)", _n(t.participants)],
        ["Frivillige", _n(t.volunteers)],
        ["Nye samarbejdspartnere", _n(t.new_partners)],
        ["Bevilget", format_kr(t.awarded_ore, decimals=True)],
        ["Udbetalt", format_kr(t.paid_ore, decimals=True)],
        ["Forbrug ifølge evalueringerne", format_kr(t.declared_ore, decimals=True)],
    ]
    story.append(table(figures, [FRAME_WIDTH - 50 * mm, 50 * mm], header=False, right=(1,)))
    story.append(para("Lokalområderne", "h1"))
    story.append(
        para(
            "Herunder følger hvert lokalområde: dets tal, svarene ordnet efter de fem "
            "kerneelementer og de aktiviteter, det har gennemført. Svarene er gengivet, "
            "som lokalområderne skrev dem.",
        )
    )
    for area in areas:
        story.extend(area_section(area))
    if not areas:
        story.append(para("Ingen lokalområder har fået tilskud endnu."))
    return story


_SECTORS = {sector.value: label for sector, label in SECTOR_LABELS.items()}


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def area_section(area: Area) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak

    from .layout import FRAME_WIDTH, para, table

    story: list[Any] = [CondPageBreak(60 * mm), para(f"{area.name}, {area.municipality}", "h1")]
    if not area.evaluations:
        story.append(para("Evalueringen er ikke modtaget endnu."))
    for submission in sorted(area.evaluations, key=lambda e: e.received_on):
        story.append(para(f"Evaluering modtaget {long_date(submission.received_on)}", "small"))
        rows = [
            ["Aktiviteter", str(submission.activities_held)],
            ["Deltagere", _n(submission.participants_total)],
            ["Frivillige", _n(submission.volunteers)],
            ["Nye samarbejdspartnere", _n(submission.new_partners)],
            ["Forbrug", format_kr(submission.declared_spending_ore, decimals=True)],
        ]
        story.append(table(rows, [FRAME_WIDTH - 50 * mm, 50 * mm], header=False, right=(1,)))
        story.append(para("Sammenfatning", "h2"))
        story.append(para(submission.summary, empty="(ingen sammenfatning)"))
        answers = {a.element: a.answer for a in submission.answers}
        for element in CoreElement:
            story.append(para(CORE_ELEMENT_LABELS[element], "h2"))
            story.append(para(answers.get(element), empty="(intet svar)"))
    story.append(para(f"Aktiviteter i {area.name}", "h2"))
    if not area.activities:
        story.append(para("Ingen aktiviteter registreret."))
    else:
        rows = [["Dato", "Aktivitet", "Deltagere", "Målgrupper og sektorer"]]
        for activity in area.activities:
            sectors = [_SECTORS.get(s, s) for s in activity.sectors]
            rows.append(
                [
                    short_date(activity.held_on),
                    activity.title + (f"\n{activity.description}" if activity.description else ""),
                    _n(activity.participants),
                    ", ".join([*activity.target_groups, *sectors]),
                ]
            )
        widths = [21 * mm, 75 * mm, 20 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        story.append(table(rows, widths, right=(2,)))
    return story
