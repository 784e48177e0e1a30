"""Money above what the programme planned: a grant above the standard amount, or grants
awarded in total above the budget. Allowed (a team may decide so), but said in words
wherever the amount is shown, and when it is saved."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from ..danish import sort_key
from ..models import Area, Grant, Programme
from ..money import format_kr
from .common import get


def grant_warning(amount_ore: int, standard_ore: int) -> str:
    if standard_ore <= 0 or amount_ore <= standard_ore:
        return ""
    return (
        f"Over standardbeløbet: {format_kr(amount_ore)} er {format_kr(amount_ore - standard_ore)} "
        f"mere end programmets {format_kr(standard_ore)}"  # the amount ends in "kr."
    )


def budget_warning(awarded_ore: int, budget_ore: int) -> str:
    if budget_ore <= 0 or awarded_ore <= budget_ore:
        return ""
    return (
        f"Over budgettet: bevilget i alt {format_kr(awarded_ore)} er "
        f"{format_kr(awarded_ore - budget_ore)} mere end budgettet på {format_kr(budget_ore)}"
    )


def awarded_total(db: Database, programme_id: str) -> int:
    with db.read() as s:
        total = s.scalar(
            select(func.coalesce(func.sum(Grant.amount_ore), 0))
            .join(Area, Grant.area_id == Area.id)
            .where(Area.programme_id == programme_id)
        )
    return int(total or 0)


def award_warnings(db: Database, area_id: str) -> list[str]:
    """What to say after a grant to `area_id` was saved: its own amount, then the total."""
    with db.read() as s:
        area = get(s, Area, area_id, "Lokalområdet")
        programme = get(s, Programme, area.programme_id, "Programmet")
        amount = area.grant.amount_ore if area.grant else 0
        standard, budget, programme_id = (
            programme.default_grant_ore,
            programme.total_budget_ore,
            programme.id,
        )
    found = [
        grant_warning(amount, standard),
        budget_warning(awarded_total(db, programme_id), budget),
    ]
    return [text for text in found if text]


def money_warnings(db: Database, programme_id: str) -> list[str]:
    """Every warning about the programme's money, in words: the total above the budget
    first, then each grant above the standard amount ("Area: Over standardbeløbet: …").
    Tilskud, Overblik and the status summary all show this list."""
    with db.read() as s:
        return money_warnings_in(s, programme_id)


def money_warnings_in(s: Session, programme_id: str) -> list[str]:
    programme = s.get(Programme, programme_id)
    if programme is None:  # no programme yet (a file with only the EKR partnership)
        return []
    grants = _grants_in(s, programme_id)
    total = budget_warning(sum(a for _, _, a in grants), programme.total_budget_ore)
    per_grant = _grant_warnings(grants, programme.default_grant_ore)
    names = {area_id: name for area_id, name, _ in grants}
    lines = [f"{names[area_id]}: {text}" for area_id, text in per_grant.items()]
    return ([total] if total else []) + sorted(lines, key=sort_key)


def grant_warnings(db: Database, programme_id: str) -> dict[str, str]:
    """Area id -> the warning for its grant, for each grant above the standard amount."""
    with db.read() as s:
        return grant_warnings_in(s, programme_id)


def grant_warnings_in(s: Session, programme_id: str) -> dict[str, str]:
    standard = get(s, Programme, programme_id, "Programmet").default_grant_ore
    return _grant_warnings(_grants_in(s, programme_id), standard)


def _grant_warnings(grants: list[tuple[str, str, int]], standard: int) -> dict[str, str]:
    found = {area_id: grant_warning(amount, standard) for area_id, _, amount in grants}
    return {area_id: text for area_id, text in found.items() if text}


def _grants_in(s: Session, programme_id: str) -> list[tuple[str, str, int]]:
    rows = s.execute(
        select(Area.id, Area.name, Grant.amount_ore)
        .join(Grant, Grant.area_id == Area.id)
        .where(Area.programme_id == programme_id)
    ).all()
    return [(str(area_id), str(name), int(amount)) for area_id, name, amount in rows]
