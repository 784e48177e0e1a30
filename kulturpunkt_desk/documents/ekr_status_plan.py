"""The EKR status summary's sections on the plan and the people (issue 19, points 6-11).

The directors' meeting "drøfter rammerne for fællessekretariatets arbejde, herunder
strategi, handleplan og budget", so the summary shows the funding rule, the budget lines
with the EU money brought home, the action plan, and who came to the directors' meetings
and Kulturforum. Each section renders what one domain function composed; the window shows
the same figures from the same functions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kulturpunkt_desk.domain.dates import long_date, short_date
from kulturpunkt_desk.domain.models import WheelMeetingKind
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import (
    ekr_action_plan,
    ekr_budget,
    ekr_forum,
    ekr_frame_rule,
    ekr_funding,
    ekr_partnership,
    ekr_wheel,
)
from kulturpunkt_desk.storage.engine import Database


def plan_sections(db: Database, partnership_id: str, year: int, today: date) -> list[Any]:
    """Every section, in the order the summary prints them after the money."""
    return [
        *frame_rule_section(db, partnership_id, year),
        *budget_section(ekr_budget.budget_overview(db, partnership_id, year)),
        *action_plan_section(ekr_action_plan.action_plan(db, partnership_id, year), today),
        *directors_section(db, partnership_id, year),
    ]


def _gap() -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, 4)


def frame_rule_section(db: Database, partnership_id: str, year: int) -> list[Any]:
    """The rule for the year, then every year so far side by side (rate and difference)."""
    from .layout import FRAME_WIDTH, markup, para, safe, table

    rules = [r for r in ekr_frame_rule.frame_rules(db, partnership_id) if r.year <= year]
    rule = next((r for r in rules if r.year == year), None)
    if rule is None:
        return []
    story: list[Any] = [markup(f"<b>Fordelingsregel:</b> {safe(rule.summary)}")]
    if rule.warning:
        story.append(markup(f"<b>Advarsel:</b> {safe(rule.warning)}"))
    if len(rules) > 1:
        rows: list[list[Any]] = [
            ["År", "Indbyggertal", "Ramme", "Pr. indbygger", "Forskel fra indbyggertal"]
        ]
        rows += [
            [
                str(r.year) + (" (demotal)" if r.demo else ""),
                f"{r.population:,}".replace(",", "."),
                format_kr(r.frame_ore),
                r.rate_text,
                format_kr(r.difference_ore),
            ]
            for r in rules
        ]
        w = FRAME_WIDTH
        story += [
            _gap(),
            table(rows, [w * 0.2, w * 0.18, w * 0.2, w * 0.18, w * 0.24], right=(1, 2, 3, 4)),
        ]
    if rule.demo:
        story += [_gap(), para(ekr_funding.DEMO_POPULATION_MARK, "small")]
    return story


def budget_section(overview: ekr_budget.BudgetOverview) -> list[Any]:
    from .layout import FRAME_WIDTH, para, table

    story: list[Any] = [para(f"Budgetposter {overview.year}", "h1")]
    if not overview.lines:
        return [*story, para("Der er ingen budgetposter for året endnu.")]
    rows: list[list[Any]] = [["Budgetpost", "Planlagt", "Forbrugt", "Rest"]]
    for line in overview.lines:
        rows.append(
            [
                line.name,
                format_kr(line.planned_ore),
                format_kr(line.spent_ore),
                format_kr(line.left_ore),
            ]
        )
    if overview.unplanned_ore is not None:
        rows.append(["Ikke fordelt på poster", format_kr(overview.unplanned_ore), "", ""])
    rows.append(
        [
            f"Budget {overview.year} i alt",
            format_kr(overview.budget_ore or overview.planned_ore),
            format_kr(overview.spent_ore),
            "",
        ]
    )
    w = FRAME_WIDTH
    story.append(table(rows, [w * 0.46, w * 0.18, w * 0.18, w * 0.18], right=(1, 2, 3), total=True))
    story += [_gap(), para(overview.eu_summary)]
    story += [para(warning, "bullet") for warning in overview.warnings]
    return story


def action_plan_section(plan: ekr_action_plan.ActionPlan, today: date) -> list[Any]:
    from .layout import FRAME_WIDTH, para, table

    story: list[Any] = [para(f"Handleplan {plan.year}", "h1")]
    if not plan.rows:
        return [*story, para("Handleplanen for året er ikke lagt endnu.")]
    w = FRAME_WIDTH
    for heading in plan.headings:
        story.append(para(heading, "h2"))
        rows: list[list[Any]] = [["Indsats", "Ansvarlig", "Deltagere", "Status", "Frist"]]
        for r in plan.under(heading):
            late = " (overskredet)" if r.overdue(today) else ""
            rows.append(
                [
                    r.title,
                    r.responsible,
                    ", ".join(m.removesuffix(" Kommune") for m in r.members),
                    r.status_label + late,
                    short_date(r.deadline),
                ]
            )
        if len(rows) == 1:
            story.append(para("Ingen indsatser endnu.", "small"))
            continue
        story.append(table(rows, [w * 0.3, w * 0.17, w * 0.27, w * 0.14, w * 0.12]))
    return story


def directors_section(db: Database, partnership_id: str, year: int) -> list[Any]:
    from .layout import FRAME_WIDTH, markup, para, safe, table

    story: list[Any] = [para("Direktørmøder og Kulturforum", "h1")]
    directors = [
        m
        for m in ekr_wheel.list_wheel(db, partnership_id, year)
        if m.kind in (WheelMeetingKind.DIRECTORS, WheelMeetingKind.DIRECTORS_KULTURFORUM)
    ]
    w = FRAME_WIDTH
    for meeting in directors:
        participants = ekr_forum.list_participants(db, meeting_id=meeting.id)
        story.append(para(f"{meeting.title} {short_date(meeting.held_on)}", "h2"))
        if not participants:
            story.append(para("Deltagerne er ikke registreret.", "small"))
            continue
        counts: dict[str, list[int]] = {}
        for p in participants:
            came = counts.setdefault(p.role_label, [0, 0])
            came[0] += p.present
            came[1] += 1
        rows: list[list[Any]] = [["Rolle", "Deltog"]]
        rows += [[role, f"{c[0]} af {c[1]}"] for role, c in counts.items()]
        story += [table(rows, [w * 0.7, w * 0.3], right=(1,)), _gap()]
        story += [para(x, "bullet") for x in ekr_forum.meeting_warnings(db, meeting.id)]
    forum = ekr_forum.kulturforum_of_year(db, partnership_id, year)
    if forum is None:
        story.append(para(f"Kulturforum {year} er ikke registreret.", "small"))
    else:
        politicians = sum(1 for p in forum.participants if p.present)
        story.append(para(f"Kulturforum {long_date(forum.held_on)}", "h2"))
        story.append(markup(f"{politicians} deltagere. <b>Sted:</b> {safe(forum.place)}."))
        priorities = ekr_forum.priorities_of(forum)
        if priorities:
            story.append(markup("<b>Prioriteringer:</b>"))
            story += [para(p, "bullet") for p in priorities]
    substitutes = ekr_forum.secretariat_substitutes(db, partnership_id, year)
    mandates = [w.message for w in ekr_partnership.mandate_warnings(db, partnership_id)]
    if substitutes or mandates:
        story.append(para("Fællessekretariatet: mandater og stedfortrædere", "h2"))
        story += [para(x, "bullet") for x in mandates + substitutes]
    return story
