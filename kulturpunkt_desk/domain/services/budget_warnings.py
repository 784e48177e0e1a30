"""Money above what the programme planned: a grant above the standard amount, or grants
awarded in total above the budget. Allowed (a team may decide so), but said in words
wherever the amount is shown, and when it is saved."""

from __future__ import annotations

from sqlalchemy import func, select

from kulturpunkt_desk.storage.engine import Database

from ..models import Area, Grant, Programme
from ..money import format_kr
from .common import get


def grant_warning(amount_ore: int, standard_ore: int) -> str:
    if standard_ore <= 0 or amount_ore <= standard_ore:
        return ""
    return (
        f"Over standardbeløbet: {format_kr(amount_ore)} er {format_kr(amount_ore - standard_ore)} "
        f"mere end programmets {format_kr(standard_ore)}."
    )


def budget_warning(awarded_ore: int, budget_ore: int) -> str:
    if budget_ore <= 0 or awarded_ore <= budget_ore:
        return ""
    return (
        f"Over budgettet: bevilget i alt {format_kr(awarded_ore)} er "
        f"{format_kr(awarded_ore - budget_ore)} mere end budgettet på {format_kr(budget_ore)}."
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
