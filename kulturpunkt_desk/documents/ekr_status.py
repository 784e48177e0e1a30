"""A status summary of Europæisk Kulturregion for the directors' meetings (PDF).

Money (the year's budget and who has paid), the year wheel and who keeps away, the joint
secretariat's gaps, engagement per theme, and the EU cases with the money brought home
against the partnership's own budget.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from kulturpunkt_desk.domain.dates import long_date, short_date
from kulturpunkt_desk.domain.errors import ValidationError
from kulturpunkt_desk.domain.models import (
    ENGAGEMENT_LEVEL_LABELS,
    EU_CASE_KIND_LABELS,
    EU_CASE_STAGE_LABELS,
    THEME_KIND_LABELS,
    EngagementLevel,
)
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import (
    ekr_eu,
    ekr_funding,
    ekr_partnership,
    ekr_themes,
    ekr_wheel,
)
from kulturpunkt_desk.storage.engine import Database

from .ekr_contributions import payment_state
from .ekr_status_plan import plan_sections


def render_status_summary(
    db: Database, partnership_id: int, year: int, out: Path, today: date | None = None
) -> Path:
    from .layout import PdfInfo, build_pdf, para

    today = today or date.today()
    partnership = ekr_partnership.get_partnership(db, partnership_id)
    title = f"Status for {partnership.name} {year}"
    story: list[Any] = [
        para(title, "title"),
        para(_subtitle(db, partnership_id, year, today), "subtitle"),
    ]
    story += _money(db, partnership_id, year, today)
    story += plan_sections(db, partnership_id, year, today)
    story += _wheel(db, partnership_id, year)
    story += _secretariat(db, partnership_id)
    story += _engagement(db, partnership_id)
    story += _eu(db, partnership_id)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    build_pdf(
        out,
        story,
        PdfInfo(
            title=title,
            author=partnership.contact_organisation,
            subject=f"{partnership.name}: status til direktørmødet",
            footer=f"{title} · opgjort {short_date(today)}",
        ),
        aligned=True,
    )
    return out


def _subtitle(db: Database, partnership_id: int, year: int, today: date) -> str:
    upcoming = [
        m
        for m in ekr_wheel.list_wheel(db, partnership_id, year)
        if m.kind.value.startswith("directors") and m.held_on >= today
    ]
    if not upcoming:
        return f"Opgjort {long_date(today)}"
    title = upcoming[0].title
    when = long_date(upcoming[0].held_on)
    return f"Til {title[:1].lower()}{title[1:]} {when} · opgjort {long_date(today)}"


def _money(db: Database, partnership_id: int, year: int, today: date) -> list[Any]:
    from reportlab.platypus import Spacer

    from .layout import FRAME_WIDTH, markup, para, safe, table

    story: list[Any] = [para(f"Økonomi {year}", "h1")]
    try:
        t = ekr_funding.contributions_table(db, partnership_id, year, today)
    except ValidationError:
        return [*story, para(f"Der er intet budgetår {year} i Kulturpunkt Desk endnu.")]
    paid = sum(1 for r in t.rows if r.paid_on is not None)
    rows = [
        ["", "Beløb"],
        ["Kommunernes ramme (fordelt efter indbyggertal)", format_kr(t.frame_ore)],
        [f"{t.region_name}s medfinansiering", format_kr(t.region_match_ore)],
        [f"Budget {year}", format_kr(t.budget_ore)],
        [f"Betalt af kommunerne ({paid} af {len(t.rows)})", format_kr(t.paid_ore)],
    ]
    w = FRAME_WIDTH
    story.append(table(rows, [w * 0.7, w * 0.3], right=(1,)))
    late = [r for r in t.rows if r.overdue]
    if late:
        names = ", ".join(f"{r.name} ({format_kr(r.amount_ore)})" for r in late)
        story.append(Spacer(1, 5))
        story.append(markup(f"<b>Ikke betalt efter første kvartal:</b> {safe(names)}."))
    elif t.invoiced_on is None:
        story.append(markup("Bidragene er ikke faktureret endnu."))
    else:
        states = {payment_state(r) for r in t.rows}
        story.append(markup(f"Status: {safe(', '.join(sorted(states)).lower())}."))
    return story


def _wheel(db: Database, partnership_id: int, year: int) -> list[Any]:
    from reportlab.platypus import Spacer

    from .layout import FRAME_WIDTH, markup, para, safe, table

    story: list[Any] = [para(f"Årshjul {year}", "h1")]
    meetings = ekr_wheel.list_wheel(db, partnership_id, year)
    if not meetings:
        return [*story, para("Årshjulet er ikke lagt endnu.")]
    rows: list[list[Any]] = [["Dato", "Møde", "Vært og mødestyrer", "Fremmøde"]]
    for m in meetings:
        host = m.host.name if m.host else "–"
        if m.chair and m.chair_id != m.host_id:
            host += f" (mødestyrer: {m.chair.name})"
        came = sum(1 for a in m.attendance if a.present)
        rows.append(
            [
                short_date(m.held_on),
                m.title,
                host,
                f"{came} af {len(m.attendance)}" if m.attendance else "–",
            ]
        )
    w = FRAME_WIDTH
    story.append(table(rows, [w * 0.15, w * 0.37, w * 0.33, w * 0.15], right=(3,)))
    away = [r for r in ekr_wheel.absence_report(db, partnership_id, year) if r.keeps_away]
    if away:
        story.append(Spacer(1, 5))
        names = ", ".join(f"{r.name} ({r.absent} af {r.meetings})" for r in away)
        story.append(
            markup(f"<b>Holder sig væk</b> (fraværende ved over halvdelen): {safe(names)}.")
        )
    for warning in ekr_wheel.wheel_warnings(db, partnership_id, year):
        story.append(para(warning, "small"))
    return story


def _secretariat(db: Database, partnership_id: int) -> list[Any]:
    from .layout import para

    warnings = ekr_partnership.representative_warnings(db, partnership_id)
    story: list[Any] = [para("Fællessekretariatet", "h1")]
    if not warnings:
        return [*story, para("Alle medlemmer har en til to faste repræsentanter.")]
    return story + [para(w.message, "bullet") for w in warnings]


def _engagement(db: Database, partnership_id: int) -> list[Any]:
    from .layout import FRAME_WIDTH, para, table

    grid = ekr_themes.engagement_grid(db, partnership_id)
    story: list[Any] = [para("Temaer og engagement", "h1")]
    if not grid.themes:
        return [*story, para("Der er ingen tema- eller interessegrupper endnu.")]
    shown = [EngagementLevel.LEADING, EngagementLevel.ACTIVE, EngagementLevel.FOLLOWING]
    rows: list[list[Any]] = [
        ["Gruppe", "Indsatsområde", *(ENGAGEMENT_LEVEL_LABELS[x] for x in shown)]
    ]
    for theme in grid.themes:
        counts = [
            sum(1 for m, _ in grid.members if grid.level(m, theme.theme_id) == level)
            for level in shown
        ]
        label = f"{theme.name} ({THEME_KIND_LABELS[theme.kind].lower()})"
        rows.append([label, theme.focus_area, *(str(c) for c in counts)])
    w = FRAME_WIDTH
    story.append(table(rows, [w * 0.36, w * 0.34, w * 0.1, w * 0.1, w * 0.1], right=(2, 3, 4)))
    return story


def _eu(db: Database, partnership_id: int) -> list[Any]:
    from .layout import FRAME_WIDTH, fitted_widths, para, table

    story: list[Any] = [para("EU-ansøgninger og rådgivning", "h1")]
    cases = ekr_eu.list_cases(db, partnership_id)
    if not cases:
        story.append(para("Der er ingen sager endnu."))
    else:
        rows: list[list[Any]] = [
            ["Sag", "Ansøger", "Program", "Frist og fase", "Ansøgt", "Bevilget"]
        ]
        for c in cases:
            applicant = c.applicant + (f", {c.member.name}" if c.member else "")
            rows.append(
                [
                    f"{c.title} ({EU_CASE_KIND_LABELS[c.kind].lower()})",
                    applicant,
                    c.eu_programme,
                    f"{short_date(c.call_deadline)}\n{EU_CASE_STAGE_LABELS[c.stage]}",
                    format_kr(c.amount_sought_ore),
                    format_kr(c.amount_granted_ore) if c.amount_granted_ore else "",
                ]
            )
        # Columns sized to their text: no word broken inside itself, no amount wrapped.
        widths = fitted_widths(rows, FRAME_WIDTH, nowrap=(3, 4, 5))
        story.append(table(rows, widths, right=(4, 5)))
    figures = ekr_eu.eu_money_vs_budget(db, partnership_id)
    if figures:
        story.append(para("EU-midler hjemtaget mod eget budget", "h1"))
        story.append(_figure(figures))
    return story


def _figure(figures: list[ekr_eu.EuYearFigure]) -> Any:
    """Two bars per year, drawn to one scale: own budget and EU money brought home."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors

    from .layout import ACCENT, FONT, FRAME_WIDTH, MUTED

    light = colors.HexColor("#8FB3D9")
    top = max(max(f.granted_ore, f.own_budget_ore) for f in figures) or 1
    label_w, bar_w, row_h = 70, FRAME_WIDTH - 70 - 150, 34
    drawing = Drawing(FRAME_WIDTH, row_h * len(figures) + 16, initialFontName=FONT)  # no Helvetica
    y = drawing.height - 16
    drawing.add(String(label_w, y + 4, "Eget budget", fontName=FONT, fontSize=7, fillColor=MUTED))
    drawing.add(Rect(label_w - 9, y + 4, 6, 6, fillColor=light, strokeWidth=0))
    drawing.add(
        String(
            label_w + 90, y + 4, "EU-midler hjemtaget", fontName=FONT, fontSize=7, fillColor=MUTED
        )
    )
    drawing.add(Rect(label_w + 81, y + 4, 6, 6, fillColor=ACCENT, strokeWidth=0))
    for f in figures:
        y -= row_h
        drawing.add(String(0, y + 12, str(f.year), fontName=FONT, fontSize=9))
        for offset, value, colour in ((14, f.own_budget_ore, light), (2, f.granted_ore, ACCENT)):
            width = max(bar_w * value / top, 0.5)
            drawing.add(Rect(label_w, y + offset, width, 10, fillColor=colour, strokeWidth=0))
            drawing.add(
                String(
                    label_w + width + 4, y + offset + 2, format_kr(value), fontName=FONT, fontSize=7
                )
            )
        drawing.add(
            String(
                FRAME_WIDTH - 2,
                y + 8,
                f"{f.per_krone} kr. pr. egen krone",
                fontName=FONT,
                fontSize=7.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    return drawing
