"""A draft of the programme's evaluation report: totals first, then each area's answers by
core element, its activities and its figures. The team edits the final report elsewhere;
this draft gathers what the desk holds, exactly as the areas wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kulturpunkt_desk.domain.dates import long_date, short_date
from kulturpunkt_desk.domain.models import (
    ACTIVITY_ORIGIN_LABELS,
    CORE_ELEMENT_LABELS,
    SECTOR_LABELS,
    Area,
    CoreElement,
)
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import areas as area_service
from kulturpunkt_desk.domain.services.goals import goal_answers_in_order
from kulturpunkt_desk.domain.services.templates import programme_with_timeline
from kulturpunkt_desk.storage.engine import Database

from .blocks import Block, DataTable, Heading, TaggedDocument, Text
from .evaluation_data import GoalData, goal_data


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
    """The draft evaluation report as a tagged PDF (it is published with meeting papers)."""
    from .tagged_pdf import render_tagged_pdf

    programme = programme_with_timeline(db, programme_id)
    areas = participating_areas(db, programme_id)
    document = report_document(
        programme.name,
        programme.contact_organisation,
        areas,
        today or date.today(),
        goal_data(db, programme_id),
    )
    return render_tagged_pdf(document, Path(out_path))


def report_document(
    programme: str, region: str, areas: list[Area], today: date, goals: GoalData | None = None
) -> TaggedDocument:
    title = f"Evalueringsrapport – {programme}"
    t = totals(areas)
    figures = [
        ["Lokalområder med tilskud", str(t.areas)],
        ["Evalueringer modtaget", f"{t.evaluations} af {t.areas}"],
        ["Aktiviteter registreret af regionen", str(t.activities_registered)],
        ["Aktiviteter ifølge evalueringerne", str(t.activities_reported)],
        ["Deltagere i alt (ifølge evalueringerne)", _n(t.participants)],
        ["Frivillige", _n(t.volunteers)],
        ["Nye samarbejdspartnere", _n(t.new_partners)],
        ["Bevilget", format_kr(t.awarded_ore, decimals=True)],
        ["Udbetalt", format_kr(t.paid_ore, decimals=True)],
        ["Forbrug ifølge evalueringerne", format_kr(t.declared_ore, decimals=True)],
    ]
    blocks: list[Block] = [
        Text(f"Udkast · {region} · udskrevet {long_date(today)}", "subtitle"),
        Heading("Programmet samlet"),
        DataTable([["Tal", "Værdi"], *figures], [0.7, 0.3], right=(1,)),
        *(goal_blocks(goals) if goals is not None else []),
        Heading("Lokalområderne"),
        Text(
            "Herunder følger hvert lokalområde: dets tal, svarene ordnet efter de fem "
            "kerneelementer og de aktiviteter, det har gennemført. Svarene er gengivet, "
            "som lokalområderne skrev dem."
        ),
    ]
    for area in areas:
        blocks.extend(area_blocks(area))
    if not areas:
        blocks.append(Text("Ingen lokalområder har fået tilskud endnu."))
    return TaggedDocument(
        title=f"Udkast: {title}",
        author=region,
        subject=f"Udkast til evalueringsrapport for {programme}, {long_date(today)}",
        footer=f"UDKAST · {title} · {long_date(today)}",
        heading=title,
        keywords=("Kulturpunkt", "evaluering", programme),
        blocks=blocks,
    )


def goal_blocks(goals: GoalData) -> list[Block]:
    """The project-level goals summed across the areas, and what the activities achieve."""
    rows = goals.goal_rows()
    rest = len(rows[0]) - 1
    return [
        Heading("Målene"),
        Heading(f"Strateginiveau ({goals.strategy_source})", 2),
        Text(goals.strategy_goal),
        Heading("Projektniveau: områdernes vurdering i evalueringerne", 2),
        DataTable(rows, [1 - 0.11 * rest] + [0.11] * rest, right=tuple(range(1, rest + 1))),
        Heading("Hvad aktiviteterne opnår", 2),
        DataTable([["Aktiviteter", "Antal"], *goals.activity_rows()], [0.7, 0.3], right=(1,)),
    ]


_SECTORS = {sector.value: label for sector, label in SECTOR_LABELS.items()}


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def area_blocks(area: Area) -> list[Block]:
    """One area's part of the report: a heading, then its evaluations and activities."""
    blocks: list[Block] = [Heading(f"{area.name}, {area.municipality}", 2)]
    if not area.evaluations:
        blocks.append(Text("Evalueringen er ikke modtaget endnu."))
    for submission in sorted(area.evaluations, key=lambda e: e.received_on):
        blocks.append(Text(f"Evaluering modtaget {long_date(submission.received_on)}", "small"))
        rows = [
            ["Tal", "Værdi"],
            ["Aktiviteter", str(submission.activities_held)],
            ["Deltagere", _n(submission.participants_total)],
            ["Frivillige", _n(submission.volunteers)],
            ["Nye samarbejdspartnere", _n(submission.new_partners)],
            ["Forbrug", format_kr(submission.declared_spending_ore, decimals=True)],
        ]
        blocks.append(DataTable(rows, [0.7, 0.3], right=(1,)))
        blocks.append(Heading("Sammenfatning", 3))
        blocks.append(Text(submission.summary, empty="(ingen sammenfatning)"))
        answers = {a.element: a.answer for a in submission.answers}
        for element in CoreElement:
            blocks.append(Heading(CORE_ELEMENT_LABELS[element], 3))
            blocks.append(Text(answers.get(element) or "", empty="(intet svar)"))
        for heading, answer in goal_answers_in_order(submission):
            blocks.append(Heading(heading, 3))
            blocks.append(Text(answer or "", empty="(intet svar)"))
    blocks.append(Heading(f"Aktiviteter i {area.name}", 3))
    if not area.activities:
        blocks.append(Text("Ingen aktiviteter registreret."))
        return blocks
    rows = [["Dato", "Aktivitet", "Deltagere", "Målgrupper og sektorer"]]
    for activity in area.activities:
        sectors = [_SECTORS.get(s, s) for s in activity.sectors]
        rows.append(
            [
                short_date(activity.held_on),
                activity.title
                + (f"\n{activity.description}" if activity.description else "")
                + (f"\n{ACTIVITY_ORIGIN_LABELS[activity.origin]}" if activity.origin else ""),
                _n(activity.participants),
                ", ".join([*activity.target_groups, *sectors]),
            ]
        )
    blocks.append(DataTable(rows, [0.13, 0.45, 0.12, 0.3], right=(2,)))
    return blocks
