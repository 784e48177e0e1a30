"""Europæisk Kulturregion's contribution letter: what one municipality pays for a year.

One PDF per municipality and year in the house style (documents.layout): sender block,
recipient with its representatives, the amount and due date in running text, the whole
year's distribution key so the municipality can check its share, and the region's match.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kulturpunkt_desk.domain.dates import long_date
from kulturpunkt_desk.domain.models import PartnerMember, Partnership
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import ekr_funding, ekr_partnership
from kulturpunkt_desk.domain.services.ekr_funding import ContributionRow, ContributionTable
from kulturpunkt_desk.storage.engine import Database

from .files import file_name, unique_name, with_case_number


@dataclass(frozen=True)
class LetterContent:
    partnership: Partnership
    member: PartnerMember
    table: ContributionTable
    row: ContributionRow
    letter_date: date


def thousands(n: int) -> str:
    """335.684 (a count, Danish thousands separator)."""
    return f"{n:,}".replace(",", ".")


def share_percent(part: int, whole: int) -> str:
    """'3,68 %' from integers, rounded half up, no floats."""
    if not whole:
        return "–"
    hundredths = (part * 10_000 * 2 + whole) // (2 * whole)
    return f"{hundredths // 100},{hundredths % 100:02d} %"


def _unbroken(text: str) -> str:
    """Dates that never break after "1." at a line end (no-break spaces)."""
    return text.replace(" ", "\u00a0")


def letter_content(
    db: Database, partnership_id: int, year: int, member_id: int, letter_date: date | None = None
) -> LetterContent:
    table = ekr_funding.contributions_table(db, partnership_id, year)
    row = next((r for r in table.rows if r.member_id == member_id), None)
    member = next(
        (m for m in ekr_partnership.list_members(db, partnership_id) if m.id == member_id), None
    )
    if row is None or member is None:
        from kulturpunkt_desk.domain.errors import ValidationError

        raise ValidationError.single("member_id", "Kommune: kun kommuner betaler bidrag.")
    when = letter_date or table.invoiced_on or date.today()
    partnership = ekr_partnership.get_partnership(db, partnership_id)
    return LetterContent(partnership, member, table, row, when)


def render_contribution_letter(
    db: Database,
    partnership_id: int,
    year: int,
    member_id: int,
    out_path: Path,
    letter_date: date | None = None,
) -> Path:
    from .layout import build_pdf

    content = letter_content(db, partnership_id, year, member_id, letter_date)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    build_pdf(out_path, [_on_one_page(letter_story(content))], _info(content), aligned=True)
    return out_path


def _on_one_page(story: list[Any]) -> Any:
    """The whole letter on one page: a long list of representatives or a long note makes
    the letter shrink a little rather than spill onto a second page."""
    from reportlab.platypus import KeepInFrame

    from .layout import FRAME_HEIGHT, FRAME_WIDTH

    for flowable in story:
        flowable.hAlign = "LEFT"  # shrunk, the content keeps the page's left edge
    return KeepInFrame(FRAME_WIDTH, FRAME_HEIGHT, story, mode="shrink")


def render_all_letters(
    db: Database, partnership_id: int, year: int, folder: Path, letter_date: date | None = None
) -> list[Path]:
    """One letter per municipality in the year's key, in `folder`; each file name starts
    with the partnership's case number."""
    table = ekr_funding.contributions_table(db, partnership_id, year)
    folder = Path(folder)
    used: set[str] = set()  # names equal but for case are one file on Windows
    partnership = ekr_partnership.get_partnership(db, partnership_id)
    return [
        render_contribution_letter(
            db,
            partnership_id,
            year,
            row.member_id,
            folder
            / unique_name(
                with_case_number(partnership.case_number, file_name(f"Bidrag {year}", row.name)),
                used,
                folder.absolute(),
            ),
            letter_date,
        )
        for row in table.rows
        if row.contribution_id is not None
    ]


def _info(content: LetterContent) -> Any:
    from .layout import PdfInfo

    p, year = content.partnership, content.table.year
    return PdfInfo(
        title=f"Bidrag til {p.name} {year} – {content.member.name}",
        author=p.contact_organisation,
        subject=f"{p.name}: kommunalt bidrag {year}",
        footer=f"Bidrag {year} · {content.member.name} · {p.name}",
    )


def letter_story(content: LetterContent) -> list[Any]:
    from reportlab.platypus import Spacer

    from .layout import markup, para, safe

    p, t, row = content.partnership, content.table, content.row
    amount = format_kr(row.amount_ore)
    due = _unbroken(long_date(row.due_on) if row.due_on else f"31. marts {t.year}")
    story: list[Any] = [_letterhead(content), Spacer(1, 6), _recipient(content), Spacer(1, 8)]
    story.append(para(f"Bidrag til {p.name} {t.year}", "title"))
    story.append(
        markup(
            f"{safe(content.member.name)} bidrager i {t.year} med <b>{amount}</b> til "
            f"{safe(p.name)}. Bidraget opkræves i årets første kvartal og forfalder til "
            f"betaling den <b>{due}</b>. Faktura sendes elektronisk særskilt."
        )
    )
    story.append(
        markup(
            f"Kommunerne bidrager efter indbyggertal, og {safe(t.region_name)} medfinansierer "
            f"kommunernes samlede bidrag krone for krone. Årets budget er dermed "
            f"<b>{format_kr(t.budget_ore)}</b>"
        )
    )
    story.append(para("Sådan er bidraget beregnet", "h1"))
    basis = f" opgjort pr. {_unbroken(long_date(t.basis_date))}" if t.basis_date else ""
    population = thousands(row.population or 0)
    story.append(
        markup(
            f"Kommunernes samlede ramme på {format_kr(t.frame_ore)} fordeles efter "
            f"indbyggertal{basis}. {safe(content.member.name)} har {population} indbyggere "
            f"af i alt {thousands(t.total_population)} i de deltagende kommuner, svarende til "
            f"{share_percent(row.population or 0, t.total_population)}. Bidraget er afrundet "
            "til hele kroner, så summen af bidragene er præcis rammen."
        )
    )
    story.append(_key_table(content))
    if t.note.strip():
        story.append(Spacer(1, 4))
        story.append(para(t.note, "small"))
    story.append(Spacer(1, 10))
    closing = [
        markup("Med venlig hilsen"),
        Spacer(1, 8),
        markup(f"<b>{safe(p.contact_organisation, '')}</b>"),
        para(p.contact_department, empty=""),
    ]
    if p.case_handler_name:
        closing.append(para(p.case_handler_name))
    story.extend(closing)  # the letter is kept on one page as a whole (_on_one_page)
    return story


def _letterhead(content: LetterContent) -> Any:
    from .layout import letter_block, safe

    p = content.partnership
    sender = [
        f"<b>{safe(p.contact_organisation, '')}</b>",
        safe(p.contact_department, ""),
        safe(p.contact_street, ""),
        safe(p.contact_postcode_city, ""),
        f"Tlf. {safe(p.contact_phone)}" if p.contact_phone else "",
        safe(p.contact_email, ""),
    ]
    return letter_block(
        p.name.upper(),
        [line for line in sender if line],
        letter_date=content.letter_date,
        case_number=p.case_number,
        handler=p,
    )


def _recipient(content: LetterContent) -> Any:
    from .layout import markup, safe

    member = content.member
    lines = [f"<b>{safe(member.name)}</b>", safe(member.address, "")]
    people = [
        f"{r.person.name}, {r.role_title}" if r.role_title else r.person.name
        for r in member.representatives
        if r.person.anonymised_at is None
    ]
    if people:
        lines.append("Att.: " + safe("; ".join(people)))
    return markup("<br/>".join(x for x in lines if x))


def _key_table(content: LetterContent) -> Any:
    from .layout import FRAME_WIDTH, markup, safe, table

    t = content.table
    rows: list[list[Any]] = [["Kommune", "Indbyggere", "Andel", "Bidrag"]]
    for r in t.rows:
        cells = [
            r.name,
            thousands(r.population or 0),
            share_percent(r.population or 0, t.total_population),
            format_kr(r.amount_ore),
        ]
        if r.member_id == content.row.member_id:  # the addressee's own line stands out
            styles = ["cell_bold", "cell_bold_right", "cell_bold_right", "cell_bold_right"]
            rows.append([markup(safe(c), st) for c, st in zip(cells, styles, strict=True)])
        else:
            rows.append(cells)
    total_population = thousands(t.total_population)
    rows.append(["Kommunerne i alt", total_population, "100,00 %", format_kr(t.total_ore)])
    rows.append([f"{t.region_name} (medfinansiering)", "", "", format_kr(t.region_match_ore)])
    rows.append([f"Budget {t.year} i alt", "", "", format_kr(t.budget_ore)])
    w = FRAME_WIDTH
    key = table(rows, [w * 0.46, w * 0.18, w * 0.14, w * 0.22], right=(1, 2, 3), total=True)
    # Tighter rows than other tables: the key of 19 municipalities and the closing fit one page.
    key.setStyle([("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2)])
    return key
